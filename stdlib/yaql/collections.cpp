// The YAQL collections module (python-yaql's standard_library/collections.py): list and
// dict literals and constructors, indexers, dict access and updates, membership, `+` and `*`
// of collections, len(). Sequence editing and sets live in collections_sequences.cpp and
// collections_sets.cpp.
#include <algorithm>
#include <memory>
#include <utility>

#include "interp/error.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/yaql/collections_internal.h"
#include "stdlib/yaql/stdlib.h"
#include "stdlib/yaql/support.h"

namespace sirocco::yaql {
namespace {

constexpr size_t kMaxResultBytes = 100'000'000;

void expand_into(const Call& c, const Value& v, List& out) {
  if (!v.is_sequence() || !v.as_sequence().is_iterator()) {
    out.push_back(v);
    c.ev.check_collection_size(out.size());
    return;
  }
  for_each_item(v, [&](const Value& item) {
    expand_into(c, item, out);
    return true;
  });
}

}  // namespace

size_t max_result_bytes(const Call& c) {
  int64_t quota = c.ev.limits().memory_quota;
  return quota > 0 ? std::min(kMaxResultBytes, static_cast<size_t>(quota)) : kMaxResultBytes;
}

void check_repetition(const Call& c, int64_t count, size_t item_bytes) {
  if (count > 0 && item_bytes > 0 &&
      static_cast<uint64_t>(count) > max_result_bytes(c) / item_bytes)
    memory_quota_exceeded();
}

int64_t ssize_arg(const Value& v) {
  if (v.is_big_int()) throw Error("OverflowError", "Python int too large to convert to C ssize_t");
  return to_int64(v);
}

int64_t repeat_count_arg(const Value& v) {
  if (v.is_big_int()) throw Error("OverflowError", "cannot fit 'int' into an index-sized integer");
  return to_int64(v);
}

List collect(const Call& c, const Value& collection) {
  if (collection.is_list()) {
    c.ev.check_collection_size(collection.as_list().size());
    return collection.as_list();
  }
  List out;
  for_each_item(collection, [&](const Value& item) {
    out.push_back(item);
    c.ev.check_collection_size(out.size());
    return true;
  });
  return out;
}

List expand_iterators(const Call& c, const std::vector<Value>& args) {
  List out;
  for (const Value& arg : args) expand_into(c, arg, out);
  return out;
}

namespace {

[[noreturn]] void key_error(const Value& key) {
  throw Error("KeyError", python_repr(key, PyStyle::Yaql));
}

// The dict that `a => b` arguments from slot `first` on build (later keys win).
Dict dict_of_rules(const Call& c, size_t first, Dict d = {}) {
  for (size_t i = first; i < c.size(); ++i) {
    auto [key, value] = c.rule(i);
    Value k = key();
    d.set(std::move(k), value());
  }
  return d;
}

// The first two items Python's iter(pair) gives (strings give characters, dicts keys).
List first_two(const Value& pair) {
  List out;
  if (pair.is_string()) {
    std::string_view s = pair.as_string();
    for (size_t pos = 0, start = 0; pos < s.size() && out.size() < 2; start = pos) {
      utf8::decode(s, pos);
      out.push_back(Value::string(std::string(s.substr(start, pos - start))));
    }
  } else if (pair.is_dict()) {
    for (const auto& entry : pair.as_dict())
      if (out.size() < 2) out.push_back(entry.first);
  } else if (pair.is_collection()) {
    for_each_item(pair, [&](const Value& item) {
      out.push_back(item);
      return out.size() < 2;
    });
  } else {
    throw Error("TypeError", "'" + type_name(pair) + "' object is not iterable");
  }
  return out;
}

// dict(pairs): every pair gives a key and its value, as Python's `key, value = iter(pair)`
// reads them (items past the second are ignored; fewer than two is StopIteration).
Dict dict_of_pairs(const Call& c, const Value& pairs) {
  Dict d;
  for_each_item(pairs, [&](const Value& pair) {
    List kv = first_two(pair);
    if (kv.size() < 2) throw Error("StopIteration", "");
    d.set(std::move(kv[0]), std::move(kv[1]));
    c.ev.check_collection_size(d.size());
    return true;
  });
  return d;
}

Value items_of(const Dict& d) {
  Set items;
  for (const auto& [key, value] : d) items.insert(Value::list({key, value}));
  return Value::set(std::move(items));
}

bool contains(const Value& collection, const Value& value) {
  if (collection.is_set()) return collection.as_set().contains(value);
  bool found = false;
  for_each_item(collection, [&](const Value& item) { return !(found = equals(item, value)); });
  return found;
}

// Items of two collections one after the other, lazily.
Value chain(Value first, Value second) {
  auto cursors = std::make_shared<std::pair<Cursor, Cursor>>(Cursor(std::move(first)),
                                                             Cursor(std::move(second)));
  return lazy(
      [cursors](Value& out) { return cursors->first.next(out) || cursors->second.next(out); });
}

Value combine(const Call& c, const Value& left, const Value& right) {
  if (left.is_list() && right.is_list()) {
    const List &a = left.as_list(), &b = right.as_list();
    check_repetition(c, static_cast<int64_t>(a.size() + b.size()), sizeof(Value));
    List out;
    out.reserve(a.size() + b.size());
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return Value::list(std::move(out));
  }
  if (left.is_set() && right.is_set()) {
    Set out = left.as_set();
    for (const Value& v : right.as_set()) out.insert(v);
    return Value::set(std::move(out));
  }
  return chain(left, right);
}

Value repeat(const Call& c, const Value& list, const Value& times) {
  int64_t count = repeat_count_arg(times);
  const List& items = list.as_list();
  if (count <= 0 || items.empty()) return Value::list({});
  check_repetition(c, count, items.size() * sizeof(Value));
  List out;
  out.reserve(items.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out.insert(out.end(), items.begin(), items.end());
  return Value::list(std::move(out));
}

Value list_item(const Value& list, const Value& index) {
  const List& items = list.as_list();
  if (index.is_big_int()) throw Error("IndexError", "cannot fit 'int' into an index-sized integer");
  int64_t i = to_int64(index);
  if (i < 0) i += static_cast<int64_t>(items.size());
  if (i < 0 || i >= static_cast<int64_t>(items.size()))
    throw Error("IndexError", "tuple index out of range");
  return items[static_cast<size_t>(i)];
}

// d[key] if present, else the default in slot 2.
Value item_or_default(const Call& c) {
  const Value* found = c[0].as_dict().find(c[1]);
  return found ? *found : c[2];
}

// A copy of `left` with the entries of `right` set into it.
Value merged(const Value& left, const Value& right) {
  Dict d = left.as_dict();
  for (const auto& [key, value] : right.as_dict()) d.set(key, value);
  return Value::dict(std::move(d));
}

Value without_keys(const Dict& d, const Value& keys) {
  Dict out = d;
  for_each_item(keys, [&](const Value& key) {
    out.erase(key);
    return true;
  });
  return Value::dict(std::move(out));
}

void register_constructors(Registry& r) {
  r.add("#list(*args: any)", [](Call& c) { return Value::list(c.rest()); });
  r.add("list(*args: any)", [](Call& c) { return Value::list(expand_iterators(c, c.rest())); });
  r.add("method toList(collection: iterable)", [](Call& c) {
    if (!c[0].is_list()) return Value::list(collect(c, c[0]));
    c.ev.check_collection_size(c[0].as_list().size());
    return c[0];
  });
  for (const char* signature : {"#map(*args: mapping_rule)", "dict(*args: mapping_rule)"})
    r.add(signature, [](Call& c) { return Value::dict(dict_of_rules(c, 0)); });
  r.add("dict(items: iterable)", [](Call& c) { return Value::dict(dict_of_pairs(c, c[0])); });
  r.add("method toDict(collection: iterable, keySelector: lambda, valueSelector: lambda = null)",
        [](Call& c) {
          Lambda key = c.lambda(1), value = c.lambda(2);
          Dict d;
          for_each_item(c[0], [&](const Value& item) {
            Value k = key(item);
            d.set(std::move(k), value ? value(item) : item);
            c.ev.check_collection_size(d.size());
            return true;
          });
          return Value::dict(std::move(d));
        });
}

void register_dict_access(Registry& r) {
  r.add("#operator_.(dict: mapping, key: keyword)", [](Call& c) {
    Value key = Value::string(c.keyword(1));
    const Value* found = c[0].as_dict().find(key);
    if (!found) key_error(key);
    return *found;
  });
  r.add("#indexer(dict: mapping, key: any)", [](Call& c) {
    const Value* found = c[0].as_dict().find(c[1]);
    if (!found) key_error(c[1]);
    return *found;
  });
  r.add("#indexer(dict: mapping, key: any, default: any)", item_or_default);
  r.add("method get(dict: mapping, key: any, default: any = null)", item_or_default);
  r.add("method keys(dict: mapping)", [](Call& c) {
    Set keys;
    for (const auto& entry : c[0].as_dict()) keys.insert(entry.first);
    return Value::set(std::move(keys));
  });
  // A dict's values are a view in the reference: iterable, but neither a list nor a set.
  r.add("method values(dict: mapping)", [](Call& c) {
    auto next = std::make_shared<size_t>(0);
    return lazy([dict = c[0], next](Value& out) {
      const auto& entries = dict.as_dict().entries();
      if (*next >= entries.size()) return false;
      out = entries[(*next)++].second;
      return true;
    });
  });
  r.add("method items(dict: mapping)", [](Call& c) { return items_of(c[0].as_dict()); });
  r.add("method containsKey(dict: mapping, key: any)",
        [](Call& c) { return Value::boolean(c[0].as_dict().contains(c[1])); });
  r.add("method containsValue(dict: mapping, value: any)", [](Call& c) {
    const Dict& d = c[0].as_dict();
    return Value::boolean(std::any_of(
        d.begin(), d.end(), [&](const Dict::Entry& e) { return equals(e.second, c[1]); }));
  });
}

void register_dict_updates(Registry& r) {
  r.add("method set(dict: mapping, key: any, value: any)", [](Call& c) {
    Dict d = c[0].as_dict();
    d.set(c[1], c[2]);
    return Value::dict(std::move(d));
  });
  r.add("method set(dict: mapping, replacements: mapping)",
        [](Call& c) { return merged(c[0], c[1]); });
  r.add("method set(dict: mapping, *args: mapping_rule)",
        [](Call& c) { return Value::dict(dict_of_rules(c, 1, c[0].as_dict())); });
  r.add("#operator_+(left: mapping, right: mapping)", [](Call& c) { return merged(c[0], c[1]); });
  r.add("method delete(dict: mapping, *keys: any)",
        [](Call& c) { return without_keys(c[0].as_dict(), Value::list(c.rest())); });
  r.add("method deleteAll(dict: mapping, keys: iterable)",
        [](Call& c) { return without_keys(c[0].as_dict(), c[1]); });
}

void register_sequence_operators(Registry& r) {
  r.add("#indexer(list: sequence, index: pyint)", [](Call& c) { return list_item(c[0], c[1]); });
  r.add("#operator_in(value: any, collection: iterable)",
        [](Call& c) { return Value::boolean(contains(c[1], c[0])); });
  r.add("method contains(collection: iterable, value: any)",
        [](Call& c) { return Value::boolean(contains(c[0], c[1])); });
  r.add("#operator_+(left: iterable, right: iterable)",
        [](Call& c) { return combine(c, c[0], c[1]); });
  r.add("#operator_*(left: sequence, right: pyint)", [](Call& c) { return repeat(c, c[0], c[1]); });
  r.add("#operator_*(left: pyint, right: sequence)", [](Call& c) { return repeat(c, c[1], c[0]); });
}

void register_inspection(Registry& r) {
  r.add("isList(arg: any)", [](Call& c) { return Value::boolean(c[0].is_list()); });
  r.add("isDict(arg: any)", [](Call& c) { return Value::boolean(c[0].is_dict()); });
  r.add("ext len(dict: mapping)",
        [](Call& c) { return Value::integer(static_cast<int64_t>(c[0].as_dict().size())); });
  r.add("ext len(sequence: sequence)",
        [](Call& c) { return Value::integer(static_cast<int64_t>(c[0].as_list().size())); });
}

}  // namespace

void register_collections(Registry& r) {
  register_constructors(r);
  register_dict_access(r);
  register_dict_updates(r);
  register_sequence_operators(r);
  register_inspection(r);
  register_sequence_edits(r);
  register_sets(r);
}

}  // namespace sirocco::yaql
