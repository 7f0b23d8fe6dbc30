// Internal pieces of Jinja's builtin filters: the registration of each group of filters and
// the Python operations they share (str(), bool(), len(), list() of a value as Jinja2 sees
// it, Undefined included), argument conversions, and the attribute getter behind
// `attribute=` arguments.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interp/jinja_ops.h"
#include "interp/jinja_runtime.h"
#include "interp/value.h"
#include "stdlib/jinja/pystr.h"

namespace sirocco::jinja::filters {

// Each group registers its filters with Jinja2 3.1's names, parameters and defaults.
void register_text_filters(Registry& r);       // capitalize center lower upper title trim ...
void register_layout_filters(Registry& r);     // indent truncate wordwrap wordcount
void register_html_filters(Registry& r);       // e escape forceescape safe striptags xmlattr
void register_url_filters(Registry& r);        // urlencode urlize
void register_number_filters(Registry& r);     // abs int float round filesizeformat
void register_format_filter(Registry& r);      // format (printf-style %)
void register_sequence_filters(Registry& r);   // first last length count list reverse ...
void register_ordering_filters(Registry& r);   // sort unique min max dictsort groupby
void register_selection_filters(Registry& r);  // map select reject selectattr rejectattr
void register_value_filters(Registry& r);      // default d attr items string
void register_json_filter(Registry& r);        // tojson
void register_pprint_filter(Registry& r);      // pprint

// --- Python operations on values, with Jinja's Undefined -------------------------------------
// (str() is jinja_str, list() python_iterate and the strict check refuse_strict, from
// interp/jinja_ops.h.)

// A string value.
Value text(std::string s);

// bool(v): an Undefined is false (a strict one fails).
Outcome<bool> truth(const Value& v);

// len(v): code points of a string, items of a list, dict or set; 0 for an Undefined (a strict
// one fails); TypeError "object of type 'int' has no len()" for anything else.
Outcome<int64_t> length_of(const Value& v);

// Python's `a + b` for sum(): numbers, strings, lists and tuples; TypeError otherwise, and
// UndefinedError when either side is Undefined.
Outcome<Value> add(const Value& a, const Value& b);

// An int argument as Python's int parameters take it (bool counts; big ints saturate);
// TypeError "'str' object cannot be interpreted as an integer" for anything else, an
// Undefined included. Python's arithmetic on an Undefined raises UndefinedError instead:
// int_operand is for the parameters Jinja2 computes with.
using pystr::int_arg;
Outcome<int64_t> int_operand(const Value& v);

// Python's str.isspace() of one code point.
bool is_space(char32_t cp);

// markupsafe's escaping of & < > ' " (as &amp; &lt; &gt; &#39; &#34;).
std::string escape_html(std::string_view s);

// str.splitlines(keep_ends): split at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029.
std::vector<std::string> split_lines(std::string_view s, bool keep_ends);

// A filter of str() of its value (markupsafe's soft_str): `f(s, call)` where `s` is str() of
// the first argument; a strict Undefined fails before f runs.
template <class F>
auto on_str(F f) {
  return [f](Call& c) -> Outcome<Value> {
    SIROCCO_ASSIGN_OR_RETURN(std::string s, jinja_str(c[0]));
    return f(std::move(s), c);
  };
}

// The code points of a UTF-8 string.
std::u32string code_points(std::string_view s);
std::string from_code_points(std::u32string_view s);

// The most bytes a produced string may take: the memory quota, at most 100 MB.
inline size_t max_bytes(const Runtime& runtime) { return pystr::max_result_bytes(runtime); }
// Throws MemoryQuotaExceededException when a string of `bytes` would pass the quota.
void check_size(const Runtime& runtime, size_t bytes);

// The result of a filter that Jinja2 writes as a generator (map, select, batch ...): the
// items are produced now, while the runtime is at hand, but an error that stops `produce`
// surfaces where Python's generator would raise it, when iteration reaches that item
// (ProducedSequence, interp/jinja_ops.h).
Value produced_sequence(const std::function<Status(List& out)>& produce);

// --- attribute= ---------------------------------------------------------------------------

// Jinja2's make_attrgetter: `attribute` is a dotted path ("address.city", "items.0") whose
// digit parts index as ints, or an int; each part is looked up with runtime.getitem. With
// `default` non-null, an Undefined along the path is replaced by it; with `ignore_case`,
// a string result is lowercased. A null attribute gives the item itself.
class AttributeGetter {
 public:
  AttributeGetter(Runtime& runtime, const Value& attribute, bool ignore_case = false,
                  Value default_value = Value());
  Outcome<Value> operator()(const Value& item) const;

 private:
  Runtime* runtime_;
  std::vector<Value> parts_;
  bool ignore_case_;
  Value default_;
};

// The parts of a dotted attribute path (make_attrgetter's _prepare_attribute_parts).
std::vector<Value> attribute_parts(const Value& attribute);

// str.lower() of a string, anything else unchanged (Jinja's ignore_case).
Value ignore_case(const Value& v);

}  // namespace sirocco::jinja::filters
