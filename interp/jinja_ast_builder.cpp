// Jinja front-end, second half: ANTLR's parse tree → the AST of interp/jinja_ast.h. This
// file builds statements and assignment targets and holds the builder's helpers;
// jinja_ast_builder_operators.cpp and jinja_ast_builder_operands.cpp build expressions.
// The nesting depth of what is built is checked against the limit.
#include "interp/jinja_ast_builder.h"

namespace sirocco::jinja {

namespace {
constexpr char kSyntaxError[] = "TemplateSyntaxError";
}  // namespace

bool is_constant_name(std::string_view name) {
  return name == "true" || name == "True" || name == "false" || name == "False" || name == "none" ||
         name == "None";
}

// --- statements -----------------------------------------------------------------------------

Body AstBuilder::body(P::BodyContext* ctx, size_t depth) const {
  check_depth(depth, ctx);
  Body out;
  out.reserve(ctx->element().size());
  for (P::ElementContext* element_ctx : ctx->element()) out.push_back(element(element_ctx, depth));
  return out;
}

Stmt AstBuilder::element(P::ElementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.span = span(ctx);
  if (auto* text = dynamic_cast<P::TextContext*>(ctx)) {
    stmt.kind = StmtKind::Text;
    stmt.text = text->TEXT()->getSymbol()->getText();
  } else if (auto* output = dynamic_cast<P::OutputContext*>(ctx)) {
    stmt.kind = StmtKind::Output;
    stmt.value = tuple(output->value, output->value->items, output->value->trailing, depth + 1);
  } else if (auto* if_ctx = dynamic_cast<P::IfContext*>(ctx)) {
    return if_statement(if_ctx->ifStatement(), depth + 1);
  } else if (auto* for_ctx = dynamic_cast<P::ForContext*>(ctx)) {
    return for_statement(for_ctx->forStatement(), depth + 1);
  } else if (auto* set = dynamic_cast<P::SetContext*>(ctx)) {
    P::SetStatementContext* s = set->setStatement();
    stmt.kind = StmtKind::Set;
    stmt.target = set_target(s->target);
    if (loops_ > 0) reject_loop_name(stmt.target);
    stmt.value = tuple(s->value, s->value->items, s->value->trailing, depth + 1);
  } else if (auto* block = dynamic_cast<P::SetBlockContext*>(ctx)) {
    P::SetBlockStatementContext* s = block->setBlockStatement();
    stmt.kind = StmtKind::SetBlock;
    stmt.target = set_target(s->target);
    if (loops_ > 0) reject_loop_name(stmt.target);
    for (P::FilterCallContext* f : s->filters)
      stmt.filters.push_back(filter_call(f, nullptr, depth + 1));
    stmt.body = body(s->content, depth + 1);
  } else if (auto* with = dynamic_cast<P::WithContext*>(ctx)) {
    P::WithStatementContext* w = with->withStatement();
    stmt.kind = StmtKind::With;
    for (P::WithBindingContext* binding : w->bindings) {
      stmt.targets.push_back(assign_target(binding->target));
      stmt.values.push_back(expr(binding->value, depth + 1));
    }
    stmt.body = body(w->content, depth + 1);
  } else if (auto* filter = dynamic_cast<P::FilterBlockContext*>(ctx)) {
    P::FilterStatementContext* f = filter->filterStatement();
    stmt.kind = StmtKind::FilterBlock;
    check_depth(depth + 1, f);
    auto first = std::make_unique<Expr>();
    first->kind = ExprKind::Filter;
    first->span = span(f->first);
    first->name = f->first->getText();
    first->operands.push_back(nullptr);
    if (f->args) first->args = arguments(f->args, depth + 2);
    stmt.filters.push_back(std::move(first));
    for (P::FilterCallContext* call : f->filters)
      stmt.filters.push_back(filter_call(call, nullptr, depth + 1));
    stmt.body = body(f->content, depth + 1);
  } else {
    fail("unexpected element", stmt.span);
  }
  return stmt;
}

Stmt AstBuilder::if_statement(P::IfStatementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.kind = StmtKind::If;
  stmt.span = span(ctx);
  stmt.branches.push_back(Branch{plain_tuple(ctx->test, depth + 1), body(ctx->then, depth + 1)});
  for (P::ElifBranchContext* elif : ctx->branches)
    stmt.branches.push_back(
        Branch{plain_tuple(elif->test, depth + 1), body(elif->then, depth + 1)});
  if (ctx->otherwise) stmt.otherwise = body(ctx->otherwise, depth + 1);
  return stmt;
}

Stmt AstBuilder::for_statement(P::ForStatementContext* ctx, size_t depth) const {
  Stmt stmt;
  stmt.kind = StmtKind::For;
  stmt.span = span(ctx);
  stmt.target = assign_target(ctx->target);
  reject_loop_name(stmt.target);
  stmt.value = plain_tuple(ctx->iterable, depth + 1);
  if (ctx->condition) stmt.condition = expr(ctx->condition, depth + 1);
  stmt.recursive = ctx->recursive != nullptr;
  ++loops_;
  stmt.body = body(ctx->loopBody, depth + 1);
  if (ctx->otherwise) stmt.otherwise = body(ctx->otherwise, depth + 1);
  --loops_;
  return stmt;
}

// Jinja2's compiler refuses `loop` as a for-loop target, and as a name set inside a loop.
void AstBuilder::reject_loop_name(const Target& target) const {
  if (target.name == "loop") {
    throw Error("TemplateAssertionError",
                "Can't assign to special loop variable in for-loop target", target.span);
  }
  for (const Target& item : target.items) reject_loop_name(item);
}

Target AstBuilder::set_target(P::SetTargetContext* ctx) const {
  if (P::AssignTargetContext* names = ctx->assignTarget()) {
    // Jinja2 ends a `set` target's tuple only at `=`: `{% set a, = x %}` does not parse.
    if (names->trailing) fail("unexpected '='", span(names->trailing));
    return assign_target(names);
  }
  Target target;
  target.name = ctx->owner->getText();
  target.attribute = ctx->attribute->getText();
  target.span = span(ctx);
  return target;
}

Target AstBuilder::assign_target(P::AssignTargetContext* ctx) const {
  if (ctx->items.size() == 1 && !ctx->trailing) return target_item(ctx->items[0]);
  Target target;
  target.is_tuple = true;
  target.span = span(ctx);
  for (P::TargetItemContext* item : ctx->items) target.items.push_back(target_item(item));
  return target;
}

Target AstBuilder::target_item(P::TargetItemContext* ctx) const {
  if (ctx->inner) return assign_target(ctx->inner);
  Target target;
  target.name = ctx->name()->getText();
  target.span = span(ctx);
  if (is_constant_name(target.name)) fail("can't assign to 'Const'", target.span);
  return target;
}

// --- helpers --------------------------------------------------------------------------------

ExprPtr AstBuilder::node(ExprKind kind, antlr4::ParserRuleContext* ctx) const {
  auto node = std::make_unique<Expr>();
  node->kind = kind;
  node->span = span(ctx);
  return node;
}

Span AstBuilder::span(antlr4::Token* token) const {
  auto at = [&](size_t index) {
    const uint32_t offset = offsets_[std::min(index, offsets_.size() - 1)];
    return offset >= shift_ ? offset - shift_ : 0;
  };
  return Span{at(token->getStartIndex()), at(token->getStopIndex() + 1)};
}

Span AstBuilder::span(antlr4::ParserRuleContext* ctx) const {
  Span first = span(ctx->getStart());
  const antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || stop->getStopIndex() + 1 < ctx->getStart()->getStartIndex()) return first;
  return Span{first.begin, span(const_cast<antlr4::Token*>(stop)).end};
}

void AstBuilder::check_depth(size_t depth, antlr4::ParserRuleContext* ctx) const {
  if (depth > max_depth_) fail("template is nested too deeply", span(ctx));
}

void AstBuilder::fail(const std::string& message, Span at) const {
  throw Error(kSyntaxError, message, at);
}

}  // namespace sirocco::jinja
