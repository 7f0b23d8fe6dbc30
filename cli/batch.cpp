// Batch evaluation over JSON Lines.
#include "cli/batch.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "interp/json.h"
#include "interp/lru_cache.h"

namespace sirocco::cli {

namespace {

std::string json_string(const std::string& s) { return to_json(Value::string(s)); }

std::string error_line(const std::string& id_json, const std::string& type,
                       const std::string& message) {
  return "{\"id\":" + id_json + ",\"error\":{\"type\":" + json_string(type) +
         ",\"message\":" + json_string(message) + "}}";
}

std::string result_line(const std::string& id_json, const Value& result) {
  return "{\"id\":" + id_json + ",\"result\":" + to_json(result) + "}";
}

// The text of a case's member; the last one when a key repeats (as parse_json keeps it).
std::optional<std::string_view> member(const std::vector<JsonMember>& members, const char* key) {
  for (auto it = members.rbegin(); it != members.rend(); ++it)
    if (it->key == key) return it->text;
  return std::nullopt;
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

// Answers one batch line. Its data is delimited, not checked, at first: the data cache
// knows a text it has seen, and parsing a new one checks it.
std::string answer(const std::string& line, size_t line_number, Session& session,
                   DataCache& data_cache) {
  static const std::vector<std::string_view> kDelimitedOnly{"data"};
  const auto line_error = [&](const std::string& message) {
    return error_line("null", "BatchLineError",
                      "line " + std::to_string(line_number) + ": " + message);
  };
  std::optional<std::vector<JsonMember>> members;
  Value input;
  try {
    members = json_object_members(line, kDelimitedOnly);
    if (!members) return line_error("a case must be a JSON object");
    if (const std::optional<std::string_view> data = member(*members, "data")) {
      try {
        input = data_cache.parse(*data);
      } catch (const Error&) {
        json_object_members(line);  // the error of the line as a whole
        throw;
      }
    }
  } catch (const Error& e) {
    return line_error(e.message());
  }
  auto field = [&](const char* key) -> std::optional<Value> {
    if (auto text = member(*members, key)) return parse_json(*text);
    return std::nullopt;
  };
  const std::optional<Value> id = field("id");
  std::string id_json = id ? to_json(*id) : "null";
  try {
    const std::optional<Value> expr = field("expr");
    const std::optional<Value> lang_field = field("lang");
    const std::optional<Value> env = field("env");
    Lang lang = Lang::Yaql;
    if (lang_field && (!lang_field->is_string() || !parse_lang(lang_field->as_string(), lang)))
      return error_line(id_json, "BatchLineError", "unknown lang " + to_json(*lang_field));
    if (!expr || (lang != Lang::MistralData && !expr->is_string()))
      return error_line(id_json, "BatchLineError", "a case needs a string \"expr\"");
    std::string env_name = env && env->is_string() ? env->as_string() : "mistral";
    if (lang == Lang::MistralData) return result_line(id_json, session.evaluate_data(*expr, input));
    const Outcome<Value> result = session.try_evaluate(lang, expr->as_string(), input, env_name);
    if (!result) return error_line(id_json, result.error().type(), result.error().message());
    return result_line(id_json, *result);
  } catch (const Error& e) {
    return error_line(id_json, e.type(), e.message());
  } catch (const std::bad_alloc&) {
    return error_line(id_json, "MemoryError", "out of memory");
  } catch (const std::exception& e) {
    return error_line(id_json, "InternalError", e.what());
  }
}

}  // namespace

size_t run_batch(std::istream& in, std::ostream& out, Session& session) {
  std::string line;
  size_t line_number = 0, answered = 0;
  DataCache data_cache;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out << answer(line, line_number, session, data_cache) << '\n';
    ++answered;
  }
  out.flush();
  return answered;
}

}  // namespace sirocco::cli
