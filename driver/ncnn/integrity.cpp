#include "ncnn/integrity.hpp"

#include "eval/static_checks.hpp"
#include "util/strings.hpp"

#include <set>
#include <sstream>

namespace eok::ncnn {

namespace {

struct Symbol
{
  std::string name;
  char type = '?';
};

// `nm -P` lines: "name type [value size]".
std::vector<Symbol> symbols(const std::string& text)
{
  std::vector<Symbol> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    Symbol s;
    std::string type;
    if (words >> s.name >> type && type.size() == 1) {
      s.type = type[0];
      out.push_back(s);
    }
  }
  return out;
}

bool global(char t)
{
  return (t >= 'A' && t <= 'Z' && t != 'U') || t == 'u'; // 'u': unique global
}

bool weak(char t)
{
  return t == 'W' || t == 'V';
}

bool in_ncnn(const std::string& n)
{
  for (const char* p : {"_ZN4ncnn", "_ZNK4ncnn", "_ZTVN4ncnn", "_ZTIN4ncnn", "_ZTSN4ncnn", "_ZThn"}) {
    if (util::starts_with(n, p)) {
      return true;
    }
  }
  return false;
}

bool cxx_runtime(const std::string& n)
{
  static const std::set<std::string> k_names = {"_Znwm",
                                                "_Znam",
                                                "_ZdlPv",
                                                "_ZdlPvm",
                                                "_ZdaPv",
                                                "_ZdaPvm",
                                                "_ZnwmSt11align_val_t",
                                                "_ZdlPvSt11align_val_t",
                                                "_ZdlPvmSt11align_val_t",
                                                "_Unwind_Resume",
                                                "__gxx_personality_v0",
                                                "__cxa_begin_catch",
                                                "__cxa_end_catch",
                                                "__cxa_pure_virtual",
                                                "_ZSt9terminatev",
                                                "__dso_handle"};
  if (k_names.count(n) > 0 || util::starts_with(n, "_ZTVN10__cxxabiv1")) {
    return true;
  }
  // OpenMP's runtime, for builds with NCNN_OPENMP (the `#pragma omp` of NCNN's layers)
  return util::starts_with(n, "__kmpc_") || util::starts_with(n, "omp_") || util::starts_with(n, "GOMP_");
}

// Header-inline members of NCNN's plain data classes: the same code in every object.
bool ncnn_data_inline(const std::string& n)
{
  for (const char* p : {"_ZN4ncnn3Mat", "_ZNK4ncnn3Mat", "_ZN4ncnn6Option", "_ZNK4ncnn6Option"}) {
    if (util::starts_with(n, p)) {
      return true;
    }
  }
  return false;
}

} // namespace

std::optional<std::string> check_layer_object(const ObjectFacts& candidate, const ObjectFacts& ker0)
{
  std::set<std::string> ker0_calls, ker0_defines;
  for (const auto& s : symbols(ker0.undefined)) {
    ker0_calls.insert(s.name);
  }
  for (const auto& s : symbols(ker0.defined)) {
    if (global(s.type)) {
      ker0_defines.insert(s.name);
    }
  }
  std::vector<std::string> bad_calls;
  for (const auto& s : symbols(candidate.undefined)) {
    if (!eval::allowed_symbols().count(s.name) && !ker0_calls.count(s.name) && !in_ncnn(s.name) && !cxx_runtime(s.name)) {
      bad_calls.push_back(s.name);
    }
  }
  if (!bad_calls.empty()) {
    return "calls functions the layer may not use: " + util::join(bad_calls, ", ") +
           " (allowed: libm, mem*, NCNN's own functions, the C++ runtime and what the tree's file calls)";
  }
  std::vector<std::string> bad_defs;
  for (const auto& s : symbols(candidate.defined)) {
    if (!global(s.type) || ker0_defines.count(s.name)) {
      continue;
    }
    const bool instantiation = weak(s.type) && util::starts_with(s.name, "_Z") && (!in_ncnn(s.name) || ncnn_data_inline(s.name));
    if (!instantiation) {
      bad_defs.push_back(s.name);
    }
  }
  if (!bad_defs.empty()) {
    return "defines global symbols the tree's file does not: " + util::join(bad_defs, ", ") +
           " (they could replace code of libncnn or of the reference layer; make helpers static)";
  }
  if (auto why = eval::check_disassembly(candidate.disassembly)) {
    return why;
  }
  return eval::check_object(candidate.bytes, true);
}

} // namespace eok::ncnn
