// The YAQL front-end: runs the ANTLR grammar (grammar/Yaql.g4) over an expression and
// builds the AST from the parse tree in one walk. On their way to the parser, tokens pass
// a checking source that applies the rules of yaql's lexer and grammar the ANTLR grammar
// leaves out, and the nesting limit. A token that breaks one is handed on as an ERROR_CHAR
// the parser cannot accept, followed by the end of input: the error reported is then the
// first from the left, as with yaql's incremental LALR parser. Nothing of ANTLR leaves
// this file: every failure becomes an Error.
#include "interp/yaql_parser.h"

#include <antlr4-runtime.h>

#include <deque>
#include <optional>

#include "YaqlParser.h"
#include "interp/text.h"
#include "interp/utf8.h"
#include "interp/yaql_frontend_rules.h"
#include "interp/yaql_lexer_text.h"
#include "interp/yaql_scanner.h"

namespace sirocco::yaql {
namespace {

using sirocco_gen::YaqlParser;
using TokenPtr = std::unique_ptr<antlr4::Token>;

constexpr char kGrammarError[] = "YaqlGrammarException";
constexpr char kLexicalError[] = "YaqlLexicalException";
constexpr size_t kKeptBufferSize = 1 << 16;  // larger buffers are freed after a parse

// --- characters ---------------------------------------------------------------------------

// The expression's code points as an ANTLR character stream, so token indexes count code
// points like yaql's positions do.
class CodePointStream final : public antlr4::CharStream {
 public:
  void load(std::u32string_view chars) {
    chars_ = chars;
    pos_ = 0;
  }

  void consume() override {
    if (pos_ >= chars_.size()) throw antlr4::IllegalStateException("cannot consume EOF");
    ++pos_;
  }
  size_t LA(ssize_t i) override {
    if (i == 0) return 0;
    const ssize_t at = static_cast<ssize_t>(pos_) + (i > 0 ? i - 1 : i);
    if (at < 0 || at >= static_cast<ssize_t>(chars_.size())) return antlr4::IntStream::EOF;
    return chars_[at];
  }
  ssize_t mark() override { return -1; }
  void release(ssize_t) override {}
  size_t index() override { return pos_; }
  void seek(size_t index) override { pos_ = std::min(index, chars_.size()); }
  size_t size() override { return chars_.size(); }
  std::string getSourceName() const override { return "<yaql>"; }
  std::string getText(const antlr4::misc::Interval& interval) override {
    std::string text;
    const size_t end = std::min(static_cast<size_t>(interval.b + 1), chars_.size());
    for (size_t i = static_cast<size_t>(interval.a); i < end; ++i) utf8::append(text, chars_[i]);
    return text;
  }
  std::string toString() const override { return "<yaql>"; }

 private:
  std::u32string_view chars_;
  size_t pos_ = 0;
};

// --- tokens -------------------------------------------------------------------------------

// The grammar's token type of each TokenKind.
size_t token_type(TokenKind kind) {
  static constexpr size_t kTypes[] = {
      antlr4::Token::EOF,    YaqlParser::NUMBER,     YaqlParser::STRING, YaqlParser::TRUE_LIT,
      YaqlParser::FALSE_LIT, YaqlParser::NULL_LIT,   YaqlParser::OP_AND, YaqlParser::OP_OR,
      YaqlParser::OP_NOT,    YaqlParser::OP_IN,      YaqlParser::OP_MOD, YaqlParser::DOLLAR,
      YaqlParser::FUNC,      YaqlParser::IDENT,      YaqlParser::QDOT,   YaqlParser::DOT,
      YaqlParser::MATCH,     YaqlParser::NOT_MATCH,  YaqlParser::STAR,   YaqlParser::SLASH,
      YaqlParser::PLUS,      YaqlParser::MINUS,      YaqlParser::GE,     YaqlParser::LE,
      YaqlParser::GT,        YaqlParser::LT,         YaqlParser::NE,     YaqlParser::EQ,
      YaqlParser::ARROW,     YaqlParser::MAPPING,    YaqlParser::LPAREN, YaqlParser::RPAREN,
      YaqlParser::LBRACKET,  YaqlParser::RBRACKET,   YaqlParser::LBRACE, YaqlParser::RBRACE,
      YaqlParser::COMMA,     YaqlParser::ERROR_CHAR,
  };
  static_assert(std::size(kTypes) == static_cast<size_t>(TokenKind::ErrorChar) + 1);
  return kTypes[static_cast<size_t>(kind)];
}

// The tokens of grammar/Yaql.g4 as ANTLR tokens, from scan_token().
class ScannedTokenSource final : public antlr4::TokenSource {
 public:
  explicit ScannedTokenSource(CodePointStream& chars) : chars_(chars) {}

  void start(std::u32string_view text) {
    text_ = text;
    pos_ = 0;
  }

  TokenPtr nextToken() override {
    size_t begin = 0, end = 0;
    const TokenKind kind = scan_token(text_, pos_, begin, end);
    pos_ = end;
    return std::make_unique<antlr4::CommonToken>(
        std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, &chars_), token_type(kind),
        antlr4::Token::DEFAULT_CHANNEL, begin, end - 1);
  }
  size_t getLine() const override { return 1; }
  size_t getCharPositionInLine() override { return pos_; }
  antlr4::CharStream* getInputStream() override { return &chars_; }
  std::string getSourceName() override { return "<yaql>"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  CodePointStream& chars_;
  std::u32string_view text_;
  size_t pos_ = 0;
};

// What the front-end keeps of each token it hands to the parser, by token index.
struct TokenInfo {
  size_t type = 0;              // the lexer's type, also for a token turned into ERROR_CHAR
  uint32_t begin = 0, end = 0;  // code points
  Value value;                  // the constant of a literal
};

// Precedence levels of grammar/Yaql.g4, a higher level binding tighter.
enum Precedence : uint8_t {
  kArrow = 1,  // right-associative
  kOr,
  kAnd,
  kNot,
  kComparison,
  kAdditive,
  kMultiplicative,
  kMatch,
  kSign,
  kIndexer,
  kMember,
};

TokenClass class_of(size_t type) {
  switch (type) {
    case YaqlParser::NUMBER:
    case YaqlParser::STRING:
    case YaqlParser::TRUE_LIT:
    case YaqlParser::FALSE_LIT:
    case YaqlParser::NULL_LIT:
    case YaqlParser::IDENT:
    case YaqlParser::DOLLAR:
      return {TokenRole::Operand};
    case YaqlParser::LBRACKET:
      return {TokenRole::OpenArguments, kIndexer};
    case YaqlParser::FUNC:
    case YaqlParser::LBRACE:
      return {TokenRole::OpenArguments};
    case YaqlParser::LPAREN:
      return {TokenRole::OpenGroup};
    case YaqlParser::RPAREN:
    case YaqlParser::RBRACKET:
    case YaqlParser::RBRACE:
      return {TokenRole::Close};
    case YaqlParser::COMMA:
      return {TokenRole::Comma};
    case YaqlParser::MAPPING:
      return {TokenRole::Mapping};
    case YaqlParser::DOT:
    case YaqlParser::QDOT:
      return {TokenRole::Operator, kMember};
    case YaqlParser::MATCH:
    case YaqlParser::NOT_MATCH:
      return {TokenRole::Operator, kMatch};
    case YaqlParser::STAR:
    case YaqlParser::SLASH:
    case YaqlParser::OP_MOD:
      return {TokenRole::Operator, kMultiplicative};
    case YaqlParser::PLUS:
    case YaqlParser::MINUS:
      return {TokenRole::Operator, kAdditive, kSign};
    case YaqlParser::GT:
    case YaqlParser::LT:
    case YaqlParser::GE:
    case YaqlParser::LE:
    case YaqlParser::NE:
    case YaqlParser::EQ:
    case YaqlParser::OP_IN:
      return {TokenRole::Operator, kComparison};
    case YaqlParser::OP_NOT:
      return {TokenRole::Operator, 0, kNot};
    case YaqlParser::OP_AND:
      return {TokenRole::Operator, kAnd};
    case YaqlParser::OP_OR:
      return {TokenRole::Operator, kOr};
    case YaqlParser::ARROW:
      return {TokenRole::Operator, kArrow, 0, true};
    default:
      return {TokenRole::Other};
  }
}

// Word-like tokens: a number running straight into one is a lexical error in yaql, whose
// NUMBER rule ends with \b.
bool is_word(size_t type) {
  switch (type) {
    case YaqlParser::IDENT:
    case YaqlParser::FUNC:
    case YaqlParser::NUMBER:
    case YaqlParser::TRUE_LIT:
    case YaqlParser::FALSE_LIT:
    case YaqlParser::NULL_LIT:
    case YaqlParser::OP_AND:
    case YaqlParser::OP_OR:
    case YaqlParser::OP_NOT:
    case YaqlParser::OP_IN:
    case YaqlParser::OP_MOD:
      return true;
    default:
      return false;
  }
}

// The expression being parsed, and how yaql's messages show its parts.
class Expression {
 public:
  Expression(std::string_view text, const SourceText& source) : text_(text), source_(source) {}

  const std::u32string& chars() const { return source_.chars; }
  Span span(uint32_t begin, uint32_t end) const {
    return Span{source_.byte_offsets[begin], source_.byte_offsets[end]};
  }
  std::string_view slice(uint32_t begin, uint32_t end) const {
    const Span s = span(begin, end);
    return text_.substr(s.begin, s.end - s.begin);
  }

  Error lexical_error(uint32_t position) const {
    return Error(kLexicalError,
                 "Lexical error: illegal character '" + std::string(slice(position, position + 1)) +
                     "' at position " + std::to_string(position),
                 span(position, position + 1));
  }

  Error too_deep(uint32_t begin, uint32_t end, size_t limit) const {
    return Error(kGrammarError,
                 "expression is nested too deeply (limit " + std::to_string(limit) + ")",
                 span(begin, end));
  }

  // yaql shows the token's value: a string without quotes, True for true, 1.5 for 1.50.
  Error unexpected(const TokenInfo& token) const {
    if (token.type == antlr4::Token::EOF) {
      return Error(kGrammarError, "Parse error: unexpected end of statement",
                   span(token.begin, token.end));
    }
    return Error(kGrammarError,
                 "Parse error: unexpected '" + shown(token) + "' at position " +
                     std::to_string(token.begin) + " of expression '" + std::string(text_) + "'",
                 span(token.begin, token.end));
  }

 private:
  std::string shown(const TokenInfo& token) const {
    switch (token.type) {
      case YaqlParser::NUMBER:
      case YaqlParser::STRING:
      case YaqlParser::TRUE_LIT:
      case YaqlParser::FALSE_LIT:
      case YaqlParser::NULL_LIT:
        return python_str(token.value, PyStyle::Yaql);
      case YaqlParser::FUNC:
        return std::string(slice(token.begin, token.end - 1));
      default:
        return std::string(slice(token.begin, token.end));
    }
  }

  std::string_view text_;
  const SourceText& source_;
};

Value literal_value(const Expression& expression, size_t type, uint32_t begin, uint32_t end) {
  switch (type) {
    case YaqlParser::NUMBER:
      return number_value(expression.slice(begin, end));
    case YaqlParser::STRING:
      return Value::string(
          string_value(std::u32string_view(expression.chars()).substr(begin, end - begin)));
    case YaqlParser::TRUE_LIT:
      return Value::boolean(true);
    case YaqlParser::FALSE_LIT:
      return Value::boolean(false);
    default:
      return Value::null();
  }
}

// The lexer's tokens as the parser gets them: checked against yaql's lexical rules and
// TokenRules, recorded in a side table, and cut short at the first problem.
class CheckedTokenSource final : public antlr4::TokenSource {
 public:
  explicit CheckedTokenSource(ScannedTokenSource& lexer) : lexer_(lexer) {}

  void start(const Expression& expression, size_t max_depth) {
    expression_ = &expression;
    end_ = static_cast<uint32_t>(expression.chars().size());
    max_depth_ = max_depth;
    rules_.reset(max_depth);
    tokens_.clear();
    ready_.clear();
    lookahead_.reset();
    problem_.reset();
    stopped_ = false;
  }
  // After a parse: hand out nothing more and free what the parse kept.
  void finish() {
    stopped_ = true;
    ready_.clear();
    lookahead_.reset();
    tokens_ = {};
  }

  const TokenInfo& token(size_t index) const { return tokens_[index]; }
  // The error behind the ERROR_CHAR token that ended the stream.
  const Error& problem() const { return *problem_; }

  TokenPtr nextToken() override {
    if (!ready_.empty()) {
      TokenPtr token = std::move(ready_.front());
      ready_.pop_front();
      return token;
    }
    if (stopped_) return end_of_input();
    TokenPtr token = next_lexer_token();
    const auto [begin, end] = extent(*token);
    switch (token->getType()) {
      case YaqlParser::ERROR_CHAR:
        return stop(std::move(token), expression_->lexical_error(begin));
      case YaqlParser::IDENT:
        if (end - begin > 1 && expression_->chars()[begin] == '_' &&
            expression_->chars()[begin + 1] == '_') {
          return stop(std::move(token), expression_->lexical_error(begin));
        }
        break;
      case YaqlParser::NUMBER:
        if (runs_into_word(end)) return number_into_word(std::move(token));
        break;
      default:
        break;
    }
    return admit(std::move(token));
  }

  size_t getLine() const override { return lexer_.getLine(); }
  size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return lexer_.getInputStream(); }
  std::string getSourceName() override { return lexer_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return lexer_.getTokenFactory();
  }

 private:
  static std::pair<uint32_t, uint32_t> extent(const antlr4::Token& token) {
    return {static_cast<uint32_t>(token.getStartIndex()),
            static_cast<uint32_t>(token.getStopIndex() + 1)};
  }

  TokenPtr next_lexer_token() {
    if (lookahead_) return std::move(*std::exchange(lookahead_, std::nullopt));
    return lexer_.nextToken();
  }

  bool runs_into_word(uint32_t end) {
    lookahead_ = lexer_.nextToken();
    const antlr4::Token& next = **lookahead_;
    return next.getStartIndex() == end && is_word(next.getType());
  }

  // yaql's NUMBER is \b\d+(\.?\d+)?\b: in `12a` nothing matches at `1`; in `1.5a` the
  // number backs off to `1`, `.` follows, and nothing matches at `5`.
  TokenPtr number_into_word(TokenPtr number) {
    const auto [begin, end] = extent(*number);
    const std::string_view text = expression_->slice(begin, end);
    const size_t dot = text.find('.');
    if (dot == std::string_view::npos)
      return stop(std::move(number), expression_->lexical_error(begin));
    const auto dot_at = static_cast<uint32_t>(begin + dot);
    auto* whole = static_cast<antlr4::CommonToken*>(number.get());
    whole->setStopIndex(dot_at - 1);
    TokenPtr first = admit(std::move(number));  // an operand never stops the stream
    ready_.push_back(admit(make_token(YaqlParser::DOT, dot_at, dot_at + 1)));
    if (!stopped_) {
      ready_.push_back(stop(make_token(YaqlParser::NUMBER, dot_at + 1, end),
                            expression_->lexical_error(dot_at + 1)));
    }
    return first;
  }

  TokenPtr make_token(size_t type, uint32_t begin, uint32_t end) {
    return std::make_unique<antlr4::CommonToken>(
        std::pair<antlr4::TokenSource*, antlr4::CharStream*>(this, lexer_.getInputStream()), type,
        antlr4::Token::DEFAULT_CHANNEL, begin, end - 1);
  }

  // Records the token and applies TokenRules to it; may turn it into the stopping token.
  TokenPtr admit(TokenPtr token) {
    const auto [begin, end] = extent(*token);
    TokenInfo info{token->getType(), begin, end, Value()};
    if (info.type == antlr4::Token::EOF) info.begin = info.end = end_;
    try {
      info.value = literal_value(*expression_, info.type, begin, end);
    } catch (Error& e) {
      const Span at = e.span();  // code points from the start of the token
      return stop(std::move(token), Error(e.type(), e.message(),
                                          expression_->span(begin + at.begin, begin + at.end)));
    }
    switch (rules_.feed(class_of(info.type))) {
      case RuleVerdict::Ok:
        tokens_.push_back(std::move(info));
        return token;
      case RuleVerdict::Unexpected:
        return stop(std::move(token), expression_->unexpected(info), std::move(info));
      case RuleVerdict::TooDeep:
        return stop(std::move(token), expression_->too_deep(begin, end, max_depth_));
    }
    return token;
  }

  // Ends the stream at `token`, which becomes an ERROR_CHAR standing for `problem`.
  TokenPtr stop(TokenPtr token, Error problem, std::optional<TokenInfo> info = std::nullopt) {
    const auto [begin, end] = extent(*token);
    tokens_.push_back(info ? std::move(*info) : TokenInfo{token->getType(), begin, end, Value()});
    static_cast<antlr4::CommonToken*>(token.get())->setType(YaqlParser::ERROR_CHAR);
    problem_ = std::move(problem);
    stopped_ = true;
    return token;
  }

  TokenPtr end_of_input() {
    tokens_.push_back(TokenInfo{antlr4::Token::EOF, end_, end_, Value()});
    return std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF);
  }

  ScannedTokenSource& lexer_;
  const Expression* expression_ = nullptr;
  TokenRules rules_;
  size_t max_depth_ = 0;
  uint32_t end_ = 0;  // the expression's length in code points
  std::vector<TokenInfo> tokens_;
  std::deque<TokenPtr> ready_;  // split tokens waiting to be handed out
  std::optional<TokenPtr> lookahead_;
  std::optional<Error> problem_;
  bool stopped_ = true;  // nothing to hand out until start()
};

// --- parsing ------------------------------------------------------------------------------

// Stops at the first syntax error: no reporting, no recovery, no token insertion.
class StopAtFirstError final : public antlr4::DefaultErrorStrategy {
 public:
  void reportError(antlr4::Parser*, const antlr4::RecognitionException&) override {}
  void recover(antlr4::Parser*, std::exception_ptr e) override { std::rethrow_exception(e); }
  antlr4::Token* recoverInline(antlr4::Parser* parser) override {
    throw antlr4::InputMismatchException(parser);
  }
  void sync(antlr4::Parser*) override {}
};

// --- the AST ------------------------------------------------------------------------------

// Builds the AST from the parse tree, counting depth so that no tree deeper than the
// limit is built (left-associative chains such as 1+1+...+1 nest without brackets).
class AstBuilder {
 public:
  AstBuilder(const Expression& expression, const CheckedTokenSource& tokens, size_t max_depth)
      : expression_(expression), tokens_(tokens), max_depth_(max_depth) {}

  NodePtr expr(YaqlParser::ExprContext* ctx, size_t depth) const {
    if (ctx->atom) return atom(ctx->atom, depth);
    const size_t op = ctx->op->getType();
    if (op == YaqlParser::LPAREN) return expr(ctx->right, depth);  // no node for (x)
    check_depth(depth, ctx->op);
    if (ctx->left == nullptr) return prefix_form(ctx, op, depth);
    auto node = call(ctx, op == YaqlParser::LBRACKET ? "#indexer" : binary_function(ctx->op));
    node->args.push_back(expr(ctx->left, depth + 1));
    if (op == YaqlParser::LBRACKET) {
      append_arguments(node->args, ctx->arguments, ctx->op, depth + 1);
    } else {
      node->args.push_back(expr(ctx->right, depth + 1));
    }
    return node;
  }

 private:
  // A unary operator, or a call written as f(...), [...] (#list) or {...} (#map).
  NodePtr prefix_form(YaqlParser::ExprContext* ctx, size_t op, size_t depth) const {
    if (ctx->arguments == nullptr) {
      auto node = call(ctx, "#unary_operator_" + text(ctx->op));
      node->args.push_back(expr(ctx->right, depth + 1));
      return node;
    }
    std::string name = op == YaqlParser::FUNC       ? text(ctx->op)
                       : op == YaqlParser::LBRACKET ? "#list"
                                                    : "#map";
    if (op == YaqlParser::FUNC) name.pop_back();  // the token ends with '('
    auto node = call(ctx, std::move(name));
    node->uses_receiver = op == YaqlParser::FUNC;
    append_arguments(node->args, ctx->arguments, ctx->op, depth + 1);
    return node;
  }

  // The function a binary operator calls. As in yaql's operator table, `=` and `!=` are
  // aliased to '*equal' and '*not_equal'; the others are '#operator_<symbol>'.
  std::string binary_function(antlr4::Token* op) const {
    std::string symbol = text(op);
    if (symbol == "=") return "*equal";
    if (symbol == "!=") return "*not_equal";
    return "#operator_" + symbol;
  }

  NodePtr atom(antlr4::Token* token, size_t depth) const {
    check_depth(depth, token);
    const TokenInfo& info = tokens_.token(token->getTokenIndex());
    auto node = std::make_shared<Node>();
    node->span = expression_.span(info.begin, info.end);
    if (info.type == YaqlParser::IDENT) {
      node->kind = NodeKind::Keyword;
      node->name = text(token);
    } else if (info.type == YaqlParser::DOLLAR) {
      node->kind = NodeKind::Variable;  // `$` is `$1`, the first argument
      node->name = info.end - info.begin == 1 ? "1" : text(token).substr(1);
    } else {
      node->kind = NodeKind::Constant;
      node->value = info.value;
    }
    return node;
  }

  // Arguments between `open` and its closing bracket. Leading commas, and each comma but
  // the first between two arguments, stand for an omitted argument.
  void append_arguments(std::vector<NodePtr>& out, YaqlParser::ArgsContext* args,
                        antlr4::Token* open, size_t depth) const {
    size_t previous = open->getTokenIndex();
    bool first = true;
    for (YaqlParser::ArgContext* arg : args->items) {
      const size_t start = arg->getStart()->getTokenIndex();
      for (size_t comma = previous + (first ? 1 : 2); comma < start; ++comma) {
        out.push_back(skipped(comma));
      }
      out.push_back(argument(arg, depth));
      previous = arg->getStop()->getTokenIndex();
      first = false;
    }
  }

  NodePtr argument(YaqlParser::ArgContext* arg, size_t depth) const {
    if (arg->destination == nullptr) return expr(arg->source, depth);
    check_depth(depth, arg->arrow);
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::MappingRule;
    node->span = span(arg);
    node->args = {expr(arg->source, depth + 1), expr(arg->destination, depth + 1)};
    return node;
  }

  // An omitted argument: an empty span where the comma after it starts.
  NodePtr skipped(size_t comma) const {
    const TokenInfo& info = tokens_.token(comma);
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Skipped;
    node->span = expression_.span(info.begin, info.begin);
    return node;
  }

  std::shared_ptr<Node> call(antlr4::ParserRuleContext* ctx, std::string name) const {
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Call;
    node->span = span(ctx);
    node->name = std::move(name);
    return node;
  }

  void check_depth(size_t depth, antlr4::Token* at) const {
    if (depth <= max_depth_) return;
    const TokenInfo& info = tokens_.token(at->getTokenIndex());
    throw expression_.too_deep(info.begin, info.end, max_depth_);
  }

  Span span(antlr4::ParserRuleContext* ctx) const {
    const TokenInfo& first = tokens_.token(ctx->getStart()->getTokenIndex());
    const TokenInfo& last = tokens_.token(ctx->getStop()->getTokenIndex());
    return expression_.span(first.begin, last.end);
  }

  std::string text(antlr4::Token* token) const {
    const TokenInfo& info = tokens_.token(token->getTokenIndex());
    return std::string(expression_.slice(info.begin, info.end));
  }

  const Expression& expression_;
  const CheckedTokenSource& tokens_;
  size_t max_depth_;
};

// --- the session --------------------------------------------------------------------------

// One thread's lexer, parser and buffers, reused from parse to parse.
class ParserSession {
 public:
  ParserSession() : lexer_(chars_), checked_(lexer_), stream_(&checked_), parser_(&stream_) {
    parser_.removeErrorListeners();
    parser_.setErrorHandler(std::make_shared<StopAtFirstError>());
  }

  NodePtr parse(std::string_view text, const ParseLimits& limits) {
    decode_source(text, source_);
    const Expression expression(text, source_);
    chars_.load(source_.chars);
    lexer_.start(source_.chars);
    checked_.start(expression, limits.max_depth);
    stream_.setTokenSource(&checked_);
    parser_.setTokenStream(&stream_);
    struct Cleanup {
      ParserSession& session;
      ~Cleanup() { session.release(); }
    } cleanup{*this};
    YaqlParser::ExprContext* tree = run_parser(expression);
    return AstBuilder(expression, checked_, limits.max_depth).expr(tree, 1);
  }

 private:
  // SLL prediction first; full LL only to confirm a syntax error.
  YaqlParser::ExprContext* run_parser(const Expression& expression) {
    auto* simulator = parser_.getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    try {
      return parser_.statement()->body;
    } catch (const antlr4::RecognitionException&) {
    }
    parser_.reset();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      return parser_.statement()->body;
    } catch (const antlr4::RecognitionException& e) {
      throw syntax_error(expression, e.getOffendingToken());
    }
  }

  Error syntax_error(const Expression& expression, antlr4::Token* offending) {
    if (offending == nullptr) offending = stream_.LT(1);
    if (offending->getType() == YaqlParser::ERROR_CHAR) return checked_.problem();
    return expression.unexpected(checked_.token(offending->getTokenIndex()));
  }

  // The next parse resets everything anyway; only a large parse's memory is freed now.
  void release() {
    if (source_.chars.capacity() <= kKeptBufferSize) return;
    checked_.finish();
    stream_.setTokenSource(&checked_);
    parser_.reset();
    source_ = SourceText{};
  }

  SourceText source_;
  CodePointStream chars_;
  ScannedTokenSource lexer_;
  CheckedTokenSource checked_;
  antlr4::CommonTokenStream stream_;
  YaqlParser parser_;
};

}  // namespace

NodePtr parse(std::string_view text, const ParseLimits& limits) {
  if (text.size() > limits.max_length) {
    throw Error(kGrammarError,
                "expression is too long (" + std::to_string(text.size()) + " bytes, limit " +
                    std::to_string(limits.max_length) + ")",
                Span{static_cast<uint32_t>(limits.max_length), static_cast<uint32_t>(text.size())});
  }
  try {
    thread_local ParserSession session;
    return session.parse(text, limits);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(kGrammarError, std::string("Parse error: ") + e.what());
  } catch (...) {
    throw Error(kGrammarError, "Parse error: the parser failed");
  }
}

}  // namespace sirocco::yaql
