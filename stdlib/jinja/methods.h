// Jinja's library: the Python methods of str, list, dict and tuple that templates call.
#pragma once

#include <string>
#include <vector>

#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

// Declares the Python methods of str, list, dict and tuple that templates call in the registry.
//
// As in Python, list.append, list.pop, dict.update and the other mutators change their
// receiver in place, and every copy of that Value sees it (Jinja2's SandboxedEnvironment
// allows them). So an evaluator must build the list and dict literals of a template afresh
// on each evaluation rather than share one constant Value between renders, and may let a
// template mutate only under a MutationPermit (interp/jinja_mutation.h).
void register_methods(Registry& registry);

// The names of those mutators (append, pop, update ...).
const std::vector<std::string>& mutating_method_names();

}  // namespace sirocco::jinja
