// Tests of the REPL's command table and command-line parsing.
#include "cli/repl_commands.h"

#include <gtest/gtest.h>

namespace sirocco::cli {
namespace {

TEST(ReplCommands, ParsesACommandAndItsArgument) {
  auto command = parse_command_line("  :data  {\"a\": 1}  ");
  ASSERT_TRUE(command);
  EXPECT_EQ(command->name, "data");
  EXPECT_EQ(command->argument, "{\"a\": 1}");
  command = parse_command_line(":time");
  ASSERT_TRUE(command);
  EXPECT_EQ(command->name, "time");
  EXPECT_EQ(command->argument, "");
  EXPECT_FALSE(parse_command_line("$.a"));
  EXPECT_FALSE(parse_command_line(":"));
  EXPECT_FALSE(parse_command_line(":1"));
}

TEST(ReplCommands, FindsCommandsByNameOrUniquePrefix) {
  ASSERT_NE(find_repl_command("functions"), nullptr);
  EXPECT_EQ(find_repl_command("q")->name, "quit");
  EXPECT_EQ(find_repl_command("fun")->name, "functions");
  EXPECT_EQ(find_repl_command("l"), nullptr);  // lang or let
  EXPECT_EQ(find_repl_command("bogus"), nullptr);
}

TEST(ReplCommands, ParsesLetBindings) {
  auto let = parse_let("total = $.a.sum()");
  ASSERT_TRUE(let);
  EXPECT_EQ(let->name, "total");
  EXPECT_EQ(let->expr, "$.a.sum()");
  let = parse_let("$x=1 = 1");
  ASSERT_TRUE(let);
  EXPECT_EQ(let->name, "x");
  EXPECT_EQ(let->expr, "1 = 1");
  EXPECT_FALSE(parse_let("x"));
  EXPECT_FALSE(parse_let("x ="));
  EXPECT_FALSE(parse_let("1x = 2"));
  EXPECT_FALSE(parse_let("a b = 2"));
}

}  // namespace
}  // namespace sirocco::cli
