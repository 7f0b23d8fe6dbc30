// ANSI colouring of JSON text and REPL messages.
#include "cli/repl_colour.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace sirocco::cli {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kKey = "\x1b[1;34m";
constexpr std::string_view kString = "\x1b[32m";
constexpr std::string_view kNumber = "\x1b[36m";
constexpr std::string_view kLiteral = "\x1b[33m";
constexpr std::string_view kNull = "\x1b[35m";

void paint(std::string& out, std::string_view colour, std::string_view token) {
  out.append(colour).append(token).append(kReset);
}

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// The JSON literal starting at i (true, false, null, NaN, Infinity, -Infinity), or "".
std::string_view literal_at(std::string_view json, size_t i) {
  for (std::string_view word : {"true", "false", "null", "NaN", "Infinity", "-Infinity"})
    if (json.substr(i, word.size()) == word) return word;
  return {};
}

}  // namespace

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(fd) && (no_colour == nullptr || *no_colour == '\0');
}

std::string colour_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() * 2);
  size_t i = 0;
  while (i < json.size()) {
    char c = json[i];
    if (c == '"') {
      size_t end = i + 1;
      while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, json.size());
      size_t next = json.find_first_not_of(" \n", end);
      bool is_key = next != std::string_view::npos && json[next] == ':';
      paint(out, is_key ? kKey : kString, json.substr(i, end - i));
      i = end;
      continue;
    }
    if (std::string_view word = literal_at(json, i); !word.empty()) {
      paint(out,
            word == "null"                     ? kNull
            : word[0] == 't' || word[0] == 'f' ? kLiteral
                                               : kNumber,
            word);
      i += word.size();
      continue;
    }
    if ((c >= '0' && c <= '9') || c == '-') {
      size_t end = i + 1;
      while (end < json.size() && is_number_char(json[end])) ++end;
      paint(out, kNumber, json.substr(i, end - i));
      i = end;
      continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::string colour_error(std::string_view text) {
  return std::string("\x1b[31m").append(text).append(kReset);
}

std::string colour_note(std::string_view text) {
  return std::string("\x1b[2m").append(text).append(kReset);
}

}  // namespace sirocco::cli
