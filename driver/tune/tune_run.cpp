#include "tune/tune_run.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <regex>

namespace eok::tune {

namespace {

struct SourceSearch
{
  std::vector<Scored> passed; // in evaluation order
  Result result;
};

// The knob/flag search over one source: every point goes through the evaluator port.
SourceSearch search_source(const Variant& base, const Space& space, KernelPorts& ports, const RunOptions& opts, uint64_t seed,
                           const std::string& label, KernelReport& report)
{
  std::mutex mutex;
  std::map<Point, Figures> figures;
  std::atomic<size_t> reused{0};
  std::optional<double> best;
  Port port;
  port.jobs = opts.jobs;
  port.evaluate = [&](const Point& p) {
    Variant v = base;
    v.setting = space.setting(p);
    bool was_recorded = false;
    Figures f = ports.evaluate(v, was_recorded);
    if (was_recorded) {
      ++reused;
    }
    std::lock_guard<std::mutex> lock(mutex);
    figures[p] = f;
    return Outcome{f.ok, f.cycles, f.verdict};
  };
  port.progress = [&](const Trial& t, size_t done, size_t budget) {
    if (t.outcome.ok && (!best || t.outcome.cycles < *best)) {
      best = t.outcome.cycles;
    }
    if (opts.progress) {
      std::string of = budget == SIZE_MAX ? "" : "/" + std::to_string(budget);
      std::string speed = best && *best > 0 ? ", best " + util::fixed(report.ker0_cycles / *best, 3) + "x" : "";
      opts.progress(label + ": " + std::to_string(done) + of + " evaluations" + speed);
    }
  };
  Request req = opts.search;
  req.seed = seed;
  SourceSearch out;
  out.result = run_strategy(space, req, port);
  for (const auto& t : out.result.trials) {
    const Figures& f = figures.at(t.point);
    report.trials.push_back({base.origin, space.setting(t.point), f.verdict, f.cycles});
    if (f.ok) {
      Variant v = base;
      v.setting = space.setting(t.point);
      out.passed.push_back({v, f});
    }
  }
  report.evaluations += out.result.trials.size();
  report.reused += reused;
  report.strategy = out.result.strategy;
  report.detail += (report.detail.empty() ? "" : "; ") + label + ": " + out.result.strategy + ", " +
                   std::to_string(out.result.trials.size()) + " evaluations, stopped: " + out.result.stop_reason;
  return out;
}

std::string describe_variant(const Variant& v, const KernelTask& task)
{
  // Knobs at their defaults are not news; show only what differs from ker0.
  Setting shown;
  for (const auto& define : v.setting.defines) {
    const std::string& name = define.first;
    auto k = std::find_if(task.knobs.begin(), task.knobs.end(), [&name](const KnobDim& d) { return d.name == name; });
    if (k == task.knobs.end() || k->default_value != define.second) {
      shown.defines[name] = define.second;
    }
  }
  shown.flags = v.setting.flags;
  std::string knobs = describe_setting(shown);
  if (v.origin == "ker0") {
    return knobs == "defaults" ? "ker0" : knobs;
  }
  return "LLM " + v.origin + (knobs == "defaults" ? "" : " + " + knobs);
}

const Scored* fastest(const std::vector<Scored>& all)
{
  const Scored* best = nullptr;
  for (const auto& s : all) {
    if (s.figures.ok && (best == nullptr || s.figures.cycles < best->figures.cycles)) {
      best = &s;
    }
  }
  return best;
}

} // namespace

std::vector<KnobDim> knobs_read_by(const std::string& source, const std::vector<KnobDim>& knobs)
{
  std::vector<KnobDim> out;
  for (const auto& k : knobs) {
    std::regex guard("#\\s*(ifndef\\s+" + k.name + "\\b|if\\s+!\\s*defined\\s*\\(?\\s*" + k.name + "\\b)");
    if (std::regex_search(source, guard)) {
      out.push_back(k);
    }
  }
  return out;
}

KernelReport tune_kernel(const KernelTask& task, KernelPorts& ports, const RunOptions& opts)
{
  const auto start = std::chrono::steady_clock::now();
  KernelReport report;
  report.kernel = task.name;
  auto finish = [&report, start]() {
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
  };
  if (auto w = ports.cached_winner()) {
    report.status = KernelStatus::cached;
    report.mode = "cache";
    report.what = w->what;
    report.ker0_cycles = w->ker0_cycles;
    report.best_cycles = w->cycles;
    report.sol_fraction = w->sol_fraction;
    return finish();
  }
  if (opts.ci) {
    report.status = KernelStatus::miss;
    report.mode = "CI: cache only";
    report.what = "no cached winner for this key";
    return finish();
  }
  Figures base = ports.baseline();
  if (!base.ok) {
    report.status = KernelStatus::failed;
    report.detail = "ker0 did not pass: " + base.verdict + ": " + base.reason;
    return finish();
  }
  report.ker0_cycles = base.cycles;

  std::vector<Scored> all;
  std::vector<Scored> llm;
  if (ports.llm_search) {
    report.mode = "EoK (LLM) + knob/flag post-pass";
    LlmSearchResult found = ports.llm_search();
    if (!found.unavailable.empty()) {
      // A partial search is not the answer for this key: store nothing, keep the run to resume.
      report.status = KernelStatus::failed;
      report.detail = "LLM search stopped: " + found.unavailable + "; the steps done are kept and the next run resumes";
      return finish();
    }
    llm = std::move(found.passed);
    all = llm;
    if (!found.incomplete.empty()) {
      report.incomplete = true;
      report.detail = "incomplete: " + found.incomplete + "; the best so far is stored and the next run resumes the search";
    }
    // budget.evals is per kernel: the post-pass spends what the LLM search left.
    RunOptions post = opts;
    size_t left = SIZE_MAX;
    if (opts.search.budget > 0) {
      left = opts.search.budget > found.evaluations ? opts.search.budget - found.evaluations : 0;
      if (left == 0 && !llm.empty()) {
        report.detail += std::string(report.detail.empty() ? "" : "; ") + "no knob/flag post-pass: budget.evals (" +
                         std::to_string(opts.search.budget) + ") used by the LLM search";
      }
    }
    if (const Scored* b = fastest(llm)) {
      report.llm_cycles = b->figures.cycles;
    }
    for (size_t i = 0; i < llm.size() && i < opts.postpass_sources && left > 0; ++i) {
      const Variant& v = llm[i].variant;
      // Constraints may name knobs this source no longer reads: those keep their defaults.
      KnobPredicate valid = [&task](const std::map<std::string, int64_t>& values) {
        std::map<std::string, int64_t> all = values;
        for (const auto& k : task.knobs) {
          all.emplace(k.name, k.default_value);
        }
        return !task.knobs_valid || task.knobs_valid(all);
      };
      Space space(knobs_read_by(v.source, task.knobs), task.flags, valid);
      if (space.dims() > 0) {
        post.search.budget = left == SIZE_MAX ? 0 : left;
        auto s = search_source(v, space, ports, post, opts.search.seed + 1 + i, task.name + " post-pass " + v.origin, report);
        all.insert(all.end(), s.passed.begin(), s.passed.end());
        if (left != SIZE_MAX) {
          left -= std::min(left, s.result.trials.size());
        }
      }
    }
  } else {
    report.mode = "offline knob/flag search";
    Space space(task.knobs, task.flags, task.knobs_valid);
    auto s = search_source({"ker0", task.source, {}, {}, {}, {}}, space, ports, opts, opts.search.seed, task.name, report);
    all = s.passed;
  }

  const Scored* best = fastest(all);
  if (best != nullptr && best->figures.cycles < base.cycles) {
    ports.store(*best, base);
    report.status = KernelStatus::tuned;
    report.what = describe_variant(best->variant, task);
    report.best_cycles = best->figures.cycles;
    report.sol_fraction = best->figures.sol_fraction;
  } else {
    // Recorded too, so the next run (and CI) knows this key was tuned.
    ports.store({{"ker0", task.source, {}, {}, {}, {}}, base}, base);
    report.status = KernelStatus::ker0_stays;
    report.what = "ker0 (nothing faster passed)";
    report.best_cycles = base.cycles;
    report.sol_fraction = base.sol_fraction;
  }
  return finish();
}

} // namespace eok::tune
