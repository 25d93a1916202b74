// search::Generator over a Provider: one completion per prompt, its tokens into
// the run's Meter, the reply parsed into code + description. A failed completion
// or a reply without usable code is a Generation with ok=false and the reason.
#pragma once

#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "search/engine.hpp"

#include <string>

namespace eok::llm {

// The chat request for one of the search's prompts, labelled with its operator.
Request request_of(const search::Prompt& prompt);

class LlmGenerator : public search::Generator
{
public:
  // `entry`: the function candidates must define; `meter` may be null.
  LlmGenerator(Provider& provider, Meter* meter, std::string entry);

  search::Generation generate(const search::Prompt& prompt, const std::string& slot) override;

  struct Outcome
  {
    Completion completion;
    search::Generation generation;
  };
  Outcome run(const Request& request); // generate() with the raw completion kept

private:
  Provider& m_provider;
  Meter* m_meter;
  std::string m_entry;
};

} // namespace eok::llm
