// PositionIndex: the hash index of a Dict or a Set past a few entries. Open addressing over
// one array: a slot holds a key's position in its owner's insertion-ordered vector and the
// low bits of the key's hash, so a probe compares keys only when those bits agree, and no
// key costs an allocation of its own. The owner lends its keys (`key_at(position)`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sirocco {

class PositionIndex {
 public:
  static constexpr size_t kAbsent = SIZE_MAX;

  bool empty() const { return slots_.empty(); }
  void clear() { slots_.clear(); }

  // Indexes the keys at positions [0, count).
  template <class KeyAt>
  void rebuild(size_t count, const KeyAt& key_at);
  // The position of a key whose hash is `hash`, or kAbsent.
  template <class Key, class KeyAt>
  size_t find(const Key& key, size_t hash, const KeyAt& key_at) const;
  // Indexes the key just appended at position count - 1 (absent before), of hash `hash`.
  template <class KeyAt>
  void add(size_t hash, size_t count, const KeyAt& key_at);

 private:
  struct Slot {
    uint32_t position_plus_one;  // 0: empty
    uint32_t hash_bits;
  };
  size_t home(size_t hash) const;
  void place(size_t hash, size_t position);

  std::vector<Slot> slots_;  // a power of two, at most half full
  unsigned shift_ = 0;       // 64 - log2(slots_.size())
};

}  // namespace sirocco
