// Internal to the queries module (python-yaql's standard_library/queries.py): the parts it
// is registered from, and the small helpers several parts share.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "stdlib/yaql/support.h"

namespace sirocco::yaql {

void register_query_transforms(Registry& r);  // where select selectMany zip join distinct ...
void register_query_lookups(Registry& r);     // first last single any all count indexOf ...
void register_query_folds(Registry& r);       // sum max min aggregate reduce accumulate
void register_query_ordering(Registry& r);    // orderBy orderByDescending thenBy ...
void register_query_partitions(Registry& r);  // groupBy slice sliceWhere splitWhere splitAt
void register_query_generators(Registry& r);  // range sequence repeat cycle generate ...
void register_query_merging(Registry& r);     // mergeWith

// The error overload resolution raises when no overload takes the arguments, for argument
// kinds the signature grammar cannot tell apart; `receiver` is null for a function call.
[[noreturn]] void throw_no_matching(const std::string& name, const Value* receiver);

// What itertools.islice says about a start (skip) or stop (take, slice) it cannot use.
inline constexpr const char* kIsliceStartError =
    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
inline constexpr const char* kIsliceStopError =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

// An int argument given to itertools.islice: 0 <= count <= sys.maxsize, else ValueError.
inline int64_t islice_count(const Value& count, const char* error) {
  if (count.is_big_int() || (count.is_small_int() && count.as_small_int() < 0))
    throw Error("ValueError", error);
  return to_int64(count);
}

// Every item of a collection (a lazy one is consumed), counted against the iterator limit.
inline List collect_items(const Evaluator& ev, const Value& collection) {
  if (collection.is_list()) {
    ev.check_collection_size(collection.as_list().size());
    return collection.as_list();
  }
  List items;
  for_each_item(collection, [&](const Value& item) {
    items.push_back(item);
    ev.check_collection_size(items.size());
    return true;
  });
  return items;
}

// A lazy, single-pass sequence over the items of a list (a Python list iterator).
inline Value lazy_list(List items) {
  return lazy([items = std::move(items), next = size_t{0}](Value& out) mutable {
    if (next >= items.size()) return false;
    out = items[next++];
    return true;
  });
}

}  // namespace sirocco::yaql
