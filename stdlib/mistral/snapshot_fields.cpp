// The field-by-field reader of snapshot documents.
#include "stdlib/mistral/snapshot_fields.h"

#include <algorithm>

#include "interp/error.h"
#include "stdlib/yaql/datetime_internal.h"

namespace sirocco::mistral {

namespace {

std::string json_type(const Value& v) {
  if (v.is_null()) return "null";
  if (v.is_bool()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_list()) return "an array";
  return "an object";
}

bool digits(const std::string& s, size_t at, size_t n, int64_t& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

Value parse_time(const std::string& s, const std::string& path) {
  yaql::dt::CivilTime t;
  bool ok = s.size() >= 19 && digits(s, 0, 4, t.year) && s[4] == '-' && digits(s, 5, 2, t.month) &&
            s[7] == '-' && digits(s, 8, 2, t.day) && (s[10] == ' ' || s[10] == 'T') &&
            digits(s, 11, 2, t.hour) && s[13] == ':' && digits(s, 14, 2, t.minute) &&
            s[16] == ':' && digits(s, 17, 2, t.second);
  if (ok && s.size() > 19) {
    ok = s[19] == '.' && s.size() > 20 && s.size() <= 26 &&
         digits(s, 20, s.size() - 20, t.microsecond);
    for (size_t i = s.size(); ok && i < 26; ++i) t.microsecond *= 10;
  }
  ok = ok && t.year >= 1 && t.month >= 1 && t.month <= 12 && t.day >= 1 &&
       t.day <= yaql::dt::days_in_month(t.year, t.month) && t.hour < 24 && t.minute < 60 &&
       t.second < 60;
  if (!ok) fail_at(path, "must be a time like '2024-01-31 12:00:00[.ffffff]', not '" + s + "'");
  return Value::datetime({yaql::dt::micros_from_civil(t), 0, true});
}

}  // namespace

void fail_at(const std::string& path, const std::string& what) {
  throw Error("SnapshotError", path + ": " + what);
}

FieldReader::FieldReader(const Value& object, std::string path,
                         std::initializer_list<const char*> known)
    : path_(std::move(path)) {
  if (!object.is_dict()) fail_at(path_, "must be an object, not " + json_type(object));
  dict_ = &object.as_dict();
  for (const auto& [key, value] : *dict_) {
    const std::string& name = key.as_string();
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; }))
      fail_at(at(name), "unknown field");
  }
}

std::string FieldReader::at(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

const Value* FieldReader::find(const char* name) const { return dict_->find(Value::string(name)); }

std::string FieldReader::text(const char* name) const {
  const Value* v = find(name);
  if (!v) fail_at(at(name), "is required");
  if (!v->is_string() || v->as_string().empty()) fail_at(at(name), "must be a non-empty string");
  return v->as_string();
}

std::optional<std::string> FieldReader::optional_text(const char* name) const {
  const Value* v = find(name);
  if (!v || v->is_null()) return std::nullopt;
  return text(name);
}

Value FieldReader::text_or_null(const char* name) const {
  const Value* v = find(name);
  if (!v || v->is_null()) return Value();
  if (!v->is_string()) fail_at(at(name), "must be a string or null");
  return *v;
}

std::string FieldReader::one_of(const char* name, std::initializer_list<const char*> choices,
                                const char* fallback) const {
  if (fallback && !find(name)) return fallback;
  const std::string value = text(name);
  if (std::none_of(choices.begin(), choices.end(), [&](const char* c) { return value == c; })) {
    std::string list;
    for (const char* c : choices) list += (list.empty() ? "" : ", ") + std::string(c);
    fail_at(at(name), "must be one of " + list + ", not '" + value + "'");
  }
  return value;
}

Value FieldReader::object(const char* name) const {
  const Value* v = find(name);
  if (!v) return Value::dict({});
  if (!v->is_dict()) fail_at(at(name), "must be an object, not " + json_type(*v));
  return *v;
}

Value FieldReader::any(const char* name) const {
  const Value* v = find(name);
  return v ? *v : Value();
}

const List& FieldReader::array(const char* name, bool required) const {
  static const List empty;
  const Value* v = find(name);
  if (!v) {
    if (required) fail_at(at(name), "is required");
    return empty;
  }
  if (!v->is_list()) fail_at(at(name), "must be an array, not " + json_type(*v));
  return v->as_list();
}

Value FieldReader::time(const char* name, bool required) const {
  const Value* v = find(name);
  if (!v || v->is_null()) {
    if (required) fail_at(at(name), "is required");
    return Value();
  }
  if (!v->is_string()) fail_at(at(name), "must be a time string like '2024-01-31 12:00:00'");
  return parse_time(v->as_string(), at(name));
}

}  // namespace sirocco::mistral
