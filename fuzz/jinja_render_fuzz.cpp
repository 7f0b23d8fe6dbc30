// Fuzz target: a Jinja template parsed and rendered in Mistral's environment (sandboxed,
// StrictUndefined, trimming) and in Jinja2's default one, with the data's keys as
// variables, under the production limits. Any sirocco::Error is an answer; a crash, a hang,
// unbounded memory or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_data.h"
#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "stdlib/session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sirocco::Session session(sirocco::fuzz::fuzz_limits());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const char* env : {"mistral", "default"}) {
    try {
      session.evaluate(sirocco::Lang::JinjaTemplate, text, sirocco::fuzz::fuzz_data(), env);
    } catch (const sirocco::Error&) {
    }
  }
  return 0;
}
