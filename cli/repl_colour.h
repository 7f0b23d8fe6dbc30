// ANSI colours for the REPL: JSON results token by token, and error headers; only used
// on a terminal when NO_COLOR is not set.
#pragma once

#include <string>
#include <string_view>

namespace sirocco::cli {

// Whether output to this file descriptor gets colours: a terminal, and NO_COLOR unset
// or empty (https://no-color.org).
bool colour_wanted(int fd);

// The JSON text with its keys, strings, numbers and literals coloured. Anything that is not
// a JSON token (the text is always what interp/json.h wrote) is left as it is.
std::string colour_json(std::string_view json);

// The text in the colour of errors (red), or of notes (dim).
std::string colour_error(std::string_view text);
std::string colour_note(std::string_view text);

}  // namespace sirocco::cli
