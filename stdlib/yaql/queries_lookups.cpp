// Queries that look into a collection and answer with one value: first, last, single, any,
// all, count/len, and the indexOf family. They pull items only as far as they need to.
#include <functional>
#include <optional>
#include <string>

#include "stdlib/yaql/queries_internal.h"

namespace sirocco::yaql {

namespace {

// What next() raises on an exhausted iterator.
[[noreturn]] void stop_iteration(const std::string& message = "") {
  throw Error("StopIteration", message);
}

Value first_item(const Value& collection, const std::optional<Value>& fallback) {
  Value item;
  if (Cursor(collection).next(item)) return item;
  if (!fallback) stop_iteration();
  return *fallback;
}

Value last_item(const Value& collection, const std::optional<Value>& fallback) {
  std::optional<Value> last;
  if (collection.is_list()) {
    if (!collection.as_list().empty()) last = collection.as_list().back();
  } else {
    for_each_item(collection, [&](const Value& item) { return last = item, true; });
  }
  if (last) return *last;
  if (!fallback) stop_iteration();
  return *fallback;
}

Value single_item(const Value& collection) {
  Cursor items(collection);
  Value item, extra;
  if (!items.next(item)) stop_iteration();
  if (items.next(extra)) stop_iteration("Collection contains more than one item");
  return item;
}

Value count_items(const Value& collection) {
  if (collection.is_list())
    return Value::integer(static_cast<int64_t>(collection.as_list().size()));
  if (collection.is_set()) return Value::integer(static_cast<int64_t>(collection.as_set().size()));
  int64_t count = 0;
  for_each_item(collection, [&](const Value&) { return ++count, true; });
  return Value::integer(count);
}

// The index of the first (or last) item that matches, or -1.
Value index_where(const Value& collection, const std::function<bool(const Value&)>& matches,
                  bool last) {
  int64_t index = 0, found = -1;
  for_each_item(collection, [&](const Value& item) {
    if (matches(item)) found = index;
    ++index;
    return last || found < 0;
  });
  return Value::integer(found);
}

using Lookup = Value (*)(const Value& collection, const std::optional<Value>& fallback);

// NAME(collection) and NAME(collection, default): the default answers for an empty one.
void add_with_default(Registry& r, const std::string& name, Lookup lookup) {
  r.add("method " + name + "(collection: iterable)",
        [lookup](Call& c) { return lookup(c[0], std::nullopt); });
  r.add("method " + name + "(collection: iterable, default: any)",
        [lookup](Call& c) { return lookup(c[0], c[1]); });
}

}  // namespace

void register_query_lookups(Registry& r) {
  add_with_default(r, "first", first_item);
  add_with_default(r, "last", last_item);
  r.add("method single(collection: iterable)", [](Call& c) { return single_item(c[0]); });
  r.add("ext any(collection: iterable, predicate: lambda = null)", [](Call& c) {
    Lambda predicate = c.lambda(1);
    bool found = false;
    for_each_item(c[0], [&](const Value& item) {
      found = !predicate || truthy(predicate(item));
      return !found;
    });
    return Value::boolean(found);
  });
  r.add("ext all(collection: iterable, predicate: lambda = null)", [](Call& c) {
    Lambda predicate = c.lambda(1);
    bool ok = true;
    for_each_item(c[0], [&](const Value& item) {
      ok = truthy(predicate ? predicate(item) : item);
      return ok;
    });
    return Value::boolean(ok);
  });
  r.add("method count(collection: iterable)", [](Call& c) { return count_items(c[0]); });
  // len(iterator), as a function and as a method: declared apart to raise the right error
  // for an ordering, which the reference does not count as an iterator.
  for (bool method : {false, true})
    r.add(std::string(method ? "method " : "") + "len(collection: iterator)", [method](Call& c) {
      if (!c[0].as_sequence().is_iterator()) throw_no_matching("len", method ? &c[0] : nullptr);
      return count_items(c[0]);
    });
  for (bool last : {false, true}) {
    r.add(std::string("method ") + (last ? "lastIndexOf" : "indexOf") +
              "(collection: iterable, item: any)",
          [last](Call& c) {
            const Value& wanted = c[1];
            return index_where(
                c[0], [&](const Value& item) { return equals(item, wanted); }, last);
          });
    r.add(std::string("method ") + (last ? "lastIndexWhere" : "indexWhere") +
              "(collection: iterable, predicate: lambda)",
          [last](Call& c) {
            Lambda predicate = c.lambda(1);
            return index_where(
                c[0], [&](const Value& item) { return truthy(predicate(item)); }, last);
          });
  }
}

}  // namespace sirocco::yaql
