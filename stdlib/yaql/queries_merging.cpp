// mergeWith: the deep merge of two dicts — nested dicts are merged, lists joined by the list
// merger (by default their distinct items), other values replaced by the item merger (by
// default the second value), down to maxLevels levels (0: all of them).
#include <string>

#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

// The Python class of a value as python-yaql holds it, as `type(value)` prints.
std::string python_class(const Value& v) {
  switch (v.kind()) {
    case Kind::List:
      return "<class 'tuple'>";
    case Kind::Dict:
      return "<class 'yaql.language.utils.FrozenDict'>";
    case Kind::Set:
      return "<class 'frozenset'>";
    default:
      return "<class '" + type_name(v) + "'>";
  }
}

class DictMerger {
 public:
  DictMerger(Lambda list_merger, Lambda item_merger)
      : list_merger_(std::move(list_merger)), item_merger_(std::move(item_merger)) {}

  Dict merge(const Dict& first, const Dict& second, int64_t max_levels) const {
    Dict result;
    for (const auto& [key, value] : first) {
      const Value* other = second.find(key);
      result.set(key, other ? merge_values(value, *other, max_levels) : value);
    }
    for (const auto& [key, value] : second)
      if (!result.contains(key)) result.set(key, value);
    return result;
  }

 private:
  Value merge_values(const Value& first, const Value& second, int64_t max_levels) const {
    if (max_levels != 1 && second.is_dict()) {
      require_same_kind(first, second);
      return Value::dict(merge(first.as_dict(), second.as_dict(), max_levels ? max_levels - 1 : 0));
    }
    if (max_levels != 1 && second.is_list()) {
      require_same_kind(first, second);
      return list_merger_ ? list_merger_({first, second}) : distinct_concat(first, second);
    }
    return item_merger_ ? item_merger_({first, second}) : second;
  }

  static void require_same_kind(const Value& first, const Value& second) {
    if (first.kind() != second.kind())
      throw Error("TypeError",
                  "Cannot merge " + python_class(first) + " with " + python_class(second));
  }

  // The default list merger: the distinct items of both lists, in order.
  static Value distinct_concat(const Value& first, const Value& second) {
    Set seen;
    List items;
    for (const Value* list : {&first, &second})
      for (const Value& item : list->as_list())
        if (seen.insert(item)) items.push_back(item);
    return Value::list(std::move(items));
  }

  Lambda list_merger_;
  Lambda item_merger_;
};

}  // namespace

void register_query_merging(Registry& r) {
  r.add(
      "method mergeWith(dict: mapping, another: mapping, listMerger: lambda = null, "
      "itemMerger: lambda = null, maxLevels: pyint = 0)",
      [](Call& c) {
        DictMerger merger(c.lambda(2), c.lambda(3));
        return Value::dict(merger.merge(c[0].as_dict(), c[1].as_dict(), to_int64(c[4])));
      });
}

}  // namespace sirocco::yaql
