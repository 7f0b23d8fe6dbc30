// Lazy editing of YAQL collections by position (delete, replace, replaceMany, insert,
// insertMany) and flatten, with python-yaql's generator semantics for odd positions.
#include <algorithm>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

// Whether item `index` is among the `count` items from `position` (all of them from
// `position` on when count is negative).
bool in_span(int64_t index, int64_t position, int64_t count) {
  if (index < position) return false;
  return count < 0 || static_cast<__int128>(index) < static_cast<__int128>(position) + count;
}

// The collection with its span [position, position + count) replaced by the items of
// `replacement` (a collection, or null to delete the span). The replacement comes where the
// span's first item was; a span past the end replaces nothing.
Value splice(Value collection, int64_t position, int64_t count, Value replacement) {
  struct State {
    Cursor items;
    Cursor replacement;
    int64_t index = 0;
    bool replaced = false;
    bool emitting = false;
  };
  auto s =
      std::make_shared<State>(State{Cursor(std::move(collection)), Cursor(std::move(replacement))});
  return lazy([s, position, count](Value& out) {
    for (;;) {
      if (s->emitting) {
        if (s->replacement.next(out)) return true;
        s->emitting = false;
      }
      Value item;
      if (!s->items.next(item)) return false;
      if (!in_span(s->index++, position, count)) {
        out = std::move(item);
        return true;
      }
      if (!s->replaced) s->replaced = s->emitting = true;
    }
  });
}

// The collection with the items of `values` inserted before item `position`, or at the end
// when position is past it. A negative position inserts at the start when
// `negative_at_start`, else nowhere (yaql's insert() and insertMany() differ there).
Value insertion(Value collection, int64_t position, Value values, bool negative_at_start) {
  struct State {
    Cursor items;
    Cursor values;
    int64_t index = 0;
    bool inserted = false;
    bool emitting = false;
    bool finished = false;
    std::optional<Value> held = std::nullopt;  // the item the values go before
  };
  auto s = std::make_shared<State>(State{Cursor(std::move(collection)), Cursor(std::move(values))});
  if (position < 0) {
    s->inserted = true;
    s->emitting = negative_at_start;
  }
  return lazy([s, position](Value& out) {
    for (;;) {
      if (s->emitting) {
        if (s->values.next(out)) return true;
        s->emitting = false;
      }
      if (s->held) {
        out = std::move(*s->held);
        s->held.reset();
        return true;
      }
      if (s->finished) return false;
      Value item;
      if (!s->items.next(item)) {
        s->finished = true;
        if (!s->inserted) s->inserted = s->emitting = true;
        continue;
      }
      if (s->inserted || s->index++ != position) {
        out = std::move(item);
        return true;
      }
      s->inserted = s->emitting = true;
      s->held = std::move(item);
    }
  });
}

// Python's list.insert(position, value) on a copy.
Value list_insert(const Value& list, int64_t position, const Value& value) {
  List items = list.as_list();
  const int64_t size = static_cast<int64_t>(items.size());
  if (position < 0) position = std::max<int64_t>(position + size, 0);
  items.insert(items.begin() + std::min(position, size), value);
  return Value::list(std::move(items));
}

// Every non-collection item, depth first: nested lists, sets and sequences are opened.
Value flatten(Value collection) {
  auto stack = std::make_shared<std::vector<Cursor>>();
  stack->emplace_back(std::move(collection));
  return lazy([stack](Value& out) {
    while (!stack->empty()) {
      Value item;
      if (!stack->back().next(item)) {
        stack->pop_back();
      } else if (item.is_collection()) {
        stack->emplace_back(std::move(item));
      } else {
        out = std::move(item);
        return true;
      }
    }
    return false;
  });
}

}  // namespace

void register_sequence_edits(Registry& r) {
  r.add("method delete(collection: iterable, position: pyint, count: pyint = 1)",
        [](Call& c) { return splice(c[0], to_int64(c[1]), to_int64(c[2]), Value()); });
  r.add("method replace(collection: iterable, position: pyint, value: any, count: pyint = 1)",
        [](Call& c) { return splice(c[0], to_int64(c[1]), to_int64(c[3]), Value::list({c[2]})); });
  r.add(
      "method replaceMany(collection: iterable, position: pyint, values: iterable, "
      "count: pyint = 1)",
      [](Call& c) { return splice(c[0], to_int64(c[1]), to_int64(c[3]), c[2]); });
  // Sets take no insert(); lists insert like Python lists, other iterables lazily.
  r.add("method insert(collection: iterator, position: pyint, value: any)",
        [](Call& c) { return insertion(c[0], to_int64(c[1]), Value::list({c[2]}), false); });
  r.add("method insert(collection: sequence, position: pyint, value: any)",
        [](Call& c) { return list_insert(c[0], ssize_arg(c[1]), c[2]); });
  r.add("method insertMany(collection: iterable, position: pyint, values: iterable)",
        [](Call& c) { return insertion(c[0], to_int64(c[1]), c[2], true); });
  r.add("method flatten(collection: iterable)", [](Call& c) { return flatten(c[0]); });
}

}  // namespace sirocco::yaql
