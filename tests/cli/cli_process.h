// Running the `sirocco` binary from a test: its exit status and output.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace sirocco::testing {

struct Outcome {
  int status = -1;
  std::string out;
};

// Runs the binary with a shell command line suffix; stderr is merged into stdout when asked.
inline Outcome run(const std::string& args, bool merge_stderr = false) {
  std::string cmd =
      std::string(SIROCCO_BINARY) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  Outcome r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// Writes a file in the test's temporary directory; returns its path.
inline std::string temp_file(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace sirocco::testing
