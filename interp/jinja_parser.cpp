// Jinja front-end, first half: the lexer's tokens (interp/jinja_lexer.cpp), the nesting
// limit, the fast path to the AST (interp/jinja_direct_parser.cpp) and, for what it leaves,
// the ANTLR parser (SLL first, full LL only to confirm an error). interp/jinja_layout.cpp applies
// whitespace control to the tokens; interp/jinja_ast_builder*.cpp build the AST.
#include "interp/jinja_parser.h"

#include <antlr4-runtime.h>

#include "JinjaLexer.h"
#include "JinjaParser.h"
#include "interp/jinja_ast_builder.h"
#include "interp/jinja_direct_parser.h"
#include "interp/jinja_layout.h"
#include "interp/jinja_lexer.h"
#include "interp/yaql_lexer_text.h"

namespace sirocco::jinja {
namespace {

using sirocco_gen::JinjaLexer;
using sirocco_gen::JinjaParser;

constexpr char kSyntaxError[] = "TemplateSyntaxError";

// The source as code points with byte offsets, validated as UTF-8.
yaql::SourceText decode(std::string_view text) {
  yaql::SourceText source;
  try {
    yaql::decode_source(text, source);
  } catch (const Error& e) {
    throw Error(kSyntaxError, e.message(), e.span());
  }
  return source;
}

class FrontEnd {
 public:
  FrontEnd(std::string text, uint32_t shift, const ParseLimits& limits)
      : text_(std::move(text)), source_(decode(text_)), shift_(shift), limits_(limits) {}

  // All tokens up to EOF, checking how deeply brackets, unary operators, conditional
  // expressions (`a if b else c if d else ...` nests to the right) and statements nest.
  std::vector<TokenPtr> tokens() {
    std::vector<TokenPtr> out = lex_template(text_, source_);
    size_t brackets = 0, blocks = 0, unary_run = 0, pending_unary = 0, conditionals = 0;
    bool set_pending = false;  // a `{% set` that is a block unless `=` follows
    std::vector<size_t> saved_runs;
    size_t previous = 0;
    for (TokenPtr& token : out) {
      const size_t type = token->getType();
      if (type == JinjaLexer::COMMENT_OPEN) comment_at_end(token);
      switch (type) {
        case JinjaLexer::LPAREN:
        case JinjaLexer::LBRACKET:
        case JinjaLexer::LBRACE:
          saved_runs.push_back(unary_run);
          unary_run = 0;
          ++brackets;
          break;
        case JinjaLexer::RPAREN:
        case JinjaLexer::RBRACKET:
        case JinjaLexer::RBRACE:
          if (!saved_runs.empty()) {
            pending_unary -= unary_run;
            unary_run = saved_runs.back();
            saved_runs.pop_back();
            --brackets;
          }
          break;
        case JinjaLexer::MINUS:
        case JinjaLexer::PLUS:
        case JinjaLexer::NOT:
          if (!ends_operand(previous)) ++unary_run, ++pending_unary;
          break;
        case JinjaLexer::IF:
          conditionals += previous != JinjaLexer::BLOCK_OPEN;
          blocks += previous == JinjaLexer::BLOCK_OPEN;
          break;
        case JinjaLexer::FOR:
        case JinjaLexer::WITH:
        case JinjaLexer::FILTER:
          blocks += previous == JinjaLexer::BLOCK_OPEN;
          break;
        case JinjaLexer::SET:
          if (previous == JinjaLexer::BLOCK_OPEN) ++blocks, set_pending = true;
          break;
        case JinjaLexer::ASSIGN:
          if (set_pending && brackets == 0) --blocks, set_pending = false;
          break;
        case JinjaLexer::ENDIF:
        case JinjaLexer::ENDFOR:
        case JinjaLexer::ENDSET:
        case JinjaLexer::ENDWITH:
        case JinjaLexer::ENDFILTER:
          if (previous == JinjaLexer::BLOCK_OPEN && blocks > 0) --blocks;
          break;
        case JinjaLexer::VAR_CLOSE:
        case JinjaLexer::BLOCK_CLOSE:
          set_pending = false;
          brackets = unary_run = pending_unary = conditionals = 0;
          saved_runs.clear();
          break;
        default:
          if (ends_operand(type)) pending_unary -= unary_run, unary_run = 0;
      }
      if (brackets + pending_unary + conditionals + blocks > limits_.max_depth)
        fail("template is nested too deeply", token.get());
      previous = type;
    }
    return out;
  }

  // `{#` with no end is an error, except as the very end of the template (with its sign),
  // where Jinja2's lexer runs out of text before it can fail: it is then an empty comment.
  void comment_at_end(TokenPtr& token) {
    const size_t begin = token->getStartIndex();
    const std::u32string_view rest = std::u32string_view(source_.chars).substr(begin + 2);
    const bool at_end = rest.empty() || (rest.size() == 1 && (rest[0] == '-' || rest[0] == '+'));
    if (!at_end) fail("Missing end of comment tag", token.get());
    auto* comment = static_cast<antlr4::CommonToken*>(token.get());
    comment->setType(JinjaLexer::COMMENT);
    comment->setText(rest.empty() ? std::string("{##}") : std::string("{#") + char(rest[0]) + "#}");
    comment->setStopIndex(source_.chars.size() - 1);
  }

  [[noreturn]] void fail(const std::string& message, const antlr4::Token* at) const {
    throw Error(kSyntaxError, message, span(at));
  }

  Span span(const antlr4::Token* token) const {
    auto offset = [&](size_t index) {
      const uint32_t o = source_.byte_offsets[std::min(index, source_.byte_offsets.size() - 1)];
      return o >= shift_ ? o - shift_ : 0;
    };
    if (token->getType() == antlr4::Token::EOF) {
      const uint32_t end = offset(source_.chars.size());
      return Span{end, end};
    }
    return Span{offset(token->getStartIndex()), offset(token->getStopIndex() + 1)};
  }

  // What the fast path reads (interp/jinja_direct_parser.h).
  DirectParseInput direct_input(const std::vector<TokenPtr>& tokens) const {
    return DirectParseInput{tokens, source_.byte_offsets, shift_, limits_.max_depth};
  }

  // Runs `rule` on the tokens: SLL prediction first, full LL only to confirm an error.
  template <class Rule>
  auto parse(std::vector<TokenPtr> tokens, Rule rule) {
    antlr4::ListTokenSource source(std::move(tokens));
    antlr4::CommonTokenStream stream(&source);
    JinjaParser parser(&stream);
    parser.removeErrorListeners();
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    try {
      return build(rule(parser));
    } catch (const antlr4::ParseCancellationException&) {
    }
    stream.seek(0);
    parser.reset();
    simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      return build(rule(parser));
    } catch (const antlr4::ParseCancellationException&) {
      antlr4::Token* at = parser.getCurrentToken();
      if (at->getType() == JinjaLexer::RAW_BLOCK || at->getText().rfind("{%", 0) == 0)
        fail("unexpected tag", at);
      fail(at->getType() == antlr4::Token::EOF ? "unexpected end of template"
                                               : "unexpected '" + at->getText() + "'",
           at);
    }
  }

 private:
  static bool ends_operand(size_t type) {
    switch (type) {
      case JinjaLexer::NAME:
      case JinjaLexer::INTEGER:
      case JinjaLexer::FLOAT:
      case JinjaLexer::STRING:
      case JinjaLexer::RPAREN:
      case JinjaLexer::RBRACKET:
      case JinjaLexer::RBRACE:
        return true;
      default:
        return false;
    }
  }

  AstBuilder builder() const { return AstBuilder(source_.byte_offsets, shift_, limits_.max_depth); }
  Body build(JinjaParser::DocumentContext* tree) const { return builder().body(tree->body(), 1); }
  ExprPtr build(JinjaParser::ExpressionContext* tree) const {
    return builder().expr(tree->value, 1);
  }

  std::string text_;
  yaql::SourceText source_;
  uint32_t shift_;
  const ParseLimits& limits_;
};

void check_length(std::string_view source, const ParseLimits& limits) {
  if (source.size() > limits.max_length) {
    throw Error(kSyntaxError, "template is too long (" + std::to_string(source.size()) +
                                  " bytes, limit " + std::to_string(limits.max_length) + ")");
  }
}

template <class Fn>
auto guarded(Fn fn) {
  try {
    return fn();
  } catch (const Error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(kSyntaxError, std::string("the parser failed: ") + e.what());
  }
}

}  // namespace

std::string normalize_newlines(std::string_view source) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += source[i];
    }
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

namespace {

Body template_ast(std::string_view source, const Syntax& syntax, const ParseLimits& limits,
                  bool fast_path) {
  check_length(source, limits);
  return guarded([&] {
    FrontEnd front(normalize_newlines(source), 0, limits);
    std::vector<TokenPtr> tokens = Layout(syntax).run(front.tokens());
    if (fast_path) {
      if (std::optional<Body> body = parse_document_directly(front.direct_input(tokens)))
        return std::move(*body);
    }
    return front.parse(std::move(tokens), [](JinjaParser& p) { return p.document(); });
  });
}

ExprPtr expression_ast(std::string_view source, const ParseLimits& limits, bool fast_path) {
  check_length(source, limits);
  return guarded([&] {
    FrontEnd front("{{ " + std::string(source) + " }}", 3, limits);
    std::vector<TokenPtr> tokens = front.tokens();
    if (fast_path) {
      if (ExprPtr expr = parse_expression_directly(front.direct_input(tokens))) return expr;
    }
    return front.parse(std::move(tokens), [](JinjaParser& p) { return p.expression(); });
  });
}

}  // namespace

Body parse_template(std::string_view source, const Syntax& syntax, const ParseLimits& limits) {
  return template_ast(source, syntax, limits, true);
}

ExprPtr parse_expression(std::string_view source, const ParseLimits& limits) {
  return expression_ast(source, limits, true);
}

Body parse_template_with_antlr(std::string_view source, const Syntax& syntax,
                               const ParseLimits& limits) {
  return template_ast(source, syntax, limits, false);
}

ExprPtr parse_expression_with_antlr(std::string_view source, const ParseLimits& limits) {
  return expression_ast(source, limits, false);
}

}  // namespace sirocco::jinja
