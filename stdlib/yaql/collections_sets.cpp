// YAQL sets (python-yaql's frozensets): set() and toSet(), len, the subset comparisons,
// add/remove and the set algebra.
#include <algorithm>
#include <utility>

#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

Value set_of(const List& items) {
  Set s;
  for (const Value& v : items) s.insert(v);
  return Value::set(std::move(s));
}

bool is_subset(const Set& a, const Set& b) {
  return a.size() <= b.size() &&
         std::all_of(a.begin(), a.end(), [&](const Value& v) { return b.contains(v); });
}

// The items of `a` that are (or, with keep = false, are not) in `b`, into `out`.
void filter_into(Set& out, const Set& a, const Set& b, bool keep) {
  for (const Value& v : a)
    if (b.contains(v) == keep) out.insert(v);
}

Set union_of(const Set& a, const Set& b) {
  Set out = a;
  for (const Value& v : b) out.insert(v);
  return out;
}

// Python walks the smaller set (the right one on a tie), so equal items such as 1 and 1.0
// come from that side.
Set intersection(const Set& a, const Set& b) {
  Set out;
  if (b.size() > a.size())
    filter_into(out, a, b, true);
  else
    filter_into(out, b, a, true);
  return out;
}

Set difference(const Set& a, const Set& b) {
  Set out;
  filter_into(out, a, b, false);
  return out;
}

Set symmetric_difference(const Set& a, const Set& b) {
  Set out = difference(a, b);
  filter_into(out, b, a, false);
  return out;
}

void register_comparisons(Registry& r) {
  struct Comparison {
    const char* signature;
    bool (*holds)(const Set&, const Set&);
  };
  static constexpr Comparison kComparisons[] = {
      {"#operator_<(left: set, right: set)",
       [](const Set& a, const Set& b) { return a.size() < b.size() && is_subset(a, b); }},
      {"#operator_<=(left: set, right: set)",
       [](const Set& a, const Set& b) { return is_subset(a, b); }},
      {"#operator_>(left: set, right: set)",
       [](const Set& a, const Set& b) { return b.size() < a.size() && is_subset(b, a); }},
      {"#operator_>=(left: set, right: set)",
       [](const Set& a, const Set& b) { return is_subset(b, a); }},
  };
  for (const Comparison& cmp : kComparisons)
    r.add(cmp.signature, [holds = cmp.holds](Call& c) {
      return Value::boolean(holds(c[0].as_set(), c[1].as_set()));
    });
}

void register_algebra(Registry& r) {
  struct Operation {
    const char* signature;
    Set (*apply)(const Set&, const Set&);
  };
  static constexpr Operation kOperations[] = {
      {"method union(left: set, right: set)", union_of},
      {"method intersect(left: set, right: set)", intersection},
      {"method difference(left: set, right: set)", difference},
      {"#operator_-(left: set, right: set)", difference},
      {"method symmetricDifference(left: set, right: set)", symmetric_difference},
  };
  for (const Operation& op : kOperations)
    r.add(op.signature,
          [apply = op.apply](Call& c) { return Value::set(apply(c[0].as_set(), c[1].as_set())); });
  r.add("method add(set: set, *values: any)",
        [](Call& c) { return Value::set(union_of(c[0].as_set(), set_of(c.rest()).as_set())); });
  r.add("method remove(set: set, *values: any)",
        [](Call& c) { return Value::set(difference(c[0].as_set(), set_of(c.rest()).as_set())); });
}

}  // namespace

void register_sets(Registry& r) {
  r.add("isSet(arg: any)", [](Call& c) { return Value::boolean(c[0].is_set()); });
  r.add("set(*args: any)", [](Call& c) { return set_of(expand_iterators(c, c.rest())); });
  r.add("method toSet(collection: iterable)",
        [](Call& c) { return c[0].is_set() ? c[0] : set_of(collect(c, c[0])); });
  r.add("ext len(set: set)",
        [](Call& c) { return Value::integer(static_cast<int64_t>(c[0].as_set().size())); });
  register_comparisons(r);
  register_algebra(r);
}

}  // namespace sirocco::yaql
