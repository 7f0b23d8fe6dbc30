// The memory quota (yaql.memoryQuota): like the reference, every argument a function takes
// and every value it returns is measured by the shallow size CPython would give it
// (sys.getsizeof), and one over the quota is a MemoryQuotaExceededException.
#pragma once

#include <cstddef>

#include "interp/limits.h"
#include "interp/value.h"

namespace sirocco {

// CPython's sys.getsizeof(v, 0) for the Python object the value stands for, approximated to
// within a few bytes (containers count their slots, not their items).
size_t python_shallow_size(const Value& v);

[[noreturn]] void memory_quota_exceeded();

// Throws when a quota is set and the value's shallow size is over it.
inline void check_memory_quota(const Limits& limits, const Value& v) {
  if (limits.memory_quota > 0 && python_shallow_size(v) > static_cast<size_t>(limits.memory_quota))
    memory_quota_exceeded();
}

}  // namespace sirocco
