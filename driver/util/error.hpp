// Error channels (STYLE.md): `Fatal` is for infrastructure faults and bad user
// input, thrown where detected and caught once in main; results that callers are
// expected to handle (a candidate's verdict, a cache miss) are plain values.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace eok {

class Fatal : public std::runtime_error
{
public:
  explicit Fatal(const std::string& what)
    : std::runtime_error(what)
  {
  }
};

// A bad command line (an unknown option, a --set value of the wrong type): main
// exits 2 for these, 1 for every other Fatal (README "Exit status").
class UsageFault : public Fatal
{
public:
  explicit UsageFault(const std::string& what)
    : Fatal(what)
  {
  }
};

// "file:line: what" (line 0 means the file as a whole: "file: what").
std::string located(const std::string& file, int line, const std::string& what);

// A value or an error message, for failures the caller decides about.
template<typename T> class Expected
{
public:
  Expected(T value)
    : m_v(std::move(value))
  {
  } // NOLINT(google-explicit-constructor)
  static Expected fail(std::string message)
  {
    Expected e{Tag{}};
    e.m_v = Err{std::move(message)};
    return e;
  }
  [[nodiscard]] bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return value_or_throw(); }
  const T& value() const { return const_cast<Expected*>(this)->value_or_throw(); }
  T* operator->() { return &value(); }
  T& operator*() { return value(); }
  [[nodiscard]] const std::string& error() const { return std::get<1>(m_v).message; }

private:
  struct Err
  {
    std::string message;
  };
  struct Tag
  {
  };
  explicit Expected(Tag) {}
  T& value_or_throw()
  {
    if (!ok()) {
      throw Fatal(error());
    }
    return std::get<0>(m_v);
  }
  std::variant<T, Err> m_v;
};

} // namespace eok
