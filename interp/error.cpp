// Error positions and the human rendering of an error: a "name:line:col: Type: message"
// header, the source line (a window of it when long) and a caret line under the span.
#include "interp/error.h"

#include <algorithm>

#include "interp/utf8.h"

namespace sirocco {

constinit thread_local const Span* ErrorSpanScope::innermost_ = nullptr;

namespace {

constexpr size_t kMaxShownColumns = 120;  // longer lines are cut to a window round the span
constexpr size_t kContextBefore = 40;     // columns kept before the span in a window

// The line of `source` holding byte `offset`, without its line break.
std::string_view line_at(std::string_view source, size_t offset) {
  const size_t newline_before =
      offset == 0 ? std::string_view::npos : source.rfind('\n', offset - 1);
  const size_t begin = newline_before == std::string_view::npos ? 0 : newline_before + 1;
  size_t end = source.find('\n', offset);
  if (end == std::string_view::npos) end = source.size();
  if (end > begin && source[end - 1] == '\r') --end;
  return source.substr(begin, end - begin);
}

// The part of a line shown: code points [first, first + count), with "..." where cut.
struct Window {
  size_t first = 0;
  size_t count = 0;
  bool cut_before = false;
  bool cut_after = false;
};

Window window_for(size_t line_length, size_t caret_column) {
  if (line_length <= kMaxShownColumns) return {0, line_length, false, false};
  size_t first = caret_column > kContextBefore ? caret_column - kContextBefore : 0;
  first = std::min(first, line_length - kMaxShownColumns);
  return {first, kMaxShownColumns, first > 0, first + kMaxShownColumns < line_length};
}

}  // namespace

Position position_of(std::string_view source, uint32_t offset) {
  const std::string_view before = source.substr(0, std::min<size_t>(offset, source.size()));
  const size_t last_newline = before.rfind('\n');
  Position p;
  p.line = static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  const size_t line_begin = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  p.column = static_cast<uint32_t>(utf8::length(before.substr(line_begin)) + 1);
  return p;
}

std::string render_error(const Error& e, std::string_view source, std::string_view name) {
  std::string headline = e.type() + ": " + e.message();
  if (!e.has_span()) return headline;

  const size_t begin = std::min<size_t>(e.span().begin, source.size());
  const size_t end = std::clamp<size_t>(e.span().end, begin, source.size());
  const Position pos = position_of(source, static_cast<uint32_t>(begin));
  std::string out = std::string(name) + ":" + std::to_string(pos.line) + ":" +
                    std::to_string(pos.column) + ": " + headline + "\n";

  const std::string_view line = line_at(source, begin);
  const size_t line_offset = static_cast<size_t>(line.data() - source.data());
  const size_t caret_column = pos.column - 1;
  const size_t span_in_line = std::min(end, line_offset + line.size()) - begin;
  const size_t span_columns = utf8::length(source.substr(begin, span_in_line));

  const Window w = window_for(utf8::length(line), caret_column);
  const size_t shown_begin = utf8::offset_of(line, w.first);
  const size_t shown_end = utf8::offset_of(line, w.first + w.count);
  if (w.cut_before) out += "...";
  out.append(line.substr(shown_begin, shown_end - shown_begin));
  if (w.cut_after) out += "...";
  out += '\n';

  // The caret line copies tabs from the source line so the caret lines up in a terminal.
  if (w.cut_before) out += "   ";
  const std::string_view lead =
      line.substr(shown_begin, utf8::offset_of(line, caret_column) - shown_begin);
  size_t at = 0;
  while (at < lead.size()) {
    out += lead[at] == '\t' ? '\t' : ' ';
    utf8::decode(lead, at);
  }
  const size_t window_end = w.first + w.count;
  const size_t room = window_end > caret_column ? window_end - caret_column : 1;
  const size_t tildes = std::min(std::max<size_t>(span_columns, 1), room) - 1;
  out += '^';
  out.append(tildes, '~');
  return out;
}

}  // namespace sirocco
