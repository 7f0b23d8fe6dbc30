// Fuzz target: a workflow string as Mistral's expression layer sees it — the delimiters pick
// YAQL (`<% %>`) or Jinja (`{{ }}`, `{% %}`), with the Mistral functions, against data with
// `__env`, under the production limits, then the result written as JSON. Any
// sirocco::Error is an answer; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_data.h"
#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "interp/json.h"
#include "interp/utf8.h"
#include "stdlib/session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sirocco::Session session(sirocco::fuzz::fuzz_limits());
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
