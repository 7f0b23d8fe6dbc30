// `loop` inside a Jinja for loop: its position (index, revindex, first, last, length,
// depth), its neighbours (previtem, nextitem), the helpers cycle() and changed(), and, in
// a recursive loop, `loop(items)` rendering the loop body again one level deeper.
#pragma once

#include <string>

#include "interp/jinja_ast.h"
#include "interp/jinja_runtime.h"

namespace sirocco::jinja {

class Scope;

class LoopObject final : public JinjaObject {
 public:
  LoopObject(const Stmt& loop, const Scope& scope, List items, size_t depth0)
      : loop(loop), scope(scope), items(std::move(items)), depth0(depth0) {}

  std::string type_name() const override { return "LoopContext"; }
  std::string repr() const override;
  std::optional<Value> attribute(Runtime& runtime, std::string_view name) const override;

  const Stmt& loop;    // the for statement, for recursive calls
  const Scope& scope;  // the scope the loop runs in
  const List items;
  const size_t depth0;
  size_t index0 = 0;
  bool running = true;  // `scope` exists only while the loop runs

 private:
  mutable Value last_changed_;
  mutable bool changed_called_ = false;
};

// The loop a value holds, or nullptr.
const LoopObject* as_loop(const Value& v);

}  // namespace sirocco::jinja
