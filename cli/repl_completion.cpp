// Completion candidates from the command table, the function names and the data.
#include "cli/repl_completion.h"

#include <algorithm>
#include <cctype>

#include "cli/repl_commands.h"

namespace sirocco::cli {

namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.' ||
         c == ':';
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The value a dotted path (`$`, `_.a`, `$name.a.b`) leads to, or nullptr.
const Value* resolve_path(std::string_view path, const CompletionSources& sources) {
  size_t dot = path.find('.');
  std::string_view root = path.substr(0, dot);
  const Value* value = nullptr;
  for (const auto& [name, root_value] : sources.roots)
    if (name == root) value = &root_value;
  while (value != nullptr && dot != std::string_view::npos) {
    size_t next = path.find('.', dot + 1);
    std::string_view key =
        path.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    value = value->is_dict() ? value->as_dict().find(Value::string(std::string(key))) : nullptr;
    dot = next;
  }
  return value;
}

void add_matching(std::vector<std::string>& out, std::string_view head,
                  const std::vector<std::string>& names, std::string_view prefix) {
  for (const std::string& name : names)
    if (starts_with(name, prefix)) out.push_back(std::string(head) + name);
}

// The names a word can be after `before`: filters after `|`, tests after `is` or `is not`,
// else any function.
const std::vector<std::string>& names_before(std::string_view before,
                                             const CompletionSources& sources) {
  size_t end = before.find_last_not_of(" \t");
  before = before.substr(0, end == std::string_view::npos ? 0 : end + 1);
  if (!before.empty() && before.back() == '|') return sources.filters;
  for (std::string_view keyword : {"is", "is not"}) {
    if (before.size() < keyword.size() || before.substr(before.size() - keyword.size()) != keyword)
      continue;
    size_t at = before.size() - keyword.size();
    if (at == 0 || before[at - 1] == ' ' || before[at - 1] == '\t') return sources.tests;
  }
  return sources.functions;
}

}  // namespace

size_t completion_word_start(std::string_view line) {
  size_t start = line.size();
  while (start > 0 && is_word_char(line[start - 1])) --start;
  return start;
}

size_t file_name_start(std::string_view line) {
  auto command = parse_command_line(line);
  size_t argument = line.find_first_of(" \t");
  if (!command || argument == std::string_view::npos) return std::string_view::npos;
  argument = line.find_first_not_of(" \t", argument);
  if (argument == std::string_view::npos) argument = line.size();
  const CommandInfo* info = find_repl_command(command->name);
  if (info == nullptr) return std::string_view::npos;
  if (info->name == "context") return argument + (line.substr(argument, 1) == "@");
  if ((info->name == "data" || info->name == "env") && line.substr(argument, 1) == "@")
    return argument + 1;
  return std::string_view::npos;
}

std::vector<std::string> completion_candidates(std::string_view line,
                                               const CompletionSources& sources) {
  size_t start = completion_word_start(line);
  std::string_view word = line.substr(start);
  std::vector<std::string> out;
  bool line_start = line.substr(0, start).find_first_not_of(" \t") == std::string_view::npos;
  if (word.empty()) return out;
  if (word[0] == ':' && line_start) {
    for (const CommandInfo& command : repl_commands())
      if (starts_with(command.name, word.substr(1))) out.push_back(":" + std::string(command.name));
  } else if (size_t dot = word.rfind('.'); dot != std::string_view::npos) {
    std::string_view head = word.substr(0, dot + 1);
    std::string_view tail = word.substr(dot + 1);
    if (const Value* value = resolve_path(word.substr(0, dot), sources);
        value && value->is_dict()) {
      for (const auto& [key, item] : value->as_dict())
        if (key.is_string() && starts_with(key.as_string(), tail))
          out.push_back(std::string(head) + key.as_string());
    }
    add_matching(out, head, sources.functions, tail);
  } else if (word[0] == '$') {
    for (const auto& [name, value] : sources.roots)
      if (name.size() > 1 && name[0] == '$' && starts_with(name, word)) out.push_back(name);
  } else {
    add_matching(out, "", names_before(line.substr(0, start), sources), word);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace sirocco::cli
