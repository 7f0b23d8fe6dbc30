// `sirocco repl`: the interactive expression workbench. On a terminal it reads with
// libedit (editing, history, completion); from a pipe it evaluates each input in turn.
#pragma once

#include <string>

#include "interp/limits.h"

namespace sirocco::cli {

struct ReplOptions {
  std::string lang = "auto";  // yaql, jinja or auto
  std::string data;           // JSON text or @FILE (.json, .yaml); empty means null
  Limits limits;
};

// Returns the exit status: 0; from a pipe, 1 when any input failed; 2 on bad options.
int run_repl(const ReplOptions& options);

}  // namespace sirocco::cli
