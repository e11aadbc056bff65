#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace heiiki::model {

/// The slot count of a flat open-addressing table (FlatTable, network::FlatMap) that holds
/// \a count entries at most half full: a power of two, at least 16.
inline size_t flatTableCapacity(size_t count)
{
    size_t capacity = 16;
    while (capacity < count * 2)
        capacity <<= 1;
    return capacity;
}

/// \a hash with its bits mixed, so that its low bits depend on all of them: the home slot of a
/// flat table is its low bits (FlatTable, network::FlatMap).
inline uint64_t mixHash(uint64_t hash)
{
    hash ^= hash >> 29;
    hash *= 0xbf58476d1ce4e5b9ULL;
    return hash ^ (hash >> 32);
}

/// Objects filed under a hash of their key, in one flat array with linear probing: a slot
/// holds the hash and a pointer to the object, and the caller says which object matches (an
/// object compares its own key, so the table keeps no copy of it). For the design's index by
/// id (IdIndex) and the validation's trace cache. Never shrinks; erase() closes the gap it
/// leaves.
template<typename T> class FlatTable
{
public:
    /// The object filed under \a hash for which \a matches(object) holds, or null.
    template<typename Match> T *find(size_t hash, Match matches) const
    {
        if (m_slots.empty())
            return nullptr;
        for (size_t i = home(hash); m_slots[i].object; i = (i + 1) & m_mask)
            if (m_slots[i].hash == hash && matches(*m_slots[i].object))
                return m_slots[i].object;
        return nullptr;
    }

    /// Files \a object under \a hash; the caller made sure no matching object is filed.
    void insert(size_t hash, T *object)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(flatTableCapacity(m_size + 1));
        place({hash, object});
        ++m_size;
    }

    /// Removes the object filed under \a hash for which \a matches holds; false if none.
    template<typename Match> bool erase(size_t hash, Match matches)
    {
        if (m_slots.empty())
            return false;
        size_t hole = home(hash);
        for (;; hole = (hole + 1) & m_mask) {
            if (!m_slots[hole].object)
                return false;
            if (m_slots[hole].hash == hash && matches(*m_slots[hole].object))
                break;
        }
        // Backward-shift deletion: move up every later slot of the run that may fill the
        // hole without passing its home slot, so that no probe stops early.
        for (size_t next = (hole + 1) & m_mask; m_slots[next].object;
             next = (next + 1) & m_mask) {
            const size_t start = home(m_slots[next].hash);
            const bool between = hole <= next ? (hole < start && start <= next)
                                              : (hole < start || start <= next);
            if (!between) {
                m_slots[hole] = m_slots[next];
                hole = next;
            }
        }
        m_slots[hole] = {};
        --m_size;
        return true;
    }

    size_t size() const { return m_size; }

    void clear()
    {
        m_slots.clear();
        m_mask = 0;
        m_size = 0;
    }

    /// Makes room for \a count objects without growing again.
    void reserve(size_t count)
    {
        if (flatTableCapacity(count) > m_slots.size())
            rehash(flatTableCapacity(count));
    }

private:
    struct Slot
    {
        size_t hash = 0;
        T *object = nullptr; ///< null: empty
    };

    /// The first slot to try for \a hash: its bits mixed, as a caller may have used some (a
    /// shard number, say).
    size_t home(size_t hash) const { return static_cast<size_t>(mixHash(hash)) & m_mask; }

    void place(const Slot &slot)
    {
        size_t i = home(slot.hash);
        while (m_slots[i].object)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }

    void rehash(size_t capacity)
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        for (const Slot &slot : old)
            if (slot.object)
                place(slot);
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_size = 0;
};

} // namespace heiiki::model
