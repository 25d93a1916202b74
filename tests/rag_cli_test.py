#!/usr/bin/env python3
"""Integration tests of `eok rag`: the shipped corpus indexed in a real SQLite file answers
topical queries with the relevant chunks first; hostile query text is harmless; the index is
rebuilt when the corpus changes and only then."""
import os
import re
import shutil
import unittest

from eok_cli import SRC, eok, scratch_dir


def top_hits(stdout):
    """(title, source) of each hit, best first."""
    return re.findall(r"^--- \d+\. (.*) \(([^():]+):\d+\) bm25 ", stdout, re.M)


class RagCli(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-rag-")
        self.db = os.path.join(self.dir, "sub", "rag.sqlite")
        self.common = ["--db", self.db, "--rag-dir", os.path.join(SRC, "rag_corpus"),
                       "--ideas-dir", os.path.join(SRC, "ideas")]

    def query(self, text, k=3):
        r = eok("rag", "query", text, "--k", str(k), *self.common)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def test_index_then_up_to_date(self):
        r = eok("rag", "index", *self.common)
        self.assertEqual(r.returncode, 0, r.stderr)
        m = re.search(r": (\d+) chunks from .* \(rebuilt\)", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertGreater(int(m.group(1)), 60)  # notes' sections + 41 thoughts
        r = eok("rag", "index", *self.common)
        self.assertIn("(up to date)", r.stdout)
        r = eok("rag", "index", "--force", *self.common)
        self.assertIn("(rebuilt)", r.stdout)
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(16), b"SQLite format 3\x00")

    def test_topical_queries_rank_the_relevant_chunk_first(self):
        cases = {
            "vfdiv reciprocal": {"math-approximations.md", "x60-instruction-costs.md", "ideas/arithmetic-strength"},
            "LMUL register pressure": {"lmul-tradeoffs.md", "ideas/lmul-and-registers"},
            "tail agnostic undisturbed policy": {"vtype-vl-policies.md"},
            "vrgather at high LMUL": {"ideas/permutes-and-reductions", "lmul-tradeoffs.md"},
            "Zicbop prefetch": {"x60-memory-bandwidth.md", "ideas/memory-access"},
            "RVA23 mandatory extensions": {"profiles-rva22-rva23.md"},
            "fp16 Zvfh widening accumulate": {"zvfh-zfh.md", "ideas/reduced-precision"},
        }
        for text, relevant in cases.items():
            hits = top_hits(self.query(text).stdout)
            self.assertTrue(hits, text)
            self.assertIn(hits[0][1], relevant, f"{text!r}: {hits}")
        hits = top_hits(self.query("vfdiv reciprocal", k=5).stdout)
        titles = [t for t, _ in hits]
        self.assertTrue(any("Reciprocal and division" in t for t in titles), titles)

    def test_query_output_is_what_a_prompt_gets(self):
        r = self.query("exp range reduction polynomial", k=2)
        self.assertIn("## ", r.stdout)
        self.assertIn("Cody-Waite", r.stdout)

    def test_hostile_query_text_is_harmless(self):
        for text in ['"unbalanced', "NEAR(vfdiv reciprocal, 2)", "vfdiv*", "(((", "title:Costs", "AND OR NOT",
                     "'; DROP TABLE rag_fts; --", "{heading body}: lmul", "^vl"]:
            r = eok("rag", "query", text, *self.common)
            self.assertEqual(r.returncode, 0, f"{text!r}: {r.stderr}")
        r = eok("rag", "query", "* ( ) :", *self.common)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("no chunk matches", r.stdout)
        r = eok("rag", "index", *self.common)
        self.assertIn("(up to date)", r.stdout)  # nothing was dropped

    def test_bad_k_is_a_usage_error(self):
        for k in ("0", "x", "1000"):
            r = eok("rag", "query", "lmul", "--k", k, *self.common)
            self.assertEqual(r.returncode, 2, k)
            self.assertIn("--k expects a number from 1 to 100", r.stderr)

    def test_changed_corpus_is_reindexed(self):
        corpus = os.path.join(self.dir, "corpus")
        shutil.copytree(os.path.join(SRC, "rag_corpus"), corpus)
        args = ["--db", self.db, "--rag-dir", corpus, "--ideas-dir", os.path.join(SRC, "ideas")]
        r = eok("rag", "query", "lmul", *args)
        self.assertIn("rag index rebuilt", r.stderr)
        r = eok("rag", "query", "lmul", *args)
        self.assertNotIn("rebuilt", r.stderr)
        with open(os.path.join(corpus, "zz-new.md"), "w") as f:
            f.write("# Quokka note\n\n## Quokkas\nThe quokkaword appears only here.\n")
        r = eok("rag", "query", "quokkaword", *args)
        self.assertIn("rag index rebuilt", r.stderr)
        self.assertEqual(top_hits(r.stdout)[0], ("Quokka note > Quokkas", "zz-new.md"))

    def test_missing_corpus_is_an_error(self):
        r = eok("rag", "index", "--db", self.db, "--rag-dir", os.path.join(self.dir, "nope"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("nope: RAG corpus directory not found (paths.rag)", r.stderr)


if __name__ == "__main__":
    unittest.main()
