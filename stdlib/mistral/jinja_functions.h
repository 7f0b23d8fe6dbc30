// The Mistral functions as Jinja sees them. Mistral puts each one into every Jinja context
// bound to the data (`env()`, `json_dump(x)`), and also registers the unbound functions as
// filters, where the filtered value takes the data's place (`x|json_pp`, `x|env`).
#pragma once

#include "interp/jinja_engine.h"
#include "interp/jinja_runtime.h"

namespace sirocco::mistral {

// The functions as filters: `context` is the filtered value.
const jinja::Registry& jinja_filters();

// Adds the functions bound to `data` to the variables of a Jinja evaluation.
void add_jinja_functions(jinja::Variables& variables, const Value& data);

}  // namespace sirocco::mistral
