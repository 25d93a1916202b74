#include "perf/elf_symbols.hpp"

#include "util/fs.hpp"

#include <cstring>
#include <elf.h>

namespace eok::perf {

namespace {

template<typename T> bool read_at(const std::string& file, uint64_t offset, T& out)
{
  if (offset > file.size() || file.size() - offset < sizeof(T)) {
    return false;
  }
  std::memcpy(&out, file.data() + offset, sizeof(T));
  return true;
}

} // namespace

Expected<std::optional<CodeRange>> function_range(const std::string& path, const std::string& symbol)
{
  using R = Expected<std::optional<CodeRange>>;
  std::string file = util::read_file(path);
  Elf64_Ehdr eh{};
  if (!read_at(file, 0, eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB) {
    return R::fail(path + ": not an ELF64 little-endian file");
  }
  uint64_t start_code = UINT64_MAX;
  for (unsigned i = 0; i < eh.e_phnum; ++i) {
    Elf64_Phdr ph{};
    if (!read_at(file, eh.e_phoff + uint64_t{i} * eh.e_phentsize, ph)) {
      return R::fail(path + ": truncated program header table");
    }
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) != 0 && ph.p_vaddr < start_code) {
      start_code = ph.p_vaddr;
    }
  }
  if (start_code == UINT64_MAX) {
    return R::fail(path + ": no executable segment");
  }
  int found = 0;
  CodeRange range;
  for (unsigned i = 0; i < eh.e_shnum; ++i) {
    Elf64_Shdr sh{};
    if (!read_at(file, eh.e_shoff + uint64_t{i} * eh.e_shentsize, sh)) {
      return R::fail(path + ": truncated section header table");
    }
    if (sh.sh_type != SHT_SYMTAB || sh.sh_entsize != sizeof(Elf64_Sym)) {
      continue;
    }
    Elf64_Shdr strtab{};
    if (!read_at(file, eh.e_shoff + uint64_t{sh.sh_link} * eh.e_shentsize, strtab)) {
      return R::fail(path + ": symbol table names a missing string table");
    }
    for (uint64_t at = sh.sh_offset; at + sizeof(Elf64_Sym) <= sh.sh_offset + sh.sh_size; at += sizeof(Elf64_Sym)) {
      Elf64_Sym sym{};
      if (!read_at(file, at, sym)) {
        return R::fail(path + ": truncated symbol table");
      }
      uint64_t name = strtab.sh_offset + sym.st_name;
      if (sym.st_name >= strtab.sh_size || name + symbol.size() >= file.size() || file.compare(name, symbol.size(), symbol) != 0 ||
          file[name + symbol.size()] != '\0') {
        continue;
      }
      ++found;
      if (sym.st_value < start_code) {
        return R::fail(path + ": symbol '" + symbol + "' lies before the executable segment");
      }
      range = {sym.st_value - start_code, sym.st_value - start_code + sym.st_size};
    }
  }
  if (found == 0) {
    return std::optional<CodeRange>();
  }
  if (found != 1) {
    return R::fail(path + ": " + std::to_string(found) + " symbols named '" + symbol + "' (expected exactly one)");
  }
  if (range.hi <= range.lo) {
    return R::fail(path + ": symbol '" + symbol + "' has no size");
  }
  return std::optional<CodeRange>(range);
}

} // namespace eok::perf
