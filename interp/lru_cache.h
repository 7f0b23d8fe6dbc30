// A bounded LRU map, used for compiled expressions, compiled regexes and parsed batch data.
// Each entry has a cost (1 unless given); the least recently used entries go when the total
// passes the capacity. Safe to share between threads.
#pragma once

#include <atomic>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

namespace sirocco {

// The cache's lock: its critical sections are a few map and list operations, so a waiter
// spins (yielding), and taking it free is one atomic exchange where a std::mutex costs
// a few dozen instructions each way.
class SpinLock {
 public:
  void lock() {
    while (locked_.exchange(true, std::memory_order_acquire)) std::this_thread::yield();
  }
  void unlock() { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

template <typename V>
class LruCache {
 public:
  explicit LruCache(size_t capacity) : capacity_(capacity) {}

  // The cached value for key, or a default V (moved to most recently used).
  V get(std::string_view key) {
    std::lock_guard<SpinLock> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return V();
    order_.splice(order_.begin(), order_, it->second);
    return it->second->value;
  }

  void put(std::string_view key, V value, size_t cost = 1) {
    std::lock_guard<SpinLock> lock(mu_);
    if (cost > capacity_) return;
    auto it = index_.find(key);
    if (it != index_.end()) {
      total_cost_ -= it->second->cost;
      const auto entry = it->second;
      index_.erase(it);  // before the entry its key views
      order_.erase(entry);
    }
    order_.push_front(Entry{std::string(key), std::move(value), cost});
    index_[order_.front().key] = order_.begin();
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
  // Keyed by views of the entries' keys: a list node never moves.
  std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index_;
  SpinLock mu_;
};

}  // namespace sirocco
