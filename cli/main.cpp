// The `sirocco` binary: command-line front end of the library.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/eval_command.h"
#include "cli/functions_command.h"
#include "cli/repl_command.h"

namespace {

// The sandbox options every evaluating subcommand takes.
void add_limit_options(CLI::App* command, sirocco::Limits& limits) {
  command->add_option("--limit-iterators", limits.max_collection_items,
                      "Most items a collection may yield (-1: no limit, the default)");
  command->add_option("--memory-quota", limits.memory_quota,
                      "Rough bytes a produced value may take (-1: no limit, the default)");
  command->add_option("--max-depth", limits.max_eval_depth,
                      "Most nested evaluation frames (default 400)");
  command->add_option("--timeout-ms", limits.timeout_ms,
                      "Wall-clock limit per evaluation in milliseconds (default 10000; 0: none)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Sirocco: YAQL and Jinja expressions and Mistral workflows"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sirocco 0.1");

  sirocco::cli::EvalOptions eval;
  CLI::App* eval_cmd = app.add_subcommand(
      "eval", "Evaluate one expression (result as JSON on stdout), or a JSON Lines batch");
  eval_cmd->add_option("expression", eval.expression, "The expression to evaluate");
  eval_cmd->add_option("--lang", eval.lang,
                       "yaql (default), jinja, jinja-template, jinja-expression, mistral-data, "
                       "auto (Mistral's rule: <% %> or {{ }} inside the text choose)");
  eval_cmd->add_option("--data", eval.data, "Input data: JSON text, @FILE, or - for stdin");
  eval_cmd->add_option("--env", eval.env, "Jinja environment: mistral (default), default, sandbox");
  eval_cmd->add_flag("--compact", eval.compact, "Print the result as compact JSON");
  eval_cmd->add_option("--batch", eval.batch,
                       "Evaluate JSON Lines cases from FILE (or - for stdin), one answer per line");
  eval_cmd->add_option("--value", eval.value,
                       "With --lang auto: evaluate every expression inside a whole value, as a "
                       "workflow would: JSON text or @FILE (.yaml/.yml read as YAML)");
  eval_cmd->add_option("--context", eval.context,
                       "Execution snapshot (docs/snapshots.md) that execution(), executions(), "
                       "task(), tasks() and global() read; also for --batch");
  eval_cmd->add_option("--execution", eval.execution,
                       "Current workflow execution id in the snapshot (default: its \"current\")");
  eval_cmd->add_option("--task", eval.task,
                       "Current task execution id in the snapshot (implies its execution)");
  add_limit_options(eval_cmd, eval.limits);

  sirocco::cli::FunctionsOptions functions;
  CLI::App* functions_cmd =
      app.add_subcommand("functions", "List the functions of a language with their signatures");
  functions_cmd->add_option("prefix", functions.prefix, "Only names starting with PREFIX");
  functions_cmd->add_option("--lang", functions.lang, "yaql (default)");

  sirocco::cli::ReplOptions repl;
  CLI::App* repl_cmd = app.add_subcommand(
      "repl", "Interactive expression workbench (or evaluate each line of a pipe)");
  repl_cmd->add_option("--lang", repl.lang, "yaql, jinja or auto (default: from <% %> / {{ }})");
  repl_cmd->add_option("--data", repl.data, "Initial data: JSON text or @FILE (.json, .yaml)");
  add_limit_options(repl_cmd, repl.limits);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (eval_cmd->parsed()) {
    if (eval.batch.empty() && eval.expression.empty() && eval.value.empty()) {
      std::cerr << "sirocco eval: give an EXPRESSION, --value or --batch FILE (see sirocco eval "
                   "--help)\n";
      return 2;
    }
    return sirocco::cli::run_eval(eval);
  }
  if (functions_cmd->parsed()) return sirocco::cli::run_functions(functions);
  if (repl_cmd->parsed()) return sirocco::cli::run_repl(repl);
  return 2;
}
