// Jinja's filters that order or compare items: sort, unique, min, max, dictsort and groupby.
// Strings compare without case unless case_sensitive; attribute= picks what to compare.
#include <algorithm>
#include <optional>
#include <unordered_set>
#include <utility>

#include "interp/error.h"
#include "interp/text.h"
#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja::filters {
namespace {

// Python's `<` of two sort keys: a key is one value, or (several attributes) a list of them
// compared like Python lists, where the first unequal items decide.
bool key_less(Ordering& ordering, const Value& a, const Value& b, bool multi) {
  if (!multi) return ordering.less(a, b);
  const List &x = a.as_list(), &y = b.as_list();
  for (size_t i = 0; i < x.size() && i < y.size(); ++i)
    if (!ordering.equal(x[i], y[i])) return ordering.less(x[i], y[i]);
  return x.size() < y.size();
}

// The positions of the items in sorted(items, key=..., reverse=...) order (a stable sort).
Outcome<std::vector<size_t>> sorted_order(const List& keys, bool reverse, bool multi) {
  std::vector<size_t> order(keys.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Ordering ordering;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return reverse ? key_less(ordering, keys[b], keys[a], multi)
                   : key_less(ordering, keys[a], keys[b], multi);
  });
  SIROCCO_RETURN_IF_ERROR(ordering.status());
  return order;
}

Outcome<List> sorted_by(const List& items, const List& keys, bool reverse, bool multi) {
  SIROCCO_ASSIGN_OR_RETURN(const std::vector<size_t> order, sorted_order(keys, reverse, multi));
  List out;
  out.reserve(items.size());
  for (size_t i : order) out.push_back(items[i]);
  return out;
}

Outcome<Value> sort(Call& c) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
  if (as_undefined(c[1]))  // sorted(reverse=...) takes an int
    return Error("TypeError",
                 "'" + type_name(c[1]) + "' object cannot be interpreted as an integer");
  SIROCCO_ASSIGN_OR_RETURN(const bool reverse, truth(c[1]));
  SIROCCO_ASSIGN_OR_RETURN(const bool case_sensitive, truth(c[2]));
  // make_multi_attrgetter: a comma-separated list of attribute paths, one key each.
  std::vector<AttributeGetter> getters;
  if (c[3].is_string()) {
    const std::string& spec = c[3].as_string();
    for (size_t start = 0;;) {
      size_t comma = spec.find(',', start);
      getters.emplace_back(c.runtime, Value::string(spec.substr(start, comma - start)),
                           !case_sensitive);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else {
    getters.emplace_back(c.runtime, c[3], !case_sensitive);
  }
  List keys;
  keys.reserve(items.size());
  for (const Value& item : items) {
    List key;
    for (const AttributeGetter& get : getters) {
      SIROCCO_ASSIGN_OR_RETURN(Value part, get(item));
      key.push_back(std::move(part));
    }
    keys.push_back(Value::list(std::move(key)));
  }
  SIROCCO_ASSIGN_OR_RETURN(List sorted, sorted_by(items, keys, reverse, true));
  return Value::list(std::move(sorted));
}

Value unique(Call& c) {
  return produced_sequence([&c](List& out) -> Status {
    SIROCCO_ASSIGN_OR_RETURN(const bool case_sensitive, truth(c[1]));
    AttributeGetter get(c.runtime, c[2], !case_sensitive);
    std::unordered_set<Value, ValueHash, ValueEq> seen;
    bool seen_undefined = false;  // every lenient Undefined hashes and compares alike
    SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
    for (const Value& item : items) {
      SIROCCO_ASSIGN_OR_RETURN(const Value key, get(item));
      if (as_undefined(key)) {
        SIROCCO_RETURN_IF_ERROR(refuse_strict(key));
        if (!std::exchange(seen_undefined, true)) out.push_back(item);
        continue;
      }
      SIROCCO_RETURN_IF_ERROR(require_hashable(key));
      if (seen.insert(key).second) out.push_back(item);
    }
    return {};
  });
}

Outcome<Value> min_or_max(Call& c, bool max) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
  if (items.empty()) return c.runtime.undefined("No aggregated item, sequence was empty.");
  SIROCCO_ASSIGN_OR_RETURN(const bool case_sensitive, truth(c[1]));
  AttributeGetter get(c.runtime, c[2], !case_sensitive);
  size_t best = 0;
  SIROCCO_ASSIGN_OR_RETURN(Value best_key, get(items[0]));
  for (size_t i = 1; i < items.size(); ++i) {
    SIROCCO_ASSIGN_OR_RETURN(Value key, get(items[i]));
    SIROCCO_ASSIGN_OR_RETURN(const int order, python_compare(key, best_key, max ? ">" : "<"));
    if (max ? order > 0 : order < 0) best = i, best_key = std::move(key);
  }
  return items[best];
}

Outcome<Value> dictsort(Call& c) {
  const Value& value = c[0];
  SIROCCO_ASSIGN_OR_RETURN(const std::string by, jinja_str(c[2]));
  size_t position;
  if (by == "key") {
    position = 0;
  } else if (by == "value") {
    position = 1;
  } else {
    return Error("FilterArgumentError", "You can only sort by either \"key\" or \"value\"");
  }
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(value));
  if (!value.is_dict())
    return Error("AttributeError", "'" + type_name(value) + "' object has no attribute 'items'");
  List pairs, keys;
  bool case_sensitive = false;
  if (!value.as_dict().empty()) {
    SIROCCO_ASSIGN_OR_RETURN(case_sensitive, truth(c[1]));
  }
  for (const auto& [key, item] : value.as_dict()) {
    pairs.push_back(Value::tuple({key, item}));
    const Value& sort_by = position == 0 ? key : item;
    keys.push_back(case_sensitive ? sort_by : ignore_case(sort_by));
  }
  SIROCCO_ASSIGN_OR_RETURN(const bool reverse, truth(c[3]));
  SIROCCO_ASSIGN_OR_RETURN(List sorted, sorted_by(pairs, keys, reverse, false));
  return Value::list(std::move(sorted));
}

// (grouper, list) tuples of the items sorted by their attribute, equal keys together; without
// case_sensitive the grouper is the attribute of the group's first item.
Outcome<Value> groupby(Call& c) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
  SIROCCO_ASSIGN_OR_RETURN(const bool case_sensitive, truth(c[3]));
  AttributeGetter key_of(c.runtime, c[1], !case_sensitive, c[2]);
  AttributeGetter grouper_of(c.runtime, c[1], false, c[2]);
  List keys;
  for (const Value& item : items) {
    SIROCCO_ASSIGN_OR_RETURN(Value key, key_of(item));
    keys.push_back(std::move(key));
  }
  SIROCCO_ASSIGN_OR_RETURN(const std::vector<size_t> order, sorted_order(keys, false, false));
  List groups;
  for (size_t i = 0; i < order.size();) {
    size_t j = i + 1;
    List members{items[order[i]]};
    for (; j < order.size(); ++j) {
      SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(keys[order[j]], keys[order[i]]));
      if (!same) break;
      members.push_back(items[order[j]]);
    }
    Value grouper = keys[order[i]];
    if (!case_sensitive) {
      SIROCCO_ASSIGN_OR_RETURN(grouper, grouper_of(members.front()));
    }
    groups.push_back(Value::tuple({grouper, Value::list(std::move(members))}));
    i = j;
  }
  return Value::list(std::move(groups));
}

}  // namespace

void register_ordering_filters(Registry& r) {
  r.add(
      "sort(value: any, reverse: any = false, case_sensitive: any = false, attribute: any = null)",
      sort);
  r.add("unique(value: any, case_sensitive: any = false, attribute: any = null)", unique);
  r.add("min(value: any, case_sensitive: any = false, attribute: any = null)",
        [](Call& c) { return min_or_max(c, false); });
  r.add("max(value: any, case_sensitive: any = false, attribute: any = null)",
        [](Call& c) { return min_or_max(c, true); });
  r.add("dictsort(value: any, case_sensitive: any = false, by: any = 'key', reverse: any = false)",
        dictsort);
  r.add("groupby(value: any, attribute: any, default: any = null, case_sensitive: any = false)",
        groupby);
}

}  // namespace sirocco::jinja::filters
