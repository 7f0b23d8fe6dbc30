// Tests of `sirocco repl` as a process: driven through a pseudo-terminal like a person
// (typing, a multi-line input, history recall, completion, :data, :context, an error,
// persistent history), and fed through a pipe.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace sirocco {
namespace {

// `sirocco repl` on a pseudo-terminal, with its own HOME and history file.
class PtyRepl {
 public:
  PtyRepl(const std::string& home, bool colour = false) {
    struct winsize size {};
    size.ws_row = 24, size.ws_col = 120;
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      setenv("HOME", home.c_str(), 1);
      setenv("SIROCCO_HISTORY", (home + "/history").c_str(), 1);
      setenv("TERM", "xterm", 1);
      setenv("LC_ALL", "C.UTF-8", 1);
      if (colour)
        unsetenv("NO_COLOR");
      else
        setenv("NO_COLOR", "1", 1);
      execl(SIROCCO_BINARY, "sirocco", "repl", static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~PtyRepl() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }

  // Types keys once libedit reads in raw mode: it prints the prompt before leaving cooked
  // mode, where the kernel would echo keys itself and turn Ctrl-D into an end of file.
  void type(const std::string& keys) {
    ASSERT_TRUE(wait_for_raw_mode()) << screen_;
    ASSERT_EQ(write(fd_, keys.data(), keys.size()), ssize_t(keys.size()));
  }

  // Reads the terminal until `text` shows up after what earlier expectations consumed.
  bool expect(const std::string& text) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (true) {
      size_t at = screen_.find(text, seen_);
      if (at != std::string::npos) {
        seen_ = at + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      struct pollfd p {
        fd_, POLLIN, 0
      };
      if (poll(&p, 1, int(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return screen_.find(text, seen_) != std::string::npos;
      screen_.append(buf, size_t(n));
    }
  }

  // Waits for the process to end; its exit status, or -1.
  int wait_exit() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      char buf[4096];
      struct pollfd p {
        fd_, POLLIN, 0
      };
      if (poll(&p, 1, 10) > 0 && read(fd_, buf, sizeof buf) > 0) continue;  // drain the output
      usleep(10000);
    }
    return -1;
  }

  const std::string& screen() const { return screen_; }

 private:
  // The pty master reports the terminal modes its slave side is in.
  bool wait_for_raw_mode() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    struct termios modes {};
    while (tcgetattr(fd_, &modes) == 0 && (modes.c_lflag & ICANON)) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      usleep(2000);
    }
    return true;
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string screen_;
  size_t seen_ = 0;
};

std::string fresh_home(const std::string& name) {
  std::string home = ::testing::TempDir() + name;
  std::system(("rm -rf '" + home + "'").c_str());
  mkdir(home.c_str(), 0700);
  return home;
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(ReplTerminal, EditsEvaluatesCompletesAndRemembers) {
  std::string home = fresh_home("repl_home");
  {
    PtyRepl repl(home);
    ASSERT_TRUE(repl.expect("auto> ")) << repl.screen();
    repl.type("1 + 2\r");
    ASSERT_TRUE(repl.expect("\r\n3\r\nauto> ")) << repl.screen();
    repl.type("'h\u00e9llo'.len()\r");  // multibyte characters are edited as characters
    ASSERT_TRUE(repl.expect("\r\n5\r\nauto> ")) << repl.screen();

    // A multi-line input continues while the bracket is open.
    repl.type("[1,\r");
    ASSERT_TRUE(repl.expect("....> ")) << repl.screen();
    repl.type("2]\r");
    ASSERT_TRUE(repl.expect("\r\n[1, 2]\r\nauto> ")) << repl.screen();

    // History recall: the up arrow brings back the whole multi-line input.
    repl.type("\x1b[A");
    ASSERT_TRUE(repl.expect("[1,\r\n2]")) << repl.screen();
    repl.type("\r");
    ASSERT_TRUE(repl.expect("\r\n[1, 2]\r\nauto> ")) << repl.screen();

    repl.type(":data {\"alpha\": 7, \"zebra\": {\"gamma\": 1}}\r");
    ASSERT_TRUE(repl.expect("data {\"alpha\": 7, \"zebra\": {\"gamma\": 1}}\r\nauto> "))
        << repl.screen();

    // Jinja in auto mode; an open {% if %} block continues the input.
    repl.type("{% if _.alpha > 5 %}\r");
    ASSERT_TRUE(repl.expect("....> ")) << repl.screen();
    repl.type("big {{ _.alpha }}{% endif %}\r");
    ASSERT_TRUE(repl.expect("\r\n\"big 7\"\r\nauto> ")) << repl.screen();

    // Completion of data keys, then of a command and of function names.
    repl.type("$.zeb\t");
    ASSERT_TRUE(repl.expect("ra")) << repl.screen();
    repl.type(".ga\t");
    ASSERT_TRUE(repl.expect("mma")) << repl.screen();
    repl.type("\r");
    ASSERT_TRUE(repl.expect("\r\n1\r\nauto> ")) << repl.screen();
    repl.type(":fu\t");
    ASSERT_TRUE(repl.expect("nctions")) << repl.screen();
    repl.type(" ran\t");
    ASSERT_TRUE(repl.expect("ran")) << repl.screen();
    repl.type("\t");  // two candidates: the second Tab lists them
    ASSERT_TRUE(repl.expect("random range")) << repl.screen();
    repl.type("ge\r");
    ASSERT_TRUE(repl.expect("range(stop: pyint)")) << repl.screen();

    // File names complete after :context (and :data @).
    std::ofstream(home + "/snapshot.json") << "{\"version\": 1, \"executions\": []}";
    repl.type(":context " + home + "/snaps\t");
    ASSERT_TRUE(repl.expect("hot.json")) << repl.screen();
    repl.type("\r");
    ASSERT_TRUE(repl.expect("context {\"version\": 1, \"executions\": []}\r\ncurrent {}"))
        << repl.screen();

    // An error shows its position with a caret.
    repl.type("1 + foo(2)\r");
    ASSERT_TRUE(repl.expect("<expr>:1:5: NoFunctionRegisteredException: Unknown function"))
        << repl.screen();
    ASSERT_TRUE(repl.expect("1 + foo(2)\r\n    ^~~~~~\r\nauto> ")) << repl.screen();

    // Ctrl-C abandons an unfinished input; the session goes on.
    repl.type("[1, 2,\r");
    ASSERT_TRUE(repl.expect("....> ")) << repl.screen();
    repl.type("\x03");
    ASSERT_TRUE(repl.expect("auto> ")) << repl.screen();
    repl.type("'still' + ' here'\r");
    ASSERT_TRUE(repl.expect("\"still here\"\r\nauto> ")) << repl.screen();

    repl.type("\x04");  // Ctrl-D on an empty line quits
    EXPECT_EQ(repl.wait_exit(), 0) << repl.screen();
  }
  std::string history = read_file(home + "/history");
  // libedit's history file escapes spaces and newlines (\040, \012).
  EXPECT_NE(history.find("1\\040+\\040foo(2)"), std::string::npos) << history;
  EXPECT_NE(history.find("[1,\\0122]"), std::string::npos) << history;  // one entry, newline kept
  {
    // The next session starts with that history: Ctrl-P recalls the last input.
    PtyRepl repl(home);
    ASSERT_TRUE(repl.expect("auto> ")) << repl.screen();
    repl.type("\x10");
    ASSERT_TRUE(repl.expect("'still' + ' here'")) << repl.screen();
    repl.type("\r");
    ASSERT_TRUE(repl.expect("\"still here\"\r\nauto> ")) << repl.screen();
    repl.type(":quit\r");
    EXPECT_EQ(repl.wait_exit(), 0) << repl.screen();
  }
}

TEST(ReplTerminal, ColoursResultsUnlessNoColorIsSet) {
  std::string home = fresh_home("repl_colour_home");
  PtyRepl repl(home, true);
  ASSERT_TRUE(repl.expect("auto> ")) << repl.screen();
  repl.type("[1, 'a']\r");
  ASSERT_TRUE(repl.expect("[\x1b[36m1\x1b[0m, \x1b[32m\"a\"\x1b[0m]\r\nauto> ")) << repl.screen();
  repl.type(":q\r");
  EXPECT_EQ(repl.wait_exit(), 0);
}

struct Piped {
  int status = -1;
  std::string out;
};

Piped pipe_into_repl(const std::string& input, const std::string& args = "") {
  // ctest runs tests in parallel processes: one input file per test.
  std::string path = ::testing::TempDir() + "repl_input_" +
                     ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".txt";
  std::ofstream(path, std::ios::binary) << input;
  std::string cmd = std::string(SIROCCO_BINARY) + " repl " + args + " < " + path + " 2>&1";
  Piped r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(ReplPiped, EvaluatesEachInputInTurn) {
  Piped r = pipe_into_repl(
      "1 + 2\n"
      "[1,\n 2]\n"
      ":data {\"a\":\n 5}\n"
      "$.a * 2\n"
      "\n"
      ":let x = 3\n"
      "$x + $_\n"
      "{a => range(30).toList()}\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "3\n[1, 2]\n10\n$x = 3\n6\n{\"a\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, "
            "15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]}\n");
}

TEST(ReplPiped, ReportsErrorsAndGoesOn) {
  Piped r = pipe_into_repl("1 + foo(2)\n:bogus\n2\n[1,\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "<expr>:1:5: NoFunctionRegisteredException: Unknown function \"foo\"\n"
            "1 + foo(2)\n    ^~~~~~\n"
            "unknown command ':bogus' (:help lists them)\n"
            "2\n"
            "<expr>:1:4: YaqlGrammarException: Parse error: unexpected end of statement\n"
            "[1,\n   ^\n");
}

TEST(ReplPiped, TakesItsLanguageAndDataFromOptions) {
  std::string data = ::testing::TempDir() + "repl_data.yaml";
  std::ofstream(data) << "items: [3, 4]\n";
  Piped r = pipe_into_repl("$.items.sum()\n", "--lang yaql --data @" + data);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "7\n");
  EXPECT_EQ(pipe_into_repl("1\n", "--lang cobol").status, 2);
  EXPECT_EQ(pipe_into_repl("1\n", "--data '{bad'").status, 2);
}

}  // namespace
}  // namespace sirocco
