// Python text forms of values: str(), repr() and the float repr every output uses.
#pragma once

#include <string>

#include "interp/value.h"

namespace sirocco {

// Python repr of a double: shortest round-trip digits, '1.0', '1e+16', '1e-05', 'inf', 'nan'.
std::string float_repr(double d);
void append_float_repr(std::string& out, double d);

// Python datetime.isoformat(sep): '2020-01-02T03:04:05+00:00', '.000123' microseconds only
// when nonzero, no offset when naive. str() of a datetime is isoformat(' ').
std::string isoformat(const DateTimeParts& dt, char sep = 'T');

// Decimal digits of an int value (small or big).
std::string int_text(const Value& v);

// How containers print. Inside YAQL, lists are Python tuples and sets frozensets:
// str([1, 2]) is '(1, 2)' and str(set(1)) is 'frozenset({1})'. Data that left YAQL (Mistral
// rendering a value into text, Jinja) prints as Python lists and sets: '[1, 2]', '{1}'.
enum class PyStyle { Yaql, Python };

// Python str(): strings raw, None/True/False, floats by repr, containers by repr, empty
// set as 'set()' (or 'frozenset()'), datetimes as '2020-01-02 03:04:05+00:00', timespans
// as '1 day, 0:00:05'.
std::string python_str(const Value& v, PyStyle style = PyStyle::Python);

// Python repr(): strings quoted the way Python quotes them ('it''s' → "it's").
std::string python_repr(const Value& v, PyStyle style = PyStyle::Python);

}  // namespace sirocco
