// Internal to the Jinja front-end: builds the AST from ANTLR's parse tree (included only by
// interp/jinja_parser.cpp and interp/jinja_ast_builder.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

// Our headers (Boost among them) before ANTLR's, which undefines EOF.
#include "interp/jinja_ast.h"

#include "JinjaParser.h"

namespace sirocco::jinja {

// true, True, false, False, none and None: constants, not names.
bool is_constant_name(std::string_view name);
// The value of such a name.
Value constant_of(std::string_view name);
// The values of INTEGER and FLOAT tokens.
Value integer_literal(const std::string& text);
Value float_literal(const std::string& text);
// A token's text as code points (for yaql::string_value).
std::u32string code_points(const std::string& text);

class AstBuilder {
 public:
  // `byte_offsets[i]` is the byte offset of code point i of the source (one extra entry for
  // the end); `shift` is subtracted from every offset (delimiters the front-end added).
  AstBuilder(const std::vector<uint32_t>& byte_offsets, uint32_t shift, size_t max_depth)
      : offsets_(byte_offsets), shift_(shift), max_depth_(max_depth) {}

  Body body(sirocco_gen::JinjaParser::BodyContext* ctx, size_t depth) const;
  ExprPtr expr(sirocco_gen::JinjaParser::ExprContext* ctx, size_t depth) const;

 private:
  using P = sirocco_gen::JinjaParser;

  Stmt element(P::ElementContext* ctx, size_t depth) const;
  Stmt if_statement(P::IfStatementContext* ctx, size_t depth) const;
  Stmt for_statement(P::ForStatementContext* ctx, size_t depth) const;
  void reject_loop_name(const Target& target) const;
  Target set_target(P::SetTargetContext* ctx) const;
  Target assign_target(P::AssignTargetContext* ctx) const;
  Target target_item(P::TargetItemContext* ctx) const;

  ExprPtr tuple(antlr4::ParserRuleContext* ctx, const std::vector<P::ExprContext*>& items,
                bool trailing, size_t depth) const;
  ExprPtr plain_tuple(P::PlainTupleContext* ctx, size_t depth) const;
  ExprPtr or_expr(P::OrExprContext* ctx, size_t depth) const;
  ExprPtr and_expr(P::AndExprContext* ctx, size_t depth) const;
  ExprPtr not_expr(P::NotExprContext* ctx, size_t depth) const;
  ExprPtr comparison(P::ComparisonContext* ctx, size_t depth) const;
  ExprPtr sum_expr(P::SumExprContext* ctx, size_t depth) const;
  ExprPtr concat_expr(P::ConcatExprContext* ctx, size_t depth) const;
  ExprPtr product_expr(P::ProductExprContext* ctx, size_t depth) const;
  ExprPtr power_expr(P::PowerExprContext* ctx, size_t depth) const;
  ExprPtr filtered(P::FilteredContext* ctx, size_t depth) const;
  ExprPtr filter_call(P::FilterCallContext* ctx, ExprPtr operand, size_t depth) const;
  ExprPtr unary(P::UnaryContext* ctx, size_t depth) const;
  ExprPtr postfix_expr(P::PostfixExprContext* ctx, size_t depth) const;
  ExprPtr subscript(P::SubscriptContext* ctx, size_t depth) const;
  ExprPtr primary(P::PrimaryContext* ctx, size_t depth) const;
  std::vector<Argument> arguments(P::ArgumentsContext* ctx, size_t depth) const;

  ExprPtr node(ExprKind kind, antlr4::ParserRuleContext* ctx) const;
  ExprPtr binary(ExprKind kind, ExprPtr left, ExprPtr right, size_t depth) const;
  Span span(antlr4::ParserRuleContext* ctx) const;
  Span span(antlr4::Token* token) const;
  void check_depth(size_t depth, antlr4::ParserRuleContext* ctx) const;
  [[noreturn]] void fail(const std::string& message, Span at) const;

  const std::vector<uint32_t>& offsets_;
  uint32_t shift_;
  size_t max_depth_;
  mutable size_t loops_ = 0;  // for bodies being built around the current node
};

}  // namespace sirocco::jinja
