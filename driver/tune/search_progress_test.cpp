#include "tune/search_progress.hpp"

#include "util/terminal.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace eok;
using namespace eok::tune;

namespace {

class Capture
{
public:
  Capture() { m_file = open_memstream(&m_buf, &m_len); }
  ~Capture()
  {
    std::fclose(m_file);
    std::free(m_buf);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  FILE* file() { return m_file; }
  std::string all()
  {
    std::fflush(m_file);
    return {m_buf, m_len};
  }

private:
  FILE* m_file = nullptr;
  char* m_buf = nullptr;
  size_t m_len = 0;
};

search::Progress step(int p, int t, int g, const std::string& op, const std::string& verdict, double speedup)
{
  search::Progress e;
  e.search = p;
  e.iteration = t;
  e.generation = g;
  e.op = op;
  e.slot = "t" + std::to_string(t) + "/p" + std::to_string(p) + "/" + (g < 0 ? "init0" : "g" + std::to_string(g) + "/" + op);
  e.verdict = verdict;
  e.speedup = speedup;
  return e;
}

search::EngineParams params(int parallel)
{
  search::EngineParams p;
  p.parallel = parallel;
  p.iterations = 2;
  p.generations = 3;
  return p;
}

} // namespace

TEST_SUITE("tune::search_progress")
{
  TEST_CASE("token counts fit a live line")
  {
    CHECK(compact_count(0) == "0");
    CHECK(compact_count(999) == "999");
    CHECK(compact_count(1234) == "1.23k");
    CHECK(compact_count(12149) == "12.1k");
    CHECK(compact_count(999949) == "999.9k");
    CHECK(compact_count(3400000) == "3.40M");
  }

  TEST_CASE("a search's line: iteration, generation, step verdict, evaluations, best speedup, tokens")
  {
    search::Progress e = step(1, 0, 1, "M2", "ok", 1.2344);
    e.evaluated = 7;
    e.best = 1.31;
    e.tokens = 12149;
    CHECK(search_line(e, 2, 3, false) == "  p1 iter 1/2 gen 2/3 M2  ok 1.234x       best 1.310x  7 evals   12.1k tokens");
    search::Progress init = step(0, 1, -1, "init", "wrong_output", 0);
    init.resumed_steps = 3;
    CHECK(search_line(init, 2, 3, false) == "  p0 iter 2/2 init        wrong_output    best -       0 evals   0 tokens");
    // Figures of a default-sized run (T = G = 2, tens of evaluations) fit 80 columns.
    search::Progress big = step(3, 1, 1, "M3", "compile_failed", 0);
    big.best = 12.345;
    big.evaluated = 24;
    big.tokens = 123456;
    CHECK(search_line(big, 2, 2, false).size() <= 79);
    // Colour marks the verdict only, and only when asked for.
    std::string colored = search_line(e, 2, 3, true);
    CHECK(colored.find("\033[32mok 1.234x") != std::string::npos);
    CHECK(search_line(init, 2, 3, true).find("\033[31mwrong_output") != std::string::npos);
    CHECK(util::fit_width(colored, 200).size() == colored.size());
  }

  TEST_CASE("a finished step as a plain line")
  {
    search::Progress e = step(1, 0, 0, "E1", "compile_failed", 0);
    e.evaluated = 2;
    e.best = 1.05;
    e.tokens = 900;
    CHECK(step_line("nn/relu", e, {5, 4321}) ==
          "nn/relu t0/p1/g0/E1: compile_failed (search p1: 2 evaluated, best 1.050x, 900 tokens; run: 5 LLM requests, 4.32k tokens)");
    e.verdict = "ok";
    e.speedup = 1.5;
    e.resumed = true;
    e.resumed_steps = 1;
    CHECK(step_line("nn/relu", e, {5, 4321}) ==
          "nn/relu t0/p1/g0/E1: ok 1.500x, resumed (search p1: 2 (+1 resumed) evaluated, best 1.050x, "
          "900 tokens; run: 5 LLM requests, 4.32k tokens)");
  }

  TEST_CASE("the live block: a header with the run's totals, then one line per search")
  {
    Capture c;
    util::Terminal term(c.file(), util::TerminalMode{true, false, 200});
    SearchBoard board("nn/relu", params(3), term);
    std::vector<std::string> b = board.block();
    REQUIRE(b.size() == 4);
    CHECK(b[0] == "nn/relu EoK iter -/2: best -, 0 evaluated, 0 LLM requests, 0 tokens");
    CHECK(b[3] == "  p2 waiting for its first step");

    search::Progress a = step(0, 1, 0, "M1", "ok", 1.4);
    a.evaluated = 4;
    a.resumed_steps = 2;
    a.best = 1.4;
    search::Progress z = step(2, 1, -1, "init", "no_code", 0);
    z.evaluated = 3;
    z.best = 1.2;
    board.update(a, {6, 3000});
    board.update(z, {7, 3500});
    b = board.block();
    CHECK(b[0] == "nn/relu EoK iter 2/2: best 1.400x, 7 (+2 resumed) evaluated, 7 LLM requests, 3.50k tokens");
    CHECK(b[1] == search_line(a, 2, 3, false));
    CHECK(b[2] == "  p1 waiting for its first step");
    CHECK(b[3] == search_line(z, 2, 3, false));
    // Drawn in place: the second update erases the four rows of the first.
    std::string out = c.all();
    CHECK(out.find("\033[A\033[2K\033[A\033[2K\033[A\033[2K\033[A\033[2K" + b[0] + "\n") != std::string::npos);
    CHECK(out.find("t0/p") == std::string::npos); // no plain lines on a terminal
    // A search index outside the board is ignored, not a crash.
    board.update(step(5, 0, 0, "E1", "ok", 2.0), {8, 4000});
    CHECK(board.block() == b);
  }

  TEST_CASE("not a terminal: one plain line per finished step, no escapes, nothing repeated")
  {
    Capture c;
    util::Terminal term(c.file(), util::TerminalMode{});
    SearchBoard board("nn/relu", params(2), term);
    search::Progress a = step(0, 0, -1, "init", "ok", 1.1);
    a.evaluated = 1;
    a.best = 1.1;
    board.update(a, {1, 100});
    board.update(a, {1, 100}); // the same step reported twice
    search::Progress b = step(1, 0, -1, "init", "wrong_output", 0);
    b.evaluated = 1;
    board.update(b, {2, 200});
    CHECK(c.all() == step_line("nn/relu", a, {1, 100}) + "\n" + step_line("nn/relu", b, {2, 200}) + "\n");
  }
}
