// Internal pieces of Jinja's global functions: the helper objects and lorem ipsum.
#pragma once

#include <cstdint>
#include <string>

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Python's dict(*args, **kwargs): a mapping, or an iterable of pairs, then the keywords.
Dict build_dict(const std::vector<Value>& args, const Kwargs& kwargs);
// cycler(*items): an object with next(), reset() and current. RuntimeError without items.
Value make_cycler(List items);
// joiner(sep): a callable giving '' the first time and sep after.
Value make_joiner(Value separator);
// lipsum(n, html, min, max): n paragraphs of min to max-1 words, as <p>...</p> lines when html.
std::string lorem_ipsum(int64_t paragraphs, bool html, int64_t min, int64_t max);

}  // namespace sirocco::jinja
