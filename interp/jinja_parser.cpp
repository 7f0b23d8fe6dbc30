// Jinja front-end, first half: the lexer's tokens, whitespace control applied to the text
// tokens the way Jinja2's lexer applies it, the nesting limit, and the ANTLR parser (SLL
// first, full LL only to confirm an error). interp/jinja_ast_builder.cpp builds the AST.
#include "interp/jinja_parser.h"

#include <antlr4-runtime.h>

#include "JinjaLexer.h"
#include "JinjaParser.h"
#include "interp/jinja_ast_builder.h"
#include "interp/yaql_lexer_text.h"

namespace sirocco::jinja {
namespace {

using sirocco_gen::JinjaLexer;
using sirocco_gen::JinjaParser;
using TokenPtr = std::unique_ptr<antlr4::Token>;

constexpr char kSyntaxError[] = "TemplateSyntaxError";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The `-` or `+` right after an opening delimiter (`{{-`, `{%+`, `{#-`), else 0.
char opener_sign(const std::string& text) {
  return text.size() > 2 && (text[2] == '-' || text[2] == '+') ? text[2] : 0;
}

bool is_opener(size_t type) {
  return type == JinjaLexer::VAR_OPEN || type == JinjaLexer::BLOCK_OPEN ||
         type == JinjaLexer::COMMENT || type == JinjaLexer::RAW_BLOCK;
}

// What the end of a tag removes from the text after it.
enum class Lead { None, AllSpace, Newline };

// Applies whitespace control to the text tokens: `-` strips all whitespace on its side, `+`
// keeps it, trim_blocks drops the newline after a block or comment tag, lstrip_blocks the
// spaces before one at the start of a line. Comments disappear; a raw block becomes text.
class Layout {
 public:
  explicit Layout(const Syntax& syntax) : syntax_(syntax) {}

  std::vector<TokenPtr> run(std::vector<TokenPtr> tokens) {
    std::vector<TokenPtr> out;
    out.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      TokenPtr& token = tokens[i];
      const std::string text = token->getText();
      switch (token->getType()) {
        case JinjaLexer::TEXT: {
          std::string merged = text;
          auto* first = static_cast<antlr4::CommonToken*>(token.get());
          while (i + 1 < tokens.size() && tokens[i + 1]->getType() == JinjaLexer::TEXT) {
            merged += tokens[i + 1]->getText();
            first->setStopIndex(tokens[i + 1]->getStopIndex());
            ++i;
          }
          strip_lead(merged);
          if (i + 1 < tokens.size() && is_opener(tokens[i + 1]->getType())) {
            const bool variable = tokens[i + 1]->getType() == JinjaLexer::VAR_OPEN;
            strip_before_tag(merged, opener_sign(tokens[i + 1]->getText()), variable,
                             line_starting_);
          }
          line_starting_ = false;
          if (!merged.empty()) {
            first->setText(merged);
            out.push_back(std::move(token));
          }
          break;
        }
        case JinjaLexer::COMMENT:
          end_of_tag(closer_sign(text, 3, text.size() - 2), true);
          break;
        case JinjaLexer::RAW_BLOCK:
          if (TokenPtr content = raw_content(*token)) out.push_back(std::move(content));
          break;
        case JinjaLexer::VAR_CLOSE:
          end_of_tag(text[0] == '-' ? '-' : 0, false);
          out.push_back(std::move(token));
          break;
        case JinjaLexer::BLOCK_CLOSE:
          end_of_tag(text[0] == '-' || text[0] == '+' ? text[0] : 0, true);
          out.push_back(std::move(token));
          break;
        default:
          lead_ = Lead::None;
          line_starting_ = false;
          out.push_back(std::move(token));
      }
    }
    return out;
  }

 private:
  // The sign right before the closing delimiter at `close`, when it is not the opener's.
  static char closer_sign(const std::string& text, size_t min, size_t close) {
    if (close < 1 || close - 1 < min) return 0;
    const char c = text[close - 1];
    return c == '-' || c == '+' ? c : 0;
  }

  void end_of_tag(char sign, bool block) {
    lead_ = sign == '-'                                 ? Lead::AllSpace
            : sign == 0 && block && syntax_.trim_blocks ? Lead::Newline
                                                        : Lead::None;
    line_starting_ = false;
  }

  // Removes what the previous tag's end consumed from the start of `text`.
  void strip_lead(std::string& text) {
    if (lead_ == Lead::AllSpace) {
      size_t n = 0;
      while (n < text.size() && is_space(text[n])) ++n;
      if (n > 0) line_starting_ = text[n - 1] == '\n';
      text.erase(0, n);
    } else if (lead_ == Lead::Newline && !text.empty() && text[0] == '\n') {
      text.erase(0, 1);
      line_starting_ = true;
    }
    lead_ = Lead::None;
  }

  // What the next tag's opening removes from the end of `text`.
  void strip_before_tag(std::string& text, char sign, bool variable, bool line_starting) const {
    if (sign == '-') {
      while (!text.empty() && is_space(text.back())) text.pop_back();
    } else if (sign != '+' && syntax_.lstrip_blocks && !variable) {
      const size_t newline = text.rfind('\n');
      const size_t line = newline == std::string::npos ? 0 : newline + 1;
      if ((line > 0 || line_starting) && line < text.size()) {
        bool blank = true;
        for (size_t k = line; k < text.size() && blank; ++k) blank = is_space(text[k]);
        if (blank) text.erase(line);
      }
    }
  }

  // `{% raw %}...{% endraw %}` → a text token with the content, whitespace control applied.
  TokenPtr raw_content(const antlr4::Token& raw) {
    const std::string text = raw.getText();
    const size_t begin_close = text.find("%}");
    const size_t end_open = text.rfind("{%");
    std::string content = text.substr(begin_close + 2, end_open - begin_close - 2);
    bool line_starting = false;
    if (text[begin_close - 1] == '-') {
      size_t n = 0;
      while (n < content.size() && is_space(content[n])) ++n;
      if (n > 0) line_starting = content[n - 1] == '\n';
      content.erase(0, n);
    }
    strip_before_tag(content, opener_sign(text.substr(end_open)), false, line_starting);
    end_of_tag(closer_sign(text, end_open + 3, text.size() - 2), true);
    if (content.empty()) return nullptr;
    auto token = std::make_unique<antlr4::CommonToken>(JinjaLexer::TEXT, content);
    token->setStartIndex(raw.getStartIndex());
    token->setStopIndex(raw.getStopIndex());
    return token;
  }

  const Syntax& syntax_;
  Lead lead_ = Lead::None;
  bool line_starting_ = true;
};

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
      : text_(std::move(text)),
        source_(decode(text_)),
        shift_(shift),
        limits_(limits),
        input_(text_),
        lexer_(&input_) {
    lexer_.removeErrorListeners();
  }

  // All tokens up to EOF, checking how deeply brackets, unary operators and statements nest.
  std::vector<TokenPtr> tokens() {
    std::vector<TokenPtr> out;
    size_t brackets = 0, blocks = 0, unary_run = 0, pending_unary = 0;
    bool set_pending = false;  // a `{% set` that is a block unless `=` follows
    std::vector<size_t> saved_runs;
    size_t previous = 0;
    for (;;) {
      TokenPtr token = lexer_.nextToken();
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
        case JinjaLexer::FOR:
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
          if (previous == JinjaLexer::BLOCK_OPEN && blocks > 0) --blocks;
          break;
        case JinjaLexer::VAR_CLOSE:
        case JinjaLexer::BLOCK_CLOSE:
          set_pending = false;
          brackets = unary_run = pending_unary = 0;
          saved_runs.clear();
          break;
        default:
          if (ends_operand(type)) pending_unary -= unary_run, unary_run = 0;
      }
      if (brackets + pending_unary + blocks > limits_.max_depth)
        fail("template is nested too deeply", token.get());
      previous = type;
      out.push_back(std::move(token));
      if (type == antlr4::Token::EOF) return out;
    }
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
    input_.seek(source_.chars.size());
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
  antlr4::ANTLRInputStream input_;
  JinjaLexer lexer_;
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

Body parse_template(std::string_view source, const Syntax& syntax, const ParseLimits& limits) {
  check_length(source, limits);
  return guarded([&] {
    FrontEnd front(normalize_newlines(source), 0, limits);
    std::vector<TokenPtr> tokens = Layout(syntax).run(front.tokens());
    return front.parse(std::move(tokens), [](JinjaParser& p) { return p.document(); });
  });
}

ExprPtr parse_expression(std::string_view source, const ParseLimits& limits) {
  check_length(source, limits);
  return guarded([&] {
    FrontEnd front("{{ " + std::string(source) + " }}", 3, limits);
    return front.parse(front.tokens(), [](JinjaParser& p) { return p.expression(); });
  });
}

}  // namespace sirocco::jinja
