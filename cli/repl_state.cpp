// One REPL input at a time: commands, evaluation, printing.
#include "cli/repl_state.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ostream>

#include "cli/repl_colour.h"
#include "cli/repl_data_file.h"
#include "cli/repl_functions.h"
#include "interp/error.h"
#include "interp/json.h"
#include "interp/utf8.h"
#include "stdlib/mistral/snapshot.h"

namespace sirocco::cli {

namespace {

constexpr size_t kPrettyWidth = 100;

std::string_view trim(std::string_view text) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

// A value on one line, cut short when long (for notes about data that was set).
std::string summary(const Value& value) {
  std::string line = to_json_line(value);
  if (utf8::length(line) <= 60) return line;
  return line.substr(0, utf8::offset_of(line, 57)) + "...";
}

std::string milliseconds(std::chrono::steady_clock::duration elapsed) {
  char text[32];
  std::snprintf(text, sizeof text, "(%.3f ms)",
                std::chrono::duration<double, std::milli>(elapsed).count());
  return text;
}

constexpr std::string_view kHelpFooter = R"(
$ is the data in YAQL (_ in Jinja); a line that is just $ or _ shows it.
$_ is the last result; :let NAME = EXPR binds $NAME. Both are YAQL variables: Jinja sees
the data as _ only.
An input goes on over several lines while a bracket, a string, a {{ }} or {% %} tag or a
{% if %}/{% for %} ... block is open; Ctrl-C or Ctrl-D abandons it.
task(), tasks(), execution(), global() read the snapshot given by :context FILE.
Tab completes function names (Jinja filters after |, tests after is), :commands,
$variables, data keys ($.key, _.key) and file names (:data @FILE, :context FILE).
History is kept in $SIROCCO_HISTORY, or ~/.sirocco_history.
)";

}  // namespace

ReplState::ReplState(ReplLook look, Limits limits) : look_(look), session_(limits) {}

CompletionSources ReplState::completion_sources() {
  FunctionNames names = function_names(lang_, session_.yaql().registry());
  CompletionSources sources{std::move(names.all),
                            std::move(names.filters),
                            std::move(names.tests),
                            {{"$", data_}, {"_", data_}, {"$_", last_}}};
  for (const auto& [name, value] : lets_) sources.roots.emplace_back("$" + name, value);
  return sources;
}

ReplState::Status ReplState::run(std::string_view input, std::ostream& out, std::ostream& err) {
  std::string_view text = trim(input);
  if (text.empty()) return Status::Ok;
  if (auto command = parse_command_line(text)) return run_command(*command, out, err);
  if (text == "$" || text == "_") {
    print_value(data_, out);
    return Status::Ok;
  }
  return evaluate_input(input, out, err);
}

Value ReplState::evaluation_data() const {
  if (env_.is_null() || !(data_.is_dict() || data_.is_null())) return data_;
  Dict dict = data_.is_dict() ? data_.as_dict() : Dict();
  dict.set(Value::string("__env"), env_);
  return Value::dict(std::move(dict));
}

Value ReplState::evaluate(const Evaluation& evaluation) {
  Value data = evaluation_data();
  if (evaluation.lang != Lang::Yaql)
    return session_.evaluate(evaluation.lang, evaluation.expr, data, "mistral");
  yaql::Variables variables(lets_.begin(), lets_.end());
  variables.emplace_back("_", last_);
  return session_.evaluate_yaql(evaluation.expr, data, variables);
}

ReplState::Status ReplState::evaluate_input(std::string_view input, std::ostream& out,
                                            std::ostream& err) {
  Evaluation evaluation = choose_language(input, lang_);
  try {
    auto start = std::chrono::steady_clock::now();
    Value result = evaluate(evaluation);
    auto elapsed = std::chrono::steady_clock::now() - start;
    print_value(result, out);
    if (show_time_) {
      std::string time = milliseconds(elapsed);
      out << (look_.colour ? colour_note(time) : time) << '\n';
    }
    last_ = result;
    return Status::Ok;
  } catch (const Error& e) {
    print_error(render_error(e, evaluation.expr), err);
    return Status::Error;
  }
}

ReplState::Status ReplState::run_command(const CommandLine& command, std::ostream& out,
                                         std::ostream& err) {
  const CommandInfo* info = find_repl_command(command.name);
  if (info == nullptr) {
    print_error("unknown command ':" + command.name + "' (:help lists them)", err);
    return Status::Error;
  }
  const std::string& argument = command.argument;
  std::string_view name = info->name;
  if (name == "quit") return Status::Quit;
  if (name == "time") {
    show_time_ = !show_time_;
    print_note(show_time_ ? "timing on" : "timing off", out);
    return Status::Ok;
  }
  if (name == "functions") {
    list_functions(argument, out);
    return Status::Ok;
  }
  if (name == "help") return help(argument, out, err);
  if (name == "let") return bind(argument, out, err);
  if (name == "lang") {
    if (argument.empty()) {
      out << repl_lang_name(lang_) << '\n';
      return Status::Ok;
    }
    if (!parse_repl_lang(argument, lang_)) {
      print_error("unknown language '" + argument + "' (yaql, jinja, auto)", err);
      return Status::Error;
    }
    print_note("lang " + std::string(repl_lang_name(lang_)), out);
    return Status::Ok;
  }
  return keep_value(name, argument, out, err);
}

ReplState::Status ReplState::keep_value(std::string_view name, const std::string& argument,
                                        std::ostream& out, std::ostream& err) {
  Value& target = name == "data" ? data_ : name == "context" ? context_ : env_;
  if (argument.empty()) {
    print_value(target, out);
    return Status::Ok;
  }
  // :context takes a file name, with or without the '@' of :data.
  std::string spec = name == "context" && argument[0] != '@' ? "@" + argument : argument;
  if (set_data(spec, target, err) == Status::Error) return Status::Error;
  if (name == "data") {
    print_note("data " + summary(data_), out);
  } else if (name == "context") {
    return use_context(out, err);
  } else {
    print_note("env " + summary(env_) + "\nenv() and $__env read it (as the data's __env key" +
                   (data_.is_dict() || data_.is_null() ? ")." : ", once the data is a dict)."),
               out);
  }
  return Status::Ok;
}

// The snapshot in context_ becomes what task(), tasks(), execution() ... read, with its
// "current" execution and task bound as Mistral binds them.
ReplState::Status ReplState::use_context(std::ostream& out, std::ostream& err) {
  try {
    auto snapshot = std::make_shared<mistral::Snapshot>(mistral::Snapshot::from_json(context_));
    Value bindings = snapshot->bindings(snapshot->current_execution(), snapshot->current_task());
    const std::string current = summary(bindings);
    session_.set_workflow_context(std::move(snapshot), std::move(bindings));
    print_note("context " + summary(context_) + "\ncurrent " + current, out);
    return Status::Ok;
  } catch (const Error& e) {
    context_ = Value();
    session_.set_workflow_context(nullptr);
    err << e.type() << ": " << e.message() << "\n";
    return Status::Error;
  }
}

ReplState::Status ReplState::set_data(const std::string& spec, Value& target, std::ostream& err) {
  try {
    target = spec[0] == '@' ? load_data_file(spec.substr(1)) : parse_json(spec);
    return Status::Ok;
  } catch (const Error& e) {
    print_error(render_error(e, spec), err);
    return Status::Error;
  }
}

ReplState::Status ReplState::bind(const std::string& argument, std::ostream& out,
                                  std::ostream& err) {
  auto binding = parse_let(argument);
  if (!binding || binding->name == "_") {
    print_error("usage: :let NAME = EXPR (NAME: letters, digits and _, not _ alone)", err);
    return Status::Error;
  }
  Evaluation evaluation = choose_language(binding->expr, lang_);
  try {
    Value value = evaluate(evaluation);
    auto same_name = [&](const auto& entry) { return entry.first == binding->name; };
    lets_.erase(std::remove_if(lets_.begin(), lets_.end(), same_name), lets_.end());
    lets_.emplace_back(binding->name, value);
    last_ = value;
    out << '$' << binding->name << " = ";
    print_value(value, out);
    return Status::Ok;
  } catch (const Error& e) {
    print_error(render_error(e, evaluation.expr), err);
    return Status::Error;
  }
}

void ReplState::list_functions(const std::string& prefix, std::ostream& out) {
  bool titled = lang_ != ReplLang::Yaql;  // one language has no headings
  bool any = false;
  for (const FunctionSection& section :
       function_sections(lang_, session_.yaql().registry(), prefix)) {
    if (section.entries.empty()) continue;
    if (titled) out << section.title << ":\n";
    for (const auto& [name, signature] : section.entries)
      out << (titled ? "  " : "") << signature << '\n';
    any = true;
  }
  if (!any) print_note("no function starts with '" + prefix + "'", out);
}

ReplState::Status ReplState::help(const std::string& topic, std::ostream& out, std::ostream& err) {
  if (topic.empty()) {
    out << "Type an expression and press Enter; its result prints as JSON. Commands:\n";
    for (const CommandInfo& command : repl_commands()) {
      std::string left = ":" + std::string(command.name) + " " + std::string(command.usage);
      left.resize(std::max<size_t>(left.size() + 1, 30), ' ');
      out << "  " << left << command.help << '\n';
    }
    out << kHelpFooter.substr(1);
    return Status::Ok;
  }
  bool as_command = topic[0] == ':';
  std::string_view name = as_command ? std::string_view(topic).substr(1) : topic;
  if (!as_command) {
    bool found = false;
    for (const FunctionSection& section :
         function_sections(lang_, session_.yaql().registry(), topic)) {
      for (const auto& [function, signature] : section.entries) {
        if (function != topic) continue;
        out << signature << "  (" << section.title << ")\n";
        found = true;
      }
    }
    if (found) return Status::Ok;
  }
  if (const CommandInfo* command = find_repl_command(name)) {
    out << ':' << command->name << ' ' << command->usage << "\n  " << command->help << '\n';
    return Status::Ok;
  }
  print_error("no command or function named '" + topic + "'", err);
  return Status::Error;
}

void ReplState::print_value(const Value& value, std::ostream& out) const {
  std::string text = to_json_line(value);
  if (look_.pretty && text.size() > kPrettyWidth) text = to_json(value, 2);
  out << (look_.colour ? colour_json(text) : text) << '\n';
}

void ReplState::print_note(std::string_view text, std::ostream& out) const {
  if (!look_.acknowledge) return;
  out << (look_.colour ? colour_note(text) : std::string(text)) << '\n';
}

void ReplState::print_error(const std::string& rendered, std::ostream& err) const {
  if (!look_.colour_errors) {
    err << rendered << '\n';
    return;
  }
  size_t headline_end = rendered.find('\n');
  err << colour_error(rendered.substr(0, headline_end))
      << (headline_end == std::string::npos ? "" : rendered.substr(headline_end)) << '\n';
}

}  // namespace sirocco::cli
