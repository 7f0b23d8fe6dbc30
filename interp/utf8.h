// UTF-8 helpers: validation, code-point counting and indexing, encoding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sirocco::utf8 {

bool valid(std::string_view s);
size_t length(std::string_view s);  // code points (s must be valid)
// Byte offset of code point `index` (index may equal length → s.size()).
size_t offset_of(std::string_view s, size_t index);
// Decodes the code point at byte offset `pos` and advances `pos` past it.
char32_t decode(std::string_view s, size_t& pos);
void append(std::string& out, char32_t cp);
// Replaces invalid sequences with U+FFFD.
std::string sanitize(std::string_view s);

}  // namespace sirocco::utf8
