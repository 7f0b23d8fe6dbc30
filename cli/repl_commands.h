// The REPL's `:commands`: the table of what exists (for :help and completion) and the
// parsing of a typed command line, without a terminal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sirocco::cli {

struct CommandInfo {
  std::string_view name;   // without the colon
  std::string_view usage;  // the arguments it takes
  std::string_view help;   // one line
};

// Every command, in :help order.
const std::vector<CommandInfo>& repl_commands();
// The command of that name (without the colon) or of which it is the only prefix (`:q`),
// or nullptr.
const CommandInfo* find_repl_command(std::string_view name);

// A typed `:name argument` line.
struct CommandLine {
  std::string name;      // without the colon
  std::string argument;  // the rest, trimmed
};
// The command in an input, or nullopt when the input is not a command (does not start
// with ':' followed by a letter).
std::optional<CommandLine> parse_command_line(std::string_view input);

// `:let NAME = EXPR`. Nullopt when the argument has no `=` or NAME is not an identifier
// that can follow `$` in YAQL (letters, digits, '_', not starting with a digit).
struct LetBinding {
  std::string name;
  std::string expr;
};
std::optional<LetBinding> parse_let(std::string_view argument);

}  // namespace sirocco::cli
