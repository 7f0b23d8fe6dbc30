// Jinja's filters over the items of a value: first, last, length (count), list, reverse,
// join, batch, slice, random and sum.
#include <algorithm>
#include <optional>
#include <random>
#include <utility>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"

namespace sirocco::jinja::filters {
namespace {

Outcome<Value> first(Call& c) {
  const Value& seq = c[0];
  if (seq.is_sequence()) {
    Value item;
    if (seq.as_sequence().next(item)) return item;
  } else {
    if (seq.is_string() && !seq.as_string().empty()) {
      size_t end = 0;
      utf8::decode(seq.as_string(), end);
      return Value::string(seq.as_string().substr(0, end));
    }
    if (!seq.is_string()) {
      SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(seq));
      if (!items.empty()) return items.front();
    }
  }
  return c.runtime.undefined("No first item, sequence was empty.");
}

// reversed(seq): lists, tuples, strings and dicts are reversible; sets and generators not.
Status check_reversible(const Value& seq) {
  if (seq.is_list() || seq.is_string() || seq.is_dict()) return {};
  if (as_undefined(seq)) return refuse_strict(seq);
  return Error("TypeError", "'" + type_name(seq) + "' object is not reversible");
}

Outcome<Value> last(Call& c) {
  const Value& seq = c[0];
  SIROCCO_RETURN_IF_ERROR(check_reversible(seq));
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(seq));
  if (items.empty()) return c.runtime.undefined("No last item, sequence was empty.");
  return items.back();
}

Outcome<Value> reverse(const Value& value) {
  if (value.is_string()) {
    std::u32string cps = code_points(value.as_string());
    return text(from_code_points(std::u32string(cps.rbegin(), cps.rend())));
  }
  if (value.is_list() || value.is_dict() || as_undefined(value)) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(value));
    return produced_sequence([&value](List& out) -> Status {
      SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(value));
      out.assign(items.rbegin(), items.rend());
      return {};
    });
  }
  if (!value.is_set() && !value.is_sequence())
    return Error("FilterArgumentError", "argument must be iterable");
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(value));
  return Value::list(List(items.rbegin(), items.rend()));
}

Outcome<Value> join(Call& c) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
  SIROCCO_ASSIGN_OR_RETURN(const std::string separator, jinja_str(c[1]));
  std::optional<AttributeGetter> getter;
  if (!c[2].is_null()) getter.emplace(c.runtime, c[2]);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    Value item = items[i];
    if (getter) {
      SIROCCO_ASSIGN_OR_RETURN(item, (*getter)(items[i]));
    }
    SIROCCO_ASSIGN_OR_RETURN(const std::string item_text, jinja_str(item));
    out += item_text;
    check_size(c.runtime, out.size());
  }
  return text(std::move(out));
}

// do_batch: groups of `linecount` items, the last one filled up with fill_with.
Outcome<List> batches(const Runtime& runtime, const Value& value, const Value& linecount,
                      const Value& fill) {
  List groups, group;
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(value));
  for (const Value& item : items) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(linecount));  // len(tmp) == linecount
    if (equals(Value::integer(static_cast<int64_t>(group.size())), linecount))
      groups.push_back(Value::list(std::exchange(group, {})));
    group.push_back(item);
  }
  if (group.empty()) return groups;
  if (!fill.is_null()) {
    int64_t size = int_arg(linecount);
    if (size > 0) check_size(runtime, static_cast<size_t>(size) * sizeof(Value));
    while (static_cast<int64_t>(group.size()) < size) group.push_back(fill);
  }
  groups.push_back(Value::list(std::move(group)));
  return groups;
}

// do_slice: `slices` groups of consecutive items, the first ones one item longer; the
// shorter ones get fill_with.
Outcome<List> slices_of(const Runtime& runtime, const Value& value, int64_t slices,
                        const Value& fill) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(value));
  if (slices == 0) return Error("ZeroDivisionError", "integer division or modulo by zero");
  int64_t length = static_cast<int64_t>(items.size());
  int64_t per_slice = length / slices, with_extra = length % slices;
  List groups;
  if (slices > 0) check_size(runtime, static_cast<size_t>(slices) * sizeof(Value));
  for (int64_t i = 0; i < slices; ++i) {
    int64_t start = std::clamp<int64_t>(std::min(i, with_extra) + i * per_slice, 0, length);
    int64_t end = std::clamp<int64_t>(std::min(i + 1, with_extra) + (i + 1) * per_slice, 0, length);
    List group(items.begin() + start, items.begin() + std::max(start, end));
    if (!fill.is_null() && i >= with_extra) group.push_back(fill);
    groups.push_back(Value::list(std::move(group)));
  }
  return groups;
}

std::mt19937_64& random_source() {
  thread_local std::mt19937_64 source{std::random_device{}()};
  return source;
}

Outcome<Value> random_item(Call& c) {
  const Value& seq = c[0];
  SIROCCO_ASSIGN_OR_RETURN(const int64_t length, length_of(seq));
  if (length == 0) return c.runtime.undefined("No random item, sequence was empty.");
  int64_t index = std::uniform_int_distribution<int64_t>(0, length - 1)(random_source());
  if (seq.is_dict()) {
    const Value* found = seq.as_dict().find(Value::integer(index));
    if (!found) return Error("KeyError", std::to_string(index));
    return *found;
  }
  if (seq.is_set()) return Error("TypeError", "'set' object is not subscriptable");
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(seq));
  return items[static_cast<size_t>(index)];
}

Outcome<Value> length(Call& c) {
  SIROCCO_ASSIGN_OR_RETURN(const int64_t n, length_of(c[0]));
  return Value::integer(n);
}

Outcome<Value> sum(Call& c) {
  SIROCCO_ASSIGN_OR_RETURN(const List items, python_iterate(c[0]));
  Value total = c[2];
  if (total.is_string())
    return Error("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
  std::optional<AttributeGetter> getter;
  if (!c[1].is_null()) getter.emplace(c.runtime, c[1]);
  for (const Value& item : items) {
    Value term = item;
    if (getter) {
      SIROCCO_ASSIGN_OR_RETURN(term, (*getter)(item));
    }
    SIROCCO_ASSIGN_OR_RETURN(total, add(total, term));
  }
  return total;
}

}  // namespace

void register_sequence_filters(Registry& r) {
  r.add("first(seq: any)", first);
  r.add("last(seq: any)", last);
  r.add("length(obj: any)", length);
  r.add("count(obj: any)", length);
  r.add("list(value: any)", [](Call& c) -> Outcome<Value> {
    SIROCCO_ASSIGN_OR_RETURN(List items, python_iterate(c[0]));
    return Value::list(std::move(items));
  });
  r.add("reverse(value: any)", [](Call& c) { return reverse(c[0]); });
  r.add("join(value: any, d: any = '', attribute: any = null)", join);
  r.add("batch(value: any, linecount: any, fill_with: any = null)", [](Call& c) {
    return produced_sequence([&c](List& out) -> Status {
      SIROCCO_ASSIGN_OR_RETURN(out, batches(c.runtime, c[0], c[1], c[2]));
      return {};
    });
  });
  r.add("slice(value: any, slices: any, fill_with: any = null)", [](Call& c) -> Outcome<Value> {
    SIROCCO_ASSIGN_OR_RETURN(const int64_t slices, int_operand(c[1]));
    return produced_sequence([&c, slices](List& out) -> Status {
      SIROCCO_ASSIGN_OR_RETURN(out, slices_of(c.runtime, c[0], slices, c[2]));
      return {};
    });
  });
  r.add("random(seq: any)", random_item);
  r.add("sum(iterable: any, attribute: any = null, start: any = 0)", sum);
}

}  // namespace sirocco::jinja::filters
