// Fuzz target: the YAQL front-end (lexer, ANTLR parser, rule checks, AST building) on any
// bytes. A syntax error is an answer; anything else escaping, or a crash, is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_limits.h"
#include "interp/error.h"
#include "interp/yaql_engine.h"
#include "stdlib/yaql/stdlib.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sirocco::yaql::Engine engine(sirocco::yaql::make_standard_registry(), 0);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    engine.compile(text, sirocco::fuzz::fuzz_limits());
  } catch (const sirocco::Error&) {
  }
  return 0;
}
