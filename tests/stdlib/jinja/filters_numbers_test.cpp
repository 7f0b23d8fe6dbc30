// Unit tests of Jinja's number filters: abs, int, float, round and filesizeformat.
// Every expected value is the repr of what Jinja2 3.1.2 (Debian's python3-jinja2) returns
// for `v|filter(*args, **kwargs)` in a default Environment, or "!" and its exception class.
#include <gtest/gtest.h>

#include "tests/stdlib/jinja/filters_cases.h"

namespace sirocco::jinja {
namespace {

TEST(JinjaNumberFilters, Conversions) {
  expect_filters({
      {"abs", "[-3]", "", "3"},
      {"abs", "[-2.5]", "", "2.5"},
      {"abs", "[true]", "", "1"},
      {"abs", "[-0.0]", "", "0.0"},
      {"abs", R"~(["x"])~", "", "!TypeError"},
      {"abs", "[null]", "", "!TypeError"},
      {"int", R"~(["32.32"])~", "", "32"},
      {"int", R"~(["abc"])~", "", "0"},
      {"int", R"~(["42"])~", "", "42"},
      {"int", R"~(["12345678901234567890"])~", "", "12345678901234567890"},
      {"int", R"~(["0x33Z"])~", R"~({"base": 16})~", "0"},
      {"int", R"~(["011"])~", R"~({"base": 8})~", "9"},
      {"int", R"~(["0x4d32"])~", R"~({"base": 16})~", "19762"},
      {"int", R"~(["0x1A"])~", "", "0"},
      {"int", R"~(["0x1A"])~", R"~({"base": 16})~", "26"},
      {"int", R"~(["0x1A"])~", R"~({"base": 0})~", "26"},
      {"int", R"~(["010"])~", R"~({"base": 0})~", "10"},
      {"int", R"~(["00"])~", R"~({"base": 0})~", "0"},
      {"int", R"~(["0o17"])~", R"~({"base": 8})~", "15"},
      {"int", R"~(["3.7"])~", "", "3"},
      {"int", R"~(["1_000"])~", "", "1000"},
      {"int", R"~(["1__0"])~", "", "0"},
      {"int", R"~(["_1"])~", "", "0"},
      {"int", R"~(["1_"])~", "", "0"},
      {"int", R"~(["  12  "])~", "", "12"},
      {"int", R"~([" -1_0 "])~", "", "-10"},
      {"int", R"~(["+5"])~", "", "5"},
      {"int", R"~(["-3.7"])~", "", "-3"},
      {"int", R"~(["1e3"])~", "", "1000"},
      {"int", R"~(["1.5e3"])~", "", "1500"},
      {"int", R"~(["inf"])~", "", "!OverflowError"},
      {"int", R"~(["nan"])~", "", "0"},
      {"int", R"~(["1e400"])~", "", "!OverflowError"},
      {"int", "[null]", "", "0"},
      {"int", "[[1]]", "", "0"},
      {"int", "[true]", "", "1"},
      {"int", "[3.9]", "", "3"},
      {"int", "[-3.9]", "", "-3"},
      {"int", "[1e16]", "", "10000000000000000"},
      {"int", R"~(["x", 7])~", "", "7"},
      {"int", R"~(["x"])~", R"~({"default": "d"})~", "'d'"},
      {"int", R"~(["ff", 16])~", "", "16"},
      {"int", R"~(["z"])~", R"~({"base": 36})~", "35"},
      {"int", R"~(["12"])~", R"~({"base": 1})~", "12"},
      {"int", R"~(["12"])~", R"~({"base": 37})~", "12"},
      {"int", R"~(["0x1A"])~", R"~({"base": 16.0})~", "0"},
      {"int", R"~(["٣"])~", "", "3"},
      {"int", R"~(["0b11"])~", R"~({"base": 2})~", "3"},
      {"int", R"~(["0x"])~", R"~({"base": 16})~", "0"},
      {"int", R"~(["0x_1a"])~", R"~({"base": 16})~", "26"},
      {"int", R"~(["-5"])~", "", "-5"},
      {"float", R"~(["1_0.5", 1.5])~", "", "10.5"},
      {"float", R"~(["nan"])~", "", "nan"},
      {"float", R"~([" 2 "])~", "", "2.0"},
      {"float", R"~(["x"])~", "", "0.0"},
      {"float", "[null]", "", "0.0"},
      {"float", "[true]", "", "1.0"},
      {"float", "[3]", "", "3.0"},
      {"float", R"~(["1e500"])~", "", "inf"},
      {"float", R"~(["x", "d"])~", "", "'d'"},
      {"float", R"~(["-Infinity"])~", "", "-inf"},
      {"float", R"~([""])~", R"~({"default": -1.0})~", "-1.0"},
      {"float", R"~(["1e3"])~", "", "1000.0"},
      {"float", "[[1]]", "", "0.0"},
  });
}

TEST(JinjaNumberFilters, Round) {
  expect_filters({
      {"round", "[2.5]", "", "2.0"},
      {"round", "[3.5]", "", "4.0"},
      {"round", "[2.675, 2]", "", "2.67"},
      {"round", "[3]", "", "3"},
      {"round", "[3, 1]", "", "3"},
      {"round", "[1234, -2]", "", "1200"},
      {"round", R"~([2.5, 0, "ceil"])~", "", "3.0"},
      {"round", R"~([2.5, 0, "floor"])~", "", "2.0"},
      {"round", R"~([-2.5, 0, "floor"])~", "", "-3.0"},
      {"round", R"~([7, 0, "ceil"])~", "", "7.0"},
      {"round", R"~([2.123, 2, "ceil"])~", "", "2.13"},
      {"round", R"~([1234.5, -2, "floor"])~", "", "1200.0"},
      {"round", R"~([2.675, 1, "floor"])~", "", "2.6"},
      {"round", "[0.125]", R"~({"precision": 2, "method": "common"})~", "0.12"},
      {"round", "[15241578750.190521]", "", "15241578750.0"},
      {"round", R"~([2.5, 0, "x"])~", "", "!FilterArgumentError"},
      {"round", R"~(["2.5"])~", "", "!TypeError"},
      {"round", "[2.5, 1.0]", "", "!TypeError"},
      {"round", "[-0.0]", "", "-0.0"},
      {"round", "[1e300, -300]", "", "1e+300"},
      {"round", R"~([5, 0, "ceil"])~", "", "5.0"},
      {"round", "[true]", "", "1"},
      {"round", "[null]", "", "!TypeError"},
      {"round", "[2.5, null]", "", "2"},
  });
}

TEST(JinjaNumberFilters, FileSize) {
  expect_filters({
      {"filesizeformat", "[0]", "", "'0 Bytes'"},
      {"filesizeformat", "[1]", "", "'1 Byte'"},
      {"filesizeformat", "[999]", "", "'999 Bytes'"},
      {"filesizeformat", "[1000]", "", "'1.0 kB'"},
      {"filesizeformat", "[1024, true]", "", "'1.0 KiB'"},
      {"filesizeformat", "[123456789]", "", "'123.5 MB'"},
      {"filesizeformat", "[1000000000000000000000000000000]", "", "'1000000.0 YB'"},
      {"filesizeformat", "[10000000000000000000000000000]", "", "'10000.0 YB'"},
      {"filesizeformat", R"~(["2000"])~", "", "'2.0 kB'"},
      {"filesizeformat", "[-5]", "", "'-5 Bytes'"},
      {"filesizeformat", "[1.5]", "", "'1 Bytes'"},
      {"filesizeformat", "[-5000]", "", "'-5000 Bytes'"},
      {"filesizeformat", "[999999]", "", "'1000.0 kB'"},
      {"filesizeformat", "[1e24]", "", "'1000.0 ZB'"},
      {"filesizeformat", "[1099511627776, true]", "", "'1.0 TiB'"},
      {"filesizeformat", R"~(["x"])~", "", "!ValueError"},
      {"filesizeformat", "[null]", "", "!TypeError"},
  });
}

}  // namespace
}  // namespace sirocco::jinja
