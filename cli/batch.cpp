// Batch evaluation over JSON Lines.
#include "cli/batch.h"

#include <string>

#include "interp/json.h"

namespace sirocco::cli {

namespace {

std::string json_string(const std::string& s) { return to_json(Value::string(s)); }

std::string error_line(const std::string& id_json, const std::string& type,
                       const std::string& message) {
  return "{\"id\":" + id_json + ",\"error\":{\"type\":" + json_string(type) +
         ",\"message\":" + json_string(message) + "}}";
}

const Value* field(const Dict& d, const char* name) { return d.find(Value::string(name)); }

// Answers one batch line.
std::string answer(const std::string& line, size_t line_number, Session& session) {
  Value parsed;
  try {
    parsed = parse_json(line);
  } catch (const Error& e) {
    return error_line("null", "BatchLineError",
                      "line " + std::to_string(line_number) + ": " + e.message());
  }
  if (!parsed.is_dict())
    return error_line("null", "BatchLineError",
                      "line " + std::to_string(line_number) + ": a case must be a JSON object");
  const Dict& c = parsed.as_dict();
  const Value* id = field(c, "id");
  std::string id_json = id ? to_json(*id) : "null";
  try {
    const Value* expr = field(c, "expr");
    const Value* lang_field = field(c, "lang");
    const Value* data = field(c, "data");
    const Value* env = field(c, "env");
    Lang lang = Lang::Yaql;
    if (lang_field && (!lang_field->is_string() || !parse_lang(lang_field->as_string(), lang)))
      return error_line(id_json, "BatchLineError", "unknown lang " + to_json(*lang_field));
    if (!expr || (lang != Lang::MistralData && !expr->is_string()))
      return error_line(id_json, "BatchLineError", "a case needs a string \"expr\"");
    std::string env_name = env && env->is_string() ? env->as_string() : "mistral";
    const Value input = data ? *data : Value();
    Value result = lang == Lang::MistralData
                       ? session.evaluate_data(*expr, input)
                       : session.evaluate(lang, expr->as_string(), input, env_name);
    return "{\"id\":" + id_json + ",\"result\":" + to_json(result) + "}";
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
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    out << answer(line, line_number, session) << '\n';
    ++answered;
  }
  out.flush();
  return answered;
}

}  // namespace sirocco::cli
