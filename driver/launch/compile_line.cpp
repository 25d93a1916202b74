#include "launch/compile_line.hpp"

#include "util/strings.hpp"

#include <array>
#include <filesystem>

namespace eok::launch {

namespace {

// Options whose value is the next word (GCC/Clang spellings a CMake build uses).
bool takes_separate_value(const std::string& a)
{
  static const std::array<const char*, 24> k_options = {
      "-o",        "-MF",      "-MT",      "-MQ",      "-I",       "-D",          "-U",
      "-x",        "-include", "-imacros", "-isystem", "-iquote",  "-idirafter",  "-isysroot",
      "--sysroot", "-target",  "-Xclang",  "-mllvm",   "-Xlinker", "-Xassembler", "-Xpreprocessor",
      "-arch",     "-L",       "-iprefix",
  };
  for (const char* o : k_options) {
    if (a == o) {
      return true;
    }
  }
  return false;
}

bool is_depfile_option(const std::string& a)
{
  return a == "-MD" || a == "-MMD" || a == "-MF" || a == "-MT" || a == "-MQ" || a == "-MP";
}

bool looks_like_source(const std::string& a)
{
  static const std::array<const char*, 9> k_exts = {".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".CPP", ".cp", ".i"};
  const std::string ext = std::filesystem::path(a).extension().string();
  for (const char* e : k_exts) {
    if (ext == e) {
      return true;
    }
  }
  return false;
}

} // namespace

bool is_known_launcher(const std::string& word)
{
  const std::string base = std::filesystem::path(word).filename().string();
  return base == "ccache" || base == "sccache" || base == "distcc" || base == "icecc";
}

CompileLine parse_compile_line(const std::vector<std::string>& argv)
{
  CompileLine line;
  line.argv = argv;
  size_t i = 0;
  while (i + 1 < argv.size() && is_known_launcher(argv[i])) {
    ++i;
  }
  line.compiler_index = i;
  bool compile_only = false;
  bool other_mode = false; // -E, -S, -M without -MD: not producing an object
  std::vector<size_t> inputs;
  for (size_t k = i + 1; k < argv.size(); ++k) {
    const std::string& a = argv[k];
    if (takes_separate_value(a)) {
      if (a == "-o" && k + 1 < argv.size()) {
        line.output_index = k + 1;
      }
      if (a == "-x") {
        other_mode = true; // an explicit language: leave such compiles alone
      }
      ++k;
      continue;
    }
    if (a == "-c") {
      compile_only = true;
    } else if (a == "-E" || a == "-S" || a == "-M" || a == "-MM" || a == "-" || a == "-fsyntax-only") {
      other_mode = true;
    } else if (!a.empty() && a[0] != '-' && a[0] != '@') {
      inputs.push_back(k);
    } else if (!a.empty() && a[0] == '@') {
      other_mode = true; // a response file hides the real flags
    }
  }
  if (compile_only && !other_mode && inputs.size() == 1 && looks_like_source(argv[inputs[0]])) {
    line.source_index = inputs[0];
  }
  return line;
}

std::vector<std::string> CompileLine::code_flags() const
{
  std::vector<std::string> out;
  for (size_t k = compiler_index + 1; k < argv.size(); ++k) {
    const std::string& a = argv[k];
    if (source_index && k == *source_index) {
      continue;
    }
    if (a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ") {
      ++k;
      continue;
    }
    if (is_depfile_option(a)) {
      continue;
    }
    out.push_back(a);
    if (takes_separate_value(a) && k + 1 < argv.size()) {
      out.push_back(argv[++k]);
    }
  }
  return out;
}

std::vector<std::string> CompileLine::with_source(const std::string& new_source, const std::vector<std::string>& extra) const
{
  std::vector<std::string> out;
  for (size_t k = 0; k < argv.size(); ++k) {
    if (source_index && k == *source_index) {
      out.insert(out.end(), extra.begin(), extra.end());
      out.push_back(new_source);
    } else {
      out.push_back(argv[k]);
    }
  }
  return out;
}

std::vector<std::string> CompileLine::dependency_query() const
{
  std::vector<std::string> out{compiler()};
  for (const auto& f : code_flags()) {
    if (f != "-c") {
      out.push_back(f);
    }
  }
  out.emplace_back("-M");
  out.push_back(source());
  return out;
}

std::vector<std::string> parse_dependency_list(const std::string& text)
{
  std::vector<std::string> files;
  std::string cur;
  bool after_colon = false;
  auto flush = [&] {
    if (!cur.empty() && after_colon) {
      files.push_back(cur);
    }
    cur.clear();
  };
  for (size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '\\' && k + 1 < text.size() && (text[k + 1] == '\n' || text[k + 1] == '\r')) {
      flush();
      ++k;
      continue;
    }
    if (c == '\\' && k + 1 < text.size() && (text[k + 1] == ' ' || text[k + 1] == '#')) {
      cur += text[++k];
      continue;
    }
    if (!after_colon && c == ':' && (k + 1 >= text.size() || text[k + 1] == ' ' || text[k + 1] == '\n')) {
      cur.clear();
      after_colon = true;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
      continue;
    }
    cur += c;
  }
  flush();
  return files;
}

} // namespace eok::launch
