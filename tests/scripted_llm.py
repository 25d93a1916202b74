#!/usr/bin/env python3
"""Scripted LLM replies for `eok tune` runs against the loopback server (tests/llm_server.py):
per kernel (relu, mish, convdw3x3s1) candidate sources of known kinds, written here from the
kernels' ker0 (slower correct, wrong but faster, not compiling, faster correct, unchanged, plus
a reply with no code), a server script answering each EoH operator with a fixed kind, and a
handle on the server process. Used by tests/tune_llm_test.py and bench/search_bench.py."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "llm_server.py")
KERNELS = os.path.join(os.path.dirname(HERE), "kernels", "nn")

# The operators' instructions as search/prompts.cpp writes them (one phrase each).
OPS = {
    "init": "Apply the optimisation thought below",
    "E1": "clearly different from every kernel shown",
    "E2": "Find the idea the kernels shown have in common",
    "M1": "Modify the structure of the kernel shown",
    "M2": "Keep the structure of the kernel shown but change its parameters",
    "M3": "Simplify the kernel shown",
    "R": "The kernel below failed the evaluator's checks",
}


def read(*parts):
    with open(os.path.join(*parts)) as f:
        return f.read()


def replace_once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def mish_fast(ker0, guarded=True):
    """One exp and one division: tanh(ln(1 + e)) = q / (q + 2) with q = e (e + 2), e = e^x.
    Unguarded, q overflows for large x and Inf / Inf gives NaN (wrong for x = +Inf, FLT_MAX)."""
    head = ker0[: ker0.index("void eok_mish_f32")]
    clamp = "F(vfmin_vf)(v, 20.0f, vl)" if guarded else "v"
    above = ("    // Above 20, tanh(softplus(x)) rounds to 1 in fp32: mish(x) = x.\n"
             "    r = F(vmerge_vvm)(r, v, B(vmfgt_vf)(v, 20.0f, vl), vl);\n") if guarded else ""
    return head + f"""void eok_mish_f32(const float* x, float* y, long n)
{{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {{
    size_t vl = VSETVL(left);
    vf32 v = F(vle32_v)(x, vl);
    vf32 e = exp_ps({clamp}, vl);
    vf32 q = F(vfmul_vv)(e, F(vfadd_vf)(e, 2.0f, vl), vl);
    vf32 t = F(vfdiv_vv)(q, F(vfadd_vf)(q, 2.0f, vl), vl);
    vf32 r = F(vfmul_vv)(F(vfmax_vf)(v, -3.40282347e+38f, vl), t, vl);
{above}    r = F(vmerge_vvm)(r, v, B(vmfne_vv)(v, v, vl), vl);
    F(vse32_v)(y, r, vl);
    x += vl;
    y += vl;
    left -= vl;
  }}
}}
"""


def candidates():
    """Per kernel: the scripted replies' code by kind."""
    relu = read(KERNELS, "relu", "relu.c")
    mish = read(KERNELS, "mish", "mish.c")
    conv = read(KERNELS, "convdw3x3s1", "convdw3x3s1.c")
    return {
        # relu's ker0 already sits on the model's memory bound: nothing correct can beat it.
        "relu": {
            "slow": replace_once(relu, "#define EOK_LMUL 8\n#endif", "#define EOK_LMUL 1\n#endif"),
            "wrong": replace_once(relu, "  const float* ptr = x;", "  n = n / 2; // only half the work\n  const float* ptr = x;"),
            "broken": replace_once(relu, "_p = EOK_VFMAX(_p, 0.f, vl);", "_p = EOK_VFMAX(_p, 0.f, vl, vl);"),
            "fast": replace_once(relu, "#define EOK_LMUL 8\n#endif", "#define EOK_LMUL 4\n#endif"),
            "same": relu,
        },
        "mish": {
            "slow": replace_once(mish, "#define EOK_LMUL 2\n#endif", "#define EOK_LMUL 1\n#endif"),
            "wrong": mish_fast(mish, guarded=False),
            "broken": replace_once(mish, "vf32 u = F(vfadd_vf)(f, 1.0f, vl);", "vf32 u = F(vfadd_vf)(f, 1.0f);"),
            "fast": mish_fast(mish),
            "same": mish,
        },
        "convdw3x3s1": {
            "slow": replace_once(replace_once(conv, "#define EOK_LMUL 4\n", "#define EOK_LMUL 1\n"), "#define EOK_ROWS 2\n",
                                 "#define EOK_ROWS 1\n"),
            "wrong": conv.replace("for (int dj = 0; dj < 3; ++dj)", "for (int dj = 0; dj < 2; ++dj)"),
            "broken": replace_once(conv, "const long outw = w - 2;", "const long outw = w - 2"),
            "fast": replace_once(replace_once(conv, "#define EOK_LMUL 4\n", "#define EOK_LMUL 2\n"), "#define EOK_ROWS 2\n",
                                 "#define EOK_ROWS 4\n"),
            "same": conv,
        },
    }


# What each operator answers with.
# A repair prompt (operator R, search.repair) gets the fast kernel.
PLAN = {"init": "slow", "E1": "wrong", "E2": "broken", "M1": "garbage", "M2": "fast", "M3": "same", "R": "fast"}


def reply(kind, code):
    if kind == "garbage":
        return "I am sorry, but I cannot help with that kernel today. <think>maybe LMUL</think>"
    return "{" + f"scripted {kind} candidate" + "}\n\nHere it is:\n```c\n" + code + "```\n"


def script(kernels, delay=0.0, unique=False, transient=True):
    """unique: every reply's code differs (a comment from the prompt's hash), so each is evaluated."""
    code = candidates()
    # Transient failures the client must retry through (answered to whichever requests come first).
    replies = [{"mode": "status", "status": 500, "times": 1},
               {"mode": "status", "status": 429, "headers": {"Retry-After": "1"}, "times": 1}] if transient else []
    for k in kernels:
        for op, phrase in OPS.items():
            kind = PLAN[op]
            replies.append({"match": [f"Task: nn/{k}:", phrase], "content": reply(kind, code[k].get(kind, "")),
                            "repeat": True, "delay": delay, "unique": unique})
    return {"replies": replies}


class Server:
    def __init__(self, dir, script_data, name="server"):
        self.script = os.path.join(dir, name + ".json")
        self.log = os.path.join(dir, name + ".jsonl")
        with open(self.script, "w") as f:
            json.dump(script_data, f)
        self.proc = subprocess.Popen([sys.executable, SERVER, "--script", self.script, "--log", self.log],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line.startswith("PORT "), line
        self.url = f"http://127.0.0.1:{int(line.split()[1])}/v1"

    def requests(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as f:
            return [json.loads(line) for line in f]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
        self.proc.stdout.close()


def loopback_server(test, dir, script_data, name=None):
    """A Server for one unittest test, stopped when the test ends (test.addCleanup, so no
    tearDown is needed); unnamed servers of a test are server0, server1, ... in dir."""
    if name is None:
        count = getattr(test, "_eok_servers", 0)
        test._eok_servers = count + 1
        name = f"server{count}"
    s = Server(dir, script_data, name=name)
    test.addCleanup(s.stop)
    return s
