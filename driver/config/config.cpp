#include "config/config.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/secrets.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"
#include "util/toml_doc.hpp"

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <map>
#include <type_traits>
#include <variant>

extern char** environ;

namespace eok::config {

namespace {

using Field = std::variant<std::string Config::*, int64_t Config::*, uint64_t Config::*, double Config::*, bool Config::*>;

struct KeyDef
{
  const char* name;
  Field field;
  const char* help;
  std::vector<std::string> choices; // non-empty: the value must be one of these
};

const std::vector<KeyDef>& table()
{
  static const std::vector<KeyDef> t = {
      {"paths.cache", &Config::cache_path, "winners cache (SQLite file)", {}},
      {"paths.ideas", &Config::ideas_dir, "idea pool directory", {}},
      {"paths.rag", &Config::rag_dir, "RAG corpus directory", {}},
      {"paths.work", &Config::work_dir, "scratch directory for evaluations", {}},
      {"target.cross_file", &Config::cross_file, "Meson cross file describing the target", {}},
      {"target.runner", &Config::runner, "measurement: model (X60 model under QEMU) or wall (board)", {"model", "wall"}},
      {"perf.model",
       &Config::perf_model,
       "model runner's core model: table (per-instruction costs) or sched (blocks on LLVM's X60 schedule); unset: the cross file's "
       "eok_model, else table",
       {"table", "sched"}},
      {"eval.jobs", &Config::jobs, "parallel evaluations (0: number of cores)", {}},
      {"eval.timeout_s", &Config::eval_timeout_s, "wall-time limit per program run", {}},
      {"eval.memory_mb", &Config::eval_memory_mb, "address-space limit per program run (MiB)", {}},
      {"eval.keep_scratch", &Config::keep_scratch, "keep every evaluation's scratch directory", {}},
      {"eval.sandbox",
       &Config::eval_sandbox,
       "confine candidate runs with Landlock: writes only to their scratch directory, no TCP, no signals out",
       {}},
      {"llm.provider", &Config::llm_provider, "none, openai (any compatible endpoint) or replay", {"none", "openai", "replay"}},
      {"llm.base_url", &Config::llm_base_url, "endpoint base URL, e.g. http://127.0.0.1:8080/v1", {}},
      {"llm.model", &Config::llm_model, "model name sent to the endpoint", {}},
      {"llm.api_key_env", &Config::llm_api_key_env, "environment variable that holds the API key", {}},
      {"llm.api_key_file", &Config::llm_api_key_file, "file that holds the API key", {}},
      {"llm.replay_file", &Config::llm_replay_file, "recorded transcript for the replay provider", {}},
      {"llm.record_file", &Config::llm_record_file, "write a transcript of a live run here", {}},
      {"llm.timeout_s", &Config::llm_timeout_s, "per-request timeout", {}},
      {"llm.max_retries", &Config::llm_max_retries, "retries on 429/5xx/connection errors", {}},
      {"llm.concurrency", &Config::llm_concurrency, "requests in flight at once", {}},
      {"llm.failure_limit",
       &Config::llm_failure_limit,
       "stop a search after this many requests in a row got no reply, each after its retries (0: never)",
       {}},
      {"llm.temperature", &Config::llm_temperature, "sampling temperature", {}},
      {"llm.max_tokens", &Config::llm_max_tokens, "completion token limit sent with each request (0: server default)", {}},
      {"llm.backoff_ms", &Config::llm_backoff_ms, "first retry delay; doubles per retry, with jitter (Retry-After wins)", {}},
      {"llm.price_input", &Config::llm_price_input, "price per million prompt tokens, for cost accounting (0: unknown)", {}},
      {"llm.price_output", &Config::llm_price_output, "price per million completion tokens (0: unknown)", {}},
      {"llm.embedding_model", &Config::llm_embedding_model, "model for /embeddings (empty: llm.model)", {}},
      {"search.parallel", &Config::search_parallel, "P: idea-guided searches per iteration", {}},
      {"search.iterations", &Config::search_iterations, "T: iterations", {}},
      {"search.population", &Config::search_population, "N: EoH population size", {}},
      {"search.generations", &Config::search_generations, "G: EoH generations per search", {}},
      {"search.keep", &Config::search_keep, "K: kernels kept in DataBaseK per iteration", {}},
      {"search.thoughts", &Config::search_thoughts, "thoughts sampled per search", {}},
      {"search.kernel_temperature",
       &Config::search_kernel_temperature,
       "softmax temperature over speedups when a search picks its reference kernel (lower: greedier)",
       {}},
      {"search.thought_temperature",
       &Config::search_thought_temperature,
       "softmax temperature over effectiveness when a search picks thoughts (lower: greedier)",
       {}},
      {"search.rag_k", &Config::search_rag_k, "reference-note chunks retrieved into each prompt (0: none)", {}},
      {"search.seed", &Config::seed, "random seed (same seed + replies = same winners)", {}},
      {"search.learn",
       &Config::search_learn,
       "start from the thought effectiveness learned on this core and store what the run learns (false: priors only)",
       {}},
      {"search.ideas",
       &Config::search_ideas,
       "guide each search with the idea pool (false: plain EoH, the paper's baseline: thought-less initial populations)",
       {}},
      {"search.rag", &Config::search_rag, "retrieve reference-note chunks into prompts (false: EoK without RAG)", {}},
      {"search.repair",
       &Config::search_repair,
       "give a child that failed correctness or compilation one repair prompt with the evaluator's account (operator R)",
       {}},
      {"eval.executor",
       &Config::eval_executor,
       "where evaluations run: local (eval.jobs at once) or slurm (srun jobs)",
       {"local", "slurm"}},
      {"slurm.partition", &Config::slurm_partition, "partition of the evaluation jobs (empty: the cluster's default)", {}},
      {"slurm.account", &Config::slurm_account, "account of the evaluation jobs (empty: the default)", {}},
      {"slurm.time_min", &Config::slurm_time_min, "time limit of one evaluation job, minutes", {}},
      {"slurm.mem_mb", &Config::slurm_mem_mb, "memory of one evaluation job, MB (0: the partition's default)", {}},
      {"slurm.retries",
       &Config::slurm_retries,
       "resubmissions of an evaluation job lost to the cluster (cancelled, node failure, preempted)",
       {}},
      {"slurm.shared_dir", &Config::slurm_shared_dir, "directory every node sees, for candidate files (empty: paths.work)", {}},
      {"slurm.srun", &Config::slurm_srun, "the srun command", {}},
      {"budget.tokens", &Config::budget_tokens, "stop after this many LLM tokens (0: no limit)", {}},
      {"budget.cost", &Config::budget_cost, "stop after this LLM cost (0: no limit)", {}},
      {"budget.seconds", &Config::budget_seconds, "stop after this wall time (0: no limit)", {}},
      {"budget.evals", &Config::budget_evals, "stop after this many evaluations per kernel (0: default)", {}},
      {"tune.strategy",
       &Config::tune_strategy,
       "knob/flag search: auto, exhaustive, random, evolutionary",
       {"auto", "exhaustive", "random", "evolutionary"}},
      {"tune.effort",
       &Config::tune_effort,
       "search effort: quick, default or thorough; sets search.parallel/iterations/population/generations/thoughts and "
       "budget.evals together (keys set explicitly win)",
       {"quick", "default", "thorough"}},
      {"tune.options", &Config::tune_options, "strategy options, e.g. population=8,mutation=0.25 (eok tune --strategies)", {}},
      {"tune.builtin_flags", &Config::tune_builtin_flags, "search the built-in code-generation flag options (-O3, VLEN, unrolling)", {}},
      {"tune.flags", &Config::tune_flags, "extra flag options to search, ';'-separated, e.g. \"-ffast-math; -fno-inline\"", {}},
      {"tune.ci", &Config::ci, "CI mode: no LLM calls, cached winners only, exit 3 on misses", {}},
      {"tune.ci_tolerate_misses", &Config::ci_tolerate_misses, "CI mode: warn instead of exit 3 on misses", {}},
  };
  return t;
}

const KeyDef* find_key(const std::string& name)
{
  for (const auto& k : table()) {
    if (name == k.name) {
      return &k;
    }
  }
  return nullptr;
}

std::string type_name(const Field& f)
{
  switch (f.index()) {
  case 0:
    return "string";
  case 1:
  case 2:
    return "integer";
  case 3:
    return "float";
  default:
    return "boolean";
  }
}

std::string env_name(const std::string& key)
{
  return "EOK_" + util::to_upper(util::replace_all(key, ".", "_"));
}

void check_choice(const KeyDef& k, const std::string& v, const std::function<void(const std::string&)>& fail)
{
  if (k.choices.empty()) {
    return;
  }
  for (const auto& c : k.choices) {
    if (c == v) {
      return;
    }
  }
  fail(std::string(k.name) + ": '" + v + "' is not one of: " + util::join(k.choices, ", "));
}

// Values below which a setting makes no sense (a search of no kernels, a zero temperature);
// checked wherever the value comes from, so the error names its file and line.
void check_minimum(const KeyDef& k, double v, const std::function<void(const std::string&)>& fail)
{
  static const std::map<std::string, std::pair<double, bool>> minimum = {
      // name -> (bound, exclusive)
      {"search.parallel", {1, false}},
      {"search.population", {1, false}},
      {"search.keep", {1, false}},
      {"search.kernel_temperature", {0, true}},
      {"search.thought_temperature", {0, true}},
      {"llm.concurrency", {1, false}},
      {"llm.timeout_s", {1, false}},
      {"eval.timeout_s", {1, false}},
      {"slurm.time_min", {1, false}},
      {"slurm.retries", {0, false}},
  };
  auto it = minimum.find(k.name);
  if (it == minimum.end()) {
    return;
  }
  const auto [bound, exclusive] = it->second;
  if (exclusive ? !(v > bound) : !(v >= bound)) {
    fail(std::string(k.name) + ": must be " + (exclusive ? "greater than " : "at least ") + util::fixed(bound, 0) + ", got " +
         util::fixed(v, v == static_cast<double>(static_cast<int64_t>(v)) ? 0 : 3));
  }
}

// Set from text (environment, command line). `fail` throws with the right location.
void set_from_text(Config& c, const KeyDef& k, const std::string& text, const std::function<void(const std::string&)>& fail)
{
  auto bad = [&](const char* what) { fail(std::string(k.name) + ": expected " + what + ", got '" + text + "'"); };
  std::visit(
      [&](auto member) {
        using T = std::remove_cvref_t<decltype(c.*member)>;
        if constexpr (std::is_same_v<T, std::string>) {
          check_choice(k, text, fail);
          c.*member = text;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (text == "true" || text == "1" || text == "yes") {
            c.*member = true;
          } else if (text == "false" || text == "0" || text == "no") {
            c.*member = false;
          } else {
            bad("a boolean (true/false)");
          }
        } else if constexpr (std::is_same_v<T, double>) {
          char* end = nullptr;
          errno = 0;
          double v = std::strtod(text.c_str(), &end);
          if (text.empty() || *end || errno) {
            bad("a number");
          }
          check_minimum(k, v, fail);
          c.*member = v;
        } else {
          char* end = nullptr;
          errno = 0;
          long long v = std::strtoll(text.c_str(), &end, 10);
          if (text.empty() || *end || errno || v < 0) {
            bad("a non-negative integer");
          }
          check_minimum(k, static_cast<double>(v), fail);
          c.*member = static_cast<T>(v);
        }
      },
      k.field);
}

void set_from_node(Config& c, const KeyDef& k, const toml::Node& n, const std::function<void(const std::string&)>& fail)
{
  std::visit(
      [&](auto member) {
        using T = std::remove_cvref_t<decltype(c.*member)>;
        if constexpr (std::is_same_v<T, std::string>) {
          if (n.kind != toml::Kind::string) {
            fail(std::string(k.name) + ": expected a string, got " + toml::kind_name(n.kind));
          }
          check_choice(k, n.str, fail);
          c.*member = n.str;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (n.kind != toml::Kind::boolean) {
            fail(std::string(k.name) + ": expected a boolean, got " + toml::kind_name(n.kind));
          }
          c.*member = n.boolean;
        } else if constexpr (std::is_same_v<T, double>) {
          if (!n.is_number()) {
            fail(std::string(k.name) + ": expected a number, got " + toml::kind_name(n.kind));
          }
          check_minimum(k, n.number(), fail);
          c.*member = n.number();
        } else {
          if (n.kind != toml::Kind::integer) {
            fail(std::string(k.name) + ": expected an integer, got " + toml::kind_name(n.kind));
          }
          if (n.integer < 0) {
            fail(std::string(k.name) + ": must not be negative");
          }
          check_minimum(k, static_cast<double>(n.integer), fail);
          c.*member = static_cast<T>(n.integer);
        }
      },
      k.field);
}

std::string show(const Config& c, const KeyDef& k)
{
  return std::visit(
      [&](auto member) -> std::string {
        using T = std::remove_cvref_t<decltype(c.*member)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return "\"" + c.*member + "\"";
        } else if constexpr (std::is_same_v<T, bool>) {
          return c.*member ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          std::string s = util::fixed(c.*member, 6);
          while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') {
            s.pop_back();
          }
          return s;
        } else {
          return std::to_string(c.*member);
        }
      },
      k.field);
}

void load_file(Config& c, std::map<std::string, Origin>& origins, const std::string& path, OriginKind kind)
{
  toml::Document doc = toml::parse_file(path);
  for (const auto& [section, node] : doc.root.table) {
    if (node.kind != toml::Kind::table) {
      throw Fatal(located(path, node.line, "unknown key '" + section + "' (settings live in tables such as [llm], [search])"));
    }
    for (const auto& [key, value] : node.table) {
      std::string name = section + "." + key;
      const KeyDef* k = find_key(name);
      if (!k) {
        throw Fatal(located(path, value.line, "unknown key '" + name + "'"));
      }
      const int line = value.line; // (structured bindings cannot be captured by clang 14)
      set_from_node(c, *k, value, [&](const std::string& what) { throw Fatal(located(path, line, what)); });
      origins[name] = Origin{kind, path + ":" + std::to_string(line)};
    }
  }
}

std::string default_user_file()
{
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) {
    return std::string(x) + "/eok/eok.toml";
  }
  if (const char* h = std::getenv("HOME"); h && *h) {
    return std::string(h) + "/.config/eok/eok.toml";
  }
  return {};
}

} // namespace

std::string Origin::describe() const
{
  switch (kind) {
  case OriginKind::builtin:
    return where.empty() ? "default" : "default for " + where;
  case OriginKind::user_file:
    return "user " + where;
  case OriginKind::project_file:
    return "project " + where;
  case OriginKind::environment:
    return "env " + where;
  case OriginKind::command_line:
    return "cli " + where;
  }
  return "?";
}

const std::vector<KeyInfo>& Settings::keys()
{
  static const std::vector<KeyInfo> infos = [] {
    std::vector<KeyInfo> v;
    for (const auto& k : table()) {
      v.push_back({k.name, type_name(k.field), k.help});
    }
    return v;
  }();
  return infos;
}

Settings Settings::defaults()
{
  Settings s;
  for (const auto& k : table()) {
    s.m_origins[k.name] = Origin{};
  }
  return s;
}

Settings Settings::load(const LoadOptions& opts)
{
  Settings s = defaults();
  std::error_code ec;

  std::string user = opts.user_file.empty() ? default_user_file() : opts.user_file;
  if (!opts.skip_user_file && !user.empty() && util::fs::exists(user, ec)) {
    load_file(s.m_config, s.m_origins, user, OriginKind::user_file);
  }

  std::string project = opts.project_file;
  if (project.empty()) {
    if (const char* e = std::getenv("EOK_CONFIG"); e && *e) {
      project = e;
    }
  }
  if (!project.empty()) {
    if (!util::fs::exists(project, ec)) {
      throw Fatal(project + ": config file not found");
    }
    load_file(s.m_config, s.m_origins, project, OriginKind::project_file);
  } else if (util::fs::exists("eok.toml", ec)) {
    load_file(s.m_config, s.m_origins, "eok.toml", OriginKind::project_file);
  }

  // Environment: EOK_<SECTION>_<KEY>. Variables that are not settings (EOK_CONFIG,
  // the API key variable, test hooks) are left alone.
  for (const auto& k : table()) {
    std::string name = env_name(k.name);
    if (const char* v = std::getenv(name.c_str())) {
      set_from_text(s.m_config, k, v, [&](const std::string& what) { throw Fatal(name + ": " + what); });
      s.m_origins[k.name] = Origin{OriginKind::environment, name};
    }
  }

  for (const auto& kv : opts.cli_sets) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) {
      throw UsageFault("--set " + kv + ": expected key=value");
    }
    s.set_from_cli(kv.substr(0, eq), kv.substr(eq + 1), "--set");
  }

  // The effort level fills in the search size and budget that nothing else set.
  const std::string level = s.m_config.tune_effort;
  for (const auto& [key, value] : effort_presets().at(level)) {
    if (s.m_origins[key].kind == OriginKind::builtin) {
      set_from_text(s.m_config, *find_key(key), value, [&](const std::string& what) { throw Fatal("tune.effort: " + what); });
      s.m_origins[key] = Origin{OriginKind::builtin, "tune.effort = " + level};
    }
  }
  return s;
}

const std::map<std::string, std::map<std::string, std::string>>& effort_presets()
{
  // default: the built-in values. quick: one small search, for a first look or a CI
  // smoke run. thorough: twice the searches and iterations, larger populations.
  static const std::map<std::string, std::map<std::string, std::string>> presets = {
      {"quick",
       {{"search.parallel", "1"},
        {"search.iterations", "1"},
        {"search.population", "2"},
        {"search.generations", "1"},
        {"search.thoughts", "1"},
        {"budget.evals", "12"}}},
      {"default", {}},
      {"thorough",
       {{"search.parallel", "4"},
        {"search.iterations", "4"},
        {"search.population", "6"},
        {"search.generations", "4"},
        {"search.thoughts", "3"},
        {"budget.evals", "0"}}},
  };
  return presets;
}

void Settings::set_from_cli(const std::string& key, const std::string& value, const std::string& flag)
{
  const KeyDef* k = find_key(key);
  if (!k) {
    throw UsageFault(flag + ": unknown key '" + key + "' (see `eok config --keys`)");
  }
  set_from_text(m_config, *k, value, [&](const std::string& what) { throw UsageFault(flag + ": " + what); });
  m_origins[key] = Origin{OriginKind::command_line, flag};
}

const Origin& Settings::origin(const std::string& key) const
{
  static const Origin builtin;
  auto it = m_origins.find(key);
  return it == m_origins.end() ? builtin : it->second;
}

std::vector<std::string> Settings::describe() const
{
  std::vector<std::string> lines;
  for (const auto& k : table()) {
    lines.push_back("(" + origin(k.name).describe() + ") " + k.name + " = " + show(m_config, k));
  }
  lines.push_back("(" + api_key_source() + ") llm.api_key = " + (api_key() ? "<set, hidden>" : "<not set>"));
  return lines;
}

std::optional<std::string> Settings::api_key() const
{
  if (!m_config.llm_api_key_env.empty()) {
    if (const char* v = std::getenv(m_config.llm_api_key_env.c_str()); v && *v) {
      util::register_secret(v); // never printed, stored or handed to a child from here on
      return std::string(v);
    }
  }
  if (!m_config.llm_api_key_file.empty()) {
    std::string key = util::trim(util::read_file(m_config.llm_api_key_file));
    if (!key.empty()) {
      util::register_secret(key);
      return key;
    }
  }
  return std::nullopt;
}

std::string Settings::api_key_source() const
{
  if (!m_config.llm_api_key_env.empty()) {
    if (const char* v = std::getenv(m_config.llm_api_key_env.c_str()); v && *v) {
      return "env " + m_config.llm_api_key_env;
    }
  }
  if (!m_config.llm_api_key_file.empty()) {
    return "file " + m_config.llm_api_key_file;
  }
  return "unset";
}

} // namespace eok::config
