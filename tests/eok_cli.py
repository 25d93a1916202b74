"""Running the built eok as the integration tests do, defined once: where the binary and the
source tree are, the clean environment (a developer's own EOK_* settings never steer a test)
and a scratch directory that is removed when its test passed and kept, as evidence, when it
failed. Meson's integration_env sets EOK_BIN and EOK_SOURCE_ROOT."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

EOK = os.environ["EOK_BIN"]
SRC = os.environ["EOK_SOURCE_ROOT"]
CROSS = os.path.join(SRC, "cross", "rv64gcv-qemu.ini")

sys.path.insert(0, os.path.join(SRC, "kernels"))
import kernel_layout  # noqa: E402  (the kernel-directory layout, kernels/kernel_layout.py)


def clean_env(**extra):
    """This process's environment without EOK_* settings (EOK_BIN stays, for child scripts that
    run eok), plus extra."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_") or k == "EOK_BIN"}
    env.update(extra)
    return env


def eok(*args, cwd=None, env=None, timeout=60, check=False):
    """eok with args, output captured as text; env is the whole environment (clean_env() when
    None). check: a non-zero exit fails the test with eok's stderr."""
    r = subprocess.run([EOK, *args], capture_output=True, text=True, cwd=cwd,
                       env=clean_env() if env is None else env, timeout=timeout)
    if check and r.returncode != 0:
        raise AssertionError("eok %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return r


def run(argv, cwd=None, env=None, check=True, timeout=900):
    """Any command (cmake, ccache, a built test program), output captured as text; env is the
    whole environment (clean_env() when None). check: a non-zero exit fails the test with both
    outputs."""
    r = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=clean_env() if env is None else env,
                       timeout=timeout)
    if check and r.returncode != 0:
        raise AssertionError(f"{argv} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    return r


def nm_tool():
    """The llvm-nm to read objects with (the newest installed), or skip the test."""
    for n in ("llvm-nm-22", "llvm-nm-19", "llvm-nm"):
        if shutil.which(n):
            return n
    raise unittest.SkipTest("no llvm-nm")


def passed(test):
    """Whether the running unittest.TestCase has no error or failure recorded so far, read the
    same way on every Python 3: failures already fed to the result (3.11+: its subtests' too)
    and those the outcome still holds (3.8-3.10 feed them after cleanups). _outcome.success
    alone is not it: 3.11 resets it for each part, so it reads True inside tearDown."""
    outcome = getattr(test, "_outcome", None)
    if outcome is None:
        return True
    if any(exc for _, exc in getattr(outcome, "errors", []) or []):
        return False
    result = getattr(outcome, "result", None)
    if result is None:
        return True
    return not any(t is test or getattr(t, "test_case", None) is test for t, _ in result.errors + result.failures)


def scratch_dir(test, prefix, dir=None):
    """A fresh directory for test, removed after its tearDown when it passed, kept (and named
    on stderr) when it failed."""
    path = tempfile.mkdtemp(prefix=prefix, dir=dir)

    def remove_if_passed():
        if passed(test):
            shutil.rmtree(path, ignore_errors=True)
        else:
            print("scratch kept: " + path, file=sys.stderr)

    test.addCleanup(remove_if_passed)
    return path


class SharedScratch(unittest.TestCase):
    """A TestCase whose tests share one scratch directory made in setUpClass
    (cls.shared_scratch_dir): removed after the class when every test of it passed, kept (and
    named on stderr) when setUpClass or any test did not. Each test's run() has fed its result
    once it returns, so this reads the result itself, not the outcome's internals."""
    _scratch_runs = 0
    _scratch_failed = False

    @classmethod
    def shared_scratch_dir(cls, prefix):
        path = tempfile.mkdtemp(prefix=prefix)
        cls._scratch_runs, cls._scratch_failed = 0, False

        def remove_if_passed():
            if cls._scratch_runs and not cls._scratch_failed:
                shutil.rmtree(path, ignore_errors=True)
            else:  # a failed test, or setUpClass failed (then no test ran)
                print("scratch kept: " + path, file=sys.stderr)

        cls.addClassCleanup(remove_if_passed)
        return path

    def run(self, result=None):
        if result is None:  # unittest always passes one; a bare call has nothing to read
            return super().run(result)
        before = len(result.errors) + len(result.failures)
        out = super().run(result)
        cls = type(self)
        cls._scratch_runs += 1
        if len(result.errors) + len(result.failures) > before:
            cls._scratch_failed = True
        return out


def settings(*sets):
    """--set arguments, one per "key=value"."""
    return [a for s in sets for a in ("--set", s)]


def toml_keys(table):
    """key = value lines of a dict of TOML scalars (strings quoted, booleans lower case)."""
    def value(v):
        return str(v).lower() if isinstance(v, bool) else f'"{v}"' if isinstance(v, str) else str(v)
    return "".join(f"{k} = {value(v)}\n" for k, v in table.items())


def llm_search_config(path, work, server, search, cache=None, llm=None, extra=""):
    """Writes a project eok.toml at path for `eok tune`'s EoK search against a loopback LLM
    server (its url): the source tree's idea pool and RAG notes, the scripted model, no
    probed code-generation flags, two evaluation jobs, the [search] settings given (a dict)
    and extra TOML text. cache: paths.cache (default <work>.sqlite); work: paths.work; llm: more
    [llm] settings (a dict)."""
    cache = cache or work + ".sqlite"
    with open(path, "w") as f:
        f.write(f'[paths]\ncache = "{cache}"\nwork = "{work}"\nideas = "{SRC}/ideas"\nrag = "{SRC}/rag_corpus"\n'
                f'[llm]\nprovider = "openai"\nbase_url = "{server.url}"\nmodel = "scripted-model"\nbackoff_ms = 10\n'
                + toml_keys(llm or {}) + "[search]\n" + toml_keys(search) +
                "[tune]\nbuiltin_flags = false\n[eval]\njobs = 2\n" + extra)
    return path


def llm_server_args(server, *sets):
    """The --set arguments that point eok's LLM client at a loopback test server, then sets."""
    return settings("llm.provider=openai", f"llm.base_url={server.url}", "llm.model=test-model", "llm.backoff_ms=10", *sets)
