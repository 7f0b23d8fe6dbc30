// Whitespace control of Jinja templates (see interp/jinja_layout.h).
#include "interp/jinja_layout.h"

#include "JinjaLexer.h"

namespace sirocco::jinja {

namespace {

using sirocco_gen::JinjaLexer;

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

}  // namespace

std::vector<Layout::TokenPtr> Layout::run(std::vector<TokenPtr> tokens) {
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
          strip_before_tag(merged, opener_sign(tokens[i + 1]->getText()), variable, line_starting_);
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

// The sign right before the closing delimiter at `close`, when it is not the opener's.
char Layout::closer_sign(const std::string& text, size_t min, size_t close) {
  if (close < 1 || close - 1 < min) return 0;
  const char c = text[close - 1];
  return c == '-' || c == '+' ? c : 0;
}

void Layout::end_of_tag(char sign, bool block) {
  lead_ = sign == '-'                                 ? Lead::AllSpace
          : sign == 0 && block && syntax_.trim_blocks ? Lead::Newline
                                                      : Lead::None;
  line_starting_ = false;
}

// Removes what the previous tag's end consumed from the start of `text`.
void Layout::strip_lead(std::string& text) {
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
void Layout::strip_before_tag(std::string& text, char sign, bool variable,
                              bool line_starting) const {
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
Layout::TokenPtr Layout::raw_content(const antlr4::Token& raw) {
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

}  // namespace sirocco::jinja
