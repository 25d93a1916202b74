// `eok llm ask` / `eok llm embed`: send prompts through the configured provider
// and show what the search would get from them (the extracted code, the design
// description, tokens, attempts). A quick check of an endpoint before a long run;
// the integration tests drive the client through it against tests/llm_server.py.
#include "app/commands_list.hpp"

#include "llm/client.hpp"
#include "llm/generator.hpp"
#include "llm/json.hpp"
#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/json_write.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

struct Item
{
  std::string file;
  llm::Request prompt;
  bool sent = false;
  llm::LlmGenerator::Outcome outcome;
};

std::string totals_json(const llm::Totals& t)
{
  return "{\"requests\":" + std::to_string(t.requests) + ",\"failed\":" + std::to_string(t.failed) +
         ",\"attempts\":" + std::to_string(t.attempts) + ",\"prompt_tokens\":" + std::to_string(t.prompt_tokens) +
         ",\"completion_tokens\":" + std::to_string(t.completion_tokens) + ",\"estimated_tokens\":" + std::to_string(t.estimated) +
         ",\"cost\":" + util::json_number(t.cost) + "}";
}

void print_json(const std::vector<Item>& items, const llm::Totals& totals, const std::string& provider, const std::string& stopped)
{
  std::string s = "{\"schema_version\":1,\"provider\":" + util::json_quote(provider) + ",\"results\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    const auto& c = it.outcome.completion;
    const auto& g = it.outcome.generation;
    s += i ? "," : "";
    s += "{\"prompt_file\":" + util::json_quote(it.file) + ",\"prompt_hash\":" + util::json_quote(it.prompt.hash()) +
         ",\"sent\":" + (it.sent ? "true" : "false");
    if (it.sent) {
      s += ",\"ok\":" + std::string(g.ok ? "true" : "false") + ",\"description\":" + util::json_quote(g.description) +
           ",\"code\":" + util::json_quote(g.code) + ",\"failure\":" + util::json_quote(g.failure) +
           ",\"model\":" + util::json_quote(g.model) + ",\"prompt_tokens\":" + std::to_string(c.usage.prompt_tokens) +
           ",\"completion_tokens\":" + std::to_string(c.usage.completion_tokens) + ",\"attempts\":" + std::to_string(c.attempts);
    }
    s += "}";
  }
  s += "],\"totals\":" + totals_json(totals) + ",\"stopped\":" + util::json_quote(stopped) + "}";
  std::printf("%s\n", s.c_str());
}

void print_text(const std::vector<Item>& items, const llm::Totals& t, const std::string& stopped)
{
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    const auto& c = it.outcome.completion;
    const auto& g = it.outcome.generation;
    std::printf("prompt %zu (%s, hash %s): ", i + 1, it.file.c_str(), it.prompt.hash().substr(0, 12).c_str());
    if (!it.sent) {
      std::printf("not sent (%s)\n", stopped.c_str());
      continue;
    }
    std::printf("%s\n", g.ok ? "ok" : ("failed: " + g.failure).c_str());
    std::printf("  model %s, tokens %lld + %lld%s, attempts %d\n", g.model.c_str(), static_cast<long long>(c.usage.prompt_tokens),
                static_cast<long long>(c.usage.completion_tokens), c.usage.reported ? "" : " (estimated)", c.attempts);
    if (g.ok) {
      std::printf("  description: %s\n%s", g.description.empty() ? "(none)" : g.description.c_str(), g.code.c_str());
    }
  }
  std::printf("total: %lld requests (%lld failed), %lld attempts, %lld tokens (%lld prompt + %lld completion), cost %s\n",
              static_cast<long long>(t.requests), static_cast<long long>(t.failed), static_cast<long long>(t.attempts),
              static_cast<long long>(t.tokens()), static_cast<long long>(t.prompt_tokens), static_cast<long long>(t.completion_tokens),
              util::fixed(t.cost, 6).c_str());
  if (!stopped.empty()) {
    std::printf("stopped: %s\n", stopped.c_str());
  }
}

int ask(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  if (!args.positional().empty()) {
    throw UsageError("eok llm ask: unexpected argument '" + args.positional()[0] + "'");
  }
  std::vector<std::string> files = args.values("--prompt-file");
  if (files.empty()) {
    throw UsageError("eok llm ask: --prompt-file is required");
  }
  std::string system = args.value("--system-file") ? util::read_file(*args.value("--system-file")) : std::string();
  std::vector<Item> items;
  for (const auto& f : files) {
    Item it;
    it.file = f;
    it.prompt = {system, util::read_file(f), "ask"};
    items.push_back(std::move(it));
  }
  const config::Config& cfg = ctx.settings().get();
  auto provider = llm::make_provider(ctx.settings(), args.value("--record").value_or(""));
  llm::Meter meter = llm::Meter::from_config(cfg);
  llm::LlmGenerator gen(*provider, &meter, args.value("--entry").value_or(""));

  // llm.concurrency workers take prompts in order; each checks the budget before
  // sending, so with one worker the stop point is deterministic.
  std::string stopped =
      llm::send_within_budget(meter, items.size(), static_cast<int>(std::max<int64_t>(1, cfg.llm_concurrency)), [&](size_t i) {
        items[i].outcome = gen.run(items[i].prompt);
        items[i].sent = true;
      });
  llm::Totals totals = meter.totals();
  if (args.has("--json")) {
    print_json(items, totals, provider->name(), stopped);
  } else {
    print_text(items, totals, stopped);
  }
  for (const auto& it : items) {
    if (it.sent && !it.outcome.generation.ok) {
      return k_exit_failure;
    }
  }
  return k_exit_ok;
}

int embed(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  if (args.positional().empty()) {
    throw UsageError("eok llm embed: give one or more texts");
  }
  if (ctx.settings().get().llm_provider != "openai") {
    throw Fatal("eok llm embed: embeddings need a live provider (llm.provider = \"openai\")");
  }
  llm::Client client(llm::client_options(ctx.settings()));
  auto reply = client.embed(args.positional());
  if (!reply) {
    throw Fatal("embeddings: " + reply.error());
  }
  for (size_t i = 0; i < reply->vectors.size(); ++i) {
    const auto& v = reply->vectors[i];
    std::string head;
    for (size_t k = 0; k < std::min<size_t>(4, v.size()); ++k) {
      head += " " + util::fixed(v[k], 4);
    }
    std::printf("%zu: %zu dimensions:%s%s\n", i + 1, v.size(), head.c_str(), v.size() > 4 ? " ..." : "");
  }
  std::printf("model %s, tokens %lld\n", reply->model.c_str(), static_cast<long long>(reply->usage.total()));
  return k_exit_ok;
}

} // namespace

Command llm_ask_command()
{
  auto flags = config_flags();
  flags.push_back({"--prompt-file", true, true, "FILE  user message (repeatable: several prompts, llm.concurrency at once)"});
  flags.push_back({"--system-file", true, false, "FILE  system message for every prompt"});
  flags.push_back({"--entry", true, false, "SYMBOL  the function the code must define (picks among several blocks)"});
  flags.push_back({"--record", true, false, "FILE  append a transcript for the replay provider (live providers)"});
  flags.push_back(flag::json("the replies"));
  return {"llm ask", "send prompts to the configured LLM; print the extracted code and tokens",
          "--prompt-file FILE [--entry SYMBOL] [--json]", flags, ask};
}

Command llm_embed_command()
{
  return {"llm embed", "embed texts with the configured endpoint (/embeddings)", "TEXT...", config_flags(), embed};
}

} // namespace eok::app
