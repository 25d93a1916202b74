#include "eval/verdict.hpp"

#include "util/json_write.hpp"
#include "util/strings.hpp"

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

std::optional<VerdictKind> verdict_kind(const std::string& name)
{
  return util::enum_from_name(verdict_name, name);
}

std::string verdict_json(const Verdict& v)
{
  std::string j = "{\n";
  j += "  \"schema_version\": " + std::to_string(k_verdict_schema_version) + ",\n";
  j += "  \"verdict\": " + util::json_quote(verdict_name(v.kind)) + ",\n";
  j += "  \"reason\": " + util::json_quote(v.reason) + ",\n";
  j += "  \"seed\": " + std::to_string(v.seed) + ",\n";
  j += "  \"mismatch_count\": " + std::to_string(v.mismatch_count) + ",\n";
  j += "  \"mismatches\": [";
  for (size_t i = 0; i < v.mismatches.size(); ++i) {
    const Mismatch& m = v.mismatches[i];
    j += std::string(i ? ",\n    " : "\n    ") + "{\"shape\": " + util::json_quote(m.shape) + ", \"arg\": " + util::json_quote(m.arg) +
         ", \"index\": " + std::to_string(m.index) + ", \"expected\": " + util::json_quote(m.expected) +
         ", \"got\": " + util::json_quote(m.got) + "}";
  }
  j += v.mismatches.empty() ? "],\n" : "\n  ],\n";
  j += "  \"compiler_output\": " + util::json_quote(v.compiler_output) + ",\n";
  j += "  \"program_output\": " + util::json_quote(v.program_output) + ",\n";
  j += "  \"timing\": {\"compile_s\": " + util::json_number_exact(v.timing.compile) +
       ", \"check_s\": " + util::json_number_exact(v.timing.check) + ", \"perf_s\": " + util::json_number_exact(v.timing.perf) + "}";
  if (v.measurement) {
    const perf::Measurement& m = *v.measurement;
    j += ",\n  \"measurement\": {\"runner\": " + util::json_quote(m.runner) + ", \"model_version\": " + util::json_quote(m.model_version) +
         ", \"cycles\": " + util::json_number_exact(m.cycles) + ", \"spread\": " + util::json_number_exact(m.spread) +
         ", \"sol_cycles\": " + util::json_number_exact(m.sol_cycles) + ", \"sol_fraction\": " + util::json_number_exact(m.sol_fraction) +
         ", \"bound\": " + util::json_quote(m.bound) + ", \"board\": " + util::json_quote(m.board) +
         (m.profile.empty() ? std::string() : ", \"profile\": " + util::json_quote(m.profile)) + "}";
    j += ",\n  \"speedup\": " + util::json_number_exact(v.speedup);
  }
  return j + "\n}\n";
}

} // namespace eok::eval
