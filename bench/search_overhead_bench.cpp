// Search overhead per candidate, excluding LLM and evaluation time (issue 6).
//
//   meson compile -C build search_overhead_bench && build/bench/search_overhead_bench [options]
//
// Runs search::run_search with an instant fake generator and evaluator (the only
// fakes: deterministic code strings and speedups from hashes) over the real pieces
// `eok tune` uses: the run journal (cache::RunJournal on a SQLite cache file in a
// temporary directory), the idea pool and the RAG retrieve port (rag::load_knowledge
// over ideas/ and rag_corpus/, index in that cache). Then runs the same search again
// on the same run: every step comes from the journal (what a resumed run does).
//
// Time per candidate is split by watching the ports from each search thread: between
// a journal miss and the generator call the engine builds the RAG query, retrieves
// and assembles the prompt (bucket "prompt build + RAG"); journal reads and writes
// are timed in the port; everything else a search thread does between its port calls
// (sampling, progress, keeping the best N, parent choice) is "engine bookkeeping".
// Buckets are thread time summed over the P parallel searches; wall time is elapsed
// and also holds the merge between iterations and starting the search threads.
// Built with the project but not a test: it prints figures and asserts nothing.
#include "cache/cache.hpp"
#include "cache/journal.hpp"
#include "ideas/pool.hpp"
#include "kernel/spec.hpp"
#include "rag/knowledge.hpp"
#include "search/engine.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace eok;
using Clock = std::chrono::steady_clock;

int64_t now_ns()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// What the calling search thread did last, and when: the gap to its next port call
// is attributed by what that last call was.
enum class Last {
  none,
  journal_miss, // next: RAG query, retrieve, prompt build, generator
  other,        // next: engine bookkeeping
};
thread_local Last t_last = Last::none;
thread_local int64_t t_when = 0;

struct Meter
{
  std::atomic<int64_t> prompt_rag{0}, journal_read{0}, journal_write{0}, engine{0}, fakes{0}, retrieve{0};

  // Close the gap since this thread's last port call; return the time now.
  int64_t enter()
  {
    const int64_t t = now_ns();
    if (t_last != Last::none) {
      (t_last == Last::other ? engine : prompt_rag) += t - t_when;
    }
    return t;
  }
  void leave(Last what)
  {
    t_last = what;
    t_when = now_ns();
  }
  void reset()
  {
    for (auto* a : {&prompt_rag, &journal_read, &journal_write, &engine, &fakes, &retrieve}) {
      *a = 0;
    }
  }
};

Meter g_meter;

double hash_unit(const std::string& text) // [0, 1) from the text's SHA-256
{
  return static_cast<double>(std::strtoull(util::sha256_hex(text).substr(0, 12).c_str(), nullptr, 16)) / static_cast<double>(1ULL << 48);
}

// Instant LLM: ker0's source with a marker derived from the prompt, so candidates are
// distinct and as large as real ones; 1 prompt in 16 gets no code.
class InstantGenerator : public search::Generator
{
public:
  explicit InstantGenerator(std::string base)
    : m_base(std::move(base))
  {
  }
  search::Generation generate(const search::Prompt& prompt, const std::string& /*slot*/) override
  {
    const int64_t t = g_meter.enter();
    const std::string h = prompt.hash();
    search::Generation g;
    g.model = "instant";
    g.tokens = static_cast<int64_t>((prompt.system.size() + prompt.user.size() + m_base.size()) / 4);
    if (h.back() == '0') {
      g.failure = "no code block in the reply";
    } else {
      g.ok = true;
      g.description = "variant " + h.substr(0, 12);
      g.code = "/* " + g.description + " */\n" + m_base;
    }
    g_meter.fakes += now_ns() - t;
    g_meter.leave(Last::other);
    return g;
  }

private:
  std::string m_base;
};

// Instant evaluator: 1 candidate in 8 is wrong; the others get a speedup in [0.7, 1.6).
class InstantEvaluator : public search::Evaluator
{
public:
  search::Evaluation evaluate(const std::string& code, const std::string& /*slot*/) override
  {
    const int64_t t = g_meter.enter();
    search::Evaluation e;
    const double u = hash_unit(code);
    if (u < 0.125) {
      e.verdict = "wrong_output";
      e.reason = "mismatch at element 3";
    } else {
      e.ok = true;
      e.verdict = "ok";
      e.speedup = 0.7 + 0.9 * (u - 0.125) / 0.875;
      e.cycles = 10000 / e.speedup;
    }
    g_meter.fakes += now_ns() - t;
    g_meter.leave(Last::other);
    return e;
  }
};

// The real journal, timed.
class TimedJournal : public search::Journal
{
public:
  explicit TimedJournal(search::Journal& inner)
    : m_inner(inner)
  {
  }
  std::optional<search::Record> find(const std::string& slot) override
  {
    const int64_t t = g_meter.enter();
    auto r = m_inner.find(slot);
    g_meter.journal_read += now_ns() - t;
    g_meter.leave(r ? Last::other : Last::journal_miss);
    return r;
  }
  void record(const search::Record& r) override
  {
    const int64_t t = g_meter.enter();
    m_inner.record(r);
    g_meter.journal_write += now_ns() - t;
    g_meter.leave(Last::other);
  }

private:
  search::Journal& m_inner;
};

struct Options
{
  std::string kernel = "kernels/nn/mish";
  search::EngineParams params;
};

Options parse(int argc, char** argv)
{
  Options o;
  o.params.parallel = 2;
  o.params.iterations = 4;
  o.params.population = 4;
  o.params.generations = 3;
  o.params.keep = 4;
  o.params.thoughts = 2;
  o.params.seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--help" || i + 1 >= argc) {
      std::printf("usage: search_overhead_bench [--kernel DIR] [-P N] [-T N] [-N N] [-G N] [--thoughts N] [--seed S]\n");
      std::exit(a == "--help" ? 0 : 2);
    }
    const std::string v = argv[++i];
    const int n = std::atoi(v.c_str());
    if (a == "--kernel") {
      o.kernel = v;
    } else if (a == "-P") {
      o.params.parallel = n;
    } else if (a == "-T") {
      o.params.iterations = n;
    } else if (a == "-N") {
      o.params.population = n;
      o.params.keep = n;
    } else if (a == "-G") {
      o.params.generations = n;
    } else if (a == "--thoughts") {
      o.params.thoughts = n;
    } else if (a == "--seed") {
      o.params.seed = static_cast<uint64_t>(n);
    } else {
      std::fprintf(stderr, "unknown option %s (see --help)\n", a.c_str());
      std::exit(2);
    }
  }
  return o;
}

double ms(int64_t ns)
{
  return static_cast<double>(ns) / 1e6;
}

int64_t cpu_ns() // user + system time of the whole process (every thread)
{
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto ns = [](const timeval& tv) { return static_cast<int64_t>(tv.tv_sec) * 1000000000 + static_cast<int64_t>(tv.tv_usec) * 1000; };
  return ns(u.ru_utime) + ns(u.ru_stime);
}

void report(const char* what, const search::EngineResult& r, int64_t wall_ns, int64_t cpu)
{
  const int steps = r.generated + r.resumed; // candidates the search went through (fresh or from the journal)
  const double per = steps > 0 ? 1.0 / steps : 0;
  std::printf("%s: %d candidates (%d generated, %d from the journal, %d failed)\n", what, steps, r.generated, r.resumed, r.failed);
  std::printf("  overhead per candidate: %.3f ms wall, %.3f ms CPU (wall %.1f ms, CPU %.1f ms in all)\n", ms(wall_ns) * per, ms(cpu) * per,
              ms(wall_ns), ms(cpu));
  std::printf("  per candidate, elapsed time in the search threads, summed (includes waiting for the index and cache locks):\n");
  std::printf("    prompt build + RAG retrieval  %7.3f ms  (retrieve %.3f, query + prompt assembly %.3f)\n", ms(g_meter.prompt_rag) * per,
              ms(g_meter.retrieve) * per, ms(g_meter.prompt_rag - g_meter.retrieve) * per);
  std::printf("    journal write/read            %7.3f ms  (write %.3f, read %.3f)\n",
              ms(g_meter.journal_write + g_meter.journal_read) * per, ms(g_meter.journal_write) * per, ms(g_meter.journal_read) * per);
  std::printf("    engine bookkeeping            %7.3f ms\n", ms(g_meter.engine) * per);
  std::printf("    instant generator + evaluator %7.3f ms  (fakes: what a real LLM and evaluator replace)\n", ms(g_meter.fakes) * per);
}

int run(int argc, char** argv)
{
  const Options o = parse(argc, argv);
  const kernel::Spec spec = kernel::load_spec(ideas::resolve_data_dir(o.kernel));
  util::TempDir tmp("eok-search-bench");
  const std::string cache_path = (tmp.path() / "cache.sqlite").string();
  cache::Cache cache = cache::Cache::open(cache_path);
  const int64_t run_id = cache.begin_run(spec.suite + "/" + spec.name, std::string(64, '0'), "search_overhead_bench");
  cache::RunJournal real_journal(cache, run_id);
  TimedJournal journal(real_journal);

  int64_t t = now_ns();
  rag::Knowledge knowledge = rag::load_knowledge({"ideas", "rag_corpus", cache_path});
  const int64_t knowledge_ns = now_ns() - t;
  if (!knowledge.retrieve) {
    throw Fatal("no RAG corpus: " + knowledge.rag_off_reason);
  }
  auto retrieve = [&knowledge](const std::string& q, size_t k) {
    const int64_t start = now_ns(); // inside the prompt bucket: the gap closes at the generator call
    auto out = knowledge.retrieve(q, k);
    g_meter.retrieve += now_ns() - start;
    return out;
  };

  search::TaskView task;
  task.name = spec.suite + "/" + spec.name;
  task.description = spec.description;
  task.signature = spec.signature;
  task.entry = spec.entry;
  task.vlen = 256;
  task.march = "rv64gcv_zfh_zvfh";
  search::Member ker0{"ker0", "ker0: the project's implementation", spec.source_text, 1.0, 10000};

  InstantGenerator generator(spec.source_text);
  InstantEvaluator evaluator;
  search::EnginePorts ports;
  ports.generator = &generator;
  ports.evaluator = &evaluator;
  ports.journal = &journal;
  ports.retrieve = retrieve;

  const auto& p = o.params;
  std::printf("search overhead: %s, P=%d T=%d N=%d G=%d K=%d thoughts=%d seed=%llu; %zu ideas, %zu thoughts, RAG k=%zu over %zu chunks\n",
              task.name.c_str(), p.parallel, p.iterations, p.population, p.generations, p.keep, p.thoughts,
              static_cast<unsigned long long>(p.seed), knowledge.ideas.size(), knowledge.pool.thought_count(), p.rag_k,
              knowledge.index->size());
  std::printf("idea pool + RAG index %s: %.1f ms (once per cache and corpus change)\n", knowledge.index_rebuilt ? "build" : "load",
              ms(knowledge_ns));

  t = now_ns();
  int64_t c = cpu_ns();
  const search::EngineResult fresh = search::run_search(task, ker0, knowledge.ideas, knowledge.effectiveness, p, ports);
  report("fresh run", fresh, now_ns() - t, cpu_ns() - c);

  g_meter.reset();
  t = now_ns();
  c = cpu_ns();
  const search::EngineResult resumed = search::run_search(task, ker0, knowledge.ideas, knowledge.effectiveness, p, ports);
  report("resumed run (every step from the journal)", resumed, now_ns() - t, cpu_ns() - c);
  if (resumed.generated != 0 || resumed.database.front().code != fresh.database.front().code) {
    throw Fatal("the resumed run did not replay the fresh one");
  }
  std::error_code ec;
  const auto wal = util::fs::file_size(cache_path + "-wal", ec);
  std::printf("cache file after both runs: %.1f KiB with its WAL (candidates with code, lineage and verdicts; the RAG index)\n",
              static_cast<double>(util::fs::file_size(cache_path) + (ec ? 0 : wal)) / 1024.0);
  return 0;
}

} // namespace

int main(int argc, char** argv)
{
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_overhead_bench: error: %s\n", e.what());
    return 1;
  }
}
