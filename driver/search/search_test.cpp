#include "search/effectiveness.hpp"
#include "search/prompts.hpp"
#include "search/random.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>

using namespace eok::search;

TEST_SUITE("search::sampling")
{
  TEST_CASE("the same seed gives the same stream; forks are independent and reproducible")
  {
    Rng a(42);
    Rng b(42);
    for (int i = 0; i < 100; ++i) {
      CHECK(a.next() == b.next());
    }
    Rng root(7);
    CHECK(root.fork("t0/p1").next() == Rng(7).fork("t0/p1").next());
    CHECK(root.fork("t0/p1").next() != root.fork("t0/p2").next());
  }

  TEST_CASE("pinned values: the stream must not change between releases (invariant 6)")
  {
    // If these change, recorded runs stop replaying the same way: treat it as a format change.
    Rng r(1);
    CHECK(r.next() == 12966619160104079557ULL);
    CHECK(r.next() == 9600361134598540522ULL);
    CHECK(Rng(1).uniform_index(1000) == 557);
  }

  TEST_CASE("softmax weights")
  {
    auto p = softmax({1.0, 2.0, 3.0}, 1.0);
    double sum = p[0] + p[1] + p[2];
    CHECK(sum == doctest::Approx(1.0));
    CHECK(p[2] / p[1] == doctest::Approx(std::exp(1.0)));
    auto flat = softmax({1.0, 2.0, 3.0}, 1e6);
    CHECK(flat[0] == doctest::Approx(1.0 / 3).epsilon(1e-3));
    auto sharp = softmax({1.0, 2.0, 3.0}, 0.01);
    CHECK(sharp[2] > 0.999);
    CHECK(softmax({1000.0, 1001.0}, 1.0)[1] == doctest::Approx(1.0 / (1.0 + std::exp(-1.0)))); // no overflow
  }

  TEST_CASE("weighted sampling follows the weights (fixed seed, 20000 draws)")
  {
    Rng r(3);
    std::vector<double> w = {0.1, 0.0, 0.6, 0.3};
    std::map<size_t, int> hits;
    for (int i = 0; i < 20000; ++i) {
      ++hits[sample_weighted(r, w)];
    }
    CHECK(hits[1] == 0);
    CHECK(hits[0] / 20000.0 == doctest::Approx(0.1).epsilon(0.1));
    CHECK(hits[2] / 20000.0 == doctest::Approx(0.6).epsilon(0.05));
    CHECK(hits[3] / 20000.0 == doctest::Approx(0.3).epsilon(0.05));
  }

  TEST_CASE("uniform choice of an idea is uniform")
  {
    Rng r(11);
    std::vector<int> hits(8);
    for (int i = 0; i < 16000; ++i) {
      ++hits[r.uniform_index(8)];
    }
    for (int h : hits) {
      CHECK(h == doctest::Approx(2000).epsilon(0.1));
    }
  }

  TEST_CASE("distinct weighted sampling never repeats and prefers heavy items")
  {
    Rng r(5);
    auto picks = sample_weighted_distinct(r, {0.0, 0.0, 1.0}, 3);
    REQUIRE(picks.size() == 3);
    CHECK(picks[0] == 2);
    CHECK(picks[1] != picks[2]);
  }
}

TEST_SUITE("search::effectiveness")
{
  TEST_CASE("failed or slower children score zero; speedups score toward one")
  {
    CHECK(child_score(false, 3.0) == 0.0);
    CHECK(child_score(true, 0.9) == 0.0);
    CHECK(child_score(true, 1.25) == doctest::Approx(1 - std::exp(-1.0)));
    CHECK(child_score(true, 3.0) > child_score(true, 1.5));
  }

  TEST_CASE("updates move toward the best child and stay in [0, 1]")
  {
    CHECK(updated_effectiveness(0.5, {}) == 0.5);
    CHECK(updated_effectiveness(0.5, {0.0, 0.0}) == doctest::Approx(0.35));
    CHECK(updated_effectiveness(0.5, {0.0, 1.0}) == doctest::Approx(0.65));
    double v = 0.9;
    for (int i = 0; i < 50; ++i) {
      v = updated_effectiveness(v, {1.0});
    }
    CHECK(v <= 1.0);
    CHECK(v > 0.99);
  }
}

TEST_SUITE("search::prompts")
{
  TaskView task()
  {
    return {"relu", "y = max(x, 0)", "void eok_relu_f32(const float* x, float* y, long n)", "eok_relu_f32", 256, "rv64gcv"};
  }

  TEST_CASE("init applies one thought to the reference kernel")
  {
    PromptInput in;
    in.op = Operator::init;
    in.task = task();
    in.parents = {{"reference", "void eok_relu_f32(...) {}", 1.0}};
    in.thoughts = {{"lmul.m8", "Use LMUL 8 for streaming kernels", "vfloat32m8_t v;"}};
    in.rag_context = {"LMUL groups registers"};
    Prompt p = build_prompt(in);
    CHECK(p.system.find("void eok_relu_f32(const float* x, float* y, long n)") != std::string::npos);
    CHECK(p.system.find("VLEN 256") != std::string::npos);
    CHECK(p.user.find("Apply the optimisation thought") != std::string::npos);
    CHECK(p.user.find("Use LMUL 8 for streaming kernels") != std::string::npos);
    CHECK(p.user.find("vfloat32m8_t v;") != std::string::npos);
    CHECK(p.user.find("LMUL groups registers") != std::string::npos);
    CHECK(p.user.find("Reference kernel:") != std::string::npos);
  }

  TEST_CASE("each operator has its own instruction and parent count")
  {
    std::map<std::string, std::string> seen;
    for (Operator op : evolution_operators()) {
      PromptInput in;
      in.op = op;
      in.task = task();
      in.parents = {{"a", "code a", 1.1}, {"b", "code b", 1.2}};
      Prompt p = build_prompt(in);
      CHECK(p.user.find("Kernel 1 (speedup over the reference: 1.100x)") != std::string::npos);
      seen[p.user] = operator_name(op);
    }
    CHECK(seen.size() == 5);
    CHECK(operator_parents(Operator::e1, 5) == 3);
    CHECK(operator_parents(Operator::e2, 2) == 2);
    CHECK(operator_parents(Operator::m2, 5) == 1);
  }

  TEST_CASE("a whole-file task asks for the file in C++ and shows the headers it includes")
  {
    PromptInput in;
    in.op = Operator::m1;
    in.task.name = "ncnn/clip";
    in.task.description = "NCNN's Clip layer";
    in.task.file = "src/layer/riscv/clip_riscv.cpp";
    in.task.context = "Headers the file includes (read-only; they stay as they are):\n// src/layer.h\n```cpp\nclass Layer;\n```\n";
    in.task.march = "rv64gcv";
    in.parents = {{"ker0", "int Clip_riscv::forward_inplace(Mat& m, const Option&) const {}", 1.0}};
    Prompt p = build_prompt(in);
    CHECK(p.system.find("replaces the whole source file `src/layer/riscv/clip_riscv.cpp`") != std::string::npos);
    CHECK(p.system.find("```cpp code block") != std::string::npos);
    CHECK(p.user.find("Task: ncnn/clip: NCNN's Clip layer\nFile to replace: src/layer/riscv/clip_riscv.cpp\n") == 0);
    CHECK(p.user.find("// src/layer.h\n```cpp\nclass Layer;") != std::string::npos);
    CHECK(p.user.find("```cpp\nint Clip_riscv::forward_inplace") != std::string::npos);
    CHECK(p.user.find("Required function") == std::string::npos);
    PromptInput c = in;
    c.task = task();
    CHECK(build_prompt(c).user.find("```c\n") != std::string::npos); // a C kernel's prompt is unchanged
  }

  TEST_CASE("prompt hash changes with any byte of either message")
  {
    PromptInput in;
    in.task = task();
    Prompt a = build_prompt(in);
    Prompt b = a;
    b.user += " ";
    Prompt c = a;
    c.system += " ";
    CHECK(a.hash() == build_prompt(in).hash());
    CHECK(a.hash() != b.hash());
    CHECK(a.hash() != c.hash());
    CHECK(a.hash().size() == 64);
  }
}
