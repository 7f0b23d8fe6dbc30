// The REPL's loop: read lines until an input is complete, run it, repeat.
#include "cli/repl_command.h"

#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/repl_colour.h"
#include "cli/repl_input.h"
#include "cli/repl_line_reader.h"
#include "cli/repl_state.h"

namespace sirocco::cli {

namespace {

// Commands other than :let take JSON or words, scanned for brackets and strings like YAQL.
bool is_complete(const std::string& input, ReplLang lang) {
  auto command = parse_command_line(input);
  if (command && command->name != "let") lang = ReplLang::Yaql;
  return input_is_complete(input, lang);
}

std::string prompt_for(ReplLang lang, bool continuation) {
  std::string name(repl_lang_name(lang));
  return continuation ? std::string(name.size(), '.') + "> " : name + "> ";
}

}  // namespace

int run_repl(const ReplOptions& options) {
  const bool interactive = isatty(STDIN_FILENO);
  ReplLook look;
  look.pretty = isatty(STDOUT_FILENO);
  look.colour = colour_wanted(STDOUT_FILENO);
  look.colour_errors = colour_wanted(STDERR_FILENO);
  look.acknowledge = interactive;
  ReplState state(look, options.limits);
  if (options.lang != "auto" &&
      state.run(":lang " + options.lang, std::cout, std::cerr) != ReplState::Status::Ok)
    return 2;
  if (!options.data.empty() &&
      state.run(":data " + options.data, std::cout, std::cerr) != ReplState::Status::Ok)
    return 2;

  std::unique_ptr<LineReader> reader;
  if (interactive) {
    std::cout << "sirocco repl: :help lists the commands, Ctrl-D quits.\n";
    reader = std::make_unique<TerminalLineReader>(
        TerminalLineReader::default_history_path(), [&state](std::string_view line) {
          return completion_candidates(line, state.completion_sources());
        });
  } else {
    reader = std::make_unique<StreamLineReader>(std::cin);
  }

  bool failed = false;
  std::string pending;
  while (true) {
    std::string line;
    auto result = reader->read(prompt_for(state.lang(), !pending.empty()), line);
    if (result == LineReader::Result::Interrupted ||
        (result == LineReader::Result::End && interactive && !pending.empty())) {
      pending.clear();  // Ctrl-C, or Ctrl-D inside an unfinished input, abandons it
      std::cout << '\n';
      continue;
    }
    if (result == LineReader::Result::End && pending.empty()) {
      if (interactive) std::cout << '\n';  // leave the shell's prompt on a line of its own
      break;
    }
    if (result == LineReader::Result::Line) {
      pending += pending.empty() ? line : "\n" + line;
      if (!is_complete(pending, state.lang())) continue;
    }
    // A complete input, or what is left unfinished at the end of a pipe (it fails).
    reader->remember(pending);
    auto status = state.run(pending, std::cout, std::cerr);
    std::cout.flush();
    pending.clear();
    if (status == ReplState::Status::Quit) break;
    failed |= status == ReplState::Status::Error;
    if (result == LineReader::Result::End) break;
  }
  return !interactive && failed ? 1 : 0;
}

}  // namespace sirocco::cli
