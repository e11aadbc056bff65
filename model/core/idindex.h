#pragma once

#include "flattable.h"
#include "id.h"

#include <cstddef>
#include <vector>

namespace heiiki::model {

/// The design's index from an id to the object that has it (an element, a link, a policy),
/// keyed by the object's own id. One flat array with linear probing: a lookup reads one slot
/// (the id's kept hash and the object) and then the object, where a node-based map would
/// also read a bucket, a node and the node's copy of the id. Lookups by id happen on every
/// trace and rule of a validation.
template<typename T> class IdIndex
{
public:
    T *find(const Id &id) const
    {
        if (m_slots.empty())
            return nullptr;
        const size_t hash = id.hash();
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (!slot.object)
                return nullptr;
            if (slot.hash == hash && slot.object->id == id)
                return slot.object;
        }
    }

    bool contains(const Id &id) const { return find(id) != nullptr; }
    size_t size() const { return m_size; }

    /// Files \a object under its id; false (and nothing filed) when the id is taken.
    bool insert(T *object)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
        const size_t hash = object->id.hash();
        size_t i = hash & m_mask;
        for (; m_slots[i].object; i = (i + 1) & m_mask)
            if (m_slots[i].hash == hash && m_slots[i].object->id == object->id)
                return false;
        m_slots[i] = {hash, object};
        ++m_size;
        return true;
    }

    /// Removes the object filed under \a id; false when there is none.
    bool erase(const Id &id)
    {
        if (m_slots.empty())
            return false;
        const size_t hash = id.hash();
        size_t hole = hash & m_mask;
        for (;; hole = (hole + 1) & m_mask) {
            if (!m_slots[hole].object)
                return false;
            if (m_slots[hole].hash == hash && m_slots[hole].object->id == id)
                break;
        }
        // Backward-shift deletion: move up every later slot of the run that may fill the
        // hole without passing its home slot, so that no probe stops early.
        for (size_t next = (hole + 1) & m_mask; m_slots[next].object;
             next = (next + 1) & m_mask) {
            const size_t home = m_slots[next].hash & m_mask;
            const bool between = hole <= next ? (hole < home && home <= next)
                                              : (hole < home || home <= next);
            if (!between) {
                m_slots[hole] = m_slots[next];
                hole = next;
            }
        }
        m_slots[hole] = {};
        --m_size;
        return true;
    }

    void clear()
    {
        m_slots.clear();
        m_mask = 0;
        m_size = 0;
    }

    /// Makes room for \a count objects without growing again.
    void reserve(size_t count)
    {
        const size_t capacity = flatTableCapacity(count);
        if (capacity > m_slots.size())
            rehash(capacity);
    }

private:
    struct Slot
    {
        size_t hash = 0;
        T *object = nullptr; ///< null: empty
    };

    void rehash(size_t capacity)
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(capacity, Slot{});
        m_mask = capacity - 1;
        for (const Slot &slot : old) {
            if (!slot.object)
                continue;
            size_t i = slot.hash & m_mask;
            while (m_slots[i].object)
                i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }

    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_size = 0;
};

} // namespace heiiki::model
