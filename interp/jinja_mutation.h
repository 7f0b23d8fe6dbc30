// Which Jinja evaluations may change lists and dicts in place, and how the data they are
// given stays unchanged. Jinja2's sandbox lets a template call `append`, `update`, `pop`
// ... on any list or dict, the template's data included; Sirocco values are shared, so a
// template must never change what its caller passed in (docs/COMPATIBILITY.md). A
// template whose text names a mutating method (as an attribute or as a string constant:
// `x.append`, `x['pop']`, `x|attr('update')`) gets a private deep copy of its variables
// and may mutate anything; any other template may mutate nothing, so a method name that
// only the data spells (`x|attr(_.name)`) cannot reach the caller's values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/jinja_ast.h"

namespace sirocco::jinja {

// Whether the template or expression spells one of `names` as an attribute name or a
// string constant anywhere (filter and test arguments included).
bool spells_any(const Body& body, const Expr* expr, const std::vector<std::string>& names);

// A copy of `v` that shares no list or dict with it (tuples are rebuilt when they hold one).
Value copy_containers(const Value& v);

// Installed by the engine around one evaluation: whether its lists and dicts may change in
// place. Outside any evaluation (library tests) they may.
class MutationPermit {
 public:
  explicit MutationPermit(bool allowed);
  ~MutationPermit();
  MutationPermit(const MutationPermit&) = delete;
  MutationPermit& operator=(const MutationPermit&) = delete;

  // Throws Error("SecurityError") when the running evaluation may not call `method`.
  static void check(std::string_view method);

 private:
  bool previous_;
};

}  // namespace sirocco::jinja
