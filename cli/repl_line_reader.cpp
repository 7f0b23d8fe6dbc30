// Line reading for the REPL: libedit's readline interface on a terminal, std::getline
// elsewhere.
#include "cli/repl_line_reader.h"

// clang-format off
#include <cstdio>
#include <editline/readline.h>
// clang-format on
#include <signal.h>

#include <clocale>
#include <cstdlib>
#include <cstring>

#include "cli/repl_completion.h"

namespace sirocco::cli {

namespace {

constexpr int kHistorySize = 1000;

// libedit's readline interface is global, and so is what its callbacks need.
Completer active_completer;
std::vector<std::string> matches;
size_t next_match = 0;
volatile sig_atomic_t interrupted = 0;

// What ends a word for completion: blanks and the punctuation that is not one of
// repl_completion's word characters (letters, digits, `_ $ . :`).
char word_breaks[] = " \t\n\"'`@><=;|&{}()[]+-*/%,!~^?#\\";

void on_interrupt(int) { interrupted = 1; }

char* next_candidate(const char*, int state) {
  if (state == 0) next_match = 0;
  if (next_match >= matches.size()) return nullptr;
  return strdup(matches[next_match++].c_str());
}

// The file names that start with `prefix` (a path), as libedit finds them.
std::vector<std::string> file_names(const std::string& prefix) {
  std::vector<std::string> names;
  for (int state = 0;; ++state) {
    char* name = rl_filename_completion_function(prefix.c_str(), state);
    if (name == nullptr) break;
    names.emplace_back(name);
    std::free(name);
  }
  return names;
}

// libedit asks for the completions of line[start, end) by its own idea of a word; our
// candidates replace the word from `ours`, and are cut or extended to start at `start`.
char** complete(const char* text, int start, int end) {
  rl_attempted_completion_over = 1;  // no fallback to libedit's own completion
  std::string line = rl_line_buffer != nullptr && std::strlen(rl_line_buffer) >= size_t(end)
                         ? std::string(rl_line_buffer, end)
                         : std::string(text);
  size_t theirs = line.size() - std::strlen(text);
  size_t ours = file_name_start(line);
  std::vector<std::string> candidates;
  if (ours != std::string::npos) {
    candidates = file_names(line.substr(ours));
  } else {
    ours = completion_word_start(line);
    candidates = active_completer(line);
  }
  matches.clear();
  for (const std::string& candidate : candidates) {
    if (ours >= theirs)
      matches.push_back(line.substr(theirs, ours - theirs) + candidate);
    else if (candidate.size() >= theirs - ours)
      matches.push_back(candidate.substr(theirs - ours));
  }
  if (matches.empty()) return nullptr;
  return rl_completion_matches(text, next_candidate);
}

}  // namespace

LineReader::Result StreamLineReader::read(const std::string&, std::string& line) {
  if (!std::getline(in_, line)) return Result::End;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Result::Line;
}

TerminalLineReader::TerminalLineReader(std::string history_path, Completer completer)
    : history_path_(std::move(history_path)) {
  std::setlocale(LC_CTYPE, "");  // libedit reads and edits multibyte (UTF-8) characters
  active_completer = std::move(completer);
  rl_readline_name = "sirocco";
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = word_breaks;
  rl_completer_word_break_characters = word_breaks;
  rl_completion_append_character = '\0';
  using_history();
  stifle_history(kHistorySize);
  if (!history_path_.empty()) read_history(history_path_.c_str());
}

TerminalLineReader::~TerminalLineReader() { active_completer = nullptr; }

// While a line is read, Ctrl-C abandons it; during an evaluation (which cannot be
// interrupted) it ends the REPL as it ends any program, the history being saved already.
LineReader::Result TerminalLineReader::read(const std::string& prompt, std::string& line) {
  interrupted = 0;
  struct sigaction action = {};
  struct sigaction previous = {};
  action.sa_handler = on_interrupt;  // no SA_RESTART: Ctrl-C ends the read
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &previous);
  char* text = readline(prompt.c_str());
  sigaction(SIGINT, &previous, nullptr);
  if (text == nullptr) return interrupted ? Result::Interrupted : Result::End;
  line = text;
  std::free(text);
  return interrupted ? Result::Interrupted : Result::Line;
}

void TerminalLineReader::remember(const std::string& input) {
  if (input.empty()) return;
  HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
  if (last != nullptr && input == last->line) return;  // no run of the same input
  add_history(input.c_str());
  if (!history_path_.empty()) write_history(history_path_.c_str());
}

std::string TerminalLineReader::default_history_path() {
  if (const char* path = std::getenv("SIROCCO_HISTORY")) return path;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.sirocco_history";
  return "";
}

}  // namespace sirocco::cli
