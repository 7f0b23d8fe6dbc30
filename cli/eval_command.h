// `sirocco eval`: one expression, or a JSON Lines batch of cases.
#pragma once

#include <string>

#include "interp/limits.h"

namespace sirocco::cli {

struct EvalOptions {
  std::string lang = "yaql";  // or auto: Mistral's rule (the delimiters choose)
  std::string data;           // JSON text, @FILE or - (stdin); empty means null
  std::string expression;     // the expression (single mode)
  std::string value;          // a whole value to walk: JSON text or @FILE (.yaml/.yml: YAML)
  std::string context;        // an execution snapshot file (docs/snapshots.md)
  std::string execution;      // the current execution / task in it (overrides its "current")
  std::string task;
  std::string batch;  // FILE or - (batch mode)
  std::string env = "mistral";
  bool compact = false;
  Limits limits;
};

// Returns the process exit status: 0 ok, 1 evaluation error, 2 usage error.
int run_eval(const EvalOptions& options);

}  // namespace sirocco::cli
