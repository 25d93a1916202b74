// `eok prompts --kernel DIR [--failed FILE]`: the prompt of every search operator for a
// kernel, built by the code the search uses from real inputs: ker0 as the parent with its
// profile measured on the model, the first idea of the pool with its first thoughts, notes
// retrieved from the corpus, and (with --failed) a candidate evaluated for real whose verdict
// is told as a failed child and repaired by operator R. README's prompt examples
// (driver/search/PROMPTS.md) are this command's --markdown output, checked by a test.
#include "app/commands_list.hpp"
#include "app/eval_setup.hpp"

#include "eval/evaluator.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "rag/knowledge.hpp"
#include "search/prompts.hpp"
#include "tune/eok_search.hpp"
#include "tune/search_feedback.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"

#include <cstdio>

namespace eok::app {

namespace {

void print_prompt(const search::Prompt& p, bool markdown)
{
  if (markdown) {
    // Four backticks: the prompts hold ```c blocks of their own.
    std::printf("## %s\n\nSystem message:\n\n````text\n%s\n````\n\nUser message:\n\n````text\n%s````\n\n", search::operator_name(p.op),
                p.system.c_str(), p.user.c_str());
  } else {
    std::printf("==== %s: system\n%s\n==== %s: user\n%s\n", search::operator_name(p.op), p.system.c_str(), search::operator_name(p.op),
                p.user.c_str());
  }
}

int run(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  const std::string kernel_dir = args.required("--kernel");
  kernel::Spec spec = kernel::load_spec(kernel_dir);
  target::Target t = load_eval_target(ctx, kernel_dir);
  const config::Config& cfg = ctx.settings().get();
  eval::Evaluator ev(spec, t, perf::make_runner("model", t), eval_options(ctx));

  search::ParentView ker0{"ker0: the project's implementation", spec.source_text, 1.0, ev.baseline().profile, {}};
  std::optional<search::ParentView> failed;
  std::string feedback;
  if (auto path = args.value("--failed")) {
    eval::Candidate c;
    c.source = util::read_file(*path);
    eval::Verdict v = ev.evaluate(c);
    if (v.ok()) {
      throw UsageError("eok prompts: --failed " + *path + " passed every check; give a candidate that fails one");
    }
    search::Evaluation e;
    e.verdict = eval::verdict_name(v.kind);
    e.verdict_json = eval::verdict_json(v);
    tune::add_search_feedback(e);
    feedback = e.feedback;
    failed = search::ParentView{"the candidate in " + util::fs::path(*path).filename().string(), c.source, 0, "", {}};
    ker0.failures = {"M1 (example): " + feedback};
  }

  rag::Knowledge knowledge = rag::load_knowledge({cfg.ideas_dir, cfg.rag_dir, cfg.cache_path});
  std::vector<search::ThoughtView> thoughts;
  for (const auto& idea : knowledge.ideas) {
    for (size_t i = 0; i < idea.thoughts.size() && static_cast<int64_t>(i) < cfg.search_thoughts; ++i) {
      thoughts.push_back(idea.thoughts[i]);
    }
    if (!thoughts.empty()) {
      break;
    }
  }
  const bool markdown = args.has("--markdown");
  const search::TaskView task = tune::search_task(spec, t);
  auto emit = [&](search::PromptInput in) {
    if (knowledge.retrieve && cfg.search_rag && cfg.search_rag_k > 0) {
      in.rag_context = knowledge.retrieve(search::retrieval_query(in), static_cast<size_t>(cfg.search_rag_k));
    }
    print_prompt(search::build_prompt(in), markdown);
  };
  if (args.has("--no-feedback")) { // the prompts as they were before profiles and failure accounts
    ker0.profile.clear();
    ker0.failures.clear();
    failed.reset();
  }
  emit({search::Operator::init, task, {ker0}, thoughts.empty() ? thoughts : std::vector<search::ThoughtView>{thoughts[0]}, {}, {}});
  for (search::Operator op : search::evolution_operators()) {
    emit({op, task, {ker0}, thoughts, {}, {}});
  }
  if (failed) {
    emit({search::Operator::repair, task, {*failed}, {}, {}, feedback});
  }
  return k_exit_ok;
}

} // namespace

Command prompts_command()
{
  auto flags = config_flags();
  flags.push_back(flag::kernel(false));
  flags.push_back({"--failed", true, false, "FILE  a failing candidate: shown as a failed child and repaired (operator R)"});
  flags.push_back({"--markdown", false, false, "print as Markdown (driver/search/PROMPTS.md)"});
  flags.push_back({"--no-feedback", false, false, "leave out profiles, failure accounts and repair (bench/prompt_bench.py's baseline)"});
  return {"prompts", "the search's prompt for each operator on a kernel, from real inputs (ker0's profile, the idea pool, RAG)",
          "--kernel DIR [--failed FILE] [--markdown] [--no-feedback]", flags, run};
}

} // namespace eok::app
