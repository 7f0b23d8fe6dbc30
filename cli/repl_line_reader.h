// Where the REPL's lines come from: a terminal through libedit (line editing, persistent
// history, tab completion), or any stream (a pipe, a file) read plainly.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace sirocco::cli {

class LineReader {
 public:
  virtual ~LineReader() = default;
  enum class Result { Line, Interrupted, End };
  // Reads one line (without its newline) after showing the prompt. Interrupted: Ctrl-C.
  virtual Result read(const std::string& prompt, std::string& line) = 0;
  // Records a complete input (one or more lines) in the history.
  virtual void remember(const std::string& input) = 0;
};

class StreamLineReader final : public LineReader {
 public:
  explicit StreamLineReader(std::istream& in) : in_(in) {}
  Result read(const std::string& prompt, std::string& line) override;
  void remember(const std::string& input) override {}

 private:
  std::istream& in_;
};

// Whole replacements for the word ending the text before the cursor (see
// repl_completion.h).
using Completer = std::function<std::vector<std::string>(std::string_view line)>;

// libedit on the terminal of stdin/stdout. One at a time (libedit's readline interface is
// global). The history is loaded from `history_path` and saved after every input.
class TerminalLineReader final : public LineReader {
 public:
  TerminalLineReader(std::string history_path, Completer completer);
  ~TerminalLineReader() override;
  TerminalLineReader(const TerminalLineReader&) = delete;
  TerminalLineReader& operator=(const TerminalLineReader&) = delete;

  Result read(const std::string& prompt, std::string& line) override;
  void remember(const std::string& input) override;

  // $SIROCCO_HISTORY, else ~/.sirocco_history, else "" (no history file).
  static std::string default_history_path();

 private:
  std::string history_path_;
};

}  // namespace sirocco::cli
