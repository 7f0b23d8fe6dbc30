// Jinja attribute and item access (`a.b`, `a[b]`, slices) with Jinja2's fallbacks: `a.b`
// tries the Python attribute (a method, an object's attribute) before the item, `a[b]` the
// item before the attribute; what neither finds is an Undefined. The sandbox refuses
// attributes whose names start with `_`.
#include <algorithm>

#include <typeinfo>

#include "interp/jinja_eval.h"
#include "interp/jinja_loop.h"
#include "interp/number.h"
#include "interp/python_attributes.h"
#include "interp/text.h"
#include "interp/utf8.h"

namespace sirocco::jinja {

namespace {

// Python dunder attributes every object has (`__class__`, `__len__`...): in the sandbox
// they are unsafe, elsewhere they are objects Sirocco cannot show.
bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

std::string object_name(const Value& v) { return "'" + type_name(v) + " object'"; }

// The sandbox's message for an attribute it refuses (Jinja2 quotes only the type's name).
std::string unsafe_message(std::string_view name, const Value& obj) {
  return "access to attribute '" + std::string(name) + "' of '" + type_name(obj) +
         "' object is unsafe.";
}

// A slice index: None, or an int (bool counts).
std::optional<int64_t> slice_index(const Value& v, Span span) {
  if (v.is_null()) return std::nullopt;
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_big_int()) return v.big_int() < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  if (as_undefined(v)) throw undefined_error(v, span);
  throw Error("TypeError", "slice indices must be integers or None or have an __index__ method",
              span);
}

// The positions Python's slice(start, stop, step) picks from a sequence of `length`.
std::vector<size_t> slice_positions(const Value& slice, size_t length, Span span) {
  const List& parts = slice.as_list();
  const auto step_opt = slice_index(parts[2], span);
  const int64_t step = step_opt.value_or(1);
  if (step == 0) throw Error("ValueError", "slice step cannot be zero", span);
  const auto n = static_cast<int64_t>(length);
  const int64_t lower = step > 0 ? 0 : -1, upper = step > 0 ? n : n - 1;
  auto bound = [&](const Value& v, int64_t fallback) {
    const auto i = slice_index(v, span);
    if (!i) return fallback;
    int64_t x = *i < 0 ? *i + n : *i;
    return std::clamp(x, lower, upper);
  };
  const int64_t start = bound(parts[0], step > 0 ? lower : upper);
  const int64_t stop = bound(parts[1], step > 0 ? upper : lower);
  std::vector<size_t> out;
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
    out.push_back(static_cast<size_t>(i));
  return out;
}

// A sequence index as a position, or nullopt when out of range.
std::optional<size_t> position(const Value& key, size_t length) {
  int64_t i;
  if (key.is_bool())
    i = key.as_bool();
  else if (key.is_small_int())
    i = key.as_small_int();
  else
    return std::nullopt;
  const auto n = static_cast<int64_t>(length);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return std::nullopt;
  return static_cast<size_t>(i);
}

bool is_slice(const Value& key);

// The object's Jinja attributes, if it has any. The loop variable, the one read most, is
// recognised by its type (LoopObject is final) without a dynamic_cast.
const JinjaObject* jinja_object(const Value& v) {
  const Object* object = v.as_opaque();
  if (typeid(*object) == typeid(LoopObject)) return static_cast<const LoopObject*>(object);
  return dynamic_cast<const JinjaObject*>(object);
}

// dict[name] for a str key, without making a str value for a small dict.
const Value* find_name(const Dict& dict, std::string_view name) {
  constexpr size_t kScanned = 16;
  if (dict.size() > kScanned) return dict.find(Value::string(std::string(name)));
  for (const auto& [key, value] : dict)
    if (key.is_string() && key.as_string() == name) return &value;
  return nullptr;
}

}  // namespace

// Slices are passed around as a 3-tuple marked by this object, so that a dict key that is
// a tuple is never mistaken for one.
class SliceMarker final : public OpaqueObject {
 public:
  explicit SliceMarker(Value parts) : parts(std::move(parts)) {}
  std::string type_name() const override { return "slice"; }
  std::string repr() const override { return "slice" + python_repr(parts); }
  Value parts;
};

namespace {

bool is_slice(const Value& key) {
  return key.is_opaque() && dynamic_cast<const SliceMarker*>(key.as_opaque()) != nullptr;
}

// `obj[start:stop:step]`: Python's own subscript (Jinja2 compiles a slice to it, bypassing
// its getitem fallbacks).
Value slice_of(const Value& obj, const Value& slice) {
  const Value& parts = static_cast<const SliceMarker*>(slice.as_opaque())->parts;
  if (obj.is_list()) {
    const List& items = obj.as_list();
    List out;
    for (size_t i : slice_positions(parts, items.size(), {})) out.push_back(items[i]);
    return obj.is_tuple() ? Value::tuple(std::move(out)) : Value::list(std::move(out));
  }
  if (obj.is_string()) {
    const std::string& s = obj.as_string();
    if (obj.string_is_ascii()) {
      std::string out;
      for (size_t i : slice_positions(parts, s.size(), {})) out += s[i];
      return Value::string(std::move(out));
    }
    std::vector<std::string_view> chars;
    for (size_t pos = 0; pos < s.size();) {
      const size_t start = pos;
      utf8::decode(s, pos);
      chars.push_back(std::string_view(s).substr(start, pos - start));
    }
    std::string out;
    for (size_t i : slice_positions(parts, chars.size(), {})) out += chars[i];
    return Value::string(std::move(out));
  }
  if (obj.is_dict()) throw Error("TypeError", "unhashable type: 'slice'");
  throw Error("TypeError", "'" + type_name(obj) + "' object is not subscriptable");
}

}  // namespace

Value make_slice(Value start, Value stop, Value step) {
  return Value::opaque(
      new SliceMarker(Value::tuple({std::move(start), std::move(stop), std::move(step)})));
}

Outcome<Value> Evaluator::getattr(const Value& obj, std::string_view name, bool maybe_method) {
  if (as_undefined(obj)) return undefined_error(obj);
  const bool unsafe = config_.sandboxed && !name.empty() && name[0] == '_';
  if (is_dunder(name)) {
    if (unsafe) {
      return make_undefined(unsafe_message(name, obj), config_.strict, "SecurityError");
    }
  } else if (!unsafe) {
    if (obj.is_opaque()) {
      if (const JinjaObject* object = jinja_object(obj)) {
        if (std::optional<Value> value = object->attribute(*this, name)) return *value;
      }
    }
    if (std::optional<Value> value = python_data_attribute(obj, name)) return *value;
    if (maybe_method) {
      Value method = find_method(library_, obj, name);
      if (!method.is_null()) return method;
    }
  }
  if (obj.is_dict()) {
    if (const Value* found = find_name(obj.as_dict(), name)) return *found;
  }
  return undefined(object_name(obj) + " has no attribute '" + std::string(name) + "'");
}

Outcome<Value> Evaluator::getitem(const Value& obj, const Value& key) {
  if (as_undefined(obj)) return undefined_error(obj);
  if (is_slice(key)) return catching<Outcome<Value>>([&] { return slice_of(obj, key); });
  if (obj.is_dict()) {
    if (key.is_list() || key.is_dict() || key.is_set()) {
      // unhashable keys: Python raises TypeError, which Jinja turns into an Undefined
    } else if (!as_undefined(key)) {
      if (const Value* found = obj.as_dict().find(key)) return *found;
    }
  } else if (obj.is_list()) {
    if (auto i = position(key, obj.as_list().size())) return obj.as_list()[*i];
  } else if (obj.is_string()) {
    const std::string& s = obj.as_string();
    if (auto i = position(key, obj.string_length())) {
      if (obj.string_is_ascii()) return Value::string(std::string(1, s[*i]));
      const size_t begin = utf8::offset_of(s, *i), end = utf8::offset_of(s, *i + 1);
      return Value::string(s.substr(begin, end - begin));
    }
  }
  if (key.is_string()) {
    const std::string& name = key.as_string();
    const bool unsafe = config_.sandboxed && !name.empty() && name[0] == '_';
    if (!unsafe && !is_dunder(name)) {
      if (obj.is_opaque()) {
        if (const JinjaObject* object = jinja_object(obj)) {
          if (std::optional<Value> value = object->attribute(*this, name)) return *value;
        }
      }
      Value method = find_method(library_, obj, name);
      if (!method.is_null()) return method;
    } else if (unsafe && is_dunder(name)) {
      return make_undefined(unsafe_message(name, obj), config_.strict, "SecurityError");
    }
  }
  return undefined(object_name(obj) + " has no element " + python_repr(key));
}

}  // namespace sirocco::jinja
