// Running cases.jsonl files against execution snapshots.
#include "tests/stdlib/mistral/snapshot_cases.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <optional>

#include "interp/json.h"
#include "stdlib/mistral/snapshot.h"
#include "stdlib/session.h"
#include "tests/conformance/canonical_match.h"

namespace sirocco::testing {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const Value* field(const Value& c, const char* name) {
  return c.as_dict().find(Value::string(name));
}

std::optional<std::string> text_field(const Value& c, const char* name) {
  const Value* v = field(c, name);
  return v && v->is_string() ? std::optional(v->as_string()) : std::nullopt;
}

// The `name` of each task dict of a tasks() result.
Value names_of(const Value& result) {
  List names;
  if (result.is_list())
    for (const Value& t : result.as_list())
      if (t.is_dict()) names.push_back(*t.as_dict().find(Value::string("name")));
  return Value::list(std::move(names));
}

}  // namespace

std::string run_snapshot_case(const std::filesystem::path& dir, const Value& c) {
  const std::string context = text_field(c, "context").value_or("snapshot.json");
  auto snapshot = std::make_shared<mistral::Snapshot>(
      mistral::Snapshot::from_json(parse_json(read_file(dir / context))));
  std::optional<std::string> execution = text_field(c, "execution");
  std::optional<std::string> task = text_field(c, "task");
  if (!execution && !task) {
    execution = snapshot->current_execution();
    task = snapshot->current_task();
  }
  Session session;
  session.set_workflow_context(snapshot, snapshot->bindings(execution, task));
  Lang lang = Lang::Yaql;
  if (!parse_lang(text_field(c, "lang").value_or("yaql"), lang)) return "unknown lang";
  const Value* data_field = field(c, "data");
  const Value data = data_field ? *data_field : Value();
  const Value& expr = *field(c, "expr");
  try {
    const Value result = lang == Lang::MistralData ? session.evaluate_data(expr, data)
                                                   : session.evaluate(lang, expr.as_string(), data);
    if (field(c, "expect_error")) return "no error but " + to_json(result);
    if (const Value* names = field(c, "expect_names")) return mismatch(*names, names_of(result));
    return mismatch(*field(c, "expect"), parse_json(to_json(result)));
  } catch (const Error& e) {
    const std::optional<std::string> type = text_field(c, "expect_error");
    const std::optional<std::string> message = text_field(c, "message");
    if (type == e.type() && (!message || *message == e.message())) return "";
    return "error " + e.type() + ": " + e.message();
  }
}

size_t run_snapshot_cases(const std::filesystem::path& dir) {
  std::ifstream in(dir / "cases.jsonl");
  EXPECT_TRUE(in) << dir << " has no cases.jsonl";
  size_t cases = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++cases;
    EXPECT_EQ(run_snapshot_case(dir, parse_json(line)), "")
        << dir.filename() << ": " << line.substr(0, 200);
  }
  return cases;
}

}  // namespace sirocco::testing
