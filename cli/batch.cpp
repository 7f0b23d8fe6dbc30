// Batch evaluation over JSON Lines.
#include "cli/batch.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "interp/json.h"
#include "interp/lru_cache.h"

namespace sirocco::cli {

namespace {

void append_error(std::string& out, std::string_view id_json, std::string_view type,
                  std::string_view message) {
  out += "{\"id\":";
  out += id_json;
  out += ",\"error\":{\"type\":";
  append_json_string(out, type);
  out += ",\"message\":";
  append_json_string(out, message);
  out += "}}\n";
}

void append_result(std::string& out, std::string_view id_json, const Value& result) {
  out += "{\"id\":";
  out += id_json;
  out += ",\"result\":";
  append_json(out, result);
  out += "}\n";
}

// The characters of a checked JSON value's text that is a string without escapes (most
// are): the text between its quotes, which is also its JSON text when written back.
std::optional<std::string_view> plain_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.find('\\') != std::string_view::npos)
    return std::nullopt;
  return text.substr(1, text.size() - 2);
}

// A checked JSON value's text as a string (Lang and env names, the expression): its
// characters in place when it has no escapes, else decoded into `decoded`; nullopt when
// the value is not a string.
std::optional<std::string_view> string_member(std::string_view text, Value& decoded) {
  if (const std::optional<std::string_view> plain = plain_string(text)) return plain;
  decoded = parse_json(text);
  if (!decoded.is_string()) return std::nullopt;
  return std::string_view(decoded.as_string());
}

// The data of recent cases by their JSON text, up to a total of kTextBytes of text. Values
// are immutable, so cases that bring the same data (a workflow's context under many
// expressions, a corpus run again) share one parse of it. A text is kept from its second
// sighting on, so a stream of data seen once each holds no memory for them.
class DataCache {
 public:
  Value parse(std::string_view text) {
    Value cached = values_.get(text);
    if (!cached.is_null()) return cached;
    Value parsed = parse_json(text);
    if (seen_.size() >= kSeenTexts) seen_.clear();
    if (!seen_.insert(std::hash<std::string_view>{}(text)).second)
      values_.put(text, parsed, text.size());
    return parsed;
  }

 private:
  static constexpr size_t kTextBytes = 4 << 20;
  static constexpr size_t kSeenTexts = 1 << 16;
  LruCache<Value> values_{kTextBytes};
  std::unordered_set<size_t> seen_;  // hashes of texts seen once
};

// The members of a case: {"id","lang","expr","data"[,"env"]}.
enum Member { kId, kLang, kExpr, kEnv, kData };

// The answer of a case after `out`'s end, given its members' texts (checked) and its data.
void answer_case(const JsonField (&members)[5], const Value& input, Session& session,
                 std::string& out) {
  std::string written_id;
  std::string_view id_json = "null";
  if (const std::optional<std::string_view> id = members[kId].text) {
    if (plain_string(*id)) {
      id_json = *id;
    } else {
      written_id = to_json(parse_json(*id));
      id_json = written_id;
    }
  }
  try {
    Lang lang = Lang::Yaql;
    if (const std::optional<std::string_view> text = members[kLang].text) {
      Value decoded;
      const std::optional<std::string_view> name = string_member(*text, decoded);
      if (!name || !parse_lang(*name, lang))
        return append_error(out, id_json, "BatchLineError",
                            "unknown lang " + to_json(parse_json(*text)));
    }
    const std::optional<std::string_view> expr_text = members[kExpr].text;
    if (lang == Lang::MistralData && expr_text)
      return append_result(out, id_json, session.evaluate_data(parse_json(*expr_text), input));
    Value expr_value;
    const std::optional<std::string_view> expr =
        expr_text ? string_member(*expr_text, expr_value) : std::nullopt;
    if (!expr)
      return append_error(out, id_json, "BatchLineError", "a case needs a string \"expr\"");
    Value env_value;
    std::optional<std::string_view> env;
    if (members[kEnv].text) env = string_member(*members[kEnv].text, env_value);
    const Outcome<Value> result = session.try_evaluate(lang, *expr, input, env.value_or("mistral"));
    if (!result) return append_error(out, id_json, result.error().type(), result.error().message());
    append_result(out, id_json, *result);
  } catch (const Error& e) {
    append_error(out, id_json, e.type(), e.message());
  } catch (const std::bad_alloc&) {
    append_error(out, id_json, "MemoryError", "out of memory");
  } catch (const std::exception& e) {
    append_error(out, id_json, "InternalError", e.what());
  }
}

// Answers one batch line after `out`'s end. Its data is delimited, not checked, at first:
// the data cache knows a text it has seen, and parsing a new one checks it.
void answer(std::string_view line, size_t line_number, Session& session, DataCache& data_cache,
            std::string& out) {
  const auto line_error = [&](const std::string& message) {
    append_error(out, "null", "BatchLineError",
                 "line " + std::to_string(line_number) + ": " + message);
  };
  JsonField members[] = {{"id"}, {"lang"}, {"expr"}, {"env"}, {"data", false}};
  Value input;
  try {
    if (!json_object_fields(line, members)) return line_error("a case must be a JSON object");
    if (const std::optional<std::string_view> data = members[kData].text) {
      try {
        input = data_cache.parse(*data);
      } catch (const Error&) {
        members[kData].checked = true;
        json_object_fields(line, members);  // the error of the line as a whole
        throw;
      }
    }
  } catch (const Error& e) {
    return line_error(e.message());
  }
  answer_case(members, input, session, out);
}

}  // namespace

size_t run_batch(std::istream& in, std::ostream& out, Session& session) {
  constexpr size_t kOutputChunk = 1 << 16;
  std::string line, answers;
  size_t line_number = 0, answered = 0;
  DataCache data_cache;
  const auto write_answers = [&] {
    out.write(answers.data(), static_cast<std::streamsize>(answers.size()));
    answers.clear();
  };
  // Answers go to `out` in chunks, and before any read that may wait for more input.
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    answer(line, line_number, session, data_cache, answers);
    ++answered;
    if (answers.size() >= kOutputChunk || in.rdbuf()->in_avail() <= 0) write_answers();
  }
  write_answers();
  out.flush();
  return answered;
}

}  // namespace sirocco::cli
