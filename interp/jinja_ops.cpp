// Python's operators with Jinja's Undefined rules: equality, ordering, membership.
#include "interp/jinja_ops.h"

#include "interp/text.h"
#include "interp/utf8.h"

namespace sirocco::jinja {

void refuse_undefined(const Value& v, Span span) {
  if (as_undefined(v)) raise_undefined(v, span);
}

void refuse_strict(const Value& v, Span span) {
  const UndefinedObject* u = as_undefined(v);
  if (u && u->strict) raise_undefined(v, span);
}

bool python_equal(const Value& a, const Value& b) {
  const UndefinedObject* ua = as_undefined(a);
  const UndefinedObject* ub = as_undefined(b);
  if (ua || ub) {
    refuse_strict(a);
    refuse_strict(b);
    return ua && ub;
  }
  if (a.is_list() && b.is_list()) {
    if (a.is_tuple() != b.is_tuple()) return false;
    const List &x = a.as_list(), &y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!python_equal(x[i], y[i])) return false;
    return true;
  }
  if (a.is_dict() && b.is_dict()) {
    const Dict &x = a.as_dict(), &y = b.as_dict();
    if (x.size() != y.size()) return false;
    for (const auto& [key, value] : x) {
      const Value* other = y.find(key);
      if (!other || !python_equal(value, *other)) return false;
    }
    return true;
  }
  return equals(a, b);
}

int python_compare(const Value& a, const Value& b, std::string_view op) {
  refuse_undefined(a);
  refuse_undefined(b);
  if (a.is_list() && b.is_list() && a.is_tuple() != b.is_tuple())
    throw Error("TypeError", "'" + std::string(op) + "' not supported between instances of '" +
                                 type_name(a) + "' and '" + type_name(b) + "'");
  return compare(a, b, op);
}

bool contains(const Value& container, const Value& item) {
  if (as_undefined(container)) {
    refuse_strict(container);
    return false;
  }
  switch (container.kind()) {
    case Kind::String:
      refuse_strict(item);
      if (!item.is_string())
        throw Error("TypeError",
                    "'in <string>' requires string as left operand, not " + type_name(item));
      return container.as_string().find(item.as_string()) != std::string::npos;
    case Kind::Dict:
      refuse_strict(item);
      if (as_undefined(item)) return false;
      require_hashable(item);
      return container.as_dict().contains(item);
    case Kind::Set:
      refuse_strict(item);
      if (as_undefined(item)) return false;
      if (!item.is_set()) require_hashable(item);  // a set is looked up as a frozenset
      return container.as_set().contains(item);
    case Kind::List:
      for (const Value& x : container.as_list())
        if (python_equal(x, item)) return true;
      return false;
    case Kind::Sequence: {
      Value x;
      while (container.as_sequence().next(x))
        if (python_equal(x, item)) return true;
      return false;
    }
    default:
      throw Error("TypeError", "argument of type '" + type_name(container) + "' is not iterable");
  }
}

void require_hashable(const Value& v) {
  if ((v.is_list() && !v.is_tuple()) || v.is_dict() || v.is_set())
    throw Error("TypeError", "unhashable type: '" + type_name(v) + "'");
  if (v.is_list())
    for (const Value& item : v.as_list()) require_hashable(item);
}

List python_iterate(const Value& v) {
  refuse_strict(v);
  if (as_undefined(v)) return {};
  if (v.is_string()) {
    List chars;
    const std::string& s = v.as_string();
    for (size_t pos = 0; pos < s.size();) {
      size_t begin = pos;
      utf8::decode(s, pos);
      chars.push_back(Value::string(s.substr(begin, pos - begin)));
    }
    return chars;
  }
  if (v.is_dict()) {
    List keys;
    keys.reserve(v.as_dict().size());
    for (const auto& entry : v.as_dict()) keys.push_back(entry.first);
    return keys;
  }
  return to_list(v);
}

std::string jinja_str(const Value& v) {
  refuse_strict(v);
  return python_str(v);
}

}  // namespace sirocco::jinja
