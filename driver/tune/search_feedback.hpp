// What the search's prompts say about an evaluated candidate (issue 19), read from the
// evaluator's verdict JSON: the same text whether the verdict was just measured or comes
// back from the run's journal or an identical earlier source, so a resumed run asks the
// same prompts as an uninterrupted one.
//   profile:  where an ok candidate's cycles go on the model (perf/profile.hpp)
//   feedback: why a failed candidate failed, compactly: the verdict and reason, the first
//             mismatches (shape, element, expected, got), the compiler's first error lines,
//             the program's first output line
#pragma once

#include "search/engine.hpp"

#include <string>

namespace eok::tune {

// Fills e.profile and e.feedback from e.verdict_json (left empty when it is empty or
// unreadable: a prompt without them is still a valid prompt).
void add_search_feedback(search::Evaluation& e);

// A feedback text stays under this many characters (about 100 tokens).
inline constexpr size_t k_feedback_max_chars = 400;

} // namespace eok::tune
