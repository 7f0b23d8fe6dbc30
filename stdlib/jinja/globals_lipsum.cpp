// lipsum(): paragraphs of random lorem ipsum words, shaped like Jinja2's (20 to 100 words a
// paragraph, a capital after each full stop, commas and full stops at random distances).
#include <algorithm>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "interp/budget.h"
#include "stdlib/jinja/globals_internal.h"

namespace sirocco::jinja {
namespace {

// The word list of Jinja2's LOREM_IPSUM_WORDS.
constexpr const char* kWords =
    "a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor "
    "augue bibendum blandit class commodo condimentum congue consectetuer consequat conubia "
    "convallis cras cubilia cum curabitur curae cursus dapibus diam dictum dictumst "
    "dignissim dis dolor donec dui duis egestas eget eleifend elementum elit enim erat eros "
    "est et etiam eu euismod facilisi facilisis fames faucibus felis fermentum feugiat "
    "fringilla fusce gravida habitant habitasse hac hendrerit hymenaeos iaculis id imperdiet "
    "in inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula "
    "litora lobortis lorem luctus maecenas magna magnis malesuada massa mattis mauris metus "
    "mi molestie mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl "
    "non nonummy nostra nulla nullam nunc odio orci ornare parturient pede pellentesque "
    "penatibus per pharetra phasellus placerat platea porta porttitor posuere potenti "
    "praesent pretium primis proin pulvinar purus quam quis quisque rhoncus ridiculus risus "
    "rutrum sagittis sapien scelerisque sed sem semper senectus sit sociis sociosqu sodales "
    "sollicitudin suscipit suspendisse taciti tellus tempor tempus tincidunt torquent tortor "
    "tristique turpis ullamcorper ultrices ultricies urna ut varius vehicula vel velit "
    "venenatis vestibulum vitae vivamus viverra volutpat vulputate";

const std::vector<std::string>& words() {
  static const std::vector<std::string> list = [] {
    std::vector<std::string> out;
    std::istringstream in(kWords);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  }();
  return list;
}

// A random int in [low, high) like Python's randrange; ValueError on an empty range.
int64_t randrange(std::mt19937_64& rng, int64_t low, int64_t high) {
  if (low >= high)
    throw Error("ValueError", "empty range for randrange() (" + std::to_string(low) + ", " +
                                  std::to_string(high) + ", " + std::to_string(high - low) + ")");
  return std::uniform_int_distribution<int64_t>(low, high - 1)(rng);
}

std::string paragraph(std::mt19937_64& rng, int64_t min, int64_t max) {
  const auto& list = words();
  std::string text, last;
  bool capitalize = true;
  int64_t last_comma = 0, last_stop = 0, count = randrange(rng, min, max);
  for (int64_t i = 0; i < count; ++i) {
    std::string word;
    do word = list[std::uniform_int_distribution<size_t>(0, list.size() - 1)(rng)];
    while (word == last);
    last = word;
    if (capitalize) {
      word[0] = static_cast<char>(word[0] - 'a' + 'A');
      capitalize = false;
    }
    if (i - randrange(rng, 3, 8) > last_comma) {
      last_comma = i;
      last_stop += 2;
      word += ',';
    }
    if (i - randrange(rng, 10, 20) > last_stop) {
      last_comma = last_stop = i;
      word += '.';
      capitalize = true;
    }
    if (!text.empty()) text += ' ';
    text += word;
    if (i % 1024 == 1023) charge_bytes(text.size());
  }
  if (!text.empty() && text.back() == ',')
    text.back() = '.';
  else if (text.empty() || text.back() != '.')
    text += '.';
  return text;
}

}  // namespace

std::string lorem_ipsum(int64_t paragraphs, bool html, int64_t min, int64_t max) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  // Every paragraph has at least `min` words and a space or stop after each: refuse at once
  // what cannot fit.
  const size_t least = paragraphs > 100'000'000
                           ? SIZE_MAX
                           : static_cast<size_t>(std::max<int64_t>(paragraphs, 0)) *
                                 static_cast<size_t>(std::clamp<int64_t>(min, 1, 1'000'000)) * 2;
  charge_bytes(least);
  std::string out;
  for (int64_t i = 0; i < paragraphs; ++i) {
    std::string p = paragraph(rng, min, max);
    if (html)
      out += (i ? "\n<p>" : "<p>") + p + "</p>";
    else
      out += (i ? "\n\n" : "") + p;
    charge_bytes(out.size());
  }
  return out;
}

}  // namespace sirocco::jinja
