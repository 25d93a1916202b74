// The build rule's worker (`eok substitute`, run by the eok_optimize generator):
// write the cached winner for the wrapped source's exact key, or the source
// bytes unchanged, and a depfile naming only what can change that choice: the
// key's stamp beside the cache, the cache file itself (its deletion or
// replacement), kernel.toml, the cross files and the compiler. A missing,
// damaged or tampered cache or winner gives the original and a warning, never a
// failed build (DESIGN.md invariant 5).
//
// A winner's knob defines are prepended as `#define NAME VALUE` lines. A winner
// that also needs extra compile flags cannot get them from the build (flags are
// per target, not per generated file), so it is compiled here to assembly by the
// target compiler with exactly the flags it was measured with, and the output
// .c holds that assembly in one top-level __asm__ block: the object the build
// links is the code that was measured.
#pragma once

#include "cache/cache.hpp"
#include "target/target.hpp"

#include <string>

namespace eok::integrate {

struct SubstituteRequest
{
  std::string input;   // the wrapped kernel source (kernel.toml beside it)
  std::string output;  // generated .c
  std::string depfile; // Makefile-syntax depfile for Ninja
  std::string cache_path;
  std::string runner_kind;
  target::Target target;
};

struct SubstituteResult
{
  std::string key;
  bool used_winner = false;
  bool output_changed = false;
  std::string note;     // one line: what was written and why
  bool warning = false; // the note is a warning: a cache or winner could not be used
};

SubstituteResult substitute(const SubstituteRequest& req);

// A native (non-cross) build: SOURCE unchanged, depfile on kernel.toml only.
// Returns the note.
std::string copy_original(const std::string& input, const std::string& output, const std::string& depfile);

// The .c text the build compiles for a winner (defines prepended; with flags,
// the target compiler's assembly in a top-level __asm__ block).
std::string render_winner(const cache::Winner& w, const target::Target& t);

// "a b" -> "a\ b" (Makefile depfile syntax as Ninja reads it).
std::string depfile_escape(const std::string& path);

} // namespace eok::integrate
