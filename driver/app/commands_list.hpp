// One row per subcommand, in the order `eok --help` lists them. Each command's
// code lives in its own cmd_<name>.cpp and exposes a `<name>_command()` row.
#pragma once

#include "app/command.hpp"

namespace eok::app {

Command config_command();
Command target_command();
Command eval_command();
Command eval_bench_command();
Command perf_validate_command();
Command perf_bench_command();
Command perf_measure_command();
Command tune_command();
Command substitute_command();
Command cache_list_command();
Command cache_show_command();
Command cache_explain_command();
Command cache_export_command();
Command cache_import_command();
Command cache_merge_command();
Command cache_gc_command();
Command cache_verify_command();
Command cache_put_command();
Command ideas_list_command();
Command ideas_show_command();
Command ideas_mine_command();
Command ideas_reset_learning_command();
Command rag_index_command();
Command rag_query_command();
Command llm_ask_command();
Command llm_embed_command();
Command report_command();
Command prompts_command();
Command launch_command();
Command ncnn_tune_command();

inline std::vector<Command> all_commands()
{
  return {
      // One row per line keeps concurrent additions mergeable.
      // clang-format off
      config_command(),
      target_command(),
      eval_command(),
      eval_bench_command(),
      perf_validate_command(),
      perf_bench_command(),
      perf_measure_command(),
      tune_command(),
      substitute_command(),
      cache_list_command(),
      cache_show_command(),
      cache_explain_command(),
      cache_export_command(),
      cache_import_command(),
      cache_merge_command(),
      cache_gc_command(),
      cache_verify_command(),
      cache_put_command(),
      ideas_list_command(),
      ideas_show_command(),
      ideas_mine_command(),
      ideas_reset_learning_command(),
      rag_index_command(),
      rag_query_command(),
      llm_ask_command(),
      llm_embed_command(),
      report_command(),
      prompts_command(),
      launch_command(),
      ncnn_tune_command(),
      // clang-format on
  };
}

} // namespace eok::app
