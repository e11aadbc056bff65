#pragma once

#include "flattable.h"
#include "id.h"

#include <cstddef>

namespace heiiki::model {

/// The design's index from an id to the object that has it (an element, a link, a policy),
/// keyed by the object's own id: a lookup reads one slot (the id's kept hash and the object)
/// and then the object, where a node-based map would also read a bucket, a node and the
/// node's copy of the id. Lookups by id happen on every trace and rule of a validation.
template<typename T> class IdIndex
{
public:
    T *find(const Id &id) const
    {
        return m_table.find(id.hash(), [&id](const T &object) { return object.id == id; });
    }

    bool contains(const Id &id) const { return find(id) != nullptr; }
    size_t size() const { return m_table.size(); }

    /// Files \a object under its id; false (and nothing filed) when the id is taken.
    bool insert(T *object)
    {
        if (find(object->id))
            return false;
        m_table.insert(object->id.hash(), object);
        return true;
    }

    /// Removes the object filed under \a id; false when there is none.
    bool erase(const Id &id)
    {
        return m_table.erase(id.hash(), [&id](const T &object) { return object.id == id; });
    }

    void clear() { m_table.clear(); }
    void reserve(size_t count) { m_table.reserve(count); }

private:
    FlatTable<T> m_table;
};

} // namespace heiiki::model
