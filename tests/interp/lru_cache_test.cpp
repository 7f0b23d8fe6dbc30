// Tests of the bounded LRU cache: recency order, replacement, and eviction by total cost.
#include "interp/lru_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace sirocco {
namespace {

TEST(LruCache, EvictsTheLeastRecentlyUsedPastItsCapacity) {
  LruCache<int> cache(2);
  cache.put("a", 1);
  cache.put("b", 2);
  EXPECT_EQ(cache.get("a"), 1);  // "b" is now the least recently used
  cache.put("c", 3);
  EXPECT_EQ(cache.get("b"), 0);
  EXPECT_EQ(cache.get("a"), 1);
  EXPECT_EQ(cache.get("c"), 3);
  cache.put("a", 10);  // replaced, not added
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.get("a"), 10);
}

TEST(LruCache, CountsCostsAgainstItsCapacity) {
  LruCache<int> cache(10);
  cache.put("small", 1, 3);
  cache.put("large", 2, 6);
  EXPECT_EQ(cache.size(), 2u);
  cache.put("more", 3, 4);  // 13 > 10: the oldest goes
  EXPECT_EQ(cache.get("small"), 0);
  EXPECT_EQ(cache.get("large"), 2);
  cache.put("more", 3, 1);  // a replaced entry's old cost is given back
  cache.put("tiny", 4, 3);
  EXPECT_EQ(cache.size(), 3u);
  cache.put("huge", 5, 11);  // dearer than the whole cache: not kept
  EXPECT_EQ(cache.get("huge"), 0);
  EXPECT_EQ(cache.size(), 3u);
}

}  // namespace
}  // namespace sirocco
