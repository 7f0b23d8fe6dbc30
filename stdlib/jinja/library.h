// Jinja's builtin library: the filters, the tests, the global functions (range, dict, lipsum,
// cycler, joiner) and the Python methods of str, list, dict and tuple that templates call
// (`'a,b'.split(',')`, `d.items()`), with Jinja2 3.1's names, parameters and defaults.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

struct Library {
  Registry filters;  // `x|name(args)`: slot 0 is x
  Registry tests;    // `x is name(args)`: slot 0 is x; the result is truthy or not
  Registry globals;  // `name(args)`
  Registry methods;  // declared as "<python type>.<name>", e.g. "str.upper"; slot 0 is self
  std::vector<std::string> mutating_methods;  // the names of those that change self in place
};

// The library, built once on first use; shared by every environment.
const Library& builtin_library();

// The bound method `obj.name` when obj's Python type has such a method (a Callable value),
// else a null Value. The sandbox rules (no `_` names) are the caller's.
Value find_method(const Library& library, const Value& obj, std::string_view name);

}  // namespace sirocco::jinja
