// The REPL's session state and what one complete input does to it: evaluating an
// expression against the current data, variables and language, or running a `:command`.
// No terminal here: output goes to the streams it is given, so tests drive it directly.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "cli/repl_commands.h"
#include "cli/repl_completion.h"
#include "cli/repl_input.h"
#include "interp/limits.h"
#include "interp/value.h"
#include "interp/yaql_engine.h"
#include "stdlib/session.h"

namespace sirocco::cli {

// How results are printed: pretty (indented when long) and coloured on a terminal;
// one plain line each otherwise. Acknowledgements of commands (`data {...}`, `lang yaql`)
// are printed only to a person (when `acknowledge`).
struct ReplLook {
  bool pretty = false;
  bool colour = false;         // results and notes
  bool colour_errors = false;  // errors (stderr may go elsewhere than stdout)
  bool acknowledge = false;
};

class ReplState {
 public:
  explicit ReplState(ReplLook look = {}, Limits limits = {});

  enum class Status { Ok, Error, Quit };
  // Runs one complete input: results and notes go to `out`, errors to `err`.
  Status run(std::string_view input, std::ostream& out, std::ostream& err);

  ReplLang lang() const { return lang_; }
  // What tab completion offers now: function names, the data and the variables.
  CompletionSources completion_sources();

 private:
  Status run_command(const CommandLine& command, std::ostream& out, std::ostream& err);
  Status evaluate_input(std::string_view input, std::ostream& out, std::ostream& err);
  // The data with `:env` as its `__env` key (Mistral's functions read it there), when the
  // data is a dict or null.
  Value evaluation_data() const;
  Value evaluate(const Evaluation& evaluation);
  // :data, :context and :env: show the value, or set it from JSON or a file.
  Status keep_value(std::string_view name, const std::string& argument, std::ostream& out,
                    std::ostream& err);
  Status set_data(const std::string& spec, Value& target, std::ostream& err);
  Status use_context(std::ostream& out, std::ostream& err);
  Status bind(const std::string& argument, std::ostream& out, std::ostream& err);
  void list_functions(const std::string& prefix, std::ostream& out);
  Status help(const std::string& topic, std::ostream& out, std::ostream& err);
  void print_value(const Value& value, std::ostream& out) const;
  void print_note(std::string_view text, std::ostream& out) const;
  void print_error(const std::string& rendered, std::ostream& err) const;

  ReplLook look_;
  Session session_;
  ReplLang lang_ = ReplLang::Auto;
  Value data_;
  Value context_;  // kept for task(), execution() ... (issue 5)
  Value env_;      // `:env`: the data's __env for env() and $__env
  yaql::Variables lets_;
  Value last_;
  bool show_time_ = false;
};

}  // namespace sirocco::cli
