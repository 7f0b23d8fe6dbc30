// `sirocco eval`: evaluates one expression (printing JSON or a caret error display) or runs
// a batch.
#include "cli/eval_command.h"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/batch.h"
#include "interp/json.h"

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
  if (!o.batch.empty()) return run_batch_file(o, session);
  Lang lang;
  if (!parse_lang(o.lang, lang)) {
    std::cerr << "sirocco eval: unknown language '" << o.lang
              << "' (yaql, jinja, jinja-template, jinja-expression, mistral-data)\n";
    return 2;
  }
  Value data;
  if (!load_data(o.data, data)) return 2;
  try {
    Value result = session.evaluate(lang, o.expression, data, o.env);
    std::cout << output_text(result, o.compact) << "\n";
    return 0;
  } catch (const Error& e) {
    std::cerr << render_error(e, o.expression) << "\n";
    return 1;
  }
}

}  // namespace sirocco::cli
