// `eok report --format md`: the same report as Markdown tables, for CI logs and
// pull-request comments (no charts; the convergence curve's end points instead).
#include "report/report.hpp"

#include "util/strings.hpp"

namespace eok::report {

namespace {

std::string x(double v)
{
  return util::fixed(v, 3) + "x";
}

// Table cells may not contain a bare '|' or a newline.
std::string cell(const std::string& s)
{
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string summary_row(const std::string& label, const Summary& s)
{
  return "| " + cell(label) + " | " + std::to_string(s.improved) + " / " + std::to_string(s.tasks) + " | " + x(s.mean) + " | " + x(s.max) +
         " | " + x(s.p75) + " | " + x(s.p50) + " | " + x(s.p25) + " |\n";
}

} // namespace

std::string markdown(const Report& r, const Report* cmp)
{
  std::string s = "# eok tuning report\n\nCache `" + r.cache_path + "`: " + r.selection + ".";
  if (cmp != nullptr) {
    s += " Compared with `" + cmp->cache_path + "`: " + cmp->selection + ".";
  }
  s += "\n\n## Summary\n\n| | improved / tasks | mean | max | 75% | 50% | 25% |\n|---|---:|---:|---:|---:|---:|---:|\n";
  s += summary_row("all tasks", r.overall);
  for (const auto& [suite, sum] : r.per_suite) {
    s += summary_row("suite " + suite, sum);
  }
  if (cmp != nullptr) {
    s += summary_row("compared: all tasks", cmp->overall);
  }
  s += "\n## Kernels\n\n| kernel | ker0 cycles | best cycles | speedup | SOL |";
  s += cmp != nullptr ? " compared | ratio |" : "";
  s += " what won | evaluations | tokens | run |\n|---|---:|---:|---:|---:|";
  s += cmp != nullptr ? "---:|---:|" : "";
  s += "---|---:|---:|---|\n";
  for (const auto& k : r.kernels) {
    s += "| " + cell(k.kernel) + " | ";
    s += k.has_figures ? util::fixed(k.ker0_cycles, 0) + " | " + util::fixed(k.best_cycles, 0) + " | " + x(k.speedup) + " | " +
                             util::fixed(k.sol_fraction, 3) + " |"
                       : "- | - | - | - |";
    if (cmp != nullptr) {
      const KernelResult* c = nullptr;
      for (const auto& ck : cmp->kernels) {
        c = ck.kernel == k.kernel ? &ck : c;
      }
      const bool both = c != nullptr && c->has_figures && k.has_figures;
      s += " " + (c != nullptr && c->has_figures ? x(c->speedup) : "-") + " | " + (both ? util::fixed(k.speedup / c->speedup, 3) : "-") +
           " |";
    }
    s += " " + cell(k.what_won) + " | " + std::to_string(k.evaluations) + " | " + std::to_string(k.tokens) + " | " +
         std::to_string(k.run.id) + " " + run_state_name(k.run.state) + " |\n";
  }
  s += "\n## Verdicts\n\n| verdict | count |\n|---|---:|\n";
  for (const auto& [verdict, n] : r.verdict_totals) {
    s += "| " + cell(verdict) + " | " + std::to_string(n) + " |\n";
  }
  bool any_sampled = false;
  for (const auto& t : r.thoughts) {
    any_sampled = any_sampled || t.sampled > 0;
  }
  if (any_sampled) {
    s += "\n## Thoughts sampled\n\n| idea | thought | prior | learned | sampled | passed | improved | best |\n"
         "|---|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& t : r.thoughts) {
      if (t.sampled == 0) {
        continue;
      }
      s += "| " + cell(t.idea) + " | " + cell(t.thought) + " | " + util::fixed(t.prior, 2) + " | " +
           (t.learned ? util::fixed(*t.learned, 3) : "-") + " | " + std::to_string(t.sampled) + " | " + std::to_string(t.passed) + " | " +
           std::to_string(t.improved) + " | " + (t.passed > 0 ? x(t.best) : "-") + " |\n";
    }
  }
  s += "\n## Lineage of the winners\n\n";
  for (const auto& k : r.kernels) {
    std::vector<std::string> chain;
    for (const auto& step : k.lineage) {
      chain.push_back(step.slot + (step.op.empty() ? "" : " (" + step.op + ")"));
    }
    s += "- " + k.kernel + ": " + util::join(chain, " -> ") + ", " + x(k.speedup) + "\n";
  }
  return s;
}

} // namespace eok::report
