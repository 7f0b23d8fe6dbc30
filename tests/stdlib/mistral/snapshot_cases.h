// Table-driven cases over an execution snapshot, as data files: specs/*/cases.jsonl and
// tests/data/mistral-functions/cases.jsonl (format: specs/README.md). Each line is
// evaluated through a Session whose workflow context is the snapshot it names.
#pragma once

#include <filesystem>
#include <string>

#include "interp/value.h"

namespace sirocco::testing {

// Evaluates one case of `dir` (snapshot files are relative to it). Returns "" when the case
// gives what it expects (`expect`, `expect_names`, or `expect_error` with its `message`
// when given), else what it gave instead.
std::string run_snapshot_case(const std::filesystem::path& dir, const Value& c);

// Runs every line of dir/cases.jsonl with EXPECT_EQ(run_snapshot_case(...), "").
// Returns the number of cases.
size_t run_snapshot_cases(const std::filesystem::path& dir);

}  // namespace sirocco::testing
