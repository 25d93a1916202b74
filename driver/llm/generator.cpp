#include "llm/generator.hpp"

#include "llm/reply.hpp"

namespace eok::llm {

Request request_of(const search::Prompt& prompt)
{
  return {prompt.system, prompt.user, search::operator_name(prompt.op)};
}

LlmGenerator::LlmGenerator(Provider& provider, Meter* meter, std::string entry)
  : m_provider(provider)
  , m_meter(meter)
  , m_entry(std::move(entry))
{
}

search::Generation LlmGenerator::generate(const search::Prompt& prompt, const std::string& /*slot*/)
{
  return run(request_of(prompt)).generation;
}

LlmGenerator::Outcome LlmGenerator::run(const Request& request)
{
  Outcome o;
  o.completion = m_provider.complete(request);
  const Completion& c = o.completion;
  if (m_meter) {
    m_meter->add(c.usage, c.ok, c.attempts);
  }
  search::Generation& g = o.generation;
  g.model = c.model;
  g.tokens = c.usage.total();
  if (!c.ok) {
    g.unavailable = true;
    g.failure = "llm: " + c.error;
    return o;
  }
  ParsedReply r = parse_reply(c.content, m_entry);
  g.ok = r.ok;
  g.description = std::move(r.description);
  g.code = std::move(r.code);
  g.failure = r.ok ? std::string() : "reply: " + r.failure;
  return o;
}

} // namespace eok::llm
