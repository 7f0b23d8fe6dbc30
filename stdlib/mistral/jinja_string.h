// Mistral's InlineJinjaEvaluator on a string: only `_` (plus the context variables and the
// Mistral functions bound to the data) in Mistral's environment; when the first `{{ … }}`
// is the whole string its expression gives the native value, otherwise the string renders.
// A string that is not Jinja comes back unchanged; one with `{% %}` but no `{{ }}` is
// Mistral 15's IndexError.
#pragma once

#include <string_view>

#include "interp/jinja_engine.h"
#include "interp/limits.h"
#include "interp/value.h"

namespace sirocco::mistral {

// `engine` must carry Mistral's filters (jinja_filters()). Any Error is the outcome.
Outcome<Value> evaluate_jinja_string(jinja::Engine& engine, std::string_view text,
                                     const Value& data, const Limits& limits);

}  // namespace sirocco::mistral
