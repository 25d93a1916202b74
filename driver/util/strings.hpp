// Small string helpers shared by every module.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eok::util {

std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string to_upper(std::string_view s);
std::string replace_all(std::string s, std::string_view from, std::string_view to);
// Quote for display in a command line (never passed to a shell).
std::string shell_quote(std::string_view s);
// Fixed-point text for reports: 3 significant decimals, no locale.
std::string fixed(double v, int decimals);
// Every digit a double needs to read back exactly (printf's %.17g, no locale; NaN and
// infinities as printf writes them). Digests and generated C hold figures in this form.
std::string exact(double v);

// The value of enum E whose printed name is `name`: walks E's values from 0 through
// `name_of` (a switch over E, so the compiler checks it names every value) until it returns
// "unknown". One inverse for every status and verdict enum declared without explicit values.
template<class E> std::optional<E> enum_from_name(const char* (*name_of)(E), std::string_view name)
{
  for (int k = 0;; ++k) {
    const std::string_view n = name_of(static_cast<E>(k));
    if (n == "unknown") {
      return std::nullopt;
    }
    if (n == name) {
      return static_cast<E>(k);
    }
  }
}

} // namespace eok::util
