#pragma once

#include "../core/flattable.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace heiiki::model::network {

/// A hash map from a small key to a small value, kept in two flat arrays with open
/// addressing: no allocation per entry, and a lookup is a multiply and, mostly, one probe.
/// For the topology's indexes, which are built once per validation and read on every hop of
/// every trace. \a Key{} marks an empty slot and is never filed; \a Hash hashes a key.
/// Entries are never removed; the first value filed under a key keeps it.
template<typename Key, typename Value, typename Hash> class FlatMap
{
public:
    /// Makes room for \a count entries without growing again.
    void reserve(size_t count)
    {
        const size_t capacity = flatTableCapacity(count);
        if (capacity > m_keys.size())
            rehash(capacity);
    }

    size_t size() const { return m_size; }

    const Value *find(const Key &key) const
    {
        if (m_size == 0 || key == Key{})
            return nullptr;
        for (size_t i = slot(key);; i = (i + 1) & m_mask) {
            if (m_keys[i] == key)
                return &m_values[i];
            if (m_keys[i] == Key{})
                return nullptr;
        }
    }
    Value *find(const Key &key)
    {
        return const_cast<Value *>(static_cast<const FlatMap *>(this)->find(key));
    }

    /// The value of \a key, inserting \a value first when there is none; true when inserted.
    std::pair<Value *, bool> tryEmplace(const Key &key, const Value &value)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            rehash(m_keys.empty() ? 16 : m_keys.size() * 2);
        size_t i = slot(key);
        for (; !(m_keys[i] == Key{}); i = (i + 1) & m_mask)
            if (m_keys[i] == key)
                return {&m_values[i], false};
        m_keys[i] = key;
        m_values[i] = value;
        ++m_size;
        return {&m_values[i], true};
    }

private:
    size_t slot(const Key &key) const
    {
        return static_cast<size_t>(mixHash(static_cast<uint64_t>(Hash()(key)))) & m_mask;
    }

    void rehash(size_t capacity)
    {
        std::vector<Key> keys(capacity, Key{});
        std::vector<Value> values(capacity);
        std::swap(keys, m_keys);
        std::swap(values, m_values);
        m_mask = capacity - 1;
        m_size = 0;
        for (size_t i = 0; i < keys.size(); ++i)
            if (!(keys[i] == Key{}))
                tryEmplace(keys[i], values[i]);
    }

    std::vector<Key> m_keys;
    std::vector<Value> m_values;
    size_t m_size = 0;
    size_t m_mask = 0;
};

/// An object's address as a FlatMap key.
struct AddressOf
{
    size_t operator()(const void *p) const { return reinterpret_cast<uintptr_t>(p); }
};

/// A FlatMap from an object's address (an element of the design, say) to a small value.
template<typename Value> using PointerMap = FlatMap<const void *, Value, AddressOf>;

} // namespace heiiki::model::network
