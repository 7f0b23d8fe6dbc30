// orderBy, orderByDescending, thenBy, thenByDescending: a stable sort by a list of keys,
// compared with the `#operator_<` and `#operator_>` functions in scope the way
// python-yaql's OrderingIterable compares them. The sort runs when the first item is pulled,
// so thenBy can add keys to an ordering that has not been walked yet.
//
// The reference's thenBy adds the key to the ordering it is given and returns it; here it
// returns a new ordering with the extra key instead, so that an ordering held in a variable
// (`let(x => ...orderBy(...)) -> $x.thenBy(...)`) never refers to itself through the key's
// scope (a reference cycle would never be freed).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "interp/text.h"
#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

bool plain_number(const Value& v) {
  return v.is_int() || (v.is_float() && !std::isnan(v.as_float()));
}

// Three-way comparison of two sort keys: -1 when `a < b`, else 1 when `a > b`, else 0.
class KeyComparer {
 public:
  KeyComparer(Evaluator& ev, ScopePtr scope) : ev_(&ev), scope_(std::move(scope)) {}

  const Evaluator& evaluator() const { return *ev_; }
  // Whether the comparison operators may be def()'s rather than the builtin ones.
  bool may_be_redefined() const { return scope_->defines_functions(); }

  int operator()(const Value& a, const Value& b) const {
    if (a.is_small_int() && b.is_small_int() && !scope_->defines_functions())
      return (a.as_small_int() > b.as_small_int()) - (a.as_small_int() < b.as_small_int());
    // Numbers and strings compare as in Python unless def() may have redefined operators.
    bool builtin = (plain_number(a) && plain_number(b)) || (a.is_string() && b.is_string());
    if (builtin && !scope_->defines_functions()) {
      int order = compare(a, b);
      return (order > 0) - (order < 0);
    }
    if (holds("#operator_<", a, b)) return -1;
    if (holds("#operator_>", a, b)) return 1;
    return 0;
  }

 private:
  bool holds(const char* op, const Value& a, const Value& b) const {
    return truthy(ev_->call(op, scope_, {RawArg::of(a), RawArg::of(b)}));
  }

  Evaluator* ev_;
  ScopePtr scope_;
};

// The result of orderBy: a lazy sequence that sorts its source when first pulled.
class OrderedSequence final : public SequenceObject {
 public:
  OrderedSequence(Value source, KeyComparer comparer, Lambda selector, bool ascending)
      : source_(std::move(source)), comparer_(std::move(comparer)) {
    keys_.push_back({std::move(selector), ascending});
  }

  // This ordering and then one more key; once this one is sorted, the key changes nothing
  // (the reference sorts only once) and the new ordering walks the same sorted items.
  boost::intrusive_ptr<OrderedSequence> then_by(Lambda selector, bool ascending) const {
    boost::intrusive_ptr<OrderedSequence> next(
        new OrderedSequence(source_, comparer_, std::move(selector), ascending));
    if (sorted_) next->sorted_ = sorted_;
    next->keys_.insert(next->keys_.begin(), keys_.begin(), keys_.end());
    return next;
  }

  bool is_iterator() const override { return false; }

  bool next(Value& out) override {
    if (!sorted_) {
      sorted_ = sorted_items();
      source_ = Value();  // neither the source nor the keys are needed any more
      keys_.clear();
    }
    if (position_ >= sorted_->size()) return false;
    out = (*sorted_)[position_++];
    return true;
  }

 private:
  struct SortKey {
    Lambda selector;
    bool ascending;
  };

  List sorted_items() const;

  Value source_;
  KeyComparer comparer_;
  std::vector<SortKey> keys_;
  std::optional<List> sorted_;
  size_t position_ = 0;
};

List OrderedSequence::sorted_items() const {
  List items = collect_items(comparer_.evaluator(), source_);
  const size_t n = items.size();
  if (n < 2) return items;  // no comparison, so no key is computed
  // Every item's first key takes part in some comparison: they are computed up front. A
  // later key is computed when a comparison first needs it, as the reference computes keys
  // inside its comparisons (a thenBy key is never computed for items the first key orders).
  std::vector<Value> first(n);
  bool small_ints = !comparer_.may_be_redefined();
  for (size_t i = 0; i < n; ++i) {
    first[i] = keys_[0].selector(items[i]);
    small_ints = small_ints && first[i].is_small_int();
  }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  if (small_ints && keys_.size() == 1) {
    // Integer keys alone: sorted as numbers, stably, with no comparer call per comparison.
    std::vector<std::pair<int64_t, size_t>> keyed(n);
    for (size_t i = 0; i < n; ++i) keyed[i] = {first[i].as_small_int(), i};
    auto by_key = [ascending = keys_[0].ascending](const auto& a, const auto& b) {
      return ascending ? a.first < b.first : a.first > b.first;
    };
    std::stable_sort(keyed.begin(), keyed.end(), by_key);
    for (size_t i = 0; i < n; ++i) order[i] = keyed[i].second;
  } else {
    std::vector<Value> later((keys_.size() - 1) * n);
    std::vector<bool> computed(later.size(), false);
    auto key = [&](size_t level, size_t item) -> const Value& {
      if (level == 0) return first[item];
      const size_t at = (level - 1) * n + item;
      if (!computed[at]) {
        later[at] = keys_[level].selector(items[item]);
        computed[at] = true;
      }
      return later[at];
    };
    auto before = [&](size_t a, size_t b) {
      for (size_t level = 0; level < keys_.size(); ++level) {
        int order = comparer_(key(level, a), key(level, b));
        if (order != 0) return keys_[level].ascending ? order < 0 : order > 0;
      }
      return false;
    };
    std::stable_sort(order.begin(), order.end(), before);
  }
  List sorted;
  sorted.reserve(n);
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  return sorted;
}

Value order_by(Call& c, bool ascending) {
  return Value::sequence(boost::intrusive_ptr<OrderedSequence>(
      new OrderedSequence(c[0], KeyComparer(c.ev, c.scope), c.lambda(1), ascending)));
}

// thenBy takes only what orderBy or thenBy returned.
Value then_by(Call& c, bool ascending) {
  auto* ordered = dynamic_cast<OrderedSequence*>(&c[0].as_sequence());
  if (!ordered) throw_no_matching(c.def.name, &c[0]);
  return Value::sequence(ordered->then_by(c.lambda(1), ascending));
}

}  // namespace

void throw_no_matching(const std::string& name, const Value* receiver) {
  if (!receiver)
    throw Error("NoMatchingFunctionException",
                "No function \"" + name + "\" matches supplied arguments");
  throw Error("NoMatchingMethodException", "No method \"" + name + "\" for receiver " +
                                               python_str(*receiver, PyStyle::Yaql) +
                                               " matches supplied arguments");
}

void register_query_ordering(Registry& r) {
  for (bool ascending : {true, false}) {
    std::string suffix = ascending ? "" : "Descending";
    r.add("method orderBy" + suffix + "(collection: iterable, selector: lambda)",
          [ascending](Call& c) { return order_by(c, ascending); });
    r.add("method thenBy" + suffix + "(collection: iterator, selector: lambda)",
          [ascending](Call& c) { return then_by(c, ascending); });
  }
}

}  // namespace sirocco::yaql
