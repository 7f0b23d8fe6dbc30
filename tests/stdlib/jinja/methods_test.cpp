// The Python methods templates call on str, list, tuple and dict: each row's answer is what
// Jinja2 3.1.2's SandboxedEnvironment gives for `receiver.name(*args, **kwargs)`, written as
// repr((result, receiver)) so that in-place changes show (dict views listed); the table
// rows are printed by scripts/jinja_library_cases.py methods.
#include <gtest/gtest.h>

#include "tests/stdlib/jinja/fake_runtime.h"

namespace sirocco::jinja {
namespace {

struct MethodCase {
  const char* receiver;  // JSON
  const char* name;
  const char* args;    // JSON array
  const char* kwargs;  // JSON object, or ""
  const char* expected;
};

TEST(JinjaMethods, AnswerLikePython) {
  const MethodCase cases[] = {
      {"\"Hello World\"", "upper", "[]", "", "('HELLO WORLD', 'Hello World')"},
      {"\"Straße\"", "upper", "[]", "", "('STRASSE', 'Straße')"},
      {"\"ÀBC\"", "lower", "[]", "", "('àbc', 'ÀBC')"},
      {"\"hello wORLD\"", "capitalize", "[]", "", "('Hello world', 'hello wORLD')"},
      {"\"ßa\"", "capitalize", "[]", "", "('Ssa', 'ßa')"},
      {"\"hello wORLD it's 3rd\"", "title", "[]", "",
       "(\"Hello World It'S 3Rd\", \"hello wORLD it's 3rd\")"},
      {"\"ǆemal\"", "title", "[]", "", "('ǅemal', 'ǆemal')"},
      {"\"Hello ß\"", "swapcase", "[]", "", "('hELLO SS', 'Hello ß')"},
      {"\"Straße ǅ\"", "casefold", "[]", "", "('strasse ǆ', 'Straße ǅ')"},
      {"\"  a b  \"", "strip", "[]", "", "('a b', '  a b  ')"},
      {"\"xxaxx\"", "strip", "[\"x\"]", "", "('a', 'xxaxx')"},
      {"\"xxaxx\"", "lstrip", "[\"x\"]", "", "('axx', 'xxaxx')"},
      {"\"xxaxx\"", "rstrip", "[\"x\"]", "", "('xxa', 'xxaxx')"},
      {"\"  a \"", "strip", "[null]", "", "('a', '  a ')"},
      {"\"a\"", "strip", "[1]", "", "!TypeError"},
      {"\"a,b,,c\"", "split", "[\",\"]", "", "(['a', 'b', '', 'c'], 'a,b,,c')"},
      {"\" a  b \"", "split", "[]", "", "(['a', 'b'], ' a  b ')"},
      {"\"a,b,c\"", "split", "[\",\", 1]", "", "(['a', 'b,c'], 'a,b,c')"},
      {"\"a,b,c\"", "rsplit", "[\",\", 1]", "", "(['a,b', 'c'], 'a,b,c')"},
      {"\"a b c\"", "split", "[]", "{\"maxsplit\": 1}", "(['a', 'b c'], 'a b c')"},
      {"\"a\"", "split", "[\"\"]", "", "!ValueError"},
      {"\"a\"", "split", "[1]", "", "!TypeError"},
      {"\"a\\nb\\r\\nc\\rd\\u2028e\"", "splitlines", "[]", "",
       "(['a', 'b', 'c', 'd', 'e'], 'a\\nb\\r\\nc\\rd\\u2028e')"},
      {"\"a\\nb\\n\"", "splitlines", "[true]", "", "(['a\\n', 'b\\n'], 'a\\nb\\n')"},
      {"\"\"", "splitlines", "[]", "", "([], '')"},
      {"\"abc\"", "startswith", "[\"ab\"]", "", "(True, 'abc')"},
      {"\"abc\"", "startswith", "[\"b\", 1]", "", "(True, 'abc')"},
      {"\"abc\"", "startswith", "[\"\", 4]", "", "(False, 'abc')"},
      {"\"abc\"", "startswith", "[\"\", 3]", "", "(True, 'abc')"},
      {"\"abc\"", "startswith", "[1]", "", "!TypeError"},
      {"\"abc\"", "endswith", "[\"bc\"]", "", "(True, 'abc')"},
      {"\"abc\"", "endswith", "[\"c\", 0, 2]", "", "(False, 'abc')"},
      {"\"abc\"", "endswith", "[\"b\", -3, -1]", "", "(True, 'abc')"},
      {"\"aaa\"", "replace", "[\"a\", \"b\"]", "", "('bbb', 'aaa')"},
      {"\"aaa\"", "replace", "[\"a\", \"b\", 2]", "", "('bba', 'aaa')"},
      {"\"abc\"", "replace", "[\"\", \"-\"]", "", "('-a-b-c-', 'abc')"},
      {"\"abc\"", "replace", "[1, \"-\"]", "", "!TypeError"},
      {"\"héllo\"", "find", "[\"l\"]", "", "(2, 'héllo')"},
      {"\"héllo\"", "rfind", "[\"l\"]", "", "(3, 'héllo')"},
      {"\"hello\"", "find", "[\"z\"]", "", "(-1, 'hello')"},
      {"\"hello\"", "find", "[\"l\", 3]", "", "(3, 'hello')"},
      {"\"hello\"", "find", "[\"l\", -2, -1]", "", "(3, 'hello')"},
      {"\"hello\"", "index", "[\"e\"]", "", "(1, 'hello')"},
      {"\"hello\"", "index", "[\"z\"]", "", "!ValueError"},
      {"\"hello\"", "rindex", "[\"l\"]", "", "(3, 'hello')"},
      {"\"hello\"", "find", "[1]", "", "!TypeError"},
      {"\"banana\"", "count", "[\"a\"]", "", "(3, 'banana')"},
      {"\"banana\"", "count", "[\"an\", 2]", "", "(1, 'banana')"},
      {"\"banana\"", "count", "[\"\"]", "", "(7, 'banana')"},
      {"\"banana\"", "count", "[\"a\", -2]", "", "(1, 'banana')"},
      {"\"abc\"", "count", "[\"\", 1, 2]", "", "(2, 'abc')"},
      {"\", \"", "join", "[[\"a\", \"b\"]]", "", "('a, b', ', ')"},
      {"\"-\"", "join", "[\"abc\"]", "", "('a-b-c', '-')"},
      {"\"-\"", "join", "[{\"a\": 1, \"b\": 2}]", "", "('a-b', '-')"},
      {"\"-\"", "join", "[[1, 2]]", "", "!TypeError"},
      {"\"-\"", "join", "[1]", "", "!TypeError"},
      {"\"-\"", "join", "[[]]", "", "('', '-')"},
      {"\"a=b=c\"", "partition", "[\"=\"]", "", "(('a', '=', 'b=c'), 'a=b=c')"},
      {"\"abc\"", "partition", "[\"=\"]", "", "(('abc', '', ''), 'abc')"},
      {"\"a=b=c\"", "rpartition", "[\"=\"]", "", "(('a=b', '=', 'c'), 'a=b=c')"},
      {"\"abc\"", "rpartition", "[\"=\"]", "", "(('', '', 'abc'), 'abc')"},
      {"\"abc\"", "partition", "[\"\"]", "", "!ValueError"},
      {"\"abc\"", "center", "[7]", "", "('  abc  ', 'abc')"},
      {"\"abc\"", "center", "[6, \"*\"]", "", "('*abc**', 'abc')"},
      {"\"ab\"", "center", "[5]", "", "('  ab ', 'ab')"},
      {"\"abc\"", "center", "[2]", "", "('abc', 'abc')"},
      {"\"abc\"", "center", "[7, \"ab\"]", "", "!TypeError"},
      {"\"abc\"", "center", "[7.0]", "", "!TypeError"},
      {"\"abc\"", "ljust", "[5, \".\"]", "", "('abc..', 'abc')"},
      {"\"abc\"", "rjust", "[5]", "", "('  abc', 'abc')"},
      {"\"é\"", "rjust", "[3, \"é\"]", "", "('ééé', 'é')"},
      {"\"42\"", "zfill", "[5]", "", "('00042', '42')"},
      {"\"-42\"", "zfill", "[5]", "", "('-0042', '-42')"},
      {"\"+4\"", "zfill", "[4]", "", "('+004', '+4')"},
      {"\"abc\"", "zfill", "[2]", "", "('abc', 'abc')"},
      {"\"\"", "zfill", "[3]", "", "('000', '')"},
      {"\"a\\tbc\\td\"", "expandtabs", "[]", "", "('a       bc      d', 'a\\tbc\\td')"},
      {"\"a\\tb\"", "expandtabs", "[4]", "", "('a   b', 'a\\tb')"},
      {"\"abc\"", "removeprefix", "[\"ab\"]", "", "('c', 'abc')"},
      {"\"abc\"", "removeprefix", "[\"x\"]", "", "('abc', 'abc')"},
      {"\"abc\"", "removesuffix", "[\"bc\"]", "", "('a', 'abc')"},
      {"\"abc\"", "removesuffix", "[\"\"]", "", "('abc', 'abc')"},
      {"\"abc\"", "isalpha", "[]", "", "(True, 'abc')"},
      {"\"ab1\"", "isalpha", "[]", "", "(False, 'ab1')"},
      {"\"\"", "isalpha", "[]", "", "(False, '')"},
      {"\"ab1\"", "isalnum", "[]", "", "(True, 'ab1')"},
      {"\"123\"", "isdigit", "[]", "", "(True, '123')"},
      {"\"²\"", "isdigit", "[]", "", "(True, '²')"},
      {"\"²\"", "isdecimal", "[]", "", "(False, '²')"},
      {"\"½\"", "isnumeric", "[]", "", "(True, '½')"},
      {"\"½\"", "isdigit", "[]", "", "(False, '½')"},
      {"\" \\t\\n\"", "isspace", "[]", "", "(True, ' \\t\\n')"},
      {"\"\"", "isspace", "[]", "", "(False, '')"},
      {"\"abc\"", "islower", "[]", "", "(True, 'abc')"},
      {"\"ABC\"", "isupper", "[]", "", "(True, 'ABC')"},
      {"\"Hello World\"", "istitle", "[]", "", "(True, 'Hello World')"},
      {"\"Hello world\"", "istitle", "[]", "", "(False, 'Hello world')"},
      {"\"HeLLo\"", "istitle", "[]", "", "(False, 'HeLLo')"},
      {"\"_a1\"", "isidentifier", "[]", "", "(True, '_a1')"},
      {"\"1a\"", "isidentifier", "[]", "", "(False, '1a')"},
      {"\"é\"", "isascii", "[]", "", "(False, 'é')"},
      {"\"\"", "isascii", "[]", "", "(True, '')"},
      {"\"a\\tb\"", "isprintable", "[]", "", "(False, 'a\\tb')"},
      {"\"a b\"", "isprintable", "[]", "", "(True, 'a b')"},
      {"\"{}-{}\"", "format", "[\"a\", 1]", "", "('a-1', '{}-{}')"},
      {"\"{0}{0}\"", "format", "[123456.789]", "", "('123456.789123456.789', '{0}{0}')"},
      {"\"{:>6}\"", "format", "[\"papa\"]", "", "('  papa', '{:>6}')"},
      {"\"{x}\"", "format", "[]", "{\"x\": [1, \"a\"]}", "(\"[1, 'a']\", '{x}')"},
      {"\"{}-{}\"", "format", "[\"lima\"]", "", "!IndexError"},
      {"\"{0.foo}\"", "format", "[{\"foo\": 42}]", "", "('42', '{0.foo}')"},
      {"\"{0[foo]}\"", "format", "[{\"foo\": 42}]", "", "('42', '{0[foo]}')"},
      {"\"{0[1]}\"", "format", "[[5, 6]]", "", "('6', '{0[1]}')"},
      {"\"{0.__class__}\"", "format", "[42]", "", "('', '{0.__class__}')"},
      {"\"{0!r}\"", "format", "[\"a\"]", "", "(\"'a'\", '{0!r}')"},
      {"\"{:.2f}\"", "format", "[3.14159]", "", "('3.14', '{:.2f}')"},
      {"\"{:,}\"", "format", "[1234567]", "", "('1,234,567', '{:,}')"},
      {"\"{} {}\"", "format", "[[1], {\"a\": null}]", "", "(\"[1] {'a': None}\", '{} {}')"},
      {"\"{x}\"", "format", "[]", "", "!KeyError"},
      {"\"{\"", "format", "[]", "", "!ValueError"},
      {"\"{0[2]}\"", "format", "[[1]]", "", "('', '{0[2]}')"},
      {"\"{0.missing}\"", "format", "[{\"a\": 1}]", "", "('', '{0.missing}')"},
      {"\"a{x}b\"", "format_map", "[{\"x\": 42}]", "", "('a42b', 'a{x}b')"},
      {"\"a{x.foo}b\"", "format_map", "[{\"x\": {\"foo\": 42}}]", "", "('a42b', 'a{x.foo}b')"},
      {"\"{x}\"", "format_map", "[{}]", "", "!KeyError"},
      {"\"{x}\"", "format_map", "[]", "", "!TypeError"},
      {"\"{x}\"", "format_map", "[{\"x\": 1}]", "{\"y\": 2}", "!TypeError"},
      {"\"{x.__class__}\"", "format_map", "[{\"x\": 42}]", "", "('', '{x.__class__}')"},
      {"[1, 2, 1, 1.0]", "count", "[1]", "", "(3, [1, 2, 1, 1.0])"},
      {"[1, 2, 1]", "index", "[2]", "", "(1, [1, 2, 1])"},
      {"[1, 2, 1]", "index", "[1, 1]", "", "(2, [1, 2, 1])"},
      {"[1, 2, 1]", "index", "[5]", "", "!ValueError"},
      {"[1, 2, 1]", "index", "[1, -1]", "", "(2, [1, 2, 1])"},
      {"[1, 2]", "index", "[2, 0, 1]", "", "!ValueError"},
      {"[1, [2]]", "copy", "[]", "", "([1, [2]], [1, [2]])"},
      {"[1]", "append", "[2]", "", "(None, [1, 2])"},
      {"[1]", "extend", "[[2, 3]]", "", "(None, [1, 2, 3])"},
      {"[1]", "extend", "[\"ab\"]", "", "(None, [1, 'a', 'b'])"},
      {"[1]", "extend", "[1]", "", "!TypeError"},
      {"[1, 3]", "insert", "[1, 2]", "", "(None, [1, 2, 3])"},
      {"[1, 3]", "insert", "[-10, 0]", "", "(None, [0, 1, 3])"},
      {"[1, 3]", "insert", "[10, 4]", "", "(None, [1, 3, 4])"},
      {"[1, 2, 3]", "pop", "[]", "", "(3, [1, 2])"},
      {"[1, 2, 3]", "pop", "[0]", "", "(1, [2, 3])"},
      {"[]", "pop", "[]", "", "!IndexError"},
      {"[1, 2]", "pop", "[5]", "", "!IndexError"},
      {"[1, 2, 1]", "remove", "[1]", "", "(None, [2, 1])"},
      {"[1]", "remove", "[5]", "", "!ValueError"},
      {"[1, 2]", "clear", "[]", "", "(None, [])"},
      {"[1, 2, 3]", "reverse", "[]", "", "(None, [3, 2, 1])"},
      {"[3, 1, 2]", "sort", "[]", "", "(None, [1, 2, 3])"},
      {"[3, 1, 2]", "sort", "[]", "{\"reverse\": true}", "(None, [3, 2, 1])"},
      {"[1, \"a\"]", "sort", "[]", "", "!TypeError"},
      {"{\"a\": 1, \"b\": 2}", "keys", "[]", "", "(['a', 'b'], {'a': 1, 'b': 2})"},
      {"{\"a\": 1, \"b\": 2}", "values", "[]", "", "([1, 2], {'a': 1, 'b': 2})"},
      {"{\"a\": 1, \"b\": 2}", "items", "[]", "", "([('a', 1), ('b', 2)], {'a': 1, 'b': 2})"},
      {"{\"a\": 1}", "get", "[\"a\"]", "", "(1, {'a': 1})"},
      {"{\"a\": 1}", "get", "[\"b\"]", "", "(None, {'a': 1})"},
      {"{\"a\": 1}", "get", "[\"b\", 0]", "", "(0, {'a': 1})"},
      {"{\"a\": 1}", "get", "[[1]]", "", "!TypeError"},
      {"{\"a\": 1}", "copy", "[]", "", "({'a': 1}, {'a': 1})"},
      {"{\"a\": 1, \"b\": 2}", "pop", "[\"a\"]", "", "(1, {'b': 2})"},
      {"{\"a\": 1}", "pop", "[\"z\"]", "", "!KeyError"},
      {"{\"a\": 1}", "pop", "[\"z\", 0]", "", "(0, {'a': 1})"},
      {"{\"a\": 1, \"b\": 2}", "popitem", "[]", "", "(('b', 2), {'a': 1})"},
      {"{}", "popitem", "[]", "", "!KeyError"},
      {"{\"a\": 1}", "setdefault", "[\"a\", 5]", "", "(1, {'a': 1})"},
      {"{\"a\": 1}", "setdefault", "[\"b\", 5]", "", "(5, {'a': 1, 'b': 5})"},
      {"{\"a\": 1}", "setdefault", "[\"b\"]", "", "(None, {'a': 1, 'b': None})"},
      {"{\"a\": 1}", "update", "[{\"b\": 2}]", "{\"a\": 3}", "(None, {'a': 3, 'b': 2})"},
      {"{\"a\": 1}", "update", "[[[\"c\", 4]]]", "", "(None, {'a': 1, 'c': 4})"},
      {"{\"a\": 1}", "clear", "[]", "", "(None, {})"},
      {"{\"a\": 1}", "pop", "[]", "", "!TypeError"},
      {"[1, 2]", "index", "[2, null]", "", "!TypeError"},
      {"[1, 2]", "index", "[2, 0, null]", "", "!TypeError"},
      {"\"abc\"", "startswith", "[\"\", 2, 1]", "", "(False, 'abc')"},
      {"\"abc\"", "endswith", "[\"\", -1, 2]", "", "(True, 'abc')"},
      {"\"abc\"", "startswith", "[[\"a\"], 10]", "", "!TypeError"},
      {"\"abc\"", "endswith", "[\"c\", -10, 10]", "", "(True, 'abc')"},
      {"\"Ⓐa\"", "swapcase", "[]", "", "('ⓐA', 'Ⓐa')"},
      {"\"ʰz\\rǅ\\t \"", "title", "[]", "", "('ʰz\\rǅ\\t\\xa0', 'ʰz\\rǅ\\t\\xa0')"},
      {"\"Ⅷ½\"", "swapcase", "[]", "", "('ⅷ½', 'Ⅷ½')"},
      {"\"ǆΣ\"", "title", "[]", "", "('ǅς', 'ǆΣ')"},
      {"\"ßΣ😀\"", "title", "[]", "", "('Ssς😀', 'ßΣ😀')"},
      {"\"_  ²五Ⅷz\"", "islower", "[]", "", "(False, '_\\u2028\\u2028²五Ⅷz')"},
      {"\"A😀b ﬁ😀\"", "title", "[]", "", "('A😀B\\u2028Fi😀', 'A😀b\\u2028ﬁ😀')"},
      {"\"_\\nⓐ0BⒶİ\"", "swapcase", "[]", "", "('_\\nⒶ0bⓐi̇', '_\\nⓐ0BⒶİ')"},
      {"\"ßßⒶᾳⅧ\"", "islower", "[]", "", "(False, 'ßßⒶᾳⅧ')"},
      {"\"ᾳⓐß² É٣\"", "title", "[]", "", "('ᾼⓐß²\\u2028É٣', 'ᾳⓐß²\\u2028É٣')"},
      {"\"Ⅷᾳ\"", "title", "[]", "", "('Ⅷᾳ', 'Ⅷᾳ')"},
      {"\"ﬁΣǆǆ9五五\"", "title", "[]", "", "('Fiσǆǆ9五五', 'ﬁΣǆǆ9五五')"},
      {"\".É́ʰʰ½\"", "isupper", "[]", "", "(False, '.É́ʰʰ½')"},
      {"\"Éﬁ ʰÉ\"", "title", "[]", "", "('Éﬁ ʰé', 'Éﬁ ʰÉ')"},
      {"\"b٣ⅧzZ\\t\"", "title", "[]", "", "('B٣Ⅷzz\\t', 'b٣ⅧzZ\\t')"},
      {"\"ıİAǅBéⒶı\"", "title", "[]", "", "('Ii̇aǆbéⓐı', 'ıİAǅBéⒶı')"},
      {"\"ŉx\"", "title", "[]", "", "('ʼNx', 'ŉx')"},
      {"\"ΑΣ.\"", "lower", "[]", "", "('ας.', 'ΑΣ.')"},
      {"\"ᾳ\"", "capitalize", "[]", "", "('ᾼ', 'ᾳ')"},
      {"\"a b c\"", "split", "[null, 0]", "", "(['a b c'], 'a b c')"},
      {"\" a b c \"", "rsplit", "[null, 1]", "", "([' a b', 'c'], ' a b c ')"},
      {"\"a  b\"", "split", "[\" \"]", "", "(['a', '', 'b'], 'a  b')"},
      {"\"abc\"", "split", "[]", "{\"sep\": \"b\"}", "(['a', 'c'], 'abc')"},
      {"\"ÀàÀ\"", "strip", "[\"À\"]", "", "('à', 'ÀàÀ')"},
      {"\"they're bill's 3rd-class\"", "title", "[]", "",
       "(\"They'Re Bill'S 3Rd-Class\", \"they're bill's 3rd-class\")"},
      {"\"éCOLE\"", "capitalize", "[]", "", "('École', 'éCOLE')"},
      {"\"ǉ\"", "capitalize", "[]", "", "('ǈ', 'ǉ')"},
      {"\"a\\u000bb\\u001cc\\u0085d\"", "splitlines", "[]", "",
       "(['a', 'b', 'c', 'd'], 'a\\x0bb\\x1cc\\x85d')"},
      {"\"٣\"", "isdigit", "[]", "", "(True, '٣')"},
      {"\"٣\"", "isdecimal", "[]", "", "(True, '٣')"},
      {"\"五\"", "isnumeric", "[]", "", "(True, '五')"},
      {"\"Ⅷ\"", "isnumeric", "[]", "", "(True, 'Ⅷ')"},
      {"\"ß\"", "upper", "[]", "", "('SS', 'ß')"},
      {"\"ﬁ\"", "upper", "[]", "", "('FI', 'ﬁ')"},
      {"\"İ\"", "lower", "[]", "", "('i̇', 'İ')"},
      {"\"ΣΑΣ\"", "lower", "[]", "", "('σας', 'ΣΑΣ')"},
      {"\"abc\"", "center", "[8]", "", "('  abc   ', 'abc')"},
      {"\"abcd\"", "center", "[7]", "", "('  abcd ', 'abcd')"},
      {"\"abc\"", "center", "[-1]", "", "('abc', 'abc')"},
      {"\"abc\"", "zfill", "[-3]", "", "('abc', 'abc')"},
      {"\"aaaa\"", "replace", "[\"aa\", \"b\"]", "", "('bb', 'aaaa')"},
      {"\"aaaa\"", "replace", "[\"a\", \"\", 0]", "", "('aaaa', 'aaaa')"},
      {"\"abc\"", "replace", "[\"\", \"-\", 2]", "", "('-a-bc', 'abc')"},
      {"\"abcabc\"", "rfind", "[\"abc\", 0, 5]", "", "(0, 'abcabc')"},
      {"\"abc\"", "find", "[\"\", 10]", "", "(-1, 'abc')"},
      {"\"abc\"", "find", "[\"\", 3]", "", "(3, 'abc')"},
      {"\"abc\"", "rfind", "[\"\"]", "", "(3, 'abc')"},
      {"\"ab\"", "count", "[\"\", 5]", "", "(0, 'ab')"},
      {"\"aaa\"", "count", "[\"aa\"]", "", "(1, 'aaa')"},
      {"\"hello\"", "index", "[\"l\", -1]", "", "!ValueError"},
      {"\"x\"", "join", "[[\"a\"]]", "", "('a', 'x')"},
      {"\"a1_\"", "isidentifier", "[]", "", "(True, 'a1_')"},
      {"\"class\"", "isidentifier", "[]", "", "(True, 'class')"},
      {"\"\"", "isidentifier", "[]", "", "(False, '')"},
      {"\"ǅ\"", "istitle", "[]", "", "(True, 'ǅ')"},
      {"\"A1B\"", "isupper", "[]", "", "(True, 'A1B')"},
      {"\"\\u00a0\"", "isspace", "[]", "", "(True, '\\xa0')"},
      {"\"\\u200b\"", "isspace", "[]", "", "(False, '\\u200b')"},
      {"\"\\u00ad\"", "isprintable", "[]", "", "(False, '\\xad')"},
      {"\"é\"", "isprintable", "[]", "", "(True, 'é')"},
      {"\"abc\"", "startswith", "[[\"x\", \"a\"]]", "", "!TypeError"},
      {"\"abc\"", "endswith", "[[\"x\"]]", "", "!TypeError"},
      {"\"a,b\"", "partition", "[\",\"]", "", "(('a', ',', 'b'), 'a,b')"},
      {"\"Hello\"", "swapcase", "[]", "", "('hELLO', 'Hello')"},
      {"\"ǅ\"", "swapcase", "[]", "", "('ǅ', 'ǅ')"},
      {"\"ﬁ\"", "swapcase", "[]", "", "('FI', 'ﬁ')"},
      {"\"ΣA\"", "casefold", "[]", "", "('σa', 'ΣA')"},
      {"\"%d\"", "format", "[1]", "", "('%d', '%d')"},
      {"\"{:05.1f}|{:<4}|{:^5}|{:x}\"", "format", "[3.14159, \"a\", \"b\", 255]", "",
       "('003.1|a   |  b  |ff', '{:05.1f}|{:<4}|{:^5}|{:x}')"},
      {"\"{0!s} {0!a}\"", "format", "[\"é\"]", "", "(\"é '\\\\xe9'\", '{0!s} {0!a}')"},
      {"\"{a[0]}\"", "format", "[]", "{\"a\": [7]}", "('7', '{a[0]}')"},
      {"\"{a[b][c]}\"", "format", "[]", "{\"a\": {\"b\": {\"c\": 1}}}", "('1', '{a[b][c]}')"},
      {"\"{0[-1]}\"", "format", "[[1, 2]]", "", "('', '{0[-1]}')"},
      {"\"{0[]}\"", "format", "[[1]]", "", "!ValueError"},
      {"\"{0.}\"", "format", "[1]", "", "!ValueError"},
      {"\"{0[0]x}\"", "format", "[[1]]", "", "!ValueError"},
      {"\"{0[0}\"", "format", "[[1]]", "", "!ValueError"},
      {"\"{:d}\"", "format", "[\"a\"]", "", "!ValueError"},
      {"\"{}\"", "format", "[true]", "", "('True', '{}')"},
      {"\"{:>5}\"", "format", "[null]", "", "!TypeError"},
      {"\"{!r}\"", "format", "[[\"a\"]]", "", "(\"['a']\", '{!r}')"},
      {"[3, 1, 2]", "sort", "[]", "{\"key\": null}", "(None, [1, 2, 3])"},
      {"[1, 1]", "count", "[true]", "", "(2, [1, 1])"},
      {"[[1], [2]]", "index", "[[2]]", "", "(1, [[1], [2]])"},
      {"[1, 2, 3]", "pop", "[-1]", "", "(3, [1, 2])"},
      {"{\"a\": 1}", "update", "[]", "{\"b\": 2}", "(None, {'a': 1, 'b': 2})"},
      {"{\"a\": 1}", "update", "[1]", "", "!TypeError"},
      {"{\"a\": 1}", "update", "[[1]]", "", "!TypeError"},
      {"{\"1\": 1}", "get", "[1]", "", "(None, {'1': 1})"},
      {"{\"a\": 1}", "pop", "[\"a\", 1, 2]", "", "!TypeError"},
      {"{\"a\": 1}", "setdefault", "[]", "", "!TypeError"},
  };
  FakeRuntime rt;
  rt.sandbox = true;
  for (const MethodCase& c : cases) {
    Value receiver = parse_json(c.receiver);
    std::string got = outcome([&] {
      Value result = call_method(rt, receiver, c.name, json_args(c.args), json_kwargs(c.kwargs));
      return Value::tuple({result, receiver});
    });
    EXPECT_EQ(got, c.expected) << c.receiver << "." << c.name << c.args << c.kwargs;
  }
}

TEST(JinjaMethods, Tuples) {
  FakeRuntime rt;
  Value t = Value::tuple({Value::integer(1), Value::integer(2), Value::integer(1)});
  EXPECT_EQ(outcome([&] { return call_method(rt, t, "count", {Value::integer(1)}); }), "2");
  EXPECT_EQ(outcome([&] { return call_method(rt, t, "index", {Value::integer(2)}); }), "1");
  EXPECT_EQ(outcome([&] { return call_method(rt, t, "index", {Value::integer(5)}); }),
            "!ValueError");
  EXPECT_TRUE(rt.getattr(t, "append").value().is_opaque());  // no such method: Undefined
}

TEST(JinjaMethods, FormatOutsideASandboxUsesPythonLookups) {
  FakeRuntime rt;
  auto format = [&](const char* pattern, const char* args) {
    return outcome(
        [&] { return call_method(rt, Value::string(pattern), "format", json_args(args)); });
  };
  // Jinja2 3.1.2's plain Environment: '{0.foo}'.format({'foo': 42}) is an AttributeError.
  EXPECT_EQ(format("a{0.foo}b", R"([{"foo": 42}])"), "!AttributeError");
  EXPECT_EQ(format("a{0.__class__}b", "[42]"), "\"a<class 'int'>b\"");
  EXPECT_EQ(format("{x.__class__}", "[]"), "!KeyError");
  EXPECT_EQ(format("{0[foo]}", R"([{"foo": 42}])"), "'42'");
  EXPECT_EQ(format("{0[2]}", "[[1]]"), "!IndexError");
  EXPECT_EQ(format("{0[x]}", "[[1]]"), "!TypeError");
}

TEST(JinjaMethods, FormatRefusesAStrictUndefinedAndUnsafeAttributes) {
  FakeRuntime rt;
  rt.sandbox = true;
  rt.strict = true;
  Value pattern = Value::string("a{0.__class__}b");
  EXPECT_EQ(outcome([&] { return call_method(rt, pattern, "format", {Value::integer(42)}); }),
            "!SecurityError");
  EXPECT_EQ(outcome([&] {
              return call_method(rt, Value::string("{}"), "format",
                                 {rt.undefined("'u' is undefined")});
            }),
            "!UndefinedError");
}

TEST(JinjaMethods, HugeResultsHitTheMemoryQuota) {
  FakeRuntime rt;
  Value a = Value::string("a");
  auto big = [](int64_t n) { return Value::integer(n); };
  EXPECT_EQ(outcome([&] { return call_method(rt, a, "center", {big(INT64_MAX)}); }),
            "!MemoryQuotaExceededException");
  EXPECT_EQ(outcome([&] { return call_method(rt, a, "zfill", {big(1000000000)}); }),
            "!MemoryQuotaExceededException");
  EXPECT_EQ(outcome([&] {
              return call_method(rt, Value::string("\t"), "expandtabs", {big(1000000000)});
            }),
            "!MemoryQuotaExceededException");
  EXPECT_EQ(
      outcome([&] { return call_method(rt, Value::string("{:>1000000000}"), "format", {big(1)}); }),
      "!MemoryQuotaExceededException");
  Value doubling = parse_json("[1]");
  EXPECT_EQ(outcome([&] {
              for (int i = 0; i < 40; ++i) call_method(rt, doubling, "extend", {doubling});
              return Value();
            }),
            "!MemoryQuotaExceededException");
  rt.limit_settings.memory_quota = 10;
  EXPECT_EQ(outcome([&] { return call_method(rt, a, "ljust", {big(11)}); }),
            "!MemoryQuotaExceededException");
  EXPECT_EQ(outcome([&] { return call_method(rt, a, "ljust", {big(10)}); }), "'a         '");
  EXPECT_EQ(outcome([&] {
              return call_method(rt, Value::string("aaaa"), "replace",
                                 {Value::string("a"), Value::string("xyz")});
            }),
            "!MemoryQuotaExceededException");
}

TEST(JinjaMethods, OnlyStrListTupleAndDictHaveMethods) {
  EXPECT_TRUE(find_method(builtin_library(), Value::integer(1), "real").is_null());
  EXPECT_TRUE(find_method(builtin_library(), Value::string("a"), "nosuch").is_null());
  EXPECT_FALSE(find_method(builtin_library(), Value::string("a"), "upper").is_null());
}

}  // namespace
}  // namespace sirocco::jinja
