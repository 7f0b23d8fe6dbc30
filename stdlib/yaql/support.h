// Helpers shared by the YAQL standard library modules: iterating any collection,
// building lazy sequences, and the common argument conversions.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "interp/error.h"
#include "interp/registry.h"
#include "interp/value.h"
#include "interp/yaql_eval.h"

namespace sirocco::yaql {

// Pulls items one at a time from a list, set or sequence (a sequence is consumed).
class Cursor {
 public:
  explicit Cursor(Value collection) : source_(std::move(collection)) {}
  bool next(Value& out) {
    switch (source_.kind()) {
      case Kind::List:
        if (index_ >= source_.as_list().size()) return false;
        out = source_.as_list()[index_++];
        return true;
      case Kind::Set:
        if (index_ >= source_.as_set().size()) return false;
        out = source_.as_set().items()[index_++];
        return true;
      case Kind::Sequence:
        return source_.as_sequence().next(out);
      default:
        return false;
    }
  }

 private:
  Value source_;
  size_t index_ = 0;
};

// Calls f(item) for every item; f returns false to stop early.
template <typename F>
void for_each_item(const Value& collection, F&& f) {
  Cursor c(collection);
  Value item;
  while (c.next(item))
    if (!f(item)) return;
}

// A lazy sequence driven by a generator function: gen(out) returns false at the end.
inline Value lazy(std::function<bool(Value&)> gen) {
  return Value::sequence(
      boost::intrusive_ptr<SequenceObject>(new GeneratorSequence(std::move(gen))));
}

// A lazy sequence that maps every item of a collection through f(const Value&) -> Value.
template <class F>
Value lazy_map(Value collection, F f) {
  return lazy([cursor = Cursor(std::move(collection)), f = std::move(f)](Value& out) mutable {
    Value item;
    if (!cursor.next(item)) return false;
    out = f(item);
    return true;
  });
}

// A lazy sequence of the items of a collection for which keep(const Value&) is true.
template <class Keep>
Value lazy_filter(Value collection, Keep keep) {
  return lazy([cursor = Cursor(std::move(collection)), keep = std::move(keep)](Value& out) mutable {
    Value item;
    while (cursor.next(item))
      if (keep(item)) {
        out = std::move(item);
        return true;
      }
    return false;
  });
}

// Python's `x in collection` / list.index semantics need equality: use sirocco::equals.

// Converts a Python-style possibly-negative int argument to int64 (big ints saturate).
inline int64_t to_int64(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_small_int()) return v.as_small_int();
  BigInt b = v.as_big_int();
  return b < 0 ? INT64_MIN : INT64_MAX;
}

}  // namespace sirocco::yaql
