// LLM distillation for idea mining (the paper's step that turns a library's
// optimisation commits into thoughts): one prompt per commit showing its message
// and the diff of the kernel sources it touched, asking for the general idea and
// an actionable thought in one fenced TOML block (the reply format below). A reply
// that does not parse is a recorded failure with its reason, never an exception.
#pragma once

#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "mining/mine.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace eok::mining {

// The reply format, as the prompt states it:
//   ```toml
//   relevant = true                 # false: no reusable optimisation (other keys optional)
//   name = "kebab-case-name"        # short name of the thought
//   idea = "..."                    # the general principle, one or two sentences
//   description = "..."             # what to change in a kernel, concretely
//   applicability = "..."          # which kernels and conditions it helps
//   code = '''...'''                # C with RVV intrinsics (or a ```c block after the TOML one)
//   ```
struct Distillation
{
  bool ok = false;
  bool relevant = true; // ok && !relevant: the model says there is nothing to learn
  std::string name;     // sanitised to [a-z0-9-], at most 40 characters; may be empty
  std::string idea;
  std::string description;
  std::string applicability;
  std::string code;
  std::string failure; // !ok: why the reply was not usable
};

Distillation parse_distillation(std::string_view reply);
// Lowercase letters, digits and single '-' (idea/thought id alphabet), at most `max` characters.
std::string slug(std::string_view text, size_t max = 40);

llm::Request distill_prompt(const Commit& commit);

struct DistillOutcome
{
  Commit commit;
  bool sent = false; // false: the budget ran out before this commit
  Distillation result;
  int64_t tokens = 0;
};

// One completion per commit, `concurrency` at once, each checking the meter's
// budget before sending (with one worker the stop point is deterministic).
// Outcomes are in `commits` order; `stopped` gets the budget reason, if any.
std::vector<DistillOutcome> distill_commits(llm::Provider& provider, llm::Meter& meter, const std::vector<Commit>& commits, int concurrency,
                                            std::string& stopped);

} // namespace eok::mining
