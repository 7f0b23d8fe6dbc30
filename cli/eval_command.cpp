// `sirocco eval`: evaluates one expression (printing JSON or a caret error display) or runs
// a batch.
#include "cli/eval_command.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/batch.h"
#include "cli/repl_data_file.h"
#include "interp/json.h"
#include "stdlib/mistral/snapshot.h"

namespace sirocco::cli {

namespace {

bool read_all(const std::string& source, std::string& out) {
  if (source == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream f(source, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// The --data argument: JSON text, @FILE, or - for stdin.
bool load_data(const std::string& spec, Value& out) {
  if (spec.empty()) return true;
  std::string text = spec;
  if (spec == "-" || spec[0] == '@') {
    std::string path = spec == "-" ? "-" : spec.substr(1);
    if (!read_all(path, text)) {
      std::cerr << "sirocco eval: cannot read data file '" << path << "'\n";
      return false;
    }
  }
  try {
    out = parse_json(text);
  } catch (const Error& e) {
    std::cerr << "sirocco eval: --data is not valid JSON: " << e.message() << "\n";
    return false;
  }
  return true;
}

// --context, --execution, --task: the snapshot the Mistral functions read and the current
// execution and task whose variables the data gets. False (after a message) on a bad file.
bool load_context(const EvalOptions& o, Session& session) {
  if (o.context.empty()) {
    if (o.execution.empty() && o.task.empty()) return true;
    std::cerr << "sirocco eval: --execution and --task need --context SNAPSHOT.json\n";
    return false;
  }
  try {
    auto snapshot = std::make_shared<mistral::Snapshot>(
        mistral::Snapshot::from_json(load_data_file(o.context)));
    std::optional<std::string> execution = snapshot->current_execution();
    std::optional<std::string> task = snapshot->current_task();
    if (!o.execution.empty() || !o.task.empty()) {
      execution = o.execution.empty() ? std::nullopt : std::optional(o.execution);
      task = o.task.empty() ? std::nullopt : std::optional(o.task);
    }
    Value bindings = snapshot->bindings(execution, task);
    session.set_workflow_context(std::move(snapshot), std::move(bindings));
  } catch (const Error& e) {
    std::cerr << "sirocco eval: --context " << o.context << ": " << e.type() << ": " << e.message()
              << "\n";
    return false;
  }
  return true;
}

// --value: JSON text, or @FILE (YAML when it ends in .yaml or .yml).
bool load_value(const std::string& spec, Value& out) {
  try {
    out = spec[0] == '@' ? load_data_file(spec.substr(1)) : parse_json(spec);
  } catch (const Error& e) {
    std::cerr << "sirocco eval: --value: " << e.type() << ": " << e.message() << "\n";
    return false;
  }
  return true;
}

// Compact JSON when asked; otherwise one Python-style line, indented on a terminal when
// that line would not fit.
std::string output_text(const Value& result, bool compact) {
  if (compact) return to_json(result);
  std::string line = to_json_line(result);
  if (line.size() > 100 && isatty(STDOUT_FILENO)) return to_json(result, 2);
  return line;
}

int run_batch_file(const EvalOptions& o, Session& session) {
  if (o.batch == "-") {
    run_batch(std::cin, std::cout, session);
    return 0;
  }
  std::ifstream f(o.batch, std::ios::binary);
  if (!f) {
    std::cerr << "sirocco eval: cannot read batch file '" << o.batch << "'\n";
    return 2;
  }
  run_batch(f, std::cout, session);
  return 0;
}

}  // namespace

int run_eval(const EvalOptions& o) {
  Session session(o.limits);
  if (!load_context(o, session)) return 2;
  if (!o.batch.empty()) return run_batch_file(o, session);
  Lang lang;
  if (o.lang == "auto") {
    lang = Lang::MistralData;
  } else if (!parse_lang(o.lang, lang)) {
    std::cerr << "sirocco eval: unknown language '" << o.lang
              << "' (yaql, jinja, jinja-template, jinja-expression, mistral-data, auto)\n";
    return 2;
  }
  if (!o.value.empty() && !o.expression.empty()) {
    std::cerr << "sirocco eval: give an EXPRESSION or --value, not both\n";
    return 2;
  }
  if (!o.value.empty() && lang != Lang::MistralData) {
    std::cerr << "sirocco eval: --value walks a whole value: use --lang auto\n";
    return 2;
  }
  Value data, value;
  if (!load_data(o.data, data)) return 2;
  if (!o.value.empty() && !load_value(o.value, value)) return 2;
  try {
    Value result = o.value.empty() ? session.evaluate(lang, o.expression, data, o.env)
                                   : session.evaluate_data(value, data);
    std::cout << output_text(result, o.compact) << "\n";
    return 0;
  } catch (const Error& e) {
    // A failure inside --value has no one source text to show a caret under.
    std::cerr << (o.value.empty() ? render_error(e, o.expression) : e.type() + ": " + e.message())
              << "\n";
    return 1;
  }
}

}  // namespace sirocco::cli
