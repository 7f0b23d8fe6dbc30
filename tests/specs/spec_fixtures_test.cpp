// Runs the fixtures of specs/ (specs/README.md): in each directory, every line of
// cases.jsonl is evaluated against the execution snapshot it names (snapshot.json by
// default) and compared with its expected value, task names or error type.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "interp/json.h"
#include "stdlib/mistral/snapshot.h"
#include "stdlib/session.h"
#include "tests/conformance/canonical_match.h"

namespace sirocco {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
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

// The names of the task dicts of a tasks() result.
Value names_of(const Value& result) {
  List names;
  if (result.is_list())
    for (const Value& t : result.as_list())
      names.push_back(*t.as_dict().find(Value::string("name")));
  return Value::list(std::move(names));
}

// Evaluates one case; returns "" when it gives what it expects, else why not.
std::string run_case(const fs::path& dir, const Value& c) {
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
  const Value* data = field(c, "data");
  const Value& expr = *field(c, "expr");
  try {
    const Value result = lang == Lang::MistralData
                             ? session.evaluate_data(expr, data ? *data : Value())
                             : session.evaluate(lang, expr.as_string(), data ? *data : Value());
    if (field(c, "expect_error")) return "no error but " + to_json(result);
    if (const Value* names = field(c, "expect_names"))
      return testing::mismatch(*names, names_of(result));
    return testing::mismatch(*field(c, "expect"), parse_json(to_json(result)));
  } catch (const Error& e) {
    const Value* expected = field(c, "expect_error");
    if (expected && expected->as_string() == e.type()) return "";
    return "error " + e.type() + ": " + e.message();
  }
}

TEST(SpecFixtures, EveryCaseGivesItsExpectedResult) {
  size_t cases = 0;
  for (const fs::directory_entry& dir :
       fs::directory_iterator(fs::path(SIROCCO_SOURCE_DIR) / "specs")) {
    if (!dir.is_directory()) continue;
    std::ifstream in(dir.path() / "cases.jsonl");
    ASSERT_TRUE(in) << dir.path() << " has no cases.jsonl";
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const Value c = parse_json(line);
      ++cases;
      EXPECT_EQ(run_case(dir.path(), c), "") << dir.path().filename() << " " << line.substr(0, 160);
    }
  }
  EXPECT_GE(cases, 31u);
}

}  // namespace
}  // namespace sirocco
