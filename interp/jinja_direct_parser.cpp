// The fast path of the Jinja front-end (see interp/jinja_direct_parser.h). Each method is
// one rule of grammar/JinjaParser.g4 and builds what interp/jinja_ast_builder*.cpp builds
// from that rule's parse tree, with the same depth arithmetic; a span is the one of the
// rule's tokens, as ANTLR's contexts have it.
#include "interp/jinja_direct_parser.h"

#include "interp/jinja_ast_builder.h"

namespace sirocco::jinja {
namespace {

using P = sirocco_gen::JinjaParser;

// Thrown for anything the fast path leaves to ANTLR.
struct NotDirect {};

struct Tok {
  size_t type;
  size_t start, stop;  // code point indices, as ANTLR's
  const antlr4::Token* token;
};

bool is_name(size_t type) {
  switch (type) {
    case P::NAME:
    case P::ELIF:
    case P::ENDIF:
    case P::FOR:
    case P::ENDFOR:
    case P::SET:
    case P::ENDSET:
    case P::RECURSIVE:
    case P::WITH:
    case P::ENDWITH:
    case P::FILTER:
    case P::ENDFILTER:
    case P::ELSE:
    case P::IF:
    case P::IN:
    case P::IS:
    case P::AND:
    case P::OR:
    case P::NOT:
      return true;
    default:
      return false;
  }
}
// The words `primary` reads as variables (`name` without NOT).
bool is_variable(size_t type) { return type != P::NOT && is_name(type); }
bool starts_postfix(size_t type) {
  switch (type) {
    case P::STRING:
    case P::INTEGER:
    case P::FLOAT:
    case P::LPAREN:
    case P::LBRACKET:
    case P::LBRACE:
      return true;
    default:
      return is_variable(type);
  }
}
bool starts_expr(size_t type) {
  return type == P::NOT || type == P::MINUS || type == P::PLUS || starts_postfix(type);
}

// Every method reads one rule and returns what it builds. Nesting is checked the way the
// AST builder checks it, where each rule gets a depth from its parent: `need` receives the
// deepest depth the rule checks, relative to the depth the builder would give the rule.
class DirectParser {
 public:
  explicit DirectParser(const DirectParseInput& input)
      : offsets_(input.offsets), shift_(input.shift), max_depth_(input.max_depth) {
    toks_.reserve(input.tokens.size());
    for (const TokenPtr& t : input.tokens)
      toks_.push_back(Tok{t->getType(), t->getStartIndex(), t->getStopIndex(), t.get()});
  }

  // document : body EOF   (the body at depth 1)
  Body document() {
    size_t need = 0;
    Body out = body(need);
    expect(antlr4::Token::EOF);
    check_depth(1 + need);
    return out;
  }

  // expression : VAR_OPEN value=expr VAR_CLOSE EOF   (the expr at depth 1)
  ExprPtr expression() {
    expect(P::VAR_OPEN);
    size_t need = 0;
    ExprPtr out = expr(need);
    expect(P::VAR_CLOSE);
    expect(antlr4::Token::EOF);
    check_depth(1 + need);
    return out;
  }

 private:
  // --- tokens, spans, depths -----------------------------------------------------------------

  size_t la(size_t k = 1) const { return toks_[std::min(pos_ + k - 1, toks_.size() - 1)].type; }
  size_t expect(size_t type) {
    if (la() != type) throw NotDirect{};
    return pos_++;
  }
  std::string text(size_t index) const { return toks_[index].token->getText(); }

  Span token_span(size_t index) const {
    auto at = [&](size_t i) {
      const uint32_t offset = offsets_[std::min(i, offsets_.size() - 1)];
      return offset >= shift_ ? offset - shift_ : 0;
    };
    return Span{at(toks_[index].start), at(toks_[index].stop + 1)};
  }
  // The span of a rule that read the tokens from `first` up to the current one.
  Span rule_span(size_t first) const {
    const Span start = token_span(first);
    if (pos_ == 0 || toks_[pos_ - 1].stop + 1 < toks_[first].start) return start;
    return Span{start.begin, token_span(pos_ - 1).end};
  }
  static ExprPtr node(ExprKind kind, Span span = {}) {
    auto out = std::make_unique<Expr>();
    out->kind = kind;
    out->span = span;
    return out;
  }
  void check_depth(size_t depth) const {
    if (depth > max_depth_) throw NotDirect{};
  }
  static void deepen(size_t& need, size_t offset, size_t child_need) {
    need = std::max(need, offset + child_need);
  }

  // --- statements ---------------------------------------------------------------------------

  // body : element*
  Body body(size_t& need) {
    need = 0;
    Body out;
    for (;;) {
      const size_t type = la();
      size_t element_need = 0;
      if (type == P::TEXT) {
        Stmt stmt;
        stmt.span = token_span(pos_);
        stmt.text = text(pos_++);
        out.push_back(std::move(stmt));
      } else if (type == P::VAR_OPEN) {
        out.push_back(output(element_need));
      } else if (type == P::BLOCK_OPEN && (la(2) == P::IF || la(2) == P::FOR || la(2) == P::SET ||
                                           la(2) == P::WITH || la(2) == P::FILTER)) {
        out.push_back(statement(element_need));
      } else {
        return out;
      }
      deepen(need, 0, element_need);
    }
  }

  // VAR_OPEN value=tupleExpr VAR_CLOSE
  Stmt output(size_t& need) {
    const size_t first = pos_++;
    Stmt stmt;
    stmt.kind = StmtKind::Output;
    size_t value_need = 0;
    stmt.value = tuple_expr(value_need, false);
    need = 1 + value_need;
    expect(P::VAR_CLOSE);
    stmt.span = rule_span(first);
    return stmt;
  }

  Stmt statement(size_t& need) {
    const size_t first = pos_++;
    Stmt stmt;
    size_t inner = 0;
    switch (la()) {
      case P::IF:
        stmt = if_statement(inner);
        need = 1 + inner;
        break;
      case P::FOR:
        stmt = for_statement(inner);
        need = 1 + inner;
        break;
      case P::SET:
        stmt = set_statement(need);
        break;
      case P::WITH:
        stmt = with_statement(need);
        break;
      default:
        stmt = filter_statement(need);
    }
    stmt.span = rule_span(first);
    return stmt;
  }

  // The `BLOCK_OPEN word BLOCK_CLOSE` that ends or divides a statement.
  bool at_tag(size_t word) const { return la() == P::BLOCK_OPEN && la(2) == word; }
  void tag(size_t word) {
    expect(P::BLOCK_OPEN);
    expect(word);
    expect(P::BLOCK_CLOSE);
  }

  // The end of a block statement's head: BLOCK_CLOSE body `end_word`.
  Body block_body(size_t& need, size_t end_word) {
    expect(P::BLOCK_CLOSE);
    size_t n = 0;
    Body content = body(n);
    deepen(need, 1, n);
    tag(end_word);
    return content;
  }

  // filterCall*, as `set` and `filter` blocks take them.
  void filter_calls(std::vector<ExprPtr>& filters, size_t& need) {
    size_t n = 0;
    while (la() == P::PIPE) {
      filters.push_back(filter_call(nullptr, n));
      deepen(need, 1, n);
    }
  }

  // IF test=plainTuple BLOCK_CLOSE then=body elifBranch* (ELSE ...)? ENDIF
  Stmt if_statement(size_t& need) {
    ++pos_;
    Stmt stmt;
    stmt.kind = StmtKind::If;
    need = 0;
    size_t n = 0;
    for (bool first = true; first || at_tag(P::ELIF); first = false) {
      pos_ += first ? 0 : 2;
      ExprPtr test = tuple_expr(n, true);
      deepen(need, 1, n);
      expect(P::BLOCK_CLOSE);
      Body then = body(n);
      deepen(need, 1, n);
      stmt.branches.push_back(Branch{std::move(test), std::move(then)});
    }
    if (at_tag(P::ELSE)) {
      tag(P::ELSE);
      stmt.otherwise = body(n);
      deepen(need, 1, n);
    }
    tag(P::ENDIF);
    return stmt;
  }

  // FOR target=assignTarget IN iterable=plainTuple (IF condition=expr)? RECURSIVE? ...
  Stmt for_statement(size_t& need) {
    ++pos_;
    Stmt stmt;
    stmt.kind = StmtKind::For;
    stmt.target = assign_target();
    reject_loop_name(stmt.target);
    expect(P::IN);
    size_t n = 0;
    stmt.value = tuple_expr(n, true);
    need = 1 + n;
    if (la() == P::IF) {
      ++pos_;
      stmt.condition = expr(n);
      deepen(need, 1, n);
    }
    if (la() == P::RECURSIVE) {
      ++pos_;
      stmt.recursive = true;
    }
    expect(P::BLOCK_CLOSE);
    ++loops_;
    stmt.body = body(n);
    deepen(need, 1, n);
    if (at_tag(P::ELSE)) {
      tag(P::ELSE);
      stmt.otherwise = body(n);
      deepen(need, 1, n);
    }
    --loops_;
    tag(P::ENDFOR);
    return stmt;
  }

  // SET target=setTarget (ASSIGN value=tupleExpr | filterCall* BLOCK_CLOSE body ENDSET)
  Stmt set_statement(size_t& need) {
    ++pos_;
    Stmt stmt;
    stmt.target = set_target();
    if (loops_ > 0) reject_loop_name(stmt.target);
    size_t n = 0;
    need = 0;
    if (la() == P::ASSIGN) {
      ++pos_;
      stmt.kind = StmtKind::Set;
      stmt.value = tuple_expr(n, false);
      need = 1 + n;
      expect(P::BLOCK_CLOSE);
      return stmt;
    }
    stmt.kind = StmtKind::SetBlock;
    filter_calls(stmt.filters, need);
    stmt.body = block_body(need, P::ENDSET);
    return stmt;
  }

  // WITH (withBinding (COMMA withBinding)*)? BLOCK_CLOSE content=body ENDWITH
  Stmt with_statement(size_t& need) {
    ++pos_;
    Stmt stmt;
    stmt.kind = StmtKind::With;
    need = 0;
    size_t n = 0;
    if (la() != P::BLOCK_CLOSE) {
      for (;;) {
        stmt.targets.push_back(assign_target());
        expect(P::ASSIGN);
        stmt.values.push_back(expr(n));
        deepen(need, 1, n);
        if (la() != P::COMMA) break;
        ++pos_;
      }
    }
    stmt.body = block_body(need, P::ENDWITH);
    return stmt;
  }

  // FILTER first=dottedName (LPAREN args? RPAREN)? filterCall* BLOCK_CLOSE body ENDFILTER
  Stmt filter_statement(size_t& need) {
    ++pos_;
    Stmt stmt;
    stmt.kind = StmtKind::FilterBlock;
    need = 1;
    size_t n = 0;
    const size_t first = pos_;
    ExprPtr filter = node(ExprKind::Filter);
    filter->name = dotted_name();
    filter->span = rule_span(first);
    filter->operands.push_back(nullptr);
    if (la() == P::LPAREN) {
      filter->args = call_arguments(n);
      deepen(need, 2, n);
    }
    stmt.filters.push_back(std::move(filter));
    filter_calls(stmt.filters, need);
    stmt.body = block_body(need, P::ENDFILTER);
    return stmt;
  }

  void reject_loop_name(const Target& target) const {
    if (target.name == "loop") throw NotDirect{};
    for (const Target& item : target.items) reject_loop_name(item);
  }

  // setTarget : owner=name DOT attribute=name | assignTarget
  Target set_target() {
    if (is_name(la()) && la(2) == P::DOT) {
      const size_t first = pos_;
      Target target;
      target.name = text(pos_);
      pos_ += 2;
      if (!is_name(la())) throw NotDirect{};
      target.attribute = text(pos_++);
      target.span = rule_span(first);
      return target;
    }
    bool trailing = false;
    Target target = assign_target(&trailing);
    if (trailing) throw NotDirect{};
    return target;
  }

  // assignTarget : targetItem (COMMA targetItem)* COMMA?
  Target assign_target(bool* trailing = nullptr) {
    const size_t first = pos_;
    std::vector<Target> items;
    items.push_back(target_item());
    bool comma = false;
    while (la() == P::COMMA) {
      ++pos_;
      if (!is_name(la()) && la() != P::LPAREN) {
        comma = true;
        break;
      }
      items.push_back(target_item());
    }
    if (trailing) *trailing = comma;
    if (items.size() == 1 && !comma) return std::move(items[0]);
    Target target;
    target.is_tuple = true;
    target.span = rule_span(first);
    target.items = std::move(items);
    return target;
  }

  // targetItem : name | LPAREN inner=assignTarget RPAREN
  Target target_item() {
    if (la() == P::LPAREN) {
      ++pos_;
      Target inner = assign_target();
      expect(P::RPAREN);
      return inner;
    }
    if (!is_name(la())) throw NotDirect{};
    Target target;
    target.span = token_span(pos_);
    target.name = text(pos_++);
    if (is_constant_name(target.name)) throw NotDirect{};
    return target;
  }

  // --- expressions --------------------------------------------------------------------------

  // tupleExpr : expr (COMMA expr)* COMMA?   plainTuple: the same of orExpr (no conditionals)
  ExprPtr tuple_expr(size_t& need, bool plain) {
    const size_t first = pos_;
    std::vector<ExprPtr> items;
    size_t item_need = 0;
    items.push_back(plain ? or_expr(item_need) : expr(item_need));
    need = item_need;  // a lone item is built at the tuple's depth
    bool trailing = false;
    while (la() == P::COMMA) {
      ++pos_;
      if (!starts_expr(la())) {
        trailing = true;
        break;
      }
      size_t n = 0;
      items.push_back(plain ? or_expr(n) : expr(n));
      item_need = std::max(item_need, n);
    }
    if (items.size() == 1 && !trailing) return std::move(items[0]);
    need = 1 + item_need;
    ExprPtr out = node(ExprKind::Tuple, rule_span(first));
    out->operands = std::move(items);
    return out;
  }

  // expr : value=orExpr conditional*;  conditional : IF test=orExpr (ELSE otherwise=expr)?
  ExprPtr expr(size_t& need) {
    const size_t first = pos_;
    size_t value_need = 0;
    ExprPtr value = or_expr(value_need);
    if (la() != P::IF) {
      need = value_need;
      return value;
    }
    struct Condition {
      ExprPtr test, otherwise;
      size_t need;
    };
    std::vector<Condition> conditions;
    while (la() == P::IF) {
      ++pos_;
      Condition c;
      c.test = or_expr(c.need);
      if (la() == P::ELSE) {
        ++pos_;
        size_t n = 0;
        c.otherwise = expr(n);
        c.need = std::max(c.need, n);
      }
      conditions.push_back(std::move(c));
    }
    const Span span = rule_span(first);
    const size_t chain = conditions.size();
    need = chain + value_need;
    for (size_t i = 0; i < chain; ++i) {
      deepen(need, chain - i, conditions[i].need);
      ExprPtr cond = node(ExprKind::Conditional, span);
      cond->operands.push_back(std::move(value));
      cond->operands.push_back(std::move(conditions[i].test));
      cond->operands.push_back(std::move(conditions[i].otherwise));
      value = std::move(cond);
    }
    return value;
  }

  // A chain of left-associative operators: operand (op operand)*.
  template <class Operand, class IsOp, class SetOp>
  ExprPtr chain(size_t& need, Operand operand, IsOp is_op, SetOp set_op, ExprKind kind) {
    size_t first_need = 0;
    ExprPtr value = operand(first_need);
    if (!is_op()) {
      need = first_need;
      return value;
    }
    size_t rest_need = 0, n = 1;
    while (is_op()) {
      const size_t op = la();
      ++pos_;
      size_t operand_need = 0;
      ExprPtr right = operand(operand_need);
      rest_need = std::max(rest_need, operand_need);
      ExprPtr joined = node(kind, Span{value->span.begin, right->span.end});
      joined->operands.push_back(std::move(value));
      joined->operands.push_back(std::move(right));
      set_op(*joined, op);
      value = std::move(joined);
      ++n;
    }
    // The builder gives the first operand depth + n - 1, the others depth + 1, and checks
    // the operators at depth + n - 1 down to depth + 1.
    need = std::max({n - 1 + first_need, 1 + rest_need, n - 1});
    return value;
  }

  ExprPtr or_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return and_expr(n); }, [this] { return la() == P::OR; },
        [](Expr&, size_t) {}, ExprKind::Or);
  }
  ExprPtr and_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return not_expr(n); }, [this] { return la() == P::AND; },
        [](Expr&, size_t) {}, ExprKind::And);
  }

  // notExpr : NOT operand=notExpr | comparison
  ExprPtr not_expr(size_t& need) {
    if (la() != P::NOT) return comparison(need);
    const size_t first = pos_++;
    size_t n = 0;
    ExprPtr operand = not_expr(n);
    need = 1 + n;
    ExprPtr out = node(ExprKind::Not, rule_span(first));
    out->operands.push_back(std::move(operand));
    return out;
  }

  // comparison : first=sumExpr (compareOp rest=sumExpr)*
  ExprPtr comparison(size_t& need) {
    const size_t first = pos_;
    ExprPtr head = sum_expr(need);
    if (!compare_op_ahead()) return head;
    ExprPtr out = node(ExprKind::Compare);
    out->operands.push_back(std::move(head));
    size_t operands_need = need;
    while (compare_op_ahead()) {
      CompareOp code = CompareOp::Equal;
      switch (la()) {
        case P::NOT:
          code = CompareOp::NotIn;
          ++pos_;
          break;
        case P::IN:
          code = CompareOp::In;
          break;
        case P::NE:
          code = CompareOp::NotEqual;
          break;
        case P::LT:
          code = CompareOp::Less;
          break;
        case P::LE:
          code = CompareOp::LessEqual;
          break;
        case P::GT:
          code = CompareOp::Greater;
          break;
        case P::GE:
          code = CompareOp::GreaterEqual;
          break;
        default:
          break;
      }
      ++pos_;
      out->comparisons.push_back(code);
      size_t n = 0;
      out->operands.push_back(sum_expr(n));
      operands_need = std::max(operands_need, n);
    }
    need = 1 + operands_need;
    out->span = rule_span(first);
    return out;
  }
  bool compare_op_ahead() const {
    switch (la()) {
      case P::EQ:
      case P::NE:
      case P::LT:
      case P::LE:
      case P::GT:
      case P::GE:
      case P::IN:
        return true;
      case P::NOT:
        return la(2) == P::IN;
      default:
        return false;
    }
  }

  ExprPtr sum_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return concat_expr(n); },
        [this] { return la() == P::PLUS || la() == P::MINUS; },
        [](Expr& e, size_t op) { e.op = op == P::PLUS ? BinaryOp::Add : BinaryOp::Subtract; },
        ExprKind::Binary);
  }
  ExprPtr concat_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return product_expr(n); }, [this] { return la() == P::TILDE; },
        [](Expr& e, size_t) { e.op = BinaryOp::Concat; }, ExprKind::Binary);
  }
  ExprPtr product_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return power_expr(n); },
        [this] {
          return la() == P::STAR || la() == P::SLASH || la() == P::FLOORDIV || la() == P::PERCENT;
        },
        [](Expr& e, size_t op) {
          e.op = op == P::STAR       ? BinaryOp::Multiply
                 : op == P::SLASH    ? BinaryOp::Divide
                 : op == P::FLOORDIV ? BinaryOp::FloorDivide
                                     : BinaryOp::Modulo;
        },
        ExprKind::Binary);
  }
  ExprPtr power_expr(size_t& need) {
    return chain(
        need, [this](size_t& n) { return filtered(n); }, [this] { return la() == P::POW; },
        [](Expr& e, size_t) { e.op = BinaryOp::Power; }, ExprKind::Binary);
  }

  // filtered : operand=unary filterSuffix*
  // filterSuffix : filterCall | IS NOT? dottedName (LPAREN args? RPAREN | single=postfixExpr)?
  //              | LPAREN args? RPAREN
  ExprPtr filtered(size_t& need) {
    size_t operand_need = 0;
    ExprPtr value = unary(operand_need);
    // Suffix i of n is built at depth + n - i: its need relative to its own level.
    std::vector<size_t> suffix_needs;
    bool previous_plain_test = false;  // `is name` with no argument
    while (la() == P::PIPE || la() == P::IS || la() == P::LPAREN) {
      const size_t first = pos_;
      size_t n = 0;
      if (la() == P::PIPE) {
        value = filter_call(std::move(value), n);
        suffix_needs.push_back(n);
        previous_plain_test = false;
        continue;
      }
      const uint32_t begin = value->span.begin;
      size_t suffix_need = 0;
      if (la() == P::IS) {
        if (previous_plain_test) throw NotDirect{};  // "You cannot chain multiple tests"
        ++pos_;
        ExprPtr test = node(ExprKind::Test);
        if (la() == P::NOT && is_name(la(2))) {
          ++pos_;
          test->negated = true;
        }
        test->name = dotted_name();
        test->operands.push_back(std::move(value));
        previous_plain_test = true;
        if (la() == P::LPAREN) {
          test->args = call_arguments(n);
          suffix_need = 1 + n;
          previous_plain_test = false;
        } else if (starts_postfix(la()) && la() != P::AND && la() != P::OR && la() != P::ELSE) {
          test->args.push_back(Argument{Argument::Kind::Positional, "", postfix_expr(n)});
          suffix_need = 1 + n;
          previous_plain_test = false;
        }
        value = std::move(test);
      } else {
        ExprPtr call = node(ExprKind::Call);
        call->operands.push_back(std::move(value));
        call->args = call_arguments(n);
        suffix_need = 1 + n;
        value = std::move(call);
        previous_plain_test = false;
      }
      value->span = rule_span(first);
      value->span.begin = begin;
      suffix_needs.push_back(suffix_need);
    }
    const size_t count = suffix_needs.size();
    need = count + operand_need;
    for (size_t i = 0; i < count; ++i) deepen(need, count - i, suffix_needs[i]);
    return value;
  }

  // filterCall : PIPE filter=dottedName (LPAREN args=arguments? RPAREN)?
  ExprPtr filter_call(ExprPtr operand, size_t& need) {
    const size_t first = pos_;
    expect(P::PIPE);
    ExprPtr out = node(ExprKind::Filter);
    out->name = dotted_name();
    need = 0;
    if (la() == P::LPAREN) {
      size_t n = 0;
      out->args = call_arguments(n);
      need = 1 + n;
    }
    out->span = rule_span(first);
    if (operand) out->span.begin = operand->span.begin;
    out->operands.push_back(std::move(operand));
    return out;
  }

  // dottedName : name (DOT name)*, as one text ("a.b").
  std::string dotted_name() {
    if (!is_name(la())) throw NotDirect{};
    std::string out = text(pos_++);
    while (la() == P::DOT && is_name(la(2))) {
      out += '.';
      out += text(pos_ + 1);
      pos_ += 2;
    }
    return out;
  }

  // unary : op=(MINUS | PLUS) operand=unary | postfixExpr
  ExprPtr unary(size_t& need) {
    if (la() != P::MINUS && la() != P::PLUS) return postfix_expr(need);
    const size_t first = pos_;
    const bool minus = la() == P::MINUS;
    ++pos_;
    size_t n = 0;
    ExprPtr operand = unary(n);
    need = 1 + n;
    ExprPtr out = node(minus ? ExprKind::Negative : ExprKind::Positive, rule_span(first));
    out->operands.push_back(std::move(operand));
    return out;
  }

  // postfixExpr : operand=primary postfix*
  // postfix : DOT (name | INTEGER) | LBRACKET subscripts RBRACKET | LPAREN args? RPAREN
  ExprPtr postfix_expr(size_t& need) {
    size_t operand_need = 0;
    ExprPtr value = primary(operand_need);
    std::vector<size_t> suffix_needs;  // relative to each suffix's level, as in filtered()
    while (la() == P::DOT || la() == P::LBRACKET || la() == P::LPAREN) {
      const size_t first = pos_;
      const uint32_t begin = value->span.begin;
      size_t suffix_need = 0;
      ExprPtr out;
      if (la() == P::DOT) {
        ++pos_;
        if (la() == P::INTEGER) {
          const std::string index = text(pos_++);
          out = node(ExprKind::Item, rule_span(first));
          out->operands.push_back(std::move(value));
          ExprPtr key = node(ExprKind::Constant, rule_span(first));
          key->value = integer_literal(index);
          out->operands.push_back(std::move(key));
        } else {
          if (!is_name(la())) throw NotDirect{};
          out = node(ExprKind::Attribute);
          out->name = text(pos_++);
          out->span = rule_span(first);
          out->operands.push_back(std::move(value));
        }
      } else if (la() == P::LBRACKET) {
        ++pos_;
        std::vector<ExprPtr> subscripts;
        size_t n = 0, subscripts_need = 0;
        subscripts.push_back(subscript(n));
        subscripts_need = n;
        bool trailing = false;
        while (la() == P::COMMA) {
          ++pos_;
          if (!starts_expr(la()) && la() != P::COLON) {
            trailing = true;
            break;
          }
          subscripts.push_back(subscript(n));
          subscripts_need = std::max(subscripts_need, n);
        }
        expect(P::RBRACKET);
        out = node(ExprKind::Item, rule_span(first));
        out->operands.push_back(std::move(value));
        if (subscripts.size() == 1 && !trailing) {
          suffix_need = 1 + subscripts_need;
          out->operands.push_back(std::move(subscripts[0]));
        } else {
          suffix_need = 2 + subscripts_need;
          ExprPtr key = node(ExprKind::Tuple, rule_span(first));
          key->operands = std::move(subscripts);
          out->operands.push_back(std::move(key));
        }
      } else {
        out = node(ExprKind::Call);
        out->operands.push_back(std::move(value));
        size_t n = 0;
        out->args = call_arguments(n);
        suffix_need = 1 + n;
        out->span = rule_span(first);
      }
      out->span.begin = begin;
      value = std::move(out);
      suffix_needs.push_back(suffix_need);
    }
    const size_t count = suffix_needs.size();
    need = count + operand_need;
    for (size_t i = 0; i < count; ++i) deepen(need, count - i, suffix_needs[i]);
    return value;
  }

  // subscript : lower=expr? COLON upper=expr? (COLON step=expr?)? | index=expr
  ExprPtr subscript(size_t& need) {
    const size_t first = pos_;
    ExprPtr lower;
    size_t n = 0, parts_need = 0;
    if (la() != P::COLON) {
      lower = expr(n);
      if (la() != P::COLON) {
        need = n;
        return lower;
      }
      parts_need = n;
    }
    ExprPtr out = node(ExprKind::Slice);
    out->operands.push_back(std::move(lower));
    expect(P::COLON);
    ExprPtr upper, step;
    if (starts_expr(la())) {
      upper = expr(n);
      parts_need = std::max(parts_need, n);
    }
    if (la() == P::COLON) {
      ++pos_;
      if (starts_expr(la())) {
        step = expr(n);
        parts_need = std::max(parts_need, n);
      }
    }
    out->operands.push_back(std::move(upper));
    out->operands.push_back(std::move(step));
    out->span = rule_span(first);
    need = 1 + parts_need;
    return out;
  }

  // LPAREN args=arguments? RPAREN
  std::vector<Argument> call_arguments(size_t& need) {
    expect(P::LPAREN);
    std::vector<Argument> out;
    need = 0;
    if (la() != P::RPAREN) out = arguments(need);
    expect(P::RPAREN);
    return out;
  }

  // arguments : argument (COMMA argument)* COMMA?, in Python's order.
  std::vector<Argument> arguments(size_t& need) {
    std::vector<Argument> out;
    bool keywords = false, star = false, star_star = false;
    need = 0;
    for (;;) {
      Argument a;
      size_t n = 0;
      if (is_name(la()) && la(2) == P::ASSIGN) {
        if (star_star) throw NotDirect{};
        a.kind = Argument::Kind::Keyword;
        a.name = text(pos_);
        pos_ += 2;
        a.value = expr(n);
        keywords = true;
      } else if (la() == P::STAR) {
        if (star || star_star) throw NotDirect{};
        ++pos_;
        a.kind = Argument::Kind::Star;
        a.value = expr(n);
        star = true;
      } else if (la() == P::POW) {
        if (star_star) throw NotDirect{};
        ++pos_;
        a.kind = Argument::Kind::StarStar;
        a.value = expr(n);
        star_star = true;
      } else {
        if (keywords || star || star_star) throw NotDirect{};
        a.value = expr(n);
      }
      need = std::max(need, n);
      out.push_back(std::move(a));
      if (la() != P::COMMA) return out;
      ++pos_;
      if (!starts_expr(la()) && la() != P::STAR && la() != P::POW) return out;
    }
  }

  // primary : variable | STRING+ | INTEGER | FLOAT | () | (items) | [items] | {pairs}
  ExprPtr primary(size_t& need) {
    const size_t first = pos_;
    need = 0;
    const size_t type = la();
    if (is_variable(type)) {
      std::string name = text(pos_++);
      if (is_constant_name(name)) {
        ExprPtr out = node(ExprKind::Constant, rule_span(first));
        out->value = constant_of(name);
        return out;
      }
      ExprPtr out = node(ExprKind::Name, rule_span(first));
      out->name = std::move(name);
      return out;
    }
    switch (type) {
      case P::STRING: {
        std::string value;
        while (la() == P::STRING) {
          try {
            value += yaql::string_value(code_points(text(pos_++)));
          } catch (const Error&) {
            throw NotDirect{};
          }
        }
        ExprPtr out = node(ExprKind::Constant, rule_span(first));
        out->value = Value::string(std::move(value));
        return out;
      }
      case P::INTEGER:
      case P::FLOAT: {
        const std::string literal = text(pos_++);
        ExprPtr out = node(ExprKind::Constant, rule_span(first));
        out->value = type == P::INTEGER ? integer_literal(literal) : float_literal(literal);
        return out;
      }
      case P::LPAREN: {
        ++pos_;
        if (la() == P::RPAREN) {
          ++pos_;
          return node(ExprKind::Tuple, rule_span(first));
        }
        std::vector<ExprPtr> items;
        bool trailing = false;
        size_t n = 0;
        items.push_back(expr(n));
        need = 1 + n;
        while (la() == P::COMMA) {
          ++pos_;
          if (!starts_expr(la())) {
            trailing = true;
            break;
          }
          items.push_back(expr(n));
          deepen(need, 1, n);
        }
        expect(P::RPAREN);
        if (items.size() == 1 && !trailing) return std::move(items[0]);
        ExprPtr out = node(ExprKind::Tuple, rule_span(first));
        out->operands = std::move(items);
        return out;
      }
      case P::LBRACKET:
      case P::LBRACE: {
        const bool list = type == P::LBRACKET;
        ++pos_;
        ExprPtr out = node(list ? ExprKind::List : ExprKind::Dict);
        size_t n = 0;
        while (starts_expr(la())) {
          out->operands.push_back(expr(n));
          deepen(need, 1, n);
          if (!list) {
            expect(P::COLON);
            out->operands.push_back(expr(n));
            deepen(need, 1, n);
          }
          if (la() != P::COMMA) break;
          ++pos_;
        }
        expect(list ? P::RBRACKET : P::RBRACE);
        out->span = rule_span(first);
        return out;
      }
      default:
        throw NotDirect{};
    }
  }

  std::vector<Tok> toks_;
  size_t pos_ = 0;
  const std::vector<uint32_t>& offsets_;
  uint32_t shift_;
  size_t max_depth_;
  size_t loops_ = 0;  // for bodies around the current statement
};

}  // namespace

std::optional<Body> parse_document_directly(const DirectParseInput& input) {
  try {
    return DirectParser(input).document();
  } catch (const NotDirect&) {
    return std::nullopt;
  }
}

ExprPtr parse_expression_directly(const DirectParseInput& input) {
  try {
    return DirectParser(input).expression();
  } catch (const NotDirect&) {
    return nullptr;
  }
}

}  // namespace sirocco::jinja
