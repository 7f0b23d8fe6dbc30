// Builds the registry that python-yaql's create_context() corresponds to.
#include "stdlib/yaql/stdlib.h"

namespace sirocco::yaql {

std::shared_ptr<Registry> make_standard_registry() {
  auto r = std::make_shared<Registry>();
  register_system(*r);
  register_common(*r);
  register_boolean(*r);
  register_math(*r);
  register_strings(*r);
  register_collections(*r);
  register_queries(*r);
  register_branching(*r);
  register_regex(*r);
  register_datetime(*r);
  return r;
}

}  // namespace sirocco::yaql
