#include "report/report.hpp"

#include "util/error.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace eok::report {

namespace {

// Verdicts of steps that never reached the evaluator (the LLM gave no reply or
// no code): they cost tokens but are not evaluations.
bool evaluated(const cache::Candidate& c)
{
  return !c.verdict.empty() && c.verdict != "no_reply" && c.verdict != "no_code";
}

std::string suite_of(const std::string& kernel)
{
  const size_t slash = kernel.find('/');
  return slash == std::string::npos ? "" : kernel.substr(0, slash);
}

std::string setting_text(const std::map<std::string, int64_t>& defines, const std::vector<std::string>& flags)
{
  std::vector<std::string> parts;
  for (const auto& [name, value] : defines) {
    parts.push_back(name + "=" + std::to_string(value));
  }
  parts.insert(parts.end(), flags.begin(), flags.end());
  return util::join(parts, " ");
}

// The code a step compiles: its source with its knob defines and flags, so a
// knob/flag step's diff shows what it changed.
std::string code_of(const cache::Candidate& c)
{
  std::string head;
  for (const auto& [name, value] : c.defines) {
    head += "#define " + name + " " + std::to_string(value) + "\n";
  }
  if (!c.flags.empty()) {
    head += "// flags: " + util::join(c.flags, " ") + "\n";
  }
  return head + c.source;
}

std::vector<ThoughtRow> thought_rows(cache::Cache& cache, const std::vector<KernelResult>& kernels,
                                     const std::map<int64_t, std::vector<cache::Candidate>>& by_run, const ideas::Pool* pool)
{
  std::map<std::string, ThoughtRow> rows; // by thought id
  if (pool != nullptr) {
    for (const auto& idea : pool->ideas) {
      for (const auto& t : idea.thoughts) {
        rows[t.id] = ThoughtRow{idea.id, t.id, t.effectiveness, std::nullopt, 0, 0, 0, 0};
      }
    }
  }
  for (const auto& k : kernels) {
    auto it = by_run.find(k.run.id);
    if (it == by_run.end()) {
      continue;
    }
    for (const auto& c : it->second) {
      if (c.thought.empty()) {
        continue;
      }
      ThoughtRow& r = rows[c.thought];
      r.thought = c.thought;
      if (r.idea.empty()) {
        r.idea = c.idea;
      }
      ++r.sampled;
      r.passed += c.ok ? 1 : 0;
      r.improved += c.ok && c.speedup > 1.0 ? 1 : 0;
      r.best = std::max(r.best, c.ok ? c.speedup : 0.0);
    }
  }
  // Learned values: one core per report (the cores of the runs are not in the
  // cache's run rows, so show a value only when one core has learned it).
  std::map<std::string, std::vector<double>> learned;
  for (const auto& v : cache.learned()) {
    learned[v.thought].push_back(v.value);
  }
  std::vector<ThoughtRow> out;
  for (auto& [id, r] : rows) {
    auto l = learned.find(id);
    if (l != learned.end() && l->second.size() == 1) {
      r.learned = l->second.front();
    }
    out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ThoughtRow& a, const ThoughtRow& b) { return a.idea != b.idea ? a.idea < b.idea : a.thought < b.thought; });
  return out;
}

KernelResult kernel_result(cache::Cache& cache, const cache::Run& run, const std::vector<cache::Candidate>& cands)
{
  KernelResult k;
  k.kernel = run.kernel;
  k.suite = suite_of(run.kernel);
  k.run = run;
  // ker0's cycles and the SOL bound follow from any measured candidate:
  // speedup = ker0 / cycles and sol_fraction = bound / cycles.
  const cache::Candidate* best = nullptr;
  double bound = 0;
  for (const auto& c : cands) {
    if (c.ok && c.cycles > 0 && c.speedup > 0) {
      k.has_figures = true;
      k.ker0_cycles = c.cycles * c.speedup;
      bound = c.sol_fraction * c.cycles;
      if (best == nullptr || c.cycles < best->cycles) {
        best = &c;
      }
    }
  }
  std::optional<cache::Winner> winner = cache.find_winner(run.key);
  const bool winner_of_run = winner && winner->run_uid == run.uid;
  if (winner_of_run && winner->speedup > 0 && winner->cycles > 0) {
    k.has_figures = true;
    k.ker0_cycles = winner->cycles * winner->speedup;
    bound = winner->sol_fraction * winner->cycles;
  }
  k.ker0_sol_fraction = k.ker0_cycles > 0 ? bound / k.ker0_cycles : 0;
  if (best != nullptr && best->speedup > 1.0) {
    k.best_cycles = best->cycles;
    k.speedup = best->speedup;
    k.sol_fraction = best->sol_fraction;
    k.what_won = best->slot;
    k.model_version = best->model_version;
  } else {
    k.best_cycles = k.ker0_cycles;
    k.speedup = 1.0;
    k.sol_fraction = k.ker0_sol_fraction;
    k.what_won = "ker0";
    k.model_version = winner_of_run ? winner->model_version : best != nullptr ? best->model_version : "";
  }
  // Convergence: best so far after each evaluation, in the order they were recorded.
  double so_far = 1.0;
  for (const auto& c : cands) {
    k.tokens += c.tokens;
    const std::string op = c.op.empty() ? "?" : c.op;
    ++k.verdicts[op][c.verdict.empty() ? "unknown" : c.verdict];
    if (!evaluated(c)) {
      continue;
    }
    ++k.evaluations;
    if (c.ok) {
      so_far = std::max(so_far, c.speedup);
    }
    k.curve.push_back({k.evaluations, k.tokens, so_far});
  }
  // Lineage: from the winning step back through first parents to ker0.
  std::map<std::string, const cache::Candidate*> by_slot;
  for (const auto& c : cands) {
    by_slot[c.slot] = &c;
  }
  std::vector<const cache::Candidate*> chain;
  std::set<std::string> seen;
  for (auto it = by_slot.find(k.what_won); it != by_slot.end() && seen.insert(it->first).second;) {
    chain.push_back(it->second);
    it = it->second->parents.empty() ? by_slot.end() : by_slot.find(it->second->parents.front());
  }
  std::reverse(chain.begin(), chain.end());
  // ker0's own code is in the run only when a knob/flag point kept its source.
  std::optional<std::string> ker0_code;
  for (const auto& c : cands) {
    if (!c.parents.empty() && c.parents.front() == "ker0" && c.op == "knobs/flags") {
      ker0_code = c.source;
      break;
    }
  }
  if (!ker0_code && winner && winner->candidate_slot.empty()) {
    ker0_code = winner->source; // "ker0 stays" winners hold ker0's source
  }
  k.lineage.push_back({"ker0", "", "", "", "", 1.0, "", ""});
  std::optional<std::string> previous = ker0_code;
  for (const cache::Candidate* c : chain) {
    Step s{
        c->slot, c->op, c->idea, c->thought, c->parents.empty() ? "" : c->parents.front(), c->speedup, setting_text(c->defines, c->flags),
        ""};
    const std::string code = code_of(*c);
    if (previous) {
      s.diff = unified_diff(*previous, code);
    } else {
      k.lineage_note = "ker0's source is not kept in this run's records, so the first step shows its whole code.";
      s.diff = unified_diff("", code);
    }
    previous = code;
    k.lineage.push_back(std::move(s));
  }
  return k;
}

} // namespace

Summary summarize(std::vector<double> speedups)
{
  Summary s;
  s.tasks = static_cast<int>(speedups.size());
  if (speedups.empty()) {
    return s;
  }
  std::sort(speedups.begin(), speedups.end());
  double sum = 0;
  for (double v : speedups) {
    sum += v;
    s.improved += v > 1.0 ? 1 : 0;
  }
  s.mean = sum / static_cast<double>(speedups.size());
  s.max = speedups.back();
  auto q = [&](double p) {
    const double pos = p * static_cast<double>(speedups.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, speedups.size() - 1);
    return speedups[lo] + (speedups[hi] - speedups[lo]) * (pos - static_cast<double>(lo));
  };
  s.p25 = q(0.25);
  s.p50 = q(0.50);
  s.p75 = q(0.75);
  return s;
}

Report build(cache::Cache& cache, const Selection& sel, const ideas::Pool* pool)
{
  Report r;
  r.cache_path = cache.path();
  std::vector<cache::Run> chosen;
  if (sel.run) {
    std::optional<cache::Run> run = cache.find_run(*sel.run);
    if (!run) {
      throw Fatal(located(cache.path(), 0, "no run " + std::to_string(*sel.run) + " (eok cache show lists the runs)"));
    }
    chosen.push_back(*run);
    r.selection = "run " + std::to_string(run->id) + " (" + run->kernel + ", started " + run->started_at + ")";
  } else {
    std::map<std::string, cache::Run> newest; // per kernel: the run started last (ids break ties)
    for (auto& run : cache.runs()) {
      auto it = newest.find(run.kernel);
      if (it == newest.end() || run.started_at > it->second.started_at ||
          (run.started_at == it->second.started_at && run.id > it->second.id)) {
        newest[run.kernel] = run;
      }
    }
    for (auto& [kernel, run] : newest) {
      chosen.push_back(run);
    }
    r.selection = "the newest run of each kernel (" + std::to_string(chosen.size()) + ")";
  }
  std::map<int64_t, std::vector<cache::Candidate>> by_run;
  std::vector<double> speedups;
  std::map<std::string, std::vector<double>> suite_speedups;
  for (const auto& run : chosen) {
    std::vector<cache::Candidate>& cands = by_run[run.id] = cache.candidates(run.id);
    KernelResult k = kernel_result(cache, run, cands);
    if (k.has_figures) {
      speedups.push_back(k.speedup);
      suite_speedups[k.suite].push_back(k.speedup);
    }
    for (const auto& [op, counts] : k.verdicts) {
      for (const auto& [verdict, n] : counts) {
        r.verdict_totals[verdict] += n;
      }
    }
    r.kernels.push_back(std::move(k));
  }
  r.overall = summarize(speedups);
  for (auto& [suite, v] : suite_speedups) {
    r.per_suite[suite] = summarize(v);
  }
  r.thoughts = thought_rows(cache, r.kernels, by_run, pool);
  return r;
}

std::string unified_diff(const std::string& a, const std::string& b)
{
  if (a == b) {
    return "";
  }
  const std::vector<std::string> x = util::split(a, '\n');
  const std::vector<std::string> y = util::split(b, '\n');
  const size_t n = x.size();
  const size_t m = y.size();
  // Longest common subsequence table (sources are a few hundred lines at most).
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Line
  {
    char tag;
    std::string text;
    size_t ai, bi; // 1-based line numbers in a and b after this line
  };
  std::vector<Line> lines;
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] == y[j]) {
      lines.push_back({' ', x[i], ++i, ++j});
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      lines.push_back({'-', x[i], ++i, j}); // deletions before insertions, as diff(1) shows them
    } else {
      lines.push_back({'+', y[j], i, ++j});
    }
  }
  // Hunks: changed lines with 3 lines of context, nearby hunks joined.
  constexpr size_t context = 3;
  std::string out = "--- parent\n+++ step\n";
  size_t k = 0;
  while (k < lines.size()) {
    if (lines[k].tag == ' ') {
      ++k;
      continue;
    }
    size_t start = k >= context ? k - context : 0;
    size_t end = k;
    size_t last_change = k;
    while (end < lines.size() && (lines[end].tag != ' ' || end - last_change <= 2 * context)) {
      if (lines[end].tag != ' ') {
        last_change = end;
      }
      ++end;
    }
    end = std::min(lines.size(), last_change + context + 1);
    size_t a_start = 0;
    size_t b_start = 0;
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t t = start; t < end; ++t) {
      const Line& l = lines[t];
      if (l.tag != '+') {
        a_start = a_start ? a_start : l.ai;
        ++a_count;
      }
      if (l.tag != '-') {
        b_start = b_start ? b_start : l.bi;
        ++b_count;
      }
    }
    out += "@@ -" + std::to_string(a_count ? a_start : lines[start].ai) + "," + std::to_string(a_count) + " +" +
           std::to_string(b_count ? b_start : lines[start].bi) + "," + std::to_string(b_count) + " @@\n";
    for (size_t t = start; t < end; ++t) {
      out += std::string(1, lines[t].tag) + lines[t].text + "\n";
    }
    k = end;
  }
  return out;
}

} // namespace eok::report
