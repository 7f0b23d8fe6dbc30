// The YAQL queries module (python-yaql's standard_library/queries.py): registration of all
// its parts, and the transforms of collections — where, select, selectMany, skip, take,
// append, concat, distinct, enumerate, zip, join, takeWhile, skipWhile, memorize, reverse...
// Where the reference returns a generator or an itertools object, these return a lazy
// sequence that pulls its input only as its own items are pulled.
#include <memory>
#include <optional>
#include <vector>

#include "interp/number.h"
#include "stdlib/yaql/queries_internal.h"
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {

namespace {

// itertools.chain: the items of each collection in turn.
Value chain(List collections) {
  return lazy([parts = std::move(collections), index = size_t{0},
               cursor = std::optional<Cursor>()](Value& out) mutable {
    for (; index < parts.size(); ++index, cursor.reset()) {
      if (!cursor) cursor.emplace(parts[index]);
      if (cursor->next(out)) return true;
    }
    return false;
  });
}

// A collection followed by the values of a call's *args.
List receiver_and_rest(const Call& c) {
  List all{c[0]};
  for (Value& v : c.rest()) all.push_back(std::move(v));
  return all;
}

// zip / itertools.zip_longest over cursors: rows of one item from each collection; without
// a fill value it stops at the first exhausted collection, with one at the last.
Value zip_collections(const List& collections, std::optional<Value> fill) {
  std::vector<Cursor> cursors(collections.begin(), collections.end());
  return lazy([cursors = std::move(cursors), fill = std::move(fill),
               exhausted = std::vector<bool>(collections.size(), false)](Value& out) mutable {
    List row;
    size_t active = 0;
    for (size_t i = 0; i < cursors.size(); ++i) {
      Value item;
      if (!exhausted[i] && cursors[i].next(item)) {
        ++active;
      } else if (!fill) {
        return false;
      } else {
        exhausted[i] = true;
        item = *fill;
      }
      row.push_back(std::move(item));
    }
    if (active == 0) return false;
    out = Value::list(std::move(row));
    return true;
  });
}

// The items of a collection pulled once and kept, so that it can be walked many times
// (python-yaql's utils.memorize, as join() uses it for its inner collection).
class Remembered {
 public:
  explicit Remembered(Value collection) : source_(std::move(collection)) {}
  bool get(size_t index, Value& out) {
    while (index >= seen_.size()) {
      Value item;
      if (done_ || !source_.next(item)) return done_ = true, false;
      seen_.push_back(std::move(item));
    }
    out = seen_[index];
    return true;
  }

 private:
  Cursor source_;
  List seen_;
  bool done_ = false;
};

// join: selector($1, $2) for every pair of the two collections predicate($1, $2) accepts.
Value join_collections(Value outer, Value inner, Lambda predicate, Lambda selector) {
  return lazy([outer = Cursor(std::move(outer)), inner = Remembered(std::move(inner)), predicate,
               selector, left = Value(), next_right = size_t{0},
               has_left = false](Value& out) mutable {
    for (;;) {
      if (!has_left) {
        if (!outer.next(left)) return false;
        has_left = true;
        next_right = 0;
      }
      Value right;
      while (inner.get(next_right++, right))
        if (truthy(predicate({left, right}))) {
          out = selector({left, right});
          return true;
        }
      has_left = false;
    }
  });
}

// selectMany: the selector's results, with iterable results flattened one level.
Value select_many(Value collection, Lambda selector) {
  return lazy([outer = Cursor(std::move(collection)), selector,
               inner = std::optional<Cursor>()](Value& out) mutable {
    for (;;) {
      if (inner && inner->next(out)) return true;
      inner.reset();
      Value item;
      if (!outer.next(item)) return false;
      Value produced = selector(item);
      if (!produced.is_collection()) {
        out = std::move(produced);
        return true;
      }
      inner.emplace(std::move(produced));
    }
  });
}

// enumerate(collection, start): [index, item] pairs; a null start fails when first pulled.
Value enumerate_items(Value collection, Value start) {
  if (start.is_bool()) start = Value::integer(start.as_bool());
  return lazy(
      [items = Cursor(std::move(collection)), index = std::move(start)](Value& out) mutable {
        if (index.is_null())
          throw Error("TypeError", "'NoneType' object cannot be interpreted as an integer");
        Value item;
        if (!items.next(item)) return false;
        out = Value::list({index, std::move(item)});
        index = num_add(index, Value::integer(1));
        return true;
      });
}

// The collection without its first `count` items (itertools.islice(collection, count, None)).
Value skip_items(Value collection, int64_t count) {
  return lazy([items = Cursor(std::move(collection)), count](Value& out) mutable {
    for (; count > 0; --count)
      if (!items.next(out)) return false;
    return items.next(out);
  });
}

// The first `count` items of the collection (itertools.islice(collection, count)).
Value take_items(Value collection, int64_t count) {
  return lazy([items = Cursor(std::move(collection)), count](Value& out) mutable {
    return count-- > 0 && items.next(out);
  });
}

Value take_while(Value collection, Lambda predicate) {
  return lazy([items = Cursor(std::move(collection)), predicate](Value& out) mutable {
    return items.next(out) && truthy(predicate(out));
  });
}

Value skip_while(Value collection, Lambda predicate) {
  return lazy(
      [items = Cursor(std::move(collection)), predicate, skipping = true](Value& out) mutable {
        while (items.next(out)) {
          if (skipping && truthy(predicate(out))) continue;
          skipping = false;
          return true;
        }
        return false;
      });
}

// distinct: the first item of each key (the item itself without a key selector).
Value distinct_items(Value collection, Lambda key) {
  auto seen = std::make_shared<Set>();
  return lazy_filter(std::move(collection), [key, seen](const Value& item) {
    return seen->insert(key ? key(item) : item);
  });
}

// `collection.attribute`: `.attribute` of every item, through the `#operator_.` overloads.
Value attribute_of_items(Call& c) {
  Evaluator* ev = &c.ev;
  ScopePtr scope = c.scope;
  const Node* attribute = c.node(1);
  return lazy_map(c[0], [ev, scope, attribute](const Value& item) {
    return ev->call("#operator_.", scope, {RawArg::of(item), RawArg::of(attribute)});
  });
}

// defaultIfEmpty: `default` when the collection has no items; a lazy one is peeked at.
Value default_if_empty(const Value& collection, const Value& fallback) {
  if (!collection.is_sequence()) {
    bool empty = collection.is_list() ? collection.as_list().empty() : collection.as_set().empty();
    return empty ? fallback : collection;
  }
  Value first;
  if (!collection.as_sequence().next(first)) return fallback;
  return chain({Value::list({first}), collection});
}

List reversed(List items) { return List(items.rbegin(), items.rend()); }

}  // namespace

void register_queries(Registry& r) {
  register_query_transforms(r);
  register_query_lookups(r);
  register_query_folds(r);
  register_query_ordering(r);
  register_query_partitions(r);
  register_query_generators(r);
  register_query_merging(r);
}

void register_query_transforms(Registry& r) {
  for (std::string name : {"where", "filter"})
    r.add("method " + name + "(collection: iterable, predicate: lambda)", [](Call& c) {
      Lambda predicate = c.lambda(1);
      return lazy_filter(c[0], [predicate](const Value& v) { return truthy(predicate(v)); });
    });
  for (std::string name : {"select", "map"})
    r.add("method " + name + "(collection: iterable, selector: lambda)",
          [](Call& c) { return lazy_map(c[0], c.lambda(1)); });
  r.add("#operator_.(collection: iterable, attribute: keyword)", attribute_of_items);
  r.add("method selectMany(collection: iterable, selector: lambda)",
        [](Call& c) { return select_many(c[0], c.lambda(1)); });
  r.add("method skip(collection: iterable, count: pyint)",
        [](Call& c) { return skip_items(c[0], islice_count(c[1], kIsliceStartError)); });
  for (std::string name : {"limit", "take"})
    r.add("method " + name + "(collection: iterable, count: pyint)",
          [](Call& c) { return take_items(c[0], islice_count(c[1], kIsliceStopError)); });
  r.add("method takeWhile(collection: iterable, predicate: lambda)",
        [](Call& c) { return take_while(c[0], c.lambda(1)); });
  r.add("method skipWhile(collection: iterable, predicate: lambda)",
        [](Call& c) { return skip_while(c[0], c.lambda(1)); });
  r.add("ext append(collection: iterable, *args: any)", [](Call& c) {
    return chain({c[0], Value::list(c.rest())});
  });
  // yaql declares concat(*args) as an extension method: the receiver is the first of them,
  // and with no argument at all the call is as ambiguous as the string concat().
  r.add("method concat(collection: iterable, *collections: iterable)",
        [](Call& c) { return chain(receiver_and_rest(c)); });
  r.add("concat(*collections: iterable)", [](Call& c) { return chain(c.rest()); });
  r.add("ext distinct(collection: iterable, keySelector: lambda = null)",
        [](Call& c) { return distinct_items(c[0], c.lambda(1)); });
  r.add("ext enumerate(collection: iterable, start: pyint? = 0)",
        [](Call& c) { return enumerate_items(c[0], c[1]); });
  r.add("method zip(collection: iterable, *collections: iterable)",
        [](Call& c) { return zip_collections(receiver_and_rest(c), std::nullopt); });
  r.add("method zipLongest(collection: iterable, *collections: iterable, **kwargs: any)",
        [](Call& c) {
          Value fill;
          for (const auto& [name, slot] : c.kwargs)
            if (name == "default") fill = slot.value;
          return zip_collections(receiver_and_rest(c), fill);
        });
  r.add(
      "method join(collection1: iterable, collection2: iterable, predicate: lambda, "
      "selector: lambda)",
      [](Call& c) { return join_collections(c[0], c[1], c.lambda(2), c.lambda(3)); });
  // The reference remembers a lazy input's items as they are pulled, so that the result can
  // be walked more than once; a list is the value here that can be (an endless input hangs).
  r.add("method memorize(collection: iterable)",
        [](Call& c) { return c[0].is_sequence() ? Value::list(collect_items(c.ev, c[0])) : c[0]; });
  r.add("method defaultIfEmpty(collection: iterable, default: iterable)",
        [](Call& c) { return default_if_empty(c[0], c[1]); });
  r.add("method reverse(collection: iterable)",
        [](Call& c) { return lazy_list(reversed(collect_items(c.ev, c[0]))); });
  r.add("isIterable(value: any)", [](Call& c) { return Value::boolean(c[0].is_collection()); });
}

}  // namespace sirocco::yaql
