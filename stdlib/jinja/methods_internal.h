// Internal pieces of Jinja's Python methods: argument conversions and the str algorithms
// the YAQL strings module does not already have (case changes, predicates, padding).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/jinja_runtime.h"

namespace sirocco::jinja::pystr {

// A str argument, or TypeError "<what> must be str, not int".
const std::string& text_arg(const Value& v, std::string_view what);
// An int argument (bool counts; big ints saturate), or TypeError like CPython's.
int64_t int_arg(const Value& v);
// A slice bound that may be None: `fallback` when None.
int64_t bound_arg(const Value& v, int64_t fallback);

std::string capitalize(std::string_view s);
std::string title(std::string_view s);
std::string swapcase(std::string_view s);
std::string casefold(std::string_view s);

// str.isalpha() and friends: `kind` is the method name without "is" ("alpha", "digit",
// "space", "lower", "upper", "title", "alnum", "decimal", "numeric", "identifier", "ascii",
// "printable").
bool is_kind(std::string_view s, std::string_view kind);

// str.center/ljust/rjust: pad with `fill` (one code point) up to `width` code points.
std::string pad(const Value& s, int64_t width, std::string_view fill, char align);
std::string zfill(const Value& s, int64_t width);
std::string expandtabs(std::string_view s, int64_t tabsize);
// str.count(sub, start, end), in code points.
int64_t count(const Value& s, std::string_view sub, int64_t start, int64_t end);
// str.splitlines(keepends).
List splitlines(std::string_view s, bool keepends);

}  // namespace sirocco::jinja::pystr

namespace sirocco::jinja {

// str.format and str.format_map (methods_format.cpp).
void register_str_format(Registry& registry);
// The methods of list, tuple and dict (methods_collections.cpp).
void register_collection_methods(Registry& registry);

}  // namespace sirocco::jinja
