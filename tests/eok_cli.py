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
    """Whether the running unittest.TestCase has no error or failure recorded so far. (Its
    _outcome.success reads True inside tearDown and cleanups, which run as parts of their own.)"""
    outcome = getattr(test, "_outcome", None)
    result = getattr(outcome, "result", None)
    if result is None:
        return True
    return not any(t is test for t, _ in result.errors + result.failures)


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


def settings(*sets):
    """--set arguments, one per "key=value"."""
    return [a for s in sets for a in ("--set", s)]


def llm_server_args(server, *sets):
    """The --set arguments that point eok's LLM client at a loopback test server, then sets."""
    return settings("llm.provider=openai", f"llm.base_url={server.url}", "llm.model=test-model", "llm.backoff_ms=10", *sets)
