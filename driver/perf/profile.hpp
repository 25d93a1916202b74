// Where a measured candidate's cycles go, as a few lines of text for the search's
// prompts (issue 19): the split between vector arithmetic, vector memory, scalar work
// and the memory term; which speed-of-light bound the kernel is against and how close
// it is; the instruction classes that cost the most; whole-register vector loads and
// stores (what compilers emit for register-group spills). Deterministic: the same
// counts give the same text, so prompts (and replayed transcripts) stay stable.
#pragma once

#include "perf/cost_table.hpp"
#include "perf/counts.hpp"
#include "perf/model.hpp"

#include <cstddef>
#include <string>

namespace eok::perf {

// At most `top` instruction classes; the text stays under k_profile_max_chars.
std::string profile_summary(const Counts& counts, const CostTable& table, const ModelBreakdown& b, const SolBound& sol, size_t top = 5);

// A prompt budget: about 120 tokens at 4 characters per token.
inline constexpr size_t k_profile_max_chars = 480;

} // namespace eok::perf
