// The C prototype of a kernel.toml `signature`, split into what the checks need.
#pragma once

#include "util/error.hpp"

#include <string>
#include <vector>

namespace eok::kernel {

struct CParam
{
  std::string type; // everything before the name, trimmed: "const float*"
  std::string name;
  bool pointer = false;
};

struct CSignature
{
  std::string return_type;
  std::string function;
  std::vector<CParam> params;
};

// Errors say what is wrong with the prototype ("parameter 2 has no name").
Expected<CSignature> parse_signature(const std::string& text);

// A parameter's C type reduced to what the harness relies on: the base type
// spelled one way ("long int", "signed long" -> "long"), whether the pointee is
// const, and the pointer depth. `restrict` qualifiers are dropped.
struct CType
{
  std::string base;
  bool const_pointee = false; // "const float*" / "float const*"
  int stars = 0;
};
CType parse_c_type(const std::string& type);
bool is_identifier(const std::string& s);

} // namespace eok::kernel
