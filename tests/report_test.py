#!/usr/bin/env python3
"""`eok report` end to end: real tuning runs into a real cache (an EoK run on relu against the
loopback LLM server and offline knob/flag runs), then the HTML report opened in headless
Chromium (a screenshot and the browser's DOM: the SVG charts are there and drawn), the compare
view against a second cache, and the Markdown variant by content."""
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import zlib

from eok_cli import CROSS, EOK, SharedScratch, clean_env, llm_search_config
from scripted_llm import KERNELS, Server, script


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def png_pixels(path):
    """Width, height and rows of (r, g, b) of an 8-bit RGB/RGBA PNG (what Chromium writes)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        prev = line
    return width, height, rows


class Report(SharedScratch):
    @classmethod
    def setUpClass(cls):
        cls.dir = cls.shared_scratch_dir("eok-report-")
        cls.env = clean_env(XDG_CONFIG_HOME=cls.dir)
        cls.eok_cache = os.path.join(cls.dir, "eok.sqlite")
        cls.offline_cache = os.path.join(cls.dir, "offline.sqlite")
        server = Server(cls.dir, script(["relu"], transient=False))
        try:
            # not ./eok.toml: the offline runs below must not read it
            config = llm_search_config(os.path.join(cls.dir, "llm.toml"), os.path.join(cls.dir, "work"), server,
                                       dict(repair=False, parallel=1, iterations=1, population=2, generations=1, keep=2,
                                            thoughts=2, seed=5), cache=cls.eok_cache, extra="[budget]\nevals = 12\n")
            env = dict(cls.env, EOK_API_KEY="sk-test")
            cls.run_ok([EOK, "tune", "--config", config, "--cross-file", CROSS, os.path.join(KERNELS, "relu")], env)
        finally:
            server.stop()
        for cache, kernels in ((cls.eok_cache, ["convdw3x3s1"]), (cls.offline_cache, ["relu", "convdw3x3s1"])):
            cls.run_ok([EOK, "tune", "--cache", cache, "--cross-file", CROSS, "--set", "budget.evals=5",
                        "--set", f"paths.work={cls.dir}/work"] + [os.path.join(KERNELS, k) for k in kernels], cls.env)

    @classmethod
    def run_ok(cls, cmd, env=None):
        r = subprocess.run(cmd, capture_output=True, text=True, env=env or cls.env, cwd=cls.dir, timeout=900)
        if r.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
        return r

    def browse(self, html):
        """The browser's DOM of the page and a screenshot's pixels."""
        browser = chromium()
        if browser is None:
            self.fail("chromium is not installed (.ci/dev installs it)")
        profile = tempfile.mkdtemp(prefix="chromium-", dir=self.dir)
        flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1200,1600"]
        url = "file://" + html
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, text=True, timeout=120)
        self.assertEqual(dom.returncode, 0, dom.stderr[-2000:])
        shot = os.path.join(self.dir, os.path.basename(html) + ".png")
        r = subprocess.run(flags + [f"--screenshot={shot}", url], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        self.assertTrue(os.path.isfile(shot), r.stderr[-2000:])
        return dom.stdout, png_pixels(shot)

    def check_page(self, html, compare):
        dom, (width, height, rows) = self.browse(html)
        # The charts as the browser parsed them: the speedup chart with a bar per kernel and a SOL
        # bar, convergence curves with drawn paths; nothing loaded from elsewhere.
        chart = re.search(r'<svg id="speedup-chart".*?</svg>', dom, re.S)
        self.assertIsNotNone(chart, dom[:2000])
        bars = re.findall(r'<rect class="bar speedup"[^>]*width="([0-9.]+)"', chart.group(0))
        self.assertEqual(len(bars), 2, chart.group(0))  # relu and convdw3x3s1
        self.assertTrue(all(float(w) > 0 for w in bars))
        self.assertEqual(len(re.findall(r'class="bar sol"', chart.group(0))), 2)
        self.assertEqual(len(re.findall(r'class="bar compare"', chart.group(0))), 2 if compare else 0)
        curves = re.findall(r'<svg class="convergence".*?</svg>', dom, re.S)
        self.assertGreaterEqual(len(curves), 3)  # relu by evaluations and by tokens, convdw by evaluations
        for svg in curves:
            d = re.search(r'<path class="curve" d="([^"]+)"', svg)
            self.assertIsNotNone(d, svg)
            self.assertGreater(d.group(1).count("L"), 2)
        self.assertNotIn("<script", dom)
        self.assertIn("nn/convdw3x3s1", dom)
        self.assertIn("wrong_output", dom)  # the LLM run's verdicts by operator
        self.assertRegex(dom, r"<details><summary>diff</summary><pre class=\"diff\">")
        # The screenshot shows the charts: the bars' green and the SOL blue are drawn.
        colours = {px for row in rows for px in row}
        self.assertIn((0x2f, 0x7d, 0x46), colours)
        self.assertIn((0x4a, 0x6f, 0xa5), colours)
        if compare:
            self.assertIn((0xc9, 0x8a, 0x2b), colours)

    def test_html_report_opens_in_a_browser_with_its_charts(self):
        out = os.path.join(self.dir, "report.html")
        r = self.run_ok([EOK, "report", "--cache", self.eok_cache, "--out", out])
        self.assertIn("2 kernels", r.stdout)
        self.check_page(out, compare=False)

    def test_compare_view_shows_both_runs(self):
        out = os.path.join(self.dir, "compare.html")
        self.run_ok([EOK, "report", "--cache", self.eok_cache, "--compare", self.offline_cache, "--out", out])
        self.check_page(out, compare=True)

    def test_markdown_variant_and_one_run(self):
        md = self.run_ok([EOK, "report", "--cache", self.eok_cache, "--format", "md"]).stdout
        self.assertIn("| all tasks | 1 / 2 |", md)  # convdw improves (knobs), relu stays at the memory bound
        self.assertRegex(md, r"\| nn/convdw3x3s1 \| \d+ \| \d+ \| 1\.\d{3}x \|")
        relu = re.search(r"\| nn/relu \| (\d+) \| (\d+) \| 1\.000x \| [01]\.\d{3} \|", md)
        self.assertIsNotNone(relu, md)
        self.assertEqual(relu.group(1), relu.group(2))  # ker0 stays: best = ker0
        self.assertIn("| wrong_output |", md)
        self.assertIn("- nn/relu: ker0, 1.000x", md)
        runs = subprocess.run(["sqlite3", self.eok_cache, "SELECT id FROM runs WHERE kernel = 'nn/relu'"],
                              capture_output=True, text=True).stdout.split()
        one = self.run_ok([EOK, "report", "--cache", self.eok_cache, "--run", runs[0], "--format", "md"]).stdout
        self.assertIn("nn/relu", one)
        self.assertNotIn("nn/convdw3x3s1", one)
        bad = subprocess.run([EOK, "report", "--cache", self.eok_cache, "--run", "999"], capture_output=True, text=True,
                             env=self.env, cwd=self.dir)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("no run 999", bad.stderr)
        missing = subprocess.run([EOK, "report", "--cache", os.path.join(self.dir, "nope.sqlite")], capture_output=True,
                                 text=True, env=self.env, cwd=self.dir)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("no such cache file", missing.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
