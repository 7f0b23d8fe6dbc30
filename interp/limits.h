// Limits: the sandbox every evaluation runs in. 0 disables a limit where noted; -1 means
// unbounded. Defaults are safe for untrusted expressions yet match Mistral's settings
// where the language is observable (no iterator limit, no memory quota).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sirocco {

struct Limits {
  // YAQL's yaql.limitIterators: the most items a collection argument may yield (-1: none).
  int64_t max_collection_items = -1;
  // YAQL's yaql.memoryQuota: rough bytes a produced value may take (-1: none).
  int64_t memory_quota = -1;
  // Nesting of the expression text (brackets, operators, calls).
  size_t max_parse_depth = 256;
  // Nested evaluation frames (function calls inside function calls, recursion via def()).
  size_t max_eval_depth = 400;
  // Evaluation steps (function calls) for one evaluation (-1: none).
  int64_t max_steps = -1;
  // Wall-clock time for one evaluation in milliseconds (0: none). Ten seconds by default: no
  // sane workflow expression runs that long, and a runaway loop must end.
  int64_t timeout_ms = 10'000;
};

}  // namespace sirocco
