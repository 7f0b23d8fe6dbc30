// Fuzz target: a workflow string as Mistral's expression layer sees it — the delimiters pick
// YAQL (`<% %>`) or Jinja (`{{ }}`, `{% %}`), with the Mistral functions, against data with
// `__env`, and a small execution snapshot (docs/snapshots.md) for task(), tasks(),
// execution(), executions() and global(), under the production limits, then the result
// written as JSON. Any
// sirocco::Error is an answer; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "fuzz/fuzz_data.h"
#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "interp/json.h"
#include "interp/utf8.h"
#include "stdlib/mistral/snapshot.h"
#include "stdlib/session.h"

namespace {

// Two executions (one nested), three tasks; the current task is `b` of `e1`.
constexpr const char* kSnapshot = R"({"current": {"task": "t2"}, "executions": [
  {"id": "e1", "name": "wf", "state": "RUNNING", "global": {"g": [1, 2]}, "input": {"x": 1},
   "created_at": "2024-01-31 12:00:00", "updated_at": "2024-01-31 12:00:05", "tasks": [
    {"id": "t1", "name": "a", "type": "WORKFLOW", "state": "ERROR", "result": {"r": 1},
     "created_at": "2024-01-31 12:00:01"},
    {"id": "t2", "name": "b", "state": "RUNNING", "published": {"p": "v"},
     "created_at": "2024-01-31 12:00:02"}]},
  {"id": "e2", "name": "sub", "state": "ERROR", "task_execution_id": "t1",
   "created_at": "2024-01-31 12:00:01", "tasks": [
    {"id": "t3", "name": "a", "state": "ERROR", "created_at": "2024-01-31 12:00:02"}]}]})";

sirocco::Session& fuzz_session() {
  static sirocco::Session session(sirocco::fuzz::fuzz_limits());
  static const bool ready = [] {
    auto snapshot = std::make_shared<sirocco::mistral::Snapshot>(
        sirocco::mistral::Snapshot::from_json(sirocco::parse_json(kSnapshot)));
    sirocco::Value bindings = snapshot->bindings(std::nullopt, std::string("t2"));
    session.set_workflow_context(std::move(snapshot), std::move(bindings));
    return true;
  }();
  (void)ready;
  return session;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sirocco::Session& session = fuzz_session();
  // Workflow strings come from YAML or JSON, so they are valid UTF-8.
  const std::string text =
      sirocco::utf8::sanitize(std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    sirocco::to_json(
        session.evaluate_data(sirocco::Value::string(text), sirocco::fuzz::fuzz_data()));
  } catch (const sirocco::Error&) {
  }
  return 0;
}
