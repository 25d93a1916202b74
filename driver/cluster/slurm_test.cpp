#include "cluster/slurm.hpp"

#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/test_support.hpp"

#include <sys/stat.h>

using eok::testing::ScratchDir;
namespace cluster = eok::cluster;
namespace eval = eok::eval;

namespace {

// A stand-in for srun: logs its arguments, fails (exit 1, as srun does when a job is
// cancelled) the first `fails` times, then prints the verdict file it was given.
std::string fake_srun(const ScratchDir& dir, int fails, const std::string& verdict_file)
{
  const std::string path = dir.file("srun");
  eok::util::write_file_atomic(path, "#!/bin/sh\n"
                                     "echo \"$@\" >> " +
                                         dir.file("calls") +
                                         "\n"
                                         "n=$(wc -l < " +
                                         dir.file("calls") +
                                         ")\n"
                                         "if [ \"$n\" -le " +
                                         std::to_string(fails) +
                                         " ]; then echo 'srun: error: job cancelled' >&2; exit 1; fi\n"
                                         "cat " +
                                         verdict_file +
                                         "\n"
                                         "grep -q '\"verdict\": \"ok\"' " +
                                         verdict_file + " && exit 0 || exit 1\n");
  ::chmod(path.c_str(), 0755);
  return path;
}

eval::Verdict measured_ok()
{
  eval::Verdict v;
  v.kind = eval::VerdictKind::ok;
  v.reason = "passed \"every\" check\n";
  v.seed = 1234567890123ULL;
  v.compiler_output = "warning: x";
  v.timing = {0.5, 0.25, 0.125};
  eok::perf::Measurement m;
  m.runner = "model";
  m.model_version = "model/9";
  m.cycles = 16671;
  m.sol_cycles = 16669;
  m.sol_fraction = 16669.0 / 16671.0;
  m.bound = "memory";
  v.measurement = m;
  v.speedup = 1.25;
  return v;
}

} // namespace

TEST_SUITE("cluster::slurm")
{
  TEST_CASE("a verdict survives the trip through eok eval's JSON")
  {
    const eval::Verdict v = measured_ok();
    auto back = cluster::verdict_from_json(eval::verdict_json(v));
    REQUIRE(back);
    CHECK(back.value().kind == eval::VerdictKind::ok);
    CHECK(back.value().reason == v.reason);
    CHECK(back.value().seed == v.seed);
    REQUIRE(back.value().measurement);
    CHECK(back.value().measurement->cycles == doctest::Approx(16671));
    CHECK(back.value().measurement->model_version == "model/9");
    CHECK(back.value().speedup == doctest::Approx(1.25));
    CHECK(back.value().timing.check == doctest::Approx(0.25));

    eval::Verdict wrong;
    wrong.kind = eval::VerdictKind::wrong_output;
    wrong.mismatch_count = 3;
    wrong.mismatches = {{"n=7", "y", 6, "0", "nan"}};
    auto w = cluster::verdict_from_json(eval::verdict_json(wrong));
    REQUIRE(w);
    CHECK(w.value().kind == eval::VerdictKind::wrong_output);
    CHECK_FALSE(w.value().measurement);
    REQUIRE(w.value().mismatches.size() == 1);
    CHECK(w.value().mismatches[0].index == 6);
    CHECK(w.value().mismatches[0].got == "nan");

    CHECK_FALSE(cluster::verdict_from_json("srun: error: Unable to allocate resources"));
    CHECK_FALSE(cluster::verdict_from_json("{\"schema_version\": 1, \"verdict\": \"fabulous\"}"));
    CHECK_FALSE(cluster::verdict_from_json("[1, 2]"));
  }

  TEST_CASE("the job runs this eok's eval with the run's kernel, target, defines, flags and settings, never its environment")
  {
    ScratchDir dir;
    eok::config::Config cfg;
    cfg.work_dir = dir.file("work");
    cfg.slurm_partition = "boards";
    cfg.slurm_mem_mb = 2048;
    cfg.seed = 77;
    cluster::SlurmExecutor ex(cfg, {"/opt/eok", "/k/relu", {"/x/a.ini", "/x/b.ini"}, "eok-abc"});
    const auto argv = ex.command("/s/c.c", {"src", {{"EOK_LMUL", 4}}, {"-O3"}});
    const std::string line = eok::util::join(argv, " ");
    CHECK(argv.front() == "srun");
    CHECK(line.find("--export=PATH,HOME") != std::string::npos);
    CHECK(line.find("--job-name=eok-abc --nodes=1 --ntasks=1 --time=10 --partition=boards --mem=2048 -- /opt/eok eval --kernel /k/relu "
                    "--candidate /s/c.c --json --cross-file=/x/a.ini --cross-file=/x/b.ini --define=EOK_LMUL=4 --flag=-O3 "
                    "--set=search.seed=77") != std::string::npos);
  }

  TEST_CASE("a lost job is resubmitted; lost every time it is executor_fault, never the candidate's verdict")
  {
    ScratchDir dir;
    eok::util::write_file_atomic(dir.file("ok.json"), eval::verdict_json(measured_ok()));
    eok::config::Config cfg;
    cfg.work_dir = dir.file("work");
    cfg.slurm_retries = 2;
    cfg.slurm_srun = fake_srun(dir, 2, dir.file("ok.json"));
    cluster::SlurmExecutor ex(cfg, {"/opt/eok", "/k", {}, "eok-r"});
    const eval::Verdict v = ex.evaluate({"int x;\n", {}, {}});
    CHECK(v.kind == eval::VerdictKind::ok);
    CHECK(v.measurement->cycles == doctest::Approx(16671));
    CHECK(ex.submitted() == 1);
    CHECK(ex.resubmitted() == 2);

    ScratchDir dir2;
    eok::util::write_file_atomic(dir2.file("ok.json"), eval::verdict_json(measured_ok()));
    cfg.slurm_srun = fake_srun(dir2, 5, dir2.file("ok.json"));
    cfg.work_dir = dir2.file("work");
    cluster::SlurmExecutor lost(cfg, {"/opt/eok", "/k", {}, "eok-r"});
    const eval::Verdict f = lost.evaluate({"int x;\n", {}, {}});
    CHECK(f.kind == eval::VerdictKind::executor_fault);
    CHECK(f.reason.find("lost 3 times") != std::string::npos);
    CHECK(f.reason.find("job cancelled") != std::string::npos);
    CHECK_FALSE(f.measurement);
  }
}
