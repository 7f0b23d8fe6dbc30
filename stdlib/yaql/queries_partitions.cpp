// Queries that cut a collection into parts: groupBy (with python-yaql's aggregator and its
// fallback to the yaql 1.1.1 aggregator style), slice, splitWhere, sliceWhere and splitAt.
#include <algorithm>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

// --- groupBy ------------------------------------------------------------------------------

struct Group {
  Value key;
  List values;
};

// The groups of a collection by key, in the order their keys first appear.
std::vector<Group> group_items(const Evaluator& ev, const Value& collection, const Lambda& key_of,
                               const Lambda& value_of) {
  std::vector<Group> groups;
  std::unordered_map<Value, size_t, ValueHash, ValueEq> index;
  size_t count = 0;
  for_each_item(collection, [&](const Value& item) {
    ev.check_collection_size(++count);
    Value value = value_of ? value_of(item) : item;
    Value key = key_of(item);
    auto [at, added] = index.emplace(key, groups.size());
    if (added) groups.push_back({std::move(key), {}});
    groups[at->second].values.push_back(std::move(value));
    return true;
  });
  return groups;
}

// len(value) == 2 in Python terms (false for values without a length).
bool has_two_items(const Value& v) {
  switch (v.kind()) {
    case Kind::String:
      return v.string_length() == 2;
    case Kind::List:
      return v.as_list().size() == 2;
    case Kind::Dict:
      return v.as_dict().size() == 2;
    case Kind::Set:
      return v.as_set().size() == 2;
    default:
      return false;
  }
}

// Turns a group into its [key, values] pair, or with an aggregator into [key, result]. When
// the aggregator fails on a group's values with one of the errors yaql 1.1.1-style
// aggregators cause, it is retried on the [key, values] pair and must then give a pair
// itself — unless an earlier group already showed that the aggregator is not of that style.
class GroupAggregator {
 public:
  explicit GroupAggregator(Lambda aggregator) : aggregator_(std::move(aggregator)) {}

  Value operator()(const Group& group) {
    Value values = Value::list(group.values);
    if (!aggregator_) return Value::list({group.key, values});
    if (!failure_) {
      try {
        Value result = aggregator_(values);
        if (!could_be_old_style(group.values, result)) allow_fallback_ = false;
        return Value::list({group.key, result});
      } catch (const Error& e) {
        if (!triggers_fallback(e)) throw;
        failure_ = e;
      }
    }
    if (allow_fallback_) {
      try {
        Value result = aggregator_(Value::list({group.key, values}));
        if (has_two_items(result)) return result;
      } catch (const Error&) {
      }
    }
    throw *failure_;
  }

 private:
  static bool triggers_fallback(const Error& e) {
    return e.type() == "NoMatchingMethodException" || e.type() == "NoMatchingFunctionException" ||
           e.type() == "IndexError";
  }
  // What an old-style aggregator given two values as if they were [key, values] returns.
  static bool could_be_old_style(const List& values, const Value& result) {
    return values.size() == 2 && result.is_list() && result.as_list().size() == 2 &&
           equals(result.as_list()[0], values[0]);
  }

  Lambda aggregator_;
  std::optional<Error> failure_;
  bool allow_fallback_ = true;
};

// groupBy: the groups are made at once, their pairs as they are pulled.
Value group_by(Call& c) {
  return lazy([groups = group_items(c.ev, c[0], c.lambda(1), c.lambda(2)),
               aggregate = GroupAggregator(c.lambda(3)), next = size_t{0}](Value& out) mutable {
    if (next >= groups.size()) return false;
    out = aggregate(groups[next++]);
    return true;
  });
}

// --- slicing ------------------------------------------------------------------------------

// slice: lists of `length` items (the last may be shorter).
Value slice_items(Value collection, Value length) {
  return lazy([items = Cursor(std::move(collection)), length](Value& out) mutable {
    int64_t size = islice_count(length, kIsliceStopError);
    List part;
    Value item;
    while (static_cast<int64_t>(part.size()) < size && items.next(item)) part.push_back(item);
    if (part.empty()) return false;
    out = Value::list(std::move(part));
    return true;
  });
}

// How an item cuts the list being split: not at all, as a delimiter that is dropped, or
// as the first item of a new part.
enum class Cut { None, Drop, Before };

Value sublist(const List& items, size_t begin, size_t end) {
  return Value::list(List(items.begin() + begin, items.begin() + end));
}

// The parts of a collection (materialised when first pulled) between the cuts that
// `cut_at` decides item by item; a non-empty rest is the last part.
Value split_items(const Evaluator& ev, Value collection, std::function<Cut(const Value&)> cut_at) {
  return lazy([ev = &ev, source = std::move(collection), cut_at = std::move(cut_at),
               items = std::optional<List>(), begin = size_t{0},
               end = size_t{0}](Value& out) mutable {
    if (!items) items = collect_items(*ev, source);
    while (end < items->size()) {
      Cut cut = cut_at((*items)[end]);
      if (cut == Cut::None) {
        ++end;
        continue;
      }
      out = sublist(*items, begin, end);
      begin = cut == Cut::Drop ? end + 1 : end;
      ++end;
      return true;
    }
    if (begin == end) return false;
    out = sublist(*items, begin, end);
    begin = end;
    return true;
  });
}

// splitWhere: the items the predicate accepts are delimiters.
Value split_where(const Evaluator& ev, Value collection, Lambda predicate) {
  return split_items(ev, std::move(collection), [predicate](const Value& item) {
    return truthy(predicate(item)) ? Cut::Drop : Cut::None;
  });
}

// sliceWhere: a new part starts wherever the predicate's result changes.
Value slice_where(const Evaluator& ev, Value collection, Lambda predicate) {
  return split_items(ev, std::move(collection),
                     [predicate, previous = std::optional<Value>()](const Value& item) mutable {
                       Value current = predicate(item);
                       bool changed = previous && !equals(current, *previous);
                       previous = std::move(current);
                       return changed ? Cut::Before : Cut::None;
                     });
}

// splitAt: [items[:index], items[index:]] with Python's slice bounds.
Value split_at(const Evaluator& ev, const Value& collection, const Value& index) {
  List items = collect_items(ev, collection);
  int64_t size = static_cast<int64_t>(items.size());
  int64_t at = to_int64(index);
  if (at < 0) at = std::max<int64_t>(at + size, 0);
  size_t cut = static_cast<size_t>(std::min(at, size));
  return Value::list({sublist(items, 0, cut), sublist(items, cut, items.size())});
}

}  // namespace

void register_query_partitions(Registry& r) {
  r.add(
      "method groupBy(collection: iterable, keySelector: lambda, valueSelector: lambda = null, "
      "aggregator: lambda = null)",
      group_by);
  r.add("method slice(collection: iterable, length: pyint)",
        [](Call& c) { return slice_items(c[0], c[1]); });
  r.add("method splitWhere(collection: iterable, predicate: lambda)",
        [](Call& c) { return split_where(c.ev, c[0], c.lambda(1)); });
  r.add("method sliceWhere(collection: iterable, predicate: lambda)",
        [](Call& c) { return slice_where(c.ev, c[0], c.lambda(1)); });
  r.add("method splitAt(collection: iterable, index: pyint)",
        [](Call& c) { return split_at(c.ev, c[0], c[1]); });
}

}  // namespace sirocco::yaql
