// `eok report` as one self-contained HTML file: inline CSS and SVG, no script,
// nothing fetched, so it opens offline and can be attached to a CI run.
#include "report/report.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cmath>

namespace eok::report {

namespace {

std::string esc(const std::string& s)
{
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string num(double v, int decimals)
{
  return util::fixed(v, decimals);
}

std::string x(double v)
{
  return util::fixed(v, 3) + "x";
}

const char* k_style = R"css(
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { padding: .2em .6em; border-bottom: 1px solid #eee; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted { color: #777; } .good { color: #17692f; } .bad { color: #a11; }
pre.diff { background: #f7f7f7; padding: .6em; overflow-x: auto; font-size: 12px; }
pre.diff .add { color: #17692f; } pre.diff .del { color: #a11; } pre.diff .hunk { color: #55a; }
svg text { font: 11px system-ui, sans-serif; fill: #333; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
)css";

// Horizontal bars: speedup per kernel (and the compared run's), then its SOL fraction.
std::string speedup_chart(const Report& r, const Report* cmp)
{
  const double row = cmp != nullptr ? 30 : 20;
  const double label_w = 190;
  const double bar_w = 360;
  const double sol_x = label_w + bar_w + 60;
  const double sol_w = 160;
  double max_speedup = 1.0;
  auto compared = [&](const KernelResult& k) -> const KernelResult* {
    if (cmp == nullptr) {
      return nullptr;
    }
    for (const auto& c : cmp->kernels) {
      if (c.kernel == k.kernel && c.has_figures) {
        return &c;
      }
    }
    return nullptr;
  };
  for (const auto& k : r.kernels) {
    max_speedup = std::max(max_speedup, k.speedup);
    if (const KernelResult* c = compared(k)) {
      max_speedup = std::max(max_speedup, c->speedup);
    }
  }
  const double h = 40 + row * static_cast<double>(r.kernels.size());
  std::string s = "<svg id=\"speedup-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(sol_x + sol_w + 60, 0) + "\" height=\"" +
                  num(h, 0) + "\" role=\"img\" aria-label=\"speedup and SOL fraction per kernel\">\n";
  s += "<text x=\"" + num(label_w, 0) + "\" y=\"14\">speedup over ker0 (line: 1.0x)</text>";
  s += "<text x=\"" + num(sol_x, 0) + "\" y=\"14\">fraction of speed of light</text>\n";
  const double one = label_w + bar_w / max_speedup;
  double y = 26;
  for (const auto& k : r.kernels) {
    s += "<text x=\"" + num(label_w - 6, 0) + "\" y=\"" + num(y + 12, 0) + "\" text-anchor=\"end\">" + esc(k.kernel) + "</text>";
    if (k.has_figures) {
      const double w = std::max(1.0, bar_w * k.speedup / max_speedup);
      s += "<rect class=\"bar speedup\" x=\"" + num(label_w, 0) + "\" y=\"" + num(y + 2, 0) + "\" width=\"" + num(w, 1) +
           "\" height=\"12\" fill=\"" + std::string(k.speedup > 1.0 ? "#2f7d46" : "#9aa") + "\"><title>" + esc(k.kernel) + ": " +
           x(k.speedup) + "</title></rect>";
      s += "<text x=\"" + num(label_w + w + 4, 0) + "\" y=\"" + num(y + 12, 0) + "\">" + x(k.speedup) + "</text>";
      const double f = std::clamp(k.sol_fraction, 0.0, 1.0);
      s += "<rect x=\"" + num(sol_x, 0) + "\" y=\"" + num(y + 2, 0) + "\" width=\"" + num(sol_w, 0) +
           "\" height=\"12\" fill=\"#eee\"/><rect class=\"bar sol\" x=\"" + num(sol_x, 0) + "\" y=\"" + num(y + 2, 0) + "\" width=\"" +
           num(std::max(1.0, sol_w * f), 1) + "\" height=\"12\" fill=\"#4a6fa5\"><title>SOL fraction " + num(k.sol_fraction, 3) +
           "</title></rect>";
      s += "<text x=\"" + num(sol_x + sol_w + 4, 0) + "\" y=\"" + num(y + 12, 0) + "\">" + num(k.sol_fraction, 2) + "</text>";
    } else {
      s += "<text x=\"" + num(label_w, 0) + "\" y=\"" + num(y + 12, 0) + "\" class=\"muted\">no figures (" +
           esc(k.run.note.empty() ? run_state_name(k.run.state) : "failed") + ")</text>";
    }
    if (const KernelResult* c = compared(k)) {
      const double w = std::max(1.0, bar_w * c->speedup / max_speedup);
      s += "<rect class=\"bar compare\" x=\"" + num(label_w, 0) + "\" y=\"" + num(y + 15, 0) + "\" width=\"" + num(w, 1) +
           "\" height=\"9\" fill=\"#c98a2b\"><title>compared run: " + x(c->speedup) + "</title></rect>";
      s += "<text x=\"" + num(label_w + w + 4, 0) + "\" y=\"" + num(y + 24, 0) + "\" class=\"muted\">" + x(c->speedup) + "</text>";
    }
    y += row;
  }
  s += "<line x1=\"" + num(one, 1) + "\" y1=\"20\" x2=\"" + num(one, 1) + "\" y2=\"" + num(h - 6, 0) +
       "\" stroke=\"#a11\" stroke-dasharray=\"3,3\"/>";
  return s + "</svg>\n";
}

// Best speedup so far against evaluations (or tokens): the paper's Figures 7-9.
std::string curve_chart(const KernelResult& k, bool by_tokens, const KernelResult* cmp)
{
  const double w = 320;
  const double h = 180;
  const double left = 44;
  const double bottom = 28;
  const double pw = w - left - 10;
  const double ph = h - bottom - 22;
  auto xval = [&](const CurvePoint& p) { return by_tokens ? static_cast<double>(p.tokens) : static_cast<double>(p.evaluations); };
  double xmax = 1;
  double ymax = 1.0;
  for (const auto* kr : {&k, cmp}) {
    if (kr == nullptr) {
      continue;
    }
    for (const auto& p : kr->curve) {
      xmax = std::max(xmax, xval(p));
      ymax = std::max(ymax, p.best);
    }
  }
  ymax *= 1.05;
  auto px = [&](double v) { return left + pw * v / xmax; };
  auto py = [&](double v) { return 22 + ph - ph * v / ymax; };
  std::string s = "<svg class=\"convergence\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(w, 0) + "\" height=\"" + num(h, 0) +
                  "\" role=\"img\" aria-label=\"" + esc(k.kernel) + " best speedup against " + (by_tokens ? "tokens" : "evaluations") +
                  "\">";
  s += "<text x=\"" + num(left, 0) + "\" y=\"13\">" + esc(k.kernel) + (by_tokens ? " (by LLM tokens)" : " (by evaluations)") + "</text>";
  s += "<line x1=\"" + num(left, 0) + "\" y1=\"" + num(22 + ph, 0) + "\" x2=\"" + num(left + pw, 0) + "\" y2=\"" + num(22 + ph, 0) +
       "\" stroke=\"#999\"/>";
  s += "<line x1=\"" + num(left, 0) + "\" y1=\"22\" x2=\"" + num(left, 0) + "\" y2=\"" + num(22 + ph, 0) + "\" stroke=\"#999\"/>";
  s += "<line x1=\"" + num(left, 0) + "\" y1=\"" + num(py(1.0), 1) + "\" x2=\"" + num(left + pw, 0) + "\" y2=\"" + num(py(1.0), 1) +
       "\" stroke=\"#a11\" stroke-dasharray=\"3,3\"/>";
  s += "<text x=\"" + num(left - 4, 0) + "\" y=\"" + num(py(ymax / 1.05) + 4, 0) + "\" text-anchor=\"end\">" + num(ymax / 1.05, 2) +
       "</text>";
  s += "<text x=\"" + num(left - 4, 0) + "\" y=\"" + num(py(1.0) + 4, 0) + "\" text-anchor=\"end\">1.00</text>";
  s += "<text x=\"" + num(left + pw, 0) + "\" y=\"" + num(h - 8, 0) + "\" text-anchor=\"end\">" +
       (by_tokens ? util::fixed(xmax / 1000.0, 1) + "k tokens" : num(xmax, 0) + " evaluations") + "</text>";
  auto path = [&](const KernelResult& kr, const char* colour, const char* cls) {
    if (kr.curve.empty()) {
      return std::string();
    }
    std::string d = "M" + num(px(0), 1) + "," + num(py(1.0), 1);
    double last = 1.0;
    for (const auto& p : kr.curve) {
      d += " L" + num(px(xval(p)), 1) + "," + num(py(last), 1); // a step: flat until the improvement
      d += " L" + num(px(xval(p)), 1) + "," + num(py(p.best), 1);
      last = p.best;
    }
    return "<path class=\"" + std::string(cls) + "\" d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>";
  };
  s += path(k, "#2f7d46", "curve");
  if (cmp != nullptr) {
    s += path(*cmp, "#c98a2b", "curve compare");
  }
  return s + "</svg>\n";
}

std::string summary_rows(const std::string& label, const Summary& s)
{
  return "<tr><td>" + esc(label) + "</td><td class=\"n\">" + std::to_string(s.improved) + " / " + std::to_string(s.tasks) +
         "</td><td class=\"n\">" + x(s.mean) + "</td><td class=\"n\">" + x(s.max) + "</td><td class=\"n\">" + x(s.p75) +
         "</td><td class=\"n\">" + x(s.p50) + "</td><td class=\"n\">" + x(s.p25) + "</td></tr>\n";
}

std::string diff_html(const std::string& diff)
{
  std::string out = "<pre class=\"diff\">";
  for (const auto& line : util::split(diff, '\n')) {
    const char* cls = line.rfind("@@", 0) == 0                                 ? "hunk"
                      : line.rfind("+++", 0) == 0 || line.rfind("---", 0) == 0 ? "muted"
                      : !line.empty() && line[0] == '+'                        ? "add"
                      : !line.empty() && line[0] == '-'                        ? "del"
                                                                               : "";
    out += std::string("<span class=\"") + cls + "\">" + esc(line) + "</span>\n";
  }
  return out + "</pre>";
}

const KernelResult* find(const Report* r, const std::string& kernel)
{
  if (r == nullptr) {
    return nullptr;
  }
  for (const auto& k : r->kernels) {
    if (k.kernel == kernel) {
      return &k;
    }
  }
  return nullptr;
}

} // namespace

std::string html(const Report& r, const Report* cmp)
{
  std::string s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>eok report</title><style>";
  s += k_style;
  s += "</style></head><body>\n<h1>eok tuning report</h1>\n";
  s += "<p class=\"muted\">Cache <code>" + esc(r.cache_path) + "</code>: " + esc(r.selection) +
       ". Figures are X60 model cycles "
       "unless a run says otherwise; speedup is over ker0 (the project's own implementation) on the kernel's performance "
       "shape; ker0 staying counts as 1.0x.</p>\n";
  if (cmp != nullptr) {
    s += "<p>Compared with <code>" + esc(cmp->cache_path) + "</code>: " + esc(cmp->selection) + " (orange).</p>\n";
  }

  s += "<h2 id=\"summary\">Summary</h2>\n<table><tr><th></th><th class=\"n\">improved / tasks</th><th class=\"n\">mean</th><th "
       "class=\"n\">max</th><th class=\"n\">75%</th><th class=\"n\">50%</th><th class=\"n\">25%</th></tr>\n";
  s += summary_rows("all tasks", r.overall);
  for (const auto& [suite, sum] : r.per_suite) {
    s += summary_rows("suite " + suite, sum);
  }
  if (cmp != nullptr) {
    s += summary_rows("compared: all tasks", cmp->overall);
    for (const auto& [suite, sum] : cmp->per_suite) {
      s += summary_rows("compared: suite " + suite, sum);
    }
  }
  s += "</table>\n";

  s += "<h2 id=\"kernels\">Kernels</h2>\n" + speedup_chart(r, cmp);
  s += "<table><tr><th>kernel</th><th class=\"n\">ker0 cycles</th><th class=\"n\">best cycles</th><th class=\"n\">speedup</th>"
       "<th class=\"n\">SOL</th>";
  if (cmp != nullptr) {
    s += "<th class=\"n\">compared</th><th class=\"n\">ratio</th>";
  }
  s += "<th>what won</th><th class=\"n\">evaluations</th><th class=\"n\">tokens</th><th>run</th><th>model</th></tr>\n";
  for (const auto& k : r.kernels) {
    s += "<tr><td><a href=\"#k-" + esc(k.kernel) + "\">" + esc(k.kernel) + "</a></td>";
    if (k.has_figures) {
      s += "<td class=\"n\">" + num(k.ker0_cycles, 0) + "</td><td class=\"n\">" + num(k.best_cycles, 0) + "</td><td class=\"n " +
           (k.speedup > 1.0 ? "good" : "") + "\">" + x(k.speedup) + "</td><td class=\"n\">" + num(k.sol_fraction, 3) + "</td>";
    } else {
      s += "<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>";
    }
    if (cmp != nullptr) {
      const KernelResult* c = find(cmp, k.kernel);
      const bool both = c != nullptr && c->has_figures && k.has_figures;
      s += "<td class=\"n\">" + (c != nullptr && c->has_figures ? x(c->speedup) : "-") + "</td><td class=\"n\">" +
           (both ? num(k.speedup / c->speedup, 3) : "-") + "</td>";
    }
    s += "<td>" + esc(k.what_won) + "</td><td class=\"n\">" + std::to_string(k.evaluations) + "</td><td class=\"n\">" +
         std::to_string(k.tokens) + "</td><td>" + std::to_string(k.run.id) + " " + run_state_name(k.run.state) +
         "</td><td class=\"muted\">" + esc(k.model_version.substr(0, 24)) + "</td></tr>\n";
  }
  s += "</table>\n";

  s += "<h2 id=\"convergence\">Convergence</h2>\n<p class=\"muted\">Best speedup found so far after each evaluation (and "
       "against LLM tokens where the run used an LLM).</p>\n<div class=\"charts\">\n";
  for (const auto& k : r.kernels) {
    if (k.curve.empty()) {
      continue;
    }
    const KernelResult* c = find(cmp, k.kernel);
    s += curve_chart(k, false, c);
    if (k.tokens > 0) {
      s += curve_chart(k, true, c != nullptr && c->tokens > 0 ? c : nullptr);
    }
  }
  s += "</div>\n";

  s += "<h2 id=\"ideas\">Idea pool</h2>\n<table><tr><th>idea</th><th>thought</th><th class=\"n\">prior</th><th "
       "class=\"n\">learned</th><th class=\"n\">sampled</th><th class=\"n\">passed</th><th class=\"n\">improved</th><th "
       "class=\"n\">best</th></tr>\n";
  for (const auto& t : r.thoughts) {
    s += "<tr><td>" + esc(t.idea) + "</td><td>" + esc(t.thought) + "</td><td class=\"n\">" + num(t.prior, 2) + "</td><td class=\"n\">" +
         (t.learned ? num(*t.learned, 3) : "-") + "</td><td class=\"n\">" + std::to_string(t.sampled) + "</td><td class=\"n\">" +
         std::to_string(t.passed) + "</td><td class=\"n\">" + std::to_string(t.improved) + "</td><td class=\"n\">" +
         (t.passed > 0 ? x(t.best) : "-") + "</td></tr>\n";
  }
  s += "</table>\n";

  s += "<h2 id=\"verdicts\">Verdicts</h2>\n<table><tr><th>kernel</th><th>operator</th><th>verdicts</th></tr>\n";
  for (const auto& k : r.kernels) {
    for (const auto& [op, counts] : k.verdicts) {
      std::vector<std::string> parts;
      for (const auto& [verdict, n] : counts) {
        parts.push_back(verdict + " " + std::to_string(n));
      }
      s += "<tr><td>" + esc(k.kernel) + "</td><td>" + esc(op) + "</td><td>" + esc(util::join(parts, ", ")) + "</td></tr>\n";
    }
  }
  s += "</table>\n";

  s += "<h2 id=\"lineage\">Winners' lineage</h2>\n";
  for (const auto& k : r.kernels) {
    s += "<h3 id=\"k-" + esc(k.kernel) + "\">" + esc(k.kernel) + ": " + x(k.speedup) + "</h3>\n<ol class=\"lineage\">\n";
    for (const auto& step : k.lineage) {
      s += "<li><b>" + esc(step.slot) + "</b>";
      if (!step.op.empty()) {
        s += " " + esc(step.op);
      }
      if (!step.idea.empty()) {
        s += ", idea " + esc(step.idea) + (step.thought.empty() ? "" : " / " + esc(step.thought));
      }
      if (!step.parent.empty()) {
        s += ", from " + esc(step.parent);
      }
      if (!step.setting.empty()) {
        s += ", <code>" + esc(step.setting) + "</code>";
      }
      s += ": " + x(step.speedup);
      if (!step.diff.empty()) {
        s += "<details><summary>diff</summary>" + diff_html(step.diff) + "</details>";
      }
      s += "</li>\n";
    }
    s += "</ol>\n";
    if (!k.lineage_note.empty()) {
      s += "<p class=\"muted\">" + esc(k.lineage_note) + "</p>\n";
    }
  }
  return s + "</body></html>\n";
}

} // namespace eok::report
