// Python's operators as Jinja templates see them, Undefined included: equality (a tuple is
// never equal to a list), ordering, `in`, hashability and str(). A lenient Undefined fails
// only where Jinja2's Undefined does (ordering, arithmetic); a strict one fails on every use.
// Failures are results (interp/outcome.h): Undefined and type errors are everyday errors in
// templates, and a throw through the library's frames costs tens of thousands of
// instructions.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "interp/error.h"
#include "interp/jinja_runtime.h"
#include "interp/outcome.h"
#include "interp/value.h"

namespace sirocco::jinja {

// The Undefined's error when `v` is any Undefined (what Undefined.__add__, __lt__,
// __getitem__, __int__ ... raise).
Status refuse_undefined(const Value& v, Span span = {});
// The error when `v` is a strict Undefined (what StrictUndefined adds: __str__, __len__,
// __iter__, __eq__, __bool__, __hash__, __contains__).
Status refuse_strict(const Value& v, Span span = {});

// Python `a == b`. Two lenient Undefined are equal, an Undefined equals nothing else.
Outcome<bool> python_equal(const Value& a, const Value& b);
// Python ordering as sirocco::compare (same result convention, `op` for the message), with
// Undefined refused and a list never ordered against a tuple.
Outcome<int> python_compare(const Value& a, const Value& b, std::string_view op);
// Python `item in container`: substring for str, key for dict, item for list, tuple, set
// and generator (consumed); TypeError for anything else ("argument of type 'int' is not
// iterable"). A lenient Undefined container holds nothing.
Outcome<bool> contains(const Value& container, const Value& item);
// Error("TypeError", "unhashable type: 'list'") for a list, dict or set (or a tuple holding
// one).
Status require_hashable(const Value& v);
// Python's list(iter(v)): the code points of a str, the keys of a dict, the items of a list,
// tuple, set or generator (consumed); a lenient Undefined is empty, a strict one fails, and
// anything else is Error("TypeError", "'int' object is not iterable"). A sequence a filter
// produced (filters' produced_sequence) gives its items, or the error that stopped it.
Outcome<List> python_iterate(const Value& v);
// Python str(v); a lenient Undefined is '', a strict one fails.
Outcome<std::string> jinja_str(const Value& v);

// Python's `a < b` as sorted(), min() and max() use it, for the comparator of a std
// algorithm: the first error (UndefinedError for an Undefined, TypeError for values Python
// does not order) is kept and every later comparison is false, which ends every loop of the
// std algorithms; the caller then returns status().
class Ordering {
 public:
  bool less(const Value& a, const Value& b);
  // Python `a == b`, under the same rule.
  bool equal(const Value& a, const Value& b);
  Status status() { return failure_ ? Status(Failure(std::move(failure_))) : Status(); }

 private:
  std::unique_ptr<Error> failure_;
};

// What a Jinja filter written as a Python generator (map, select, batch ...) returns: the
// items it produced, and the error that stopped it, which surfaces where Python's generator
// would raise it, when iteration reaches that point.
class ProducedSequence final : public SequenceObject {
 public:
  ProducedSequence(List items, std::unique_ptr<Error> failure)
      : items_(std::move(items)), failure_(std::move(failure)) {}
  bool next(Value& out) override;
  // The remaining items, or the failure after them; consumes the sequence.
  Outcome<List> take();

 private:
  List items_;
  size_t next_ = 0;
  std::unique_ptr<Error> failure_;
};

}  // namespace sirocco::jinja
