#include "eval/verdict.hpp"

#include <cmath>
#include <cstdio>

namespace eok::eval {

const char* verdict_name(VerdictKind k)
{
  switch (k) {
  case VerdictKind::ok:
    return "ok";
  case VerdictKind::rejected:
    return "rejected";
  case VerdictKind::compile_failed:
    return "compile_failed";
  case VerdictKind::wrong_output:
    return "wrong_output";
  case VerdictKind::out_of_bounds:
    return "out_of_bounds";
  case VerdictKind::modified_input:
    return "modified_input";
  case VerdictKind::nondeterministic:
    return "nondeterministic";
  case VerdictKind::crashed:
    return "crashed";
  case VerdictKind::timeout:
    return "timeout";
  case VerdictKind::output_limit:
    return "output_limit";
  case VerdictKind::executor_fault:
    return "executor_fault";
  case VerdictKind::roi_violation:
    return "roi_violation";
  case VerdictKind::emulator_fault:
    return "emulator_fault";
  case VerdictKind::implausible:
    return "implausible";
  }
  return "unknown";
}

std::string json_escape(const std::string& s)
{
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c); // UTF-8 passes through; invalid bytes are the program's
      }
    }
  }
  return out + "\"";
}

namespace {

std::string number(double v)
{
  if (!std::isfinite(v)) {
    return "null";
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

} // namespace

std::optional<VerdictKind> verdict_kind(const std::string& name)
{
  // Every kind has a name other than "unknown"; walk them in enum order.
  for (int k = 0;; ++k) {
    const std::string n = verdict_name(static_cast<VerdictKind>(k));
    if (n == "unknown") {
      return std::nullopt;
    }
    if (n == name) {
      return static_cast<VerdictKind>(k);
    }
  }
}

std::string verdict_json(const Verdict& v)
{
  std::string j = "{\n";
  j += "  \"schema_version\": " + std::to_string(k_verdict_schema_version) + ",\n";
  j += "  \"verdict\": " + json_escape(verdict_name(v.kind)) + ",\n";
  j += "  \"reason\": " + json_escape(v.reason) + ",\n";
  j += "  \"seed\": " + std::to_string(v.seed) + ",\n";
  j += "  \"mismatch_count\": " + std::to_string(v.mismatch_count) + ",\n";
  j += "  \"mismatches\": [";
  for (size_t i = 0; i < v.mismatches.size(); ++i) {
    const Mismatch& m = v.mismatches[i];
    j += std::string(i ? ",\n    " : "\n    ") + "{\"shape\": " + json_escape(m.shape) + ", \"arg\": " + json_escape(m.arg) +
         ", \"index\": " + std::to_string(m.index) + ", \"expected\": " + json_escape(m.expected) + ", \"got\": " + json_escape(m.got) +
         "}";
  }
  j += v.mismatches.empty() ? "],\n" : "\n  ],\n";
  j += "  \"compiler_output\": " + json_escape(v.compiler_output) + ",\n";
  j += "  \"program_output\": " + json_escape(v.program_output) + ",\n";
  j += "  \"timing\": {\"compile_s\": " + number(v.timing.compile) + ", \"check_s\": " + number(v.timing.check) +
       ", \"perf_s\": " + number(v.timing.perf) + "}";
  if (v.measurement) {
    const perf::Measurement& m = *v.measurement;
    j += ",\n  \"measurement\": {\"runner\": " + json_escape(m.runner) + ", \"model_version\": " + json_escape(m.model_version) +
         ", \"cycles\": " + number(m.cycles) + ", \"spread\": " + number(m.spread) + ", \"sol_cycles\": " + number(m.sol_cycles) +
         ", \"sol_fraction\": " + number(m.sol_fraction) + ", \"bound\": " + json_escape(m.bound) + ", \"board\": " + json_escape(m.board) +
         (m.profile.empty() ? std::string() : ", \"profile\": " + json_escape(m.profile)) + "}";
    j += ",\n  \"speedup\": " + number(v.speedup);
  }
  return j + "\n}\n";
}

} // namespace eok::eval
