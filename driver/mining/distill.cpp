#include "mining/distill.hpp"

#include "llm/reply.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"
#include "util/toml_doc.hpp"

#include <algorithm>
#include <cctype>

namespace eok::mining {

namespace {

constexpr size_t k_max_text = 4000; // per prose field
constexpr size_t k_max_code = size_t{64} << 10;

Distillation fail(std::string why)
{
  Distillation d;
  d.failure = std::move(why);
  return d;
}

// A required, non-empty, bounded string field; "" and `why` set when it is not.
std::string field(toml::TableReader& r, const std::string& key, size_t max, std::string& why)
{
  const toml::Node* n = r.get(key);
  if (n == nullptr) {
    why = "missing key '" + key + "'";
    return {};
  }
  if (n->kind != toml::Kind::string) {
    why = "'" + key + "' is " + toml::kind_name(n->kind) + ", expected a string";
    return {};
  }
  std::string v = util::trim(n->str);
  if (v.empty()) {
    why = "'" + key + "' is empty";
  } else if (v.size() > max) {
    why = "'" + key + "' is too long (" + std::to_string(v.size()) + " bytes)";
  } else if (v.find('\0') != std::string::npos) {
    why = "'" + key + "' contains NUL bytes";
  }
  return why.empty() ? v : std::string();
}

Distillation from_toml(const std::string& text, const std::string& c_block)
{
  toml::Document doc;
  try {
    doc = toml::parse_text(text, "reply");
  } catch (const std::exception& e) {
    return fail(std::string("the TOML block does not parse: ") + e.what());
  }
  toml::TableReader r(doc, doc.root, "");
  Distillation d;
  if (const toml::Node* rel = r.get("relevant")) {
    if (rel->kind != toml::Kind::boolean) {
      return fail("'relevant' is not a boolean");
    }
    d.relevant = rel->boolean;
  }
  if (!d.relevant) {
    d.ok = true;
    return d;
  }
  std::string why;
  d.idea = field(r, "idea", k_max_text, why);
  if (why.empty()) {
    d.description = field(r, "description", k_max_text, why);
  }
  if (why.empty()) {
    d.applicability = field(r, "applicability", k_max_text, why);
  }
  if (why.empty()) {
    if (r.get("code") == nullptr && !util::trim(c_block).empty()) {
      d.code = c_block; // the code in its own ```c block after the TOML one
    } else {
      d.code = field(r, "code", k_max_code, why);
    }
  }
  if (!why.empty()) {
    return fail(why);
  }
  if (const toml::Node* n = r.get("name"); n != nullptr && n->kind == toml::Kind::string) {
    d.name = slug(n->str);
  }
  while (!d.code.empty() && std::isspace(static_cast<unsigned char>(d.code.back()))) {
    d.code.pop_back();
  }
  d.code += '\n';
  d.ok = true;
  return d;
}

} // namespace

std::string slug(std::string_view text, size_t max)
{
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= max) {
      break;
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

Distillation parse_distillation(std::string_view reply)
{
  if (util::trim(reply).empty()) {
    return fail("empty reply");
  }
  bool unterminated = false;
  std::string text = llm::strip_thinking(reply, unterminated);
  std::vector<llm::CodeBlock> blocks = llm::code_blocks(text);
  // The last closed block labelled toml wins (models restate their answer last);
  // a C block after it may carry the code.
  const llm::CodeBlock* chosen = nullptr;
  for (const auto& b : blocks) {
    std::string info = util::trim(b.info);
    std::transform(info.begin(), info.end(), info.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (info == "toml" && b.closed) {
      chosen = &b;
    }
  }
  if (chosen == nullptr) {
    std::string why =
        blocks.empty() ? "no ```toml block in reply" : "no closed ```toml block in reply (" + std::to_string(blocks.size()) + " blocks)";
    return fail(unterminated ? why + "; the reply ended inside <think>" : why);
  }
  std::string c_block;
  for (const auto& b : blocks) {
    std::string info = util::trim(b.info);
    if (b.start > chosen->start && b.closed && (info == "c" || info == "C" || info == "cpp")) {
      c_block = b.code;
      break;
    }
  }
  return from_toml(chosen->code, c_block);
}

llm::Request distill_prompt(const Commit& commit)
{
  llm::Request p;
  p.label = "distill";
  p.system = "You are an expert in optimising numerical kernels for RISC-V processors with the Vector extension (RVV 1.0). "
             "You read commits of a kernel library and distil the general optimisation idea behind each one into an "
             "actionable thought another kernel author can apply.";
  std::string u = "Commit " + commit.hash + "\nSubject: " + commit.subject + "\n";
  if (!commit.body.empty()) {
    u += "Message:\n" + commit.body + "\n";
  }
  u += commit.diff.empty() ? "\n(The commit changed no C, C++ or assembly source.)\n"
                           : "\nDiff of the kernel sources it changed:\n```diff\n" + commit.diff + "```\n";
  u += "\nWhat general optimisation does this commit apply, beyond this library and architecture? Answer with exactly one "
       "fenced TOML block and nothing else:\n"
       "```toml\n"
       "relevant = true   # false if the commit applies no reusable optimisation (then omit the other keys)\n"
       "name = \"short-kebab-case-name\"\n"
       "idea = \"the general design principle, one or two sentences\"\n"
       "description = \"the actionable thought: what to change in a kernel and when, concrete enough to act on\"\n"
       "applicability = \"which kernels, data types and sizes it helps, and when it does not\"\n"
       "code = '''\n#include <riscv_vector.h>\n/* a complete C translation unit with RVV 1.0 intrinsics (__riscv_*) showing the "
       "thought on a small kernel; handles any n, including 0 */\n'''\n"
       "```\n";
  p.user = std::move(u);
  return p;
}

std::vector<DistillOutcome> distill_commits(llm::Provider& provider, llm::Meter& meter, const std::vector<Commit>& commits, int concurrency,
                                            std::string& stopped)
{
  std::vector<DistillOutcome> out(commits.size());
  for (size_t i = 0; i < commits.size(); ++i) {
    out[i].commit = commits[i];
  }
  // A configuration fault (401, unknown model) stops the others and is rethrown once.
  std::string why = llm::send_within_budget(meter, commits.size(), concurrency, [&](size_t i) {
    DistillOutcome& o = out[i];
    llm::Completion c = provider.complete(distill_prompt(commits[i]));
    meter.add(c.usage, c.ok, c.attempts);
    o.sent = true;
    o.tokens = c.usage.total();
    o.result = c.ok ? parse_distillation(c.content) : fail("llm: " + c.error);
  });
  if (stopped.empty()) {
    stopped = why;
  }
  return out;
}

} // namespace eok::mining
