// Python's operators with Jinja's Undefined rules: equality, ordering, membership.
#include "interp/jinja_ops.h"

#include "interp/text.h"
#include "interp/utf8.h"

namespace sirocco::jinja {

Status refuse_undefined(const Value& v, Span span) {
  if (as_undefined(v)) return undefined_error(v, span);
  return {};
}

Status refuse_strict(const Value& v, Span span) {
  const UndefinedObject* u = as_undefined(v);
  if (u && u->strict) return undefined_error(v, span);
  return {};
}

Outcome<bool> python_equal(const Value& a, const Value& b) {
  const UndefinedObject* ua = as_undefined(a);
  const UndefinedObject* ub = as_undefined(b);
  if (ua || ub) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(a));
    SIROCCO_RETURN_IF_ERROR(refuse_strict(b));
    return ua && ub;
  }
  if (a.is_list() && b.is_list()) {
    if (a.is_tuple() != b.is_tuple()) return false;
    const List &x = a.as_list(), &y = b.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(x[i], y[i]));
      if (!same) return false;
    }
    return true;
  }
  if (a.is_dict() && b.is_dict()) {
    const Dict &x = a.as_dict(), &y = b.as_dict();
    if (x.size() != y.size()) return false;
    for (const auto& [key, value] : x) {
      const Value* other = y.find(key);
      if (!other) return false;
      SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(value, *other));
      if (!same) return false;
    }
    return true;
  }
  return equals(a, b);
}

Outcome<int> python_compare(const Value& a, const Value& b, std::string_view op) {
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(a));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(b));
  if (a.is_list() && b.is_list() && a.is_tuple() != b.is_tuple())
    return Error("TypeError", "'" + std::string(op) + "' not supported between instances of '" +
                                  type_name(a) + "' and '" + type_name(b) + "'");
  return try_compare(a, b, op);
}

Outcome<bool> contains(const Value& container, const Value& item) {
  if (as_undefined(container)) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(container));
    return false;
  }
  switch (container.kind()) {
    case Kind::String:
      SIROCCO_RETURN_IF_ERROR(refuse_strict(item));
      if (!item.is_string())
        return Error("TypeError",
                     "'in <string>' requires string as left operand, not " + type_name(item));
      return container.as_string().find(item.as_string()) != std::string::npos;
    case Kind::Dict:
      SIROCCO_RETURN_IF_ERROR(refuse_strict(item));
      if (as_undefined(item)) return false;
      SIROCCO_RETURN_IF_ERROR(require_hashable(item));
      return container.as_dict().contains(item);
    case Kind::Set:
      SIROCCO_RETURN_IF_ERROR(refuse_strict(item));
      if (as_undefined(item)) return false;
      if (!item.is_set()) SIROCCO_RETURN_IF_ERROR(require_hashable(item));  // as a frozenset
      return container.as_set().contains(item);
    case Kind::List:
      for (const Value& x : container.as_list()) {
        SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(x, item));
        if (same) return true;
      }
      return false;
    case Kind::Sequence:
      return catching<Outcome<bool>>([&]() -> Outcome<bool> {
        Value x;
        while (container.as_sequence().next(x)) {  // consumed up to the first equal item
          SIROCCO_ASSIGN_OR_RETURN(const bool same, python_equal(x, item));
          if (same) return true;
        }
        return false;
      });
    default:
      return Error("TypeError", "argument of type '" + type_name(container) + "' is not iterable");
  }
}

Status require_hashable(const Value& v) {
  if ((v.is_list() && !v.is_tuple()) || v.is_dict() || v.is_set())
    return Error("TypeError", "unhashable type: '" + type_name(v) + "'");
  if (v.is_list())
    for (const Value& item : v.as_list()) SIROCCO_RETURN_IF_ERROR(require_hashable(item));
  return {};
}

Outcome<List> python_iterate(const Value& v) {
  if (as_undefined(v)) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(v));
    return List{};
  }
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
  if (v.is_sequence()) {
    if (auto* produced = dynamic_cast<ProducedSequence*>(&v.as_sequence())) return produced->take();
  }
  if (v.is_list()) return v.as_list();
  return catching<Outcome<List>>([&] { return to_list(v); });
}

Outcome<std::string> jinja_str(const Value& v) {
  SIROCCO_RETURN_IF_ERROR(refuse_strict(v));
  return python_str(v);
}

bool Ordering::less(const Value& a, const Value& b) {
  if (failure_) return false;
  Outcome<int> order = python_compare(a, b, "<");
  if (order) return *order < 0;
  failure_ = std::make_unique<Error>(order.error());
  return false;
}

bool Ordering::equal(const Value& a, const Value& b) {
  if (failure_) return false;
  Outcome<bool> same = python_equal(a, b);
  if (same) return *same;
  failure_ = std::make_unique<Error>(same.error());
  return false;
}

bool ProducedSequence::next(Value& out) {
  if (next_ < items_.size()) {
    out = std::move(items_[next_++]);
    return true;
  }
  if (failure_) throw Error(*failure_);
  return false;
}

Outcome<List> ProducedSequence::take() {
  List rest(std::make_move_iterator(items_.begin() + static_cast<ptrdiff_t>(next_)),
            std::make_move_iterator(items_.end()));
  next_ = items_.size();
  if (failure_) return Error(*failure_);
  return rest;
}

}  // namespace sirocco::jinja
