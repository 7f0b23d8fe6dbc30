// The Python operations Jinja's filters share: str(), bool(), len(), list() and `+` of a
// value as Jinja2 sees it (Undefined included), int arguments, the attribute getter.
#include <algorithm>
#include <climits>
#include <memory>
#include <optional>

#include "interp/error.h"
#include "interp/number.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/strings_internal.h"

namespace sirocco::jinja::filters {

Value text(std::string s) { return Value::string(std::move(s)); }

Outcome<bool> truth(const Value& v) {
  if (as_undefined(v)) {
    SIROCCO_RETURN_IF_ERROR(refuse_strict(v));
    return false;
  }
  return truthy(v);
}

Outcome<int64_t> length_of(const Value& v) {
  switch (v.kind()) {
    case Kind::String:
      return static_cast<int64_t>(v.string_length());
    case Kind::List:
      return static_cast<int64_t>(v.as_list().size());
    case Kind::Dict:
      return static_cast<int64_t>(v.as_dict().size());
    case Kind::Set:
      return static_cast<int64_t>(v.as_set().size());
    default:
      if (as_undefined(v)) {
        SIROCCO_RETURN_IF_ERROR(refuse_strict(v));
        return 0;
      }
      return Error("TypeError", "object of type '" + type_name(v) + "' has no len()");
  }
}

Outcome<Value> add(const Value& a, const Value& b) {
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(a));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(b));
  if (a.is_string() && b.is_string()) return Value::string(a.as_string() + b.as_string());
  if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
    List joined = a.as_list();
    joined.insert(joined.end(), b.as_list().begin(), b.as_list().end());
    return a.is_tuple() ? Value::tuple(std::move(joined)) : Value::list(std::move(joined));
  }
  bool numeric = (a.is_number() || a.is_bool()) && (b.is_number() || b.is_bool());
  if (!numeric) {
    if (a.is_list() && b.is_list())
      return Error("TypeError", "can only concatenate " + type_name(a) + " (not \"" + type_name(b) +
                                    "\") to " + type_name(a));
    return Error("TypeError", "unsupported operand type(s) for +: '" + type_name(a) + "' and '" +
                                  type_name(b) + "'");
  }
  return num_add(a, b);
}

Outcome<int64_t> int_operand(const Value& v) {
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(v));
  return catching<Outcome<int64_t>>([&] { return int_arg(v); });
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85 ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::vector<std::string> split_lines(std::string_view s, bool keep_ends) {
  std::vector<std::string> lines;
  for (const Value& line : pystr::splitlines(s, keep_ends)) lines.push_back(line.as_string());
  return lines;
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out.push_back(utf8::decode(s, pos));
  return out;
}

std::string from_code_points(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) utf8::append(out, cp);
  return out;
}

void check_size(const Runtime& runtime, size_t bytes) {
  if (bytes > max_bytes(runtime)) pystr::result_too_large();
}

Value produced_sequence(const std::function<Status(List& out)>& produce) {
  List items;
  Status done = catching<Status>([&] { return produce(items); });
  std::unique_ptr<Error> failure;
  if (!done) failure = std::move(done).failure().release();
  return Value::sequence(boost::intrusive_ptr<SequenceObject>(
      new ProducedSequence(std::move(items), std::move(failure))));
}

// --- attribute= ---------------------------------------------------------------------------

std::vector<Value> attribute_parts(const Value& attribute) {
  if (attribute.is_null()) return {};
  if (!attribute.is_string()) return {attribute};
  std::vector<Value> parts;
  std::string_view path = attribute.as_string();
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    std::string_view part = path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    bool digits = !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    parts.push_back(digits ? int_from_text(part) : Value::string(std::string(part)));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

Value ignore_case(const Value& v) {
  return v.is_string() ? Value::string(yaql::strings::to_lower(v.as_string())) : v;
}

AttributeGetter::AttributeGetter(Runtime& runtime, const Value& attribute, bool ignore_case,
                                 Value default_value)
    : runtime_(&runtime),
      parts_(attribute_parts(attribute)),
      ignore_case_(ignore_case),
      default_(std::move(default_value)) {}

Outcome<Value> AttributeGetter::operator()(const Value& item) const {
  Value current = item;
  for (const Value& part : parts_) {
    SIROCCO_ASSIGN_OR_RETURN(current, runtime_->getitem(current, part));
    if (!default_.is_null() && as_undefined(current)) current = default_;
  }
  return ignore_case_ ? ignore_case(current) : current;
}

}  // namespace sirocco::jinja::filters
