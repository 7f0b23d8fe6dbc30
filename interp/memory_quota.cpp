// Shallow sizes of CPython 3.11 objects, for the memory quota.
#include "interp/memory_quota.h"

#include "interp/error.h"

namespace sirocco {

namespace {

// A dict's hash table holds at most two thirds of its slots; it starts at 8.
size_t dict_size(size_t n) {
  if (n == 0) return 64;
  size_t slots = 8;
  while (n > slots * 2 / 3) slots *= 2;
  return 104 + slots + slots * 2 / 3 * 24;
}

// A set starts with 8 slots and grows fourfold while it is more than three fifths full.
size_t set_size(size_t n) {
  size_t slots = 8;
  while (n * 5 >= slots * 3) slots *= 4;
  return 88 + slots * 16;
}

size_t int_size(const Value& v) {
  if (v.is_small_int()) {
    const int64_t i = v.as_small_int();
    const uint64_t magnitude =
        i < 0 ? uint64_t{0} - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    return magnitude < (uint64_t{1} << 30) ? 28 : magnitude < (uint64_t{1} << 60) ? 32 : 36;
  }
  const size_t bits = msb(abs(v.big_int())) + 1;
  return 24 + 4 * ((bits + 29) / 30);
}

}  // namespace

size_t python_shallow_size(const Value& v) {
  switch (v.kind()) {
    case Kind::Null:
      return 16;
    case Kind::Bool:
      return 28;
    case Kind::Int:
      return int_size(v);
    case Kind::Float:
      return 24;
    case Kind::String:
      // Compact ASCII strings take a byte per character, others two or four (approximated
      // as two: the quota is a guard, not an accountant).
      return v.string_is_ascii() ? 49 + v.as_string().size() : 74 + 2 * v.string_length();
    case Kind::List:
      return 40 + 8 * v.as_list().size();  // a tuple, as YAQL's lists are
    case Kind::Dict:
      return dict_size(v.as_dict().size());
    case Kind::Set:
      return set_size(v.as_set().size());
    case Kind::DateTime:
    case Kind::TimeSpan:
      return 48;
    case Kind::Function:
    case Kind::Sequence:
    case Kind::Opaque:
      return 200;  // a generator or a bound method
  }
  return 16;
}

void memory_quota_exceeded() {
  throw Error("MemoryQuotaExceededException", "Expression consumed too much memory");
}

}  // namespace sirocco
