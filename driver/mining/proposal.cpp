#include "mining/proposal.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace eok::mining {

namespace {

// Length of the valid UTF-8 sequence at s[i], 0 when invalid (overlong, surrogate, > U+10FFFF, cut).
size_t utf8_length(std::string_view s, size_t i)
{
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    return 1;
  }
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      return 0;
    }
  }
  if ((c == 0xE0 && b(i + 1) < 0xA0) || (c == 0xED && b(i + 1) > 0x9F) || (c == 0xF0 && b(i + 1) < 0x90) ||
      (c == 0xF4 && b(i + 1) > 0x8F)) {
    return 0;
  }
  return n;
}

std::string valid_utf8(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

bool is_control(unsigned char c, bool allow_newline)
{
  if (c == '\t' || (allow_newline && c == '\n')) {
    return false;
  }
  return c < 0x20 || c == 0x7F;
}

// One line for a TOML comment: no control characters.
std::string comment_line(std::string_view s)
{
  std::string out = valid_utf8(s);
  for (char& ch : out) {
    if (is_control(static_cast<unsigned char>(ch), false)) {
      ch = ' ';
    }
  }
  return out;
}

std::string short_hash(const std::string& h)
{
  return h.substr(0, 10);
}

std::string unique_id(std::string base, const ideas::Pool& pool, const std::set<std::string>& taken)
{
  std::string id = base;
  for (int n = 2; pool.find_thought(id) != nullptr || taken.count(id) != 0; ++n) {
    id = base + "-" + std::to_string(n);
  }
  return id;
}

std::vector<Vector> embed_all(const Embed& embed, const std::vector<std::string>& texts, size_t batch)
{
  std::vector<Vector> out;
  for (size_t at = 0; at < texts.size(); at += batch) {
    std::vector<std::string> part(texts.begin() + static_cast<ptrdiff_t>(at),
                                  texts.begin() + static_cast<ptrdiff_t>(std::min(texts.size(), at + batch)));
    auto r = embed(part);
    if (!r) {
      throw Fatal("embeddings: " + r.error());
    }
    if (r->size() != part.size()) {
      throw Fatal("embeddings: " + std::to_string(part.size()) + " texts sent, " + std::to_string(r->size()) + " vectors received");
    }
    for (auto& v : *r) {
      out.push_back(std::move(v));
    }
  }
  return out;
}

} // namespace

std::string embedding_text(const std::string& description)
{
  return util::trim(util::replace_all(util::replace_all(description, "\r", " "), "\n", " "));
}

double evidence_effectiveness(size_t commits)
{
  return std::min(0.8, 0.3 + 0.1 * static_cast<double>(commits));
}

Proposal propose(const ideas::Pool& pool, const std::vector<DistillOutcome>& outcomes, const Embed& embed, const ProposeOptions& o)
{
  Proposal p;
  std::vector<const DistillOutcome*> usable;
  for (const auto& d : outcomes) {
    if (!d.sent) {
      ++p.not_sent;
    } else if (!d.result.ok) {
      p.failed.push_back(d);
    } else if (!d.result.relevant) {
      p.irrelevant.push_back(d);
    } else {
      usable.push_back(&d);
    }
  }
  p.distilled = usable.size();
  if (usable.empty()) {
    return p;
  }
  std::vector<std::string> ids;
  std::vector<std::string> texts;
  for (const auto& idea : pool.ideas) {
    for (const auto& t : idea.thoughts) {
      ids.push_back(t.id);
      texts.push_back(embedding_text(t.description));
    }
  }
  const size_t existing = texts.size();
  for (const auto* d : usable) {
    texts.push_back(embedding_text(d->result.description));
  }
  std::vector<Vector> vectors = embed_all(embed, texts, std::max<size_t>(1, o.batch));
  const std::vector<Vector> seeds(vectors.begin(), vectors.begin() + static_cast<ptrdiff_t>(existing));

  std::vector<size_t> rest; // indices into `usable` no existing thought explains
  for (size_t i = 0; i < usable.size(); ++i) {
    Nearest n = nearest(vectors[existing + i], seeds);
    if (n.similarity >= o.assign_threshold && n.similarity > -2) {
      p.assigned[ids[n.index]].push_back({usable[i]->commit, n.similarity, usable[i]->result.description});
    } else {
      rest.push_back(i);
    }
  }
  std::vector<Vector> rest_vectors;
  for (size_t i : rest) {
    rest_vectors.push_back(vectors[existing + i]);
  }
  std::set<std::string> taken;
  for (const auto& c : cluster_greedy(rest_vectors, o.cluster_threshold)) {
    ProposedThought t;
    const DistillOutcome& rep = *usable[rest[c.representative]];
    t.thought = rep.result;
    std::string base = !rep.result.name.empty() ? rep.result.name : slug(rep.result.description, 30);
    base = slug("mined-" + (base.empty() ? rep.commit.hash.substr(0, 8) : base), 48);
    t.id = unique_id(base, pool, taken);
    taken.insert(t.id);
    for (size_t m : c.members) {
      t.commits.push_back(usable[rest[m]]->commit);
      t.cohesion = std::min(t.cohesion, cosine(rest_vectors[m], c.centroid));
    }
    t.effectiveness = evidence_effectiveness(t.commits.size());
    p.proposed.push_back(std::move(t));
  }
  return p;
}

std::string toml_text(std::string_view raw)
{
  std::string s = valid_utf8(raw);
  const bool literal_ok = s.find("'''") == std::string::npos && (s.empty() || s.back() != '\'') &&
                          std::none_of(s.begin(), s.end(), [](char c) { return is_control(static_cast<unsigned char>(c), true); });
  if (literal_ok) {
    return "'''\n" + s + "'''"; // the newline after the opening quotes is not part of the value
  }
  std::string out = "\"\"\"\n";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '\\' || ch == '"') {
      out += '\\';
      out += ch;
    } else if (c == '\n' || c == '\t') {
      out += ch;
    } else if (is_control(c, true)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"\"\"";
}

std::string proposal_toml(const Proposal& p, const ProposalHeader& h)
{
  if (p.proposed.empty()) {
    throw Fatal("proposal_toml: no proposed thought (an idea needs at least one)");
  }
  std::string s;
  auto comment = [&s](const std::string& line) { s += "# " + comment_line(line) + "\n"; };
  comment("Proposed by `eok ideas mine` from " + h.repo + " (" + h.rev + "), " + h.date + ", model " + h.model + ".");
  comment("A proposal for review: move thoughts worth keeping into ideas/ by hand (ideas/FORMAT.md).");
  comment(std::to_string(h.scanned) + " commits read, " + std::to_string(h.kept) + " optimisation-like, " + std::to_string(p.distilled) +
          " distilled, " + std::to_string(p.irrelevant.size()) + " judged not reusable, " + std::to_string(p.failed.size()) + " failed, " +
          std::to_string(p.not_sent) + " not sent (budget).");
  comment("Thresholds (cosine of description embeddings): assign " + util::fixed(h.options.assign_threshold, 2) + ", cluster " +
          util::fixed(h.options.cluster_threshold, 2) + ".");
  s += "#\n";
  comment("Evidence for existing thoughts (thought: commit similarity subject):");
  if (p.assigned.empty()) {
    comment("  (none)");
  }
  for (const auto& kv : p.assigned) {
    for (const auto& e : kv.second) {
      comment("  " + kv.first + ": " + short_hash(e.commit.hash) + " " + util::fixed(e.similarity, 3) + " " + e.commit.subject);
    }
  }
  if (!p.failed.empty()) {
    comment("Failed distillations (commit: reason):");
    for (const auto& f : p.failed) {
      comment("  " + short_hash(f.commit.hash) + ": " + f.result.failure.substr(0, 200));
    }
  }
  s += "\n[idea]\nid = \"" + h.idea_id + "\"\n";
  std::vector<std::string> principles;
  for (const auto& t : p.proposed) {
    if (std::find(principles.begin(), principles.end(), t.thought.idea) == principles.end()) {
      principles.push_back(t.thought.idea);
    }
  }
  std::string principle = principles.size() == 1 ? principles[0]
                                                 : "Optimisations mined from " + h.repo +
                                                       "'s history, one thought per cluster of similar commits; regroup into ideas on "
                                                       "review. Their principles:\n- " +
                                                       util::join(principles, "\n- ");
  s += "principle = " + toml_text(principle) + "\n";
  for (const auto& t : p.proposed) {
    s += "\n[[thought]]\nid = \"" + t.id + "\"\n";
    s += "description = " + toml_text(t.thought.description + "\n\nApplies when: " + t.thought.applicability) + "\n";
    s += "effectiveness = " + util::fixed(t.effectiveness, 2) + "\n";
    std::string why = "Mined from " + std::to_string(t.commits.size()) + " commit" + (t.commits.size() == 1 ? "" : "s") + " of " + h.repo +
                      " (cluster cohesion " + util::fixed(t.cohesion, 3) + "):\n";
    for (const auto& c : t.commits) {
      why += "- " + c.hash + " " + comment_line(c.subject) + "\n";
    }
    why += "General idea: " + t.thought.idea + "\n";
    why += "Effectiveness prior 0.3 + 0.1 per supporting commit, at most 0.8: independent commits applying the idea are the only "
           "evidence here (the paper's figure comes from the library's benchmark history, which eok does not read).";
    s += "rationale = " + toml_text(why) + "\n";
    s += "code = " + toml_text(t.thought.code) + "\n";
  }
  return s;
}

} // namespace eok::mining
