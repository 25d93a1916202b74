// Effective configuration: one typed struct, filled from one key table in order
// built-in default < user eok.toml < project eok.toml < EOK_* environment <
// command line. Every value remembers where it came from (`eok config`).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::config {

struct Config
{
  // [paths]
  std::string cache_path = ".eok/cache.sqlite";
  std::string ideas_dir = "ideas";
  std::string rag_dir = "rag_corpus";
  std::string work_dir = ".eok/work"; // scratch for evaluations (kept on failure with keep_scratch)
  // [target]
  std::string cross_file = "cross/rv64gcv-qemu.ini";
  std::string runner = "model"; // model | wall
  // [perf]
  std::string perf_model; // table | sched; empty: the cross file's eok_model (else table)
  // [eval]
  int64_t jobs = 0;            // parallel evaluations; 0 = cores
  int64_t eval_timeout_s = 60; // per program run under the exe_wrapper
  int64_t eval_memory_mb = 4096;
  bool keep_scratch = false;
  std::string eval_executor = "local"; // local | slurm: where candidate evaluations run
  // [slurm] (eval.executor = slurm): each evaluation is one `srun` job step of `eok eval`
  std::string slurm_partition;     // empty: the cluster's default partition
  std::string slurm_account;       // empty: the user's default account
  int64_t slurm_time_min = 10;     // per evaluation job (--time)
  int64_t slurm_mem_mb = 0;        // per evaluation job (--mem; 0: the partition's default)
  int64_t slurm_retries = 2;       // resubmissions of a job that died for infrastructure reasons
  std::string slurm_shared_dir;    // candidates and verdicts pass through here (every node sees it); empty: paths.work
  std::string slurm_srun = "srun"; // the srun command (a wrapper script for site-specific options works too)
  // [llm]
  std::string llm_provider = "none"; // none | openai | replay
  std::string llm_base_url;
  std::string llm_model;
  std::string llm_api_key_env = "EOK_API_KEY"; // name of the variable holding the key
  std::string llm_api_key_file;                // or a file holding it
  std::string llm_replay_file;
  std::string llm_record_file;
  int64_t llm_timeout_s = 120;
  int64_t llm_max_retries = 4;
  bool eval_sandbox = true;      // confine candidate runs (Landlock) where the kernel can
  int64_t llm_failure_limit = 4; // requests in a row without a reply before a search gives up (0: never)
  int64_t llm_concurrency = 2;
  double llm_temperature = 0.7;
  int64_t llm_max_tokens = 0;      // 0: not sent (the server's default)
  int64_t llm_backoff_ms = 1000;   // first retry delay; doubles per retry, with jitter
  double llm_price_input = 0;      // cost per million prompt tokens (0: unknown)
  double llm_price_output = 0;     // cost per million completion tokens
  std::string llm_embedding_model; // empty: llm.model
  // [search] names follow the EoK paper
  int64_t search_parallel = 2;             // P: idea-guided searches per iteration
  int64_t search_iterations = 2;           // T
  int64_t search_population = 4;           // N: EoH population size
  int64_t search_generations = 2;          // G
  int64_t search_keep = 4;                 // K: top kernels kept in DataBaseK per iteration
  int64_t search_thoughts = 2;             // thoughts sampled per search
  double search_kernel_temperature = 0.2;  // softmax over speedups (reference kernel)
  double search_thought_temperature = 0.2; // softmax over effectiveness (thoughts)
  int64_t search_rag_k = 3;                // note chunks per prompt
  bool search_learn = true;                // learned thought effectiveness: use and update it (cache, per core)
  bool search_ideas = true;                // false: plain EoH, no idea pool (the paper's baseline)
  bool search_rag = true;                  // false: no reference-note retrieval in prompts (EoK without RAG)
  bool search_repair = true;               // a failed child gets one repair prompt (operator R) before it is dropped
  uint64_t seed = 1;
  // [budget] 0 = unlimited
  int64_t budget_tokens = 0;
  double budget_cost = 0;
  int64_t budget_seconds = 0;
  int64_t budget_evals = 0;
  // [tune]
  std::string tune_strategy = "auto";  // auto | exhaustive | random | evolutionary
  std::string tune_effort = "default"; // quick | default | thorough: presets of the search size and budget (effort_presets)
  std::string tune_options;            // "population=8,mutation=0.25"
  bool tune_builtin_flags = true;      // -O3, fixed VLEN, unrolling, … (tune/flags.hpp)
  std::string tune_flags;              // extra options: "-ffast-math; -O3 -funroll-loops"
  bool ci = false;
  bool ci_tolerate_misses = false;
};

// What each effort level sets (key -> value), for the keys not set anywhere else.
const std::map<std::string, std::map<std::string, std::string>>& effort_presets();

enum class OriginKind {
  builtin,
  user_file,
  project_file,
  environment,
  command_line,
};

struct Origin
{
  OriginKind kind = OriginKind::builtin;
  std::string where; // "path:line", "EOK_LLM_MODEL", "--set"
  [[nodiscard]] std::string describe() const;
};

struct KeyInfo
{
  std::string name; // dotted: "llm.model"
  std::string type; // string | integer | float | boolean
  std::string help;
};

struct LoadOptions
{
  std::string project_file; // --config; empty: $EOK_CONFIG, else ./eok.toml if present
  std::string user_file;    // empty: $XDG_CONFIG_HOME/eok/eok.toml or ~/.config/eok/eok.toml
  bool skip_user_file = false;
  std::vector<std::string> cli_sets; // "key=value"
};

class Settings
{
public:
  // Throws Fatal with "file:line: what" on bad files and "EOK_X: what" on bad env values.
  static Settings load(const LoadOptions& opts);
  static Settings defaults();

  [[nodiscard]] const Config& get() const { return m_config; }
  Config& mutable_config() { return m_config; }
  [[nodiscard]] const Origin& origin(const std::string& key) const;
  // One "(origin) key = value" line per key; secrets shown only as set/unset.
  [[nodiscard]] std::vector<std::string> describe() const;
  // Set from the command line (e.g. a dedicated flag); throws on bad values.
  void set_from_cli(const std::string& key, const std::string& value, const std::string& flag);

  // The LLM key from the environment variable or key file; nullopt if neither is set.
  [[nodiscard]] std::optional<std::string> api_key() const;
  [[nodiscard]] std::string api_key_source() const;

  static const std::vector<KeyInfo>& keys();

private:
  Config m_config;
  std::map<std::string, Origin> m_origins;
};

} // namespace eok::config
