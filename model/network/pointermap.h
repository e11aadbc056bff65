#pragma once

#include "../core/flattable.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace heiiki::model::network {

/// A hash map from an object's address (an element of the design, say) to a small value,
/// kept in two flat arrays with open addressing: no allocation per entry, and a lookup is a
/// multiply and, mostly, one probe. For the topology's indexes, which are built once per
/// validation and read on every hop of every trace. Entries are never removed.
template<typename Value> class PointerMap
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

    const Value *find(const void *key) const
    {
        if (m_size == 0 || !key)
            return nullptr;
        for (size_t i = slot(key);; i = (i + 1) & m_mask) {
            if (m_keys[i] == key)
                return &m_values[i];
            if (!m_keys[i])
                return nullptr;
        }
    }
    Value *find(const void *key)
    {
        return const_cast<Value *>(static_cast<const PointerMap *>(this)->find(key));
    }

    /// The value of \a key, inserting \a value first when there is none; true when inserted.
    std::pair<Value *, bool> tryEmplace(const void *key, const Value &value)
    {
        if ((m_size + 1) * 2 > m_keys.size())
            rehash(m_keys.empty() ? 16 : m_keys.size() * 2);
        size_t i = slot(key);
        for (; m_keys[i]; i = (i + 1) & m_mask)
            if (m_keys[i] == key)
                return {&m_values[i], false};
        m_keys[i] = key;
        m_values[i] = value;
        ++m_size;
        return {&m_values[i], true};
    }

private:
    size_t slot(const void *key) const
    {
        uint64_t h = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(key));
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 32;
        return static_cast<size_t>(h) & m_mask;
    }

    void rehash(size_t capacity)
    {
        std::vector<const void *> keys(capacity, nullptr);
        std::vector<Value> values(capacity);
        std::swap(keys, m_keys);
        std::swap(values, m_values);
        m_mask = capacity - 1;
        m_size = 0;
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i])
                tryEmplace(keys[i], values[i]);
    }

    std::vector<const void *> m_keys;
    std::vector<Value> m_values;
    size_t m_size = 0;
    size_t m_mask = 0;
};

} // namespace heiiki::model::network
