// The table of REPL commands and the parsing of command lines.
#include "cli/repl_commands.h"

#include <cctype>

namespace sirocco::cli {

namespace {

std::string_view trim(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

bool is_identifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

}  // namespace

const std::vector<CommandInfo>& repl_commands() {
  static const std::vector<CommandInfo> kCommands = {
      {"lang", "[yaql|jinja|auto]", "what you type; auto (default) goes by <% %> / {{ }}"},
      {"data", "[JSON|@FILE]", "set the data from JSON, a .json or a .yaml file"},
      {"context", "[SNAPSHOT.json]", "keep an execution snapshot for Mistral functions"},
      {"env", "[JSON|@FILE]", "set the Mistral environment env() and $__env read"},
      {"let", "NAME = EXPR", "bind the value of EXPR to $NAME for later lines"},
      {"functions", "[PREFIX]", "list the functions of the language, with signatures"},
      {"help", "[FUNCTION|:COMMAND]", "this help, or the signatures of a function"},
      {"time", "", "toggle showing how long each evaluation takes"},
      {"quit", "", "leave (so does Ctrl-D on an empty line)"},
  };
  return kCommands;
}

const CommandInfo* find_repl_command(std::string_view name) {
  const CommandInfo* by_prefix = nullptr;
  int prefix_matches = 0;
  for (const CommandInfo& command : repl_commands()) {
    if (command.name == name) return &command;
    if (!name.empty() && command.name.substr(0, name.size()) == name)
      by_prefix = &command, ++prefix_matches;
  }
  return prefix_matches == 1 ? by_prefix : nullptr;
}

std::optional<CommandLine> parse_command_line(std::string_view input) {
  std::string_view text = trim(input);
  if (text.size() < 2 || text[0] != ':' || !std::isalpha(static_cast<unsigned char>(text[1])))
    return std::nullopt;
  size_t end = 1;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  return CommandLine{std::string(text.substr(1, end - 1)), std::string(trim(text.substr(end)))};
}

std::optional<LetBinding> parse_let(std::string_view argument) {
  size_t eq = argument.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  std::string_view name = trim(argument.substr(0, eq));
  if (!name.empty() && name[0] == '$') name.remove_prefix(1);
  std::string_view expr = trim(argument.substr(eq + 1));
  if (!is_identifier(name) || expr.empty()) return std::nullopt;
  return LetBinding{std::string(name), std::string(expr)};
}

}  // namespace sirocco::cli
