"""What the bench scripts share, defined once: the source tree (ROOT) with kernels/ and tests/
importable (kernel_layout: which kernels there are and their files; scripted_llm: the loopback
LLM server) and the build and target arguments (--build, --cross-file)."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for _d in ("kernels", "tests"):
    sys.path.insert(0, os.path.join(ROOT, _d))
import kernel_layout  # noqa: E402,F401  (the kernel-directory layout, kernels/kernel_layout.py)


def add_build_args(ap, cross_file=True):
    """--build (this tree's Meson build directory) and, unless told not to, --cross-file."""
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="Meson build directory holding driver/eok")
    if cross_file:
        ap.add_argument("--cross-file", default=os.path.join(ROOT, "cross", "rv64gcv-qemu.ini"))


def eok_of(args):
    """The eok binary of --build."""
    return os.path.join(args.build, "driver", "eok")
