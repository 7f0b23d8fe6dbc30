// Python's str algorithms for Jinja's str methods and tests, beyond what the YAQL strings
// module has: case changes and case properties by Unicode's rules (utf8proc plus the
// Other_Lowercase / Other_Uppercase tables), the is*() predicates, padding, counting and
// line splitting, all in code points; and the argument conversions and size limit those
// methods share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interp/jinja_runtime.h"

namespace sirocco::jinja::pystr {

// The most bytes a str or list result may take: the memory quota when one is set, at most
// 100 MB.
size_t max_result_bytes(const Runtime& runtime);
// Throws Error("MemoryQuotaExceededException") for a result past max_result_bytes.
[[noreturn]] void result_too_large();

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

// str.islower(), isupper() (`kind` "lower" or "upper") or istitle() ("title").
bool is_case_kind(std::string_view s, std::string_view kind);

// str.isalpha() and friends: `kind` is the method name without "is" ("alpha", "digit",
// "space", "lower", "upper", "title", "alnum", "decimal", "numeric", "identifier", "ascii",
// "printable").
bool is_kind(std::string_view s, std::string_view kind);

// str.center/ljust/rjust: pad with `fill` (one code point) up to `width` code points. These
// and zfill and expandtabs refuse a result past max_bytes.
std::string pad(const Value& s, int64_t width, std::string_view fill, char align, size_t max_bytes);
std::string zfill(const Value& s, int64_t width, size_t max_bytes);
std::string expandtabs(std::string_view s, int64_t tabsize, size_t max_bytes);
// str.count(sub, start, end), in code points.
int64_t count(const Value& s, std::string_view sub, int64_t start, int64_t end);
// str.splitlines(keepends).
List splitlines(std::string_view s, bool keepends);

}  // namespace sirocco::jinja::pystr
