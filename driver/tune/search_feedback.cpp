#include "tune/search_feedback.hpp"

#include "llm/json.hpp"

#include <map>
#include <regex>

namespace eok::tune {

namespace {

using llm::flat_text;

std::string clip(std::string s, size_t n)
{
  if (s.size() > n) {
    s = s.substr(0, n - 3) + "...";
  }
  return s;
}

// Directories dropped from every path in a line: scratch paths name the process and a random
// directory (`.eok/work/nn-relu-7259-0/eval.xGNR5g/candidate.c`), and a prompt must be the same
// text in every run with the same replies (replayed transcripts are keyed by its hash).
std::string without_directories(const std::string& line)
{
  static const std::regex dirs(R"((?:[A-Za-z0-9_.+~-]*/)+(?=[A-Za-z0-9_.+~-]))");
  return std::regex_replace(line, dirs, "");
}

// The first lines of `text` that `keep` accepts, at most `n`, each clipped.
template<class Keep> std::string first_lines(const std::string& text, size_t n, Keep keep)
{
  std::string out;
  size_t taken = 0;
  size_t at = 0;
  while (at < text.size() && taken < n) {
    size_t end = text.find('\n', at);
    std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? text.size() : end + 1;
    if (!line.empty() && keep(line)) {
      out += "\n  " + clip(without_directories(line), 160);
      ++taken;
    }
  }
  return out;
}

std::string feedback_of(const std::map<std::string, std::string>& f)
{
  const std::string verdict = flat_text(f, "verdict");
  if (verdict.empty() || verdict == "ok") {
    return {};
  }
  std::string reason = flat_text(f, "reason");
  if (f.count("mismatches.0.shape") != 0 && reason.find(';') != std::string::npos) {
    reason = reason.substr(0, reason.find(';')); // its "first at ..." is told by the lines below
  }
  std::string s = verdict + ": " + clip(reason, 200);
  const std::string count = flat_text(f, "mismatch_count");
  for (int i = 0; i < 2; ++i) {
    const std::string at = "mismatches." + std::to_string(i) + ".";
    if (f.count(at + "shape") == 0) {
      break;
    }
    s += "\n  wrong at " + flat_text(f, at + "shape") + ": " + flat_text(f, at + "arg") + "[" + flat_text(f, at + "index") + "] expected " +
         flat_text(f, at + "expected") + ", got " + flat_text(f, at + "got");
  }
  if (!count.empty() && count != "0" && f.count("mismatches.0.shape") != 0) {
    s += "\n  (" + count + " element(s) wrong in all)";
  }
  if (verdict == "compile_failed") {
    s += first_lines(flat_text(f, "compiler_output"), 3, [](const std::string& l) { return l.find("error") != std::string::npos; });
  } else if (verdict != "wrong_output") {
    s += first_lines(flat_text(f, "program_output"), 1, [](const std::string&) { return true; });
  }
  return clip(s, k_feedback_max_chars);
}

} // namespace

void add_search_feedback(search::Evaluation& e)
{
  e.profile.clear();
  e.feedback.clear();
  if (e.verdict_json.empty()) {
    return;
  }
  auto f = llm::parse_flat_object(e.verdict_json);
  if (!f) {
    return;
  }
  e.profile = flat_text(*f, "measurement.profile");
  if (!e.ok) {
    e.feedback = feedback_of(*f);
  }
}

} // namespace eok::tune
