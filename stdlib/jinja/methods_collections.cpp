// The Python methods of list, tuple and dict. Like Python's (and unlike every other Sirocco
// value), a list or dict changes in place under its mutating methods (append, pop, update,
// ...), and every copy of the Value sees the change: Jinja2's SandboxedEnvironment allows
// them (only the ImmutableSandboxedEnvironment refuses them). They run only under the
// evaluation's MutationPermit, which keeps the caller's data out of their reach.
#include <algorithm>

#include "interp/jinja_mutation.h"
#include "interp/jinja_ops.h"
#include "interp/text.h"
#include "stdlib/jinja/globals_internal.h"
#include "stdlib/jinja/methods.h"
#include "stdlib/jinja/methods_internal.h"

namespace sirocco::jinja {
namespace {

using pystr::bound_arg;
using pystr::int_arg;

// The receiver of a mutating method, once the running evaluation may change it.
List& mutable_list(const Call& c) {
  MutationPermit::check(c.def.name);
  return const_cast<List&>(c[0].as_list());
}
Dict& mutable_dict(const Call& c) {
  MutationPermit::check(c.def.name);
  return const_cast<Dict&>(c[0].as_dict());
}

// Python lets a list hold itself (`x.append(x)`); Sirocco refuses (see holds_object).
void refuse_cycle(const Value& container, const Value& inserted) {
  if (holds_object(inserted, container.object().get()))
    throw Error("ValueError", "a list or dict cannot hold itself");
}

// A list may grow to what the memory quota holds (sizeof(Value) bytes an item, at most
// 100 MB); past that an append or extend is a MemoryQuotaExceededException.
List& growable_list(const Call& c, size_t more) {
  List& items = mutable_list(c);
  size_t max_items = pystr::max_result_bytes(c.runtime) / sizeof(Value);
  if (items.size() + more > max_items) pystr::result_too_large();
  return items;
}

Value count_of(const Call& c) {
  int64_t n = 0;
  for (const Value& item : c[0].as_list()) n += python_equal(item, c[1]).value();
  return Value::integer(n);
}

// list.index / tuple.index(x, start, end); unlike str.find's, these bounds may not be None.
Value index_of(const Call& c) {
  for (size_t i : {2, 3})
    if (c.given(i) && !c[i].is_int() && !c[i].is_bool())
      throw Error("TypeError", "slice indices must be integers or have an __index__ method");
  const List& items = c[0].as_list();
  int64_t length = static_cast<int64_t>(items.size());
  auto clamp = [length](int64_t i) {
    if (i < 0) i += length;
    return std::clamp<int64_t>(i, 0, length);
  };
  int64_t start = clamp(bound_arg(c[2], 0)), end = clamp(bound_arg(c[3], length));
  for (int64_t i = start; i < end; ++i)
    if (python_equal(items[static_cast<size_t>(i)], c[1]).value()) return Value::integer(i);
  if (c[0].is_tuple()) throw Error("ValueError", "tuple.index(x): x not in tuple");
  throw Error("ValueError", python_repr(c[1]) + " is not in list");
}

Value pop_list(const Call& c) {
  List& items = mutable_list(c);
  if (items.empty()) throw Error("IndexError", "pop from empty list");
  int64_t length = static_cast<int64_t>(items.size());
  int64_t i = int_arg(c[1]);
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw Error("IndexError", "pop index out of range");
  Value out = items[static_cast<size_t>(i)];
  items.erase(items.begin() + i);
  return out;
}

Value sort_list(Call& c) {
  List& items = mutable_list(c);
  List keys = items;
  if (!c[1].is_null())
    for (Value& k : keys) k = c.runtime.call(c[1], {k}, {}, c.span).value();
  std::vector<size_t> order(items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  bool reverse = truthy(c[2]);
  Ordering ordering;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return reverse ? ordering.less(keys[b], keys[a]) : ordering.less(keys[a], keys[b]);
  });
  ordering.status().value();
  List sorted;
  for (size_t i : order) sorted.push_back(items[i]);
  items = std::move(sorted);
  return Value();
}

void register_sequences(Registry& r) {
  for (const char* type : {"list", "tuple"}) {
    std::string t = type;
    r.add(t + ".count(self: any, value: any)", count_of);
    r.add(t + ".index(self: any, value: any, start: any = null, stop: any = null)", index_of);
  }
  r.add("list.copy(self: any)", [](Call& c) { return Value::list(c[0].as_list()); });
  r.add("list.append(self: any, object: any)", [](Call& c) {
    refuse_cycle(c[0], c[1]);
    growable_list(c, 1).push_back(c[1]);
    return Value();
  });
  r.add("list.extend(self: any, iterable: any)", [](Call& c) {
    List more = python_iterate(c[1]).value();
    for (const Value& item : more) refuse_cycle(c[0], item);
    List& items = growable_list(c, more.size());
    items.insert(items.end(), more.begin(), more.end());
    return Value();
  });
  r.add("list.insert(self: any, index: any, object: any)", [](Call& c) {
    refuse_cycle(c[0], c[2]);
    List& items = growable_list(c, 1);
    int64_t length = static_cast<int64_t>(items.size()), i = int_arg(c[1]);
    if (i < 0) i += length;
    items.insert(items.begin() + std::clamp<int64_t>(i, 0, length), c[2]);
    return Value();
  });
  r.add("list.pop(self: any, index: any = -1)", pop_list);
  r.add("list.remove(self: any, value: any)", [](Call& c) {
    List& items = mutable_list(c);
    for (size_t i = 0; i < items.size(); ++i)
      if (python_equal(items[i], c[1]).value()) {
        items.erase(items.begin() + static_cast<ptrdiff_t>(i));
        return Value();
      }
    throw Error("ValueError", "list.remove(x): x not in list");
  });
  r.add("list.clear(self: any)", [](Call& c) {
    mutable_list(c).clear();
    return Value();
  });
  r.add("list.reverse(self: any)", [](Call& c) {
    List& items = mutable_list(c);
    std::reverse(items.begin(), items.end());
    return Value();
  });
  r.add("list.sort(self: any, key: any = null, reverse: any = false)", sort_list);
}

const Value* find_key(const Call& c, const Value& key) {
  refuse_strict(key).value();
  require_hashable(key).value();
  return c[0].as_dict().find(key);
}

void register_dict(Registry& r) {
  r.add("dict.keys(self: any)", [](Call& c) {
    List keys;
    for (const auto& entry : c[0].as_dict()) keys.push_back(entry.first);
    return Value::list(std::move(keys));
  });
  r.add("dict.values(self: any)", [](Call& c) {
    List values;
    for (const auto& entry : c[0].as_dict()) values.push_back(entry.second);
    return Value::list(std::move(values));
  });
  r.add("dict.items(self: any)", [](Call& c) {
    List items;
    for (const auto& [key, value] : c[0].as_dict()) items.push_back(Value::tuple({key, value}));
    return Value::list(std::move(items));
  });
  r.add("dict.get(self: any, key: any, default: any = null)", [](Call& c) {
    const Value* v = find_key(c, c[1]);
    return v ? *v : c[2];
  });
  r.add("dict.copy(self: any)", [](Call& c) { return Value::dict(c[0].as_dict()); });
  r.add("dict.pop(self: any, key: any, *default: any)", [](Call& c) {
    std::vector<Value> fallback = c.rest();
    if (fallback.size() > 1)
      throw Error("TypeError",
                  "pop expected at most 2 arguments, got " + std::to_string(fallback.size() + 1));
    const Value* v = find_key(c, c[1]);
    if (!v) {
      if (fallback.empty()) throw Error("KeyError", python_repr(c[1]));
      return fallback[0];
    }
    Value out = *v;
    mutable_dict(c).erase(c[1]);
    return out;
  });
  r.add("dict.popitem(self: any)", [](Call& c) {
    const Dict& d = c[0].as_dict();
    if (d.empty()) throw Error("KeyError", "'popitem(): dictionary is empty'");
    auto [key, value] = d.entries().back();
    mutable_dict(c).erase(key);
    return Value::tuple({key, value});
  });
  r.add("dict.setdefault(self: any, key: any, default: any = null)", [](Call& c) {
    if (const Value* v = find_key(c, c[1])) return *v;
    refuse_cycle(c[0], c[2]);
    mutable_dict(c).set(c[1], c[2]);
    return c[2];
  });
  r.add("dict.update(self: any, *args: any, **kwargs: any)", [](Call& c) {
    Dict more = build_dict(c.rest(), c.kwargs);
    for (const auto& [key, value] : more) refuse_cycle(c[0], value);
    Dict& d = mutable_dict(c);
    for (const auto& [key, value] : more) d.set(key, value);
    return Value();
  });
  r.add("dict.clear(self: any)", [](Call& c) {
    mutable_dict(c) = Dict();
    return Value();
  });
}

}  // namespace

const std::vector<std::string>& mutating_method_names() {
  static const std::vector<std::string> names = {"append",  "extend",     "insert",  "pop",
                                                 "remove",  "clear",      "reverse", "sort",
                                                 "popitem", "setdefault", "update"};
  return names;
}

void register_collection_methods(Registry& r) {
  register_sequences(r);
  register_dict(r);
}

}  // namespace sirocco::jinja
