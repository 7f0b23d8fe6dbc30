// Queries that fold a collection with a function of two arguments: sum, max and min (which
// call the `#operator_+`, `max` and `min` functions in scope, as python-yaql's delegates
// do), aggregate/reduce (functools.reduce) and the lazy accumulate (itertools.accumulate).
#include <functional>
#include <optional>
#include <string>

#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

using Combine = std::function<Value(const Value&, const Value&)>;
// Makes the combining function of one call.
using CombineOf = std::function<Combine(Call&)>;
// Folds a collection, from its first item or from a seed.
using Fold = Value (*)(const Value& collection, Combine combine, std::optional<Value> seed);

// functools.reduce(combine, collection[, seed]).
Value reduce_items(const Value& collection, Combine combine, std::optional<Value> seed) {
  std::optional<Value> total = std::move(seed);
  for_each_item(collection, [&](const Value& item) {
    total = total ? combine(*total, item) : item;
    return true;
  });
  if (!total) throw Error("TypeError", "reduce() of empty iterable with no initial value");
  return *total;
}

// The running totals of reduce_items, lazily, starting with the seed (or the first item).
Value accumulate_items(const Value& collection, Combine combine, std::optional<Value> seed) {
  return lazy([items = Cursor(collection), combine = std::move(combine), total = std::move(seed),
               started = false](Value& out) mutable {
    Value item;
    if (!started) {
      started = true;
      if (!total && !items.next(item))
        throw Error("TypeError", "accumulate() of empty sequence with no initial value");
      if (!total) total = item;
    } else {
      if (!items.next(item)) return false;
      total = combine(*total, item);
    }
    out = *total;
    return true;
  });
}

// A call of the function `name` in the caller's scope, as python-yaql's Delegate makes it.
CombineOf delegate_to(std::string name) {
  return [name](Call& c) -> Combine {
    return [ev = &c.ev, scope = c.scope, delegate = &c.ev.binary_delegate(name)](
               const Value& a, const Value& b) { return ev->call_binary(*delegate, scope, a, b); };
  };
}

// The `selector` lambda argument, called with $1 and $2.
Combine selector_of(Call& c) {
  return [selector = c.lambda(1)](const Value& a, const Value& b) { return selector({a, b}); };
}

// Declares HEAD) and HEAD, SEED: any): the fold without and with a seed (the last slot).
void add_fold(Registry& r, const std::string& head, const std::string& seed, CombineOf combine,
              Fold fold) {
  r.add(head + ")", [combine, fold](Call& c) { return fold(c[0], combine(c), std::nullopt); });
  r.add(head + ", " + seed + ": any)",
        [combine, fold](Call& c) { return fold(c[0], combine(c), c[c.size() - 1]); });
}

}  // namespace

void register_query_folds(Registry& r) {
  add_fold(r, "method sum(collection: iterable", "initial", delegate_to("#operator_+"),
           reduce_items);
  for (std::string name : {"max", "min"})
    add_fold(r, "method " + name + "(collection: iterable", "initial", delegate_to(name),
             reduce_items);
  for (std::string name : {"aggregate", "reduce"})
    add_fold(r, "method " + name + "(collection: iterable, selector: lambda", "seed", selector_of,
             reduce_items);
  add_fold(r, "method accumulate(collection: iterable, selector: lambda", "seed", selector_of,
           accumulate_items);
}

}  // namespace sirocco::yaql
