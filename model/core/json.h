#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

namespace heiiki {

/// The storage of a JSON object's members in Heiiki: the members side by side in one array,
/// kept in key order.
///
/// nlohmann::json keeps an object in a std::map, a tree with one heap node per member: a
/// lookup walks from node to node, and each node lies wherever the heap put it. Validation
/// reads element properties tens of thousands of times per run (the topology, the rules, the
/// IAM view), and on a design of thousands of elements those walks missed the caches at
/// almost every step. Here a lookup is a binary search over one array, usually within a cache
/// line or two. Members are kept, iterated and therefore written in the order std::map keeps
/// them, so files and exports read and write exactly as before, and two objects with the same
/// members compare equal whatever order they were built in.
///
/// Inserting shifts the members after the new one (objects here have a handful of members;
/// the file reader inserts them in the order a saved file lists them, which is key order, so
/// that each insertion appends). As with any array, inserting may move the members:
/// references to members of an object are valid until the next insertion into that object.
/// Members are std::pair<Key, T> rather than std::map's std::pair<const Key, T>, so that the
/// array moves them (a const key would make every growth of the array copy each member's
/// value, and with it all that the value holds). The interface is what nlohmann::basic_json
/// needs of its object type (that of nlohmann::ordered_map).
template<class Key, class T, class IgnoredLess = std::less<Key>,
         class Allocator = std::allocator<std::pair<Key, T>>>
struct SortedMap
    : std::vector<std::pair<Key, T>,
                  typename std::allocator_traits<Allocator>::template rebind_alloc<std::pair<Key, T>>>
{
    using key_type = Key;
    using mapped_type = T;
    using Container = std::vector<
        std::pair<Key, T>,
        typename std::allocator_traits<Allocator>::template rebind_alloc<std::pair<Key, T>>>;
    using iterator = typename Container::iterator;
    using const_iterator = typename Container::const_iterator;
    using size_type = typename Container::size_type;
    using value_type = typename Container::value_type;
    /// Transparent: members are found by std::string_view and const char * too.
    using key_compare = std::less<>;

    SortedMap() noexcept(noexcept(Container())) : Container{} {}
    template<class It>
    SortedMap(It first, It last)
    {
        insert(first, last);
    }
    SortedMap(std::initializer_list<value_type> init) { insert(init.begin(), init.end()); }

    template<class K>
    iterator find(const K &key)
    {
        return findIn(*this, key);
    }
    template<class K>
    const_iterator find(const K &key) const
    {
        return findIn(*this, key);
    }
    template<class K>
    size_type count(const K &key) const
    {
        return find(key) != this->end() ? 1 : 0;
    }

    /// Inserts (\a key, \a value) unless \a key is there; the member with \a key, and
    /// whether it was inserted.
    template<class K, class V>
    std::pair<iterator, bool> emplace(K &&key, V &&value)
    {
        const std::string_view name(key);
        const auto it = lowerBound(*this, name);
        if (it != this->end() && std::string_view(it->first) == name)
            return {it, false};
        return {Container::emplace(it, std::forward<K>(key), std::forward<V>(value)), true};
    }
    template<class P>
    std::pair<iterator, bool> insert(P &&member)
    {
        return emplace(std::forward<P>(member).first, std::forward<P>(member).second);
    }
    template<class InputIt,
             class = std::enable_if_t<std::is_convertible_v<
                 typename std::iterator_traits<InputIt>::iterator_category,
                 std::input_iterator_tag>>>
    void insert(InputIt first, InputIt last)
    {
        for (; first != last; ++first)
            emplace(first->first, first->second);
    }

    T &operator[](const key_type &key) { return emplace(key, T{}).first->second; }
    template<class K>
    T &operator[](K &&key)
    {
        return emplace(std::forward<K>(key), T{}).first->second;
    }
    template<class K>
    const T &operator[](const K &key) const
    {
        return at(key);
    }

    template<class K>
    T &at(const K &key)
    {
        const auto it = find(key);
        if (it == this->end())
            throw std::out_of_range("key not found");
        return it->second;
    }
    template<class K>
    const T &at(const K &key) const
    {
        const auto it = find(key);
        if (it == this->end())
            throw std::out_of_range("key not found");
        return it->second;
    }

    template<class K>
    size_type erase(const K &key)
    {
        const auto it = find(key);
        if (it == this->end())
            return 0;
        Container::erase(it);
        return 1;
    }
    iterator erase(iterator pos) { return Container::erase(pos); }
    iterator erase(iterator first, iterator last) { return Container::erase(first, last); }

private:
    /// Orders keys as std::string does (bytes compared as unsigned char). Most keys differ in
    /// their first byte: that is compared inline, without a call to memcmp.
    static bool keyLess(std::string_view a, std::string_view b) noexcept
    {
        if (!a.empty() && !b.empty() && a.front() != b.front())
            return static_cast<unsigned char>(a.front()) < static_cast<unsigned char>(b.front());
        return a < b;
    }
    /// The first member of \a map whose key is not less than \a key (\a map: *this, const or
    /// not).
    template<class Map>
    static auto lowerBound(Map &map, std::string_view key)
    {
        return std::lower_bound(map.begin(), map.end(), key,
                                [](const value_type &member, std::string_view k) {
                                    return keyLess(member.first, k);
                                });
    }
    /// The member of \a map with \a key, or map.end(). \a key: anything a std::string_view
    /// is made from (a string, a view, a C string), made into a view once.
    template<class Map, class K>
    static auto findIn(Map &map, const K &key)
    {
        const std::string_view name(key);
        const auto it = lowerBound(map, name);
        return it != map.end() && std::string_view(it->first) == name ? it : map.end();
    }
};

/// Heiiki's JSON value: nlohmann::json with its objects kept in a SortedMap.
using Json = nlohmann::basic_json<SortedMap>;

} // namespace heiiki
