// The matching rules of check.py, in C++, for the conformance tests.
#include "tests/conformance/canonical_match.h"

#include <cmath>
#include <vector>

#include "interp/json.h"
#include "interp/text.h"

namespace sirocco::testing {

namespace {

const char* const kTags[] = {"$set", "$dict", "$datetime", "$timespan", "$float", "$repr"};

// The tag of a one-key {"$tag": ...} object, or "".
std::string tag_of(const Value& v) {
  if (!v.is_dict() || v.as_dict().size() != 1) return "";
  const Value& k = v.as_dict().entries()[0].first;
  if (!k.is_string()) return "";
  for (const char* t : kTags)
    if (k.as_string() == t) return t;
  return "";
}

const Value& tag_value(const Value& v) { return v.as_dict().entries()[0].second; }

bool close(double a, double b) {
  if (a == b) return true;
  if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return false;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

std::string differ(const std::string& path, const Value& e, const Value& a) {
  return path + ": expected " + to_json(e) + ", got " + to_json(a);
}

// The text Python's json.dumps gives a dict key.
std::string key_text(const Value& k) {
  if (k.is_string()) return k.as_string();
  if (k.is_bool()) return k.as_bool() ? "true" : "false";
  if (k.is_null()) return "null";
  if (k.is_int()) return int_text(k);
  if (k.is_float()) return float_repr(k.as_float());
  if (tag_of(k) == "$float") {
    const std::string& f = tag_value(k).as_string();
    return f == "nan" ? "NaN" : f == "inf" ? "Infinity" : "-Infinity";
  }
  return "\x01unmatchable";
}

std::string match_set(const Value& items, const Value& a, const std::string& path) {
  const Value& actual = tag_of(a) == "$set" ? tag_value(a) : a;
  if (!actual.is_list()) return differ(path, items, a);
  const List& want = items.as_list();
  const List& got = actual.as_list();
  if (want.size() != got.size()) return path + ": set sizes differ";
  std::vector<bool> used(got.size(), false);
  for (const Value& w : want) {
    bool found = false;
    for (size_t i = 0; i < got.size() && !found; ++i)
      if (!used[i] && mismatch(w, got[i]).empty()) used[i] = found = true;
    if (!found) return path + ": set element " + to_json(w) + " missing in " + to_json(actual);
  }
  return "";
}

std::string match_dict(const Value& pairs, const Value& a, const std::string& path) {
  if (!a.is_dict() || !tag_of(a).empty()) return differ(path, pairs, a);
  const List& want = pairs.as_list();
  if (want.size() != a.as_dict().size()) return path + ": dict sizes differ";
  for (const Value& pair : want) {
    const Value* got = a.as_dict().find(Value::string(key_text(pair.as_list()[0])));
    if (!got) return path + ": key " + to_json(pair.as_list()[0]) + " missing";
    std::string why = mismatch(pair.as_list()[1], *got, path + "." + key_text(pair.as_list()[0]));
    if (!why.empty()) return why;
  }
  return "";
}

std::string match_tagged(const std::string& tag, const Value& e, const Value& a,
                         const std::string& path) {
  const Value& inner = tag_value(e);
  if (tag == "$set") return match_set(inner, a, path);
  if (tag == "$dict") return match_dict(inner, a, path);
  if (tag == "$datetime")
    return a.is_string() && a.as_string() == inner.as_string() ? "" : differ(path, e, a);
  if (tag == "$timespan")
    return a.is_number() && close(inner.to_double(), a.to_double()) ? "" : differ(path, e, a);
  if (tag == "$float") {
    if (!a.is_float()) return differ(path, e, a);
    double d = a.as_float();
    const std::string& what = inner.as_string();
    bool ok = what == "nan" ? std::isnan(d) : what == "inf" ? d == INFINITY : d == -INFINITY;
    return ok ? "" : differ(path, e, a);
  }
  return path + ": unportable expectation " + to_json(e);
}

}  // namespace

std::string mismatch(const Value& e, const Value& a, const std::string& path) {
  std::string tag = tag_of(e);
  if (!tag.empty()) return match_tagged(tag, e, a, path);
  switch (e.kind()) {
    case Kind::Null:
      return a.is_null() ? "" : differ(path, e, a);
    case Kind::Bool:
      return a.is_bool() && a.as_bool() == e.as_bool() ? "" : differ(path, e, a);
    case Kind::Int:
      return a.is_int() && equals(a, e) ? "" : differ(path, e, a);
    case Kind::Float:
      return a.is_float() && close(e.as_float(), a.as_float()) ? "" : differ(path, e, a);
    case Kind::String:
      return a.is_string() && a.as_string() == e.as_string() ? "" : differ(path, e, a);
    case Kind::List: {
      if (!a.is_list() || a.as_list().size() != e.as_list().size()) return differ(path, e, a);
      for (size_t i = 0; i < e.as_list().size(); ++i) {
        std::string why =
            mismatch(e.as_list()[i], a.as_list()[i], path + "[" + std::to_string(i) + "]");
        if (!why.empty()) return why;
      }
      return "";
    }
    case Kind::Dict: {
      if (!a.is_dict() || !tag_of(a).empty() || a.as_dict().size() != e.as_dict().size())
        return differ(path, e, a);
      for (const auto& [k, v] : e.as_dict()) {
        const Value* got = a.as_dict().find(k);
        if (!got) return path + ": key " + to_json(k) + " missing";
        std::string why = mismatch(v, *got, path + "." + k.as_string());
        if (!why.empty()) return why;
      }
      return "";
    }
    default:
      return path + ": unsupported expectation";
  }
}

}  // namespace sirocco::testing
