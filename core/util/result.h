#pragma once

#include <utility>
#include <variant>

namespace Pizhu {

// The shape of C++23's std::expected, small enough to live here: failures are return values, so
// nothing has to throw across a slot, a model method or a worker thread.
template<typename T, typename E> class Result
{
public:
    Result(T value) : m_value(std::in_place_index<0>, std::move(value)) { }
    static Result failure(E error) { return Result(std::in_place_index<1>, std::move(error)); }

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const E &error() const { return std::get<1>(m_value); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    template<std::size_t I, typename V>
    Result(std::in_place_index_t<I> i, V &&v) : m_value(i, std::forward<V>(v))
    { }
    std::variant<T, E> m_value;
};

} // namespace Pizhu
