// The Mistral functions as Jinja sees them. Mistral puts each one into every Jinja context
// bound to the data (`env()`, `json_dump(x)`), and also registers the unbound functions as
// filters, where the filtered value takes the data's place (`x|json_pp`, `x|env`).
#pragma once

#include "interp/jinja_engine.h"
#include "interp/jinja_runtime.h"

namespace sirocco::mistral {

// The functions as filters (`context` is the filtered value) and, bound to the data, as
// the globals of a `lang: jinja` evaluation (jinja::BoundFunctions).
const jinja::Registry& jinja_filters();

}  // namespace sirocco::mistral
