// A bounded LRU map, used for compiled expressions, compiled regexes and parsed batch data.
// Each entry has a cost (1 unless given); the least recently used entries go when the total
// passes the capacity.
#pragma once

#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace sirocco {

template <typename V>
class LruCache {
 public:
  explicit LruCache(size_t capacity) : capacity_(capacity) {}

  // The cached value for key, or a default V (moved to most recently used).
  V get(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return V();
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  void put(const std::string& key, V value, size_t cost = 1) {
    std::lock_guard<std::mutex> lock(mu_);
    if (cost > capacity_) return;
    auto it = index_.find(key);
    if (it != index_.end()) {
      total_cost_ -= it->second->cost;
      order_.erase(it->second);
      index_.erase(it);
    }
    order_.push_front(Entry{key, std::move(value), cost});
    index_[key] = order_.begin();
    total_cost_ += cost;
    while (total_cost_ > capacity_) {
      total_cost_ -= order_.back().cost;
      index_.erase(order_.back().key);
      order_.pop_back();
    }
  }

  size_t size() const { return order_.size(); }

 private:
  struct Entry {
    std::string key;
    V value;
    size_t cost;
  };
  size_t capacity_;
  size_t total_cost_ = 0;
  std::list<Entry> order_;
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
  std::mutex mu_;
};

}  // namespace sirocco
