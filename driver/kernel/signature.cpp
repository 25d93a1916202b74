#include "kernel/signature.hpp"

#include "util/strings.hpp"

#include <cctype>

namespace eok::kernel {

namespace {

bool ident_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Splits "const float* x" into the type and the trailing identifier.
bool split_declarator(const std::string& decl, std::string& type, std::string& name)
{
  size_t end = decl.size();
  size_t start = end;
  while (start > 0 && ident_char(decl[start - 1])) {
    --start;
  }
  if (start == end) {
    return false;
  }
  name = decl.substr(start);
  type = util::trim(decl.substr(0, start));
  return !type.empty() && is_identifier(name);
}

} // namespace

bool is_identifier(const std::string& s)
{
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) {
    return false;
  }
  for (char c : s) {
    if (!ident_char(c)) {
      return false;
    }
  }
  return true;
}

Expected<CSignature> parse_signature(const std::string& text)
{
  using E = Expected<CSignature>;
  std::string s = util::trim(text);
  size_t open = s.find('(');
  size_t close = s.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return E::fail("expected a C prototype 'type name(params)'");
  }
  if (!util::trim(s.substr(close + 1)).empty()) {
    return E::fail("unexpected text after ')'");
  }
  CSignature sig;
  if (!split_declarator(util::trim(s.substr(0, open)), sig.return_type, sig.function)) {
    return E::fail("expected a return type and a function name before '('");
  }
  std::string inner = util::trim(s.substr(open + 1, close - open - 1));
  if (inner.empty() || inner == "void") {
    return sig;
  }
  std::vector<std::string> parts = util::split(inner, ',');
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string p = util::trim(parts[i]);
    CParam param;
    if (p.find_first_of("()[]") != std::string::npos) {
      return E::fail("parameter " + std::to_string(i + 1) + ": arrays and function pointers are not supported");
    }
    if (!split_declarator(p, param.type, param.name)) {
      return E::fail("parameter " + std::to_string(i + 1) + " has no name");
    }
    param.pointer = param.type.find('*') != std::string::npos;
    sig.params.push_back(param);
  }
  return sig;
}

CType parse_c_type(const std::string& type)
{
  CType t;
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word != "restrict" && word != "__restrict" && word != "__restrict__") {
      if (word == "const") {
        // const before the first '*' qualifies the pointee; after it, the pointer itself.
        t.const_pointee = t.const_pointee || t.stars == 0;
      } else {
        words.push_back(word);
      }
    }
    word.clear();
  };
  for (char c : type) {
    if (ident_char(c)) {
      word += c;
      continue;
    }
    flush();
    if (c == '*') {
      ++t.stars;
    }
  }
  flush();
  // Integer spellings that name the same type on RV64 (LP64).
  if (words.size() > 1 && words.front() == "signed") {
    words.erase(words.begin());
  }
  if (words.size() > 1 && words.back() == "int" && (words.front() == "long" || words.front() == "short")) {
    words.pop_back();
  }
  t.base = util::join(words, " ");
  if (t.base == "signed") {
    t.base = "int";
  }
  return t;
}

} // namespace eok::kernel
