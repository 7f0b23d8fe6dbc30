// Jinja's filters that lay text out: indent, truncate, wordwrap (Python's textwrap with
// Jinja's settings) and wordcount.
#include <algorithm>
#include <cmath>

#include "interp/error.h"
#include "interp/utf8.h"
#include "stdlib/jinja/filters_internal.h"
#include "stdlib/yaql/regex_engine.h"

namespace sirocco::jinja::filters {
namespace {

namespace pyregex = yaql::pyregex;

// Python's `' ' * width` of the indent filter's int width, or the width string itself.
Outcome<std::string> indention_of(const Value& width, const Runtime& runtime) {
  if (width.is_string()) return width.as_string();
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(width));  // ' ' * Undefined
  if (!width.is_int() && !width.is_bool()) {
    return Error("TypeError",
                 "can't multiply sequence by non-int of type '" + type_name(width) + "'");
  }
  SIROCCO_ASSIGN_OR_RETURN(const int64_t given, int_operand(width));
  const int64_t n = std::max<int64_t>(0, given);
  check_size(runtime, static_cast<size_t>(n));
  return std::string(static_cast<size_t>(n), ' ');
}

Outcome<Value> indent(Call& c) {
  // In Jinja2's order: the indention, `s += newline`, `if blank`, s.splitlines().
  const Value& s = c[0];
  SIROCCO_ASSIGN_OR_RETURN(const std::string indention, indention_of(c[1], c.runtime));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(s));
  bool is_list = s.is_list() && !s.is_tuple();  // list += str extends the list
  if (!s.is_string() && !is_list)
    return Error("TypeError",
                 "unsupported operand type(s) for +=: '" + type_name(s) + "' and 'str'");
  SIROCCO_ASSIGN_OR_RETURN(const bool blank, truth(c[3]));
  if (is_list) return Error("AttributeError", "'list' object has no attribute 'splitlines'");
  SIROCCO_ASSIGN_OR_RETURN(const bool first, truth(c[2]));
  std::vector<std::string> lines = split_lines(s.as_string() + "\n", false);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    bool indented = i == 0 ? first : blank || !lines[i].empty();
    if (indented) out += indention;
    out += lines[i];
    check_size(c.runtime, out.size());
  }
  return text(std::move(out));
}

Outcome<Value> truncate(Call& c) {
  const Value& s = c[0];
  SIROCCO_ASSIGN_OR_RETURN(const int64_t length, int_operand(c[1]));
  const Value& end = c[3];
  SIROCCO_ASSIGN_OR_RETURN(const int64_t end_length, length_of(end));
  int64_t leeway = 5;
  if (!c[4].is_null()) {
    SIROCCO_ASSIGN_OR_RETURN(leeway, int_operand(c[4]));
  }
  if (length < end_length)
    return Error("AssertionError", "expected length >= " + std::to_string(end_length) + ", got " +
                                       std::to_string(length));
  if (leeway < 0)
    return Error("AssertionError", "expected leeway >= 0, got " + std::to_string(leeway));
  SIROCCO_ASSIGN_OR_RETURN(const int64_t s_length, length_of(s));
  if (s_length <= length + leeway) return s;
  if (!s.is_string())
    return Error("AttributeError", "'" + type_name(s) + "' object has no attribute 'rsplit'");
  SIROCCO_ASSIGN_OR_RETURN(const bool killwords, truth(c[2]));
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(end));  // str + Undefined
  if (!end.is_string())
    return Error("TypeError", "can only concatenate str (not \"" + type_name(end) + "\") to str");
  const std::string& str = s.as_string();
  std::string head = str.substr(0, utf8::offset_of(str, static_cast<size_t>(length - end_length)));
  if (!killwords) {
    size_t space = head.rfind(' ');
    if (space != std::string::npos) head.resize(space);
  }
  return text(head + end.as_string());
}

// --- wordwrap: textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False,
// break_long_words, break_on_hyphens) of every line ------------------------------------------

#define WS "[\\t\\n\\x0b\\x0c\\r ]"
#define NWS "[^\\t\\n\\x0b\\x0c\\r ]"
#define WORD_PUNCT "[\\w!\"'&.,?]"
#define LETTER "[^\\d\\W]"
// textwrap.TextWrapper.wordsep_re (without its verbose layout) and wordsep_simple_re.
constexpr const char* kWordSeparator =
    "(" WS "+|(?<=" WORD_PUNCT ")-{2,}(?=\\w)|" NWS "+?(?:-(?:(?<=" LETTER "{2}-)|(?<=" LETTER
    "-" LETTER "-))(?=" LETTER "-?" LETTER ")|(?=" WS "|\\Z)|(?<=" WORD_PUNCT ")(?=-{2,}\\w)))";
constexpr const char* kSimpleWordSeparator = "(" WS "+)";
#undef WS
#undef NWS
#undef WORD_PUNCT
#undef LETTER

bool is_blank(const std::u32string& chunk) {
  return std::all_of(chunk.begin(), chunk.end(), is_space);
}

// re.split with one group: the text between matches and the matches, empty pieces dropped.
std::vector<std::u32string> chunks_of(std::string_view line, bool break_on_hyphens) {
  static const pyregex::RegexPtr hyphens = pyregex::compile(kWordSeparator, {});
  static const pyregex::RegexPtr simple = pyregex::compile(kSimpleWordSeparator, {});
  pyregex::MatchWalk walk(break_on_hyphens ? hyphens : simple, line);
  std::vector<std::u32string> chunks;
  auto keep = [&](std::string_view piece) {
    if (!piece.empty()) chunks.push_back(code_points(piece));
  };
  size_t last = 0;
  pyregex::Match m;
  while (walk.next(m)) {
    keep(line.substr(last, m.begin(0) - last));
    keep(m.text(line, 1));
    last = m.end(0);
  }
  keep(line.substr(last));
  return chunks;
}

// TextWrapper's settings; the flags stay values, tested for truth only when used.
struct WrapOptions {
  size_t width;
  Value break_long_words;
  Value break_on_hyphens;
};

// TextWrapper._handle_long_word: the head of an over-long chunk that fits the line.
void split_long_word(std::vector<std::u32string>& reversed, std::vector<std::u32string>& line,
                     size_t line_length, const WrapOptions& o) {
  size_t space_left = o.width < 1 ? 1 : o.width - line_length;
  if (truth(o.break_long_words).value()) {
    std::u32string& chunk = reversed.back();
    size_t end = space_left;
    if (truth(o.break_on_hyphens).value() && chunk.size() > space_left) {
      size_t hyphen = chunk.rfind(U'-', space_left == 0 ? 0 : space_left - 1);
      if (space_left > 0 && hyphen != std::u32string::npos && hyphen > 0 &&
          chunk.find_first_not_of(U'-') < hyphen)
        end = hyphen + 1;
    }
    line.push_back(chunk.substr(0, end));
    chunk.erase(0, end);
  } else if (line.empty()) {
    line.push_back(reversed.back());
    reversed.pop_back();
  }
}

// TextWrapper._wrap_chunks without indents or max_lines.
std::vector<std::string> wrap(std::string_view line, const WrapOptions& o) {
  // TextWrapper._split: `if self.break_on_hyphens is True`.
  bool hyphens = o.break_on_hyphens.is_bool() && o.break_on_hyphens.as_bool();
  std::vector<std::u32string> reversed = chunks_of(line, hyphens);
  std::reverse(reversed.begin(), reversed.end());
  std::vector<std::string> lines;
  while (!reversed.empty()) {
    std::vector<std::u32string> current;
    size_t length = 0;
    if (is_blank(reversed.back()) && !lines.empty()) reversed.pop_back();
    while (!reversed.empty() && length + reversed.back().size() <= o.width) {
      length += reversed.back().size();
      current.push_back(std::move(reversed.back()));
      reversed.pop_back();
    }
    if (!reversed.empty() && reversed.back().size() > o.width) {
      split_long_word(reversed, current, length, o);
      if (!reversed.empty() && reversed.back().empty()) reversed.pop_back();
    }
    if (!current.empty() && is_blank(current.back())) current.pop_back();
    if (current.empty()) continue;
    std::string joined;
    for (const std::u32string& chunk : current) joined += from_code_points(chunk);
    lines.push_back(std::move(joined));
  }
  return lines;
}

Outcome<Value> wordwrap(Call& c) {
  // In Jinja2's order: wrapstring.join, s.splitlines(), then per line the width check.
  const Value& s = c[0];
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(c[3]));  // Undefined has no join()
  std::string wrapstring = "\n";
  if (!c[3].is_null()) {
    SIROCCO_ASSIGN_OR_RETURN(wrapstring, jinja_str(c[3]));
  }
  SIROCCO_RETURN_IF_ERROR(refuse_undefined(s));
  if (!s.is_string())
    return Error("AttributeError", "'" + type_name(s) + "' object has no attribute 'splitlines'");
  SIROCCO_ASSIGN_OR_RETURN(const int64_t width, int_operand(c[1]));
  WrapOptions options{static_cast<size_t>(std::max<int64_t>(width, 0)), c[2], c[4]};
  std::string out;
  bool first_line = true;
  for (const std::string& line : split_lines(s.as_string(), false)) {
    if (width <= 0)
      throw Error("ValueError", "invalid width " + std::to_string(width) + " (must be > 0)");
    if (!first_line) out += wrapstring;
    first_line = false;
    bool first_piece = true;
    for (const std::string& piece : wrap(line, options)) {
      if (!first_piece) out += wrapstring;
      first_piece = false;
      out += piece;
    }
    check_size(c.runtime, out.size());
  }
  return text(std::move(out));
}

Value wordcount(std::string str, Call&) {
  static const pyregex::RegexPtr word = pyregex::compile("\\w+", {});
  pyregex::MatchWalk walk(word, str);
  pyregex::Match m;
  int64_t count = 0;
  while (walk.next(m)) ++count;
  return Value::integer(count);
}

}  // namespace

void register_layout_filters(Registry& r) {
  r.add("indent(s: any, width: any = 4, first: any = false, blank: any = false)", indent);
  r.add(
      "truncate(s: any, length: any = 255, killwords: any = false, end: any = '...', "
      "leeway: any = null)",
      truncate);
  r.add(
      "wordwrap(s: any, width: any = 79, break_long_words: any = true, wrapstring: any = null, "
      "break_on_hyphens: any = true)",
      wordwrap);
  r.add("wordcount(s: any)", on_str(wordcount));
}

}  // namespace sirocco::jinja::filters
