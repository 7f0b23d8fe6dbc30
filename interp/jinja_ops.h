// Python's operators as Jinja templates see them, Undefined included: equality (a tuple is
// never equal to a list), ordering, `in`, hashability and str(). A lenient Undefined fails
// only where Jinja2's Undefined does (ordering, arithmetic); a strict one fails on every use.
#pragma once

#include <string>
#include <string_view>

#include "interp/error.h"
#include "interp/jinja_runtime.h"
#include "interp/value.h"

namespace sirocco::jinja {

// Raises the Undefined's error when `v` is any Undefined (what Undefined.__add__, __lt__,
// __getitem__, __int__ ... do).
void refuse_undefined(const Value& v, Span span = {});
// Raises when `v` is a strict Undefined (what StrictUndefined adds: __str__, __len__,
// __iter__, __eq__, __bool__, __hash__, __contains__).
void refuse_strict(const Value& v, Span span = {});

// Python `a == b`. Two lenient Undefined are equal, an Undefined equals nothing else.
bool python_equal(const Value& a, const Value& b);
// Python ordering as sirocco::compare (same result convention, `op` for the message), with
// Undefined refused and a list never ordered against a tuple.
int python_compare(const Value& a, const Value& b, std::string_view op);
// Python `item in container`: substring for str, key for dict, item for list, tuple, set
// and generator (consumed); TypeError for anything else ("argument of type 'int' is not
// iterable"). A lenient Undefined container holds nothing.
bool contains(const Value& container, const Value& item);
// Throws Error("TypeError", "unhashable type: 'list'") for a list, dict or set (or a tuple
// holding one).
void require_hashable(const Value& v);
// Python's list(iter(v)): the code points of a str, the keys of a dict, the items of a list,
// tuple, set or generator (consumed); a lenient Undefined is empty, a strict one raises, and
// anything else is Error("TypeError", "'int' object is not iterable").
List python_iterate(const Value& v);
// Python str(v); a lenient Undefined is '', a strict one raises.
std::string jinja_str(const Value& v);

}  // namespace sirocco::jinja
