"""How long matching findings across versions and diffing clauses take, on a real 390-clause CUAD contract.

    .venv/bin/python bench/versions_speed.py

The case view of a 200-finding case must open in under 100 ms (issue 5), and a new version is matched while
the reviewer waits: a realistic 200x200 match and a 300-clause diff should each cost a few milliseconds.
Worst cases (every quote edited, every clause edited) are shown too.
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from review.ingest import open_document
from review.segment import segment
from review.workflow.versions import diff_clauses, match_findings, render_diff

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cuad" / "full_contract_pdf"
CONTRACT = "Part_I/Maintenance/CardlyticsInc_20180112_S-1_EX-10.16_11002987_EX-10.16_Maintenance Agreement1.pdf"
INSERTED = "The Vendor shall comply with the City's accessibility standard WCAG 2.1 AA."


@dataclass(frozen=True)
class Finding:
    key: str
    rule: str
    kind: str
    quote: str | None


@dataclass(frozen=True)
class Clause:
    number: str | None
    heading: str | None
    text: str


def timed(run: Callable[[], object], runs: int = 20) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return f"min {min(times):6.2f} ms, median {statistics.median(times):6.2f} ms"


def edit(sentence: str) -> str:
    words = sentence.split()
    words[len(words) // 2] = "60"
    return " ".join(words)


def main() -> None:
    random.seed(7)
    clauses = segment(open_document(CORPUS / CONTRACT))
    sentences = [s.strip() for c in clauses for s in " ".join(c.text.split()).split(". ") if len(s.split()) > 6]
    print(f"{len(clauses)} clauses, {len(sentences)} sentences")

    # 200 findings over 30 rules: 170 unchanged, 15 quotes edited, 15 resolved and 15 new
    old = [Finding(f"k{i}", f"R{i % 30}", "present", sentences[i]) for i in range(200)]
    new = old[:170] + [Finding(f"e{i}", f.rule, f.kind, edit(f.quote or "")) for i, f in enumerate(old[170:185])]
    new += [Finding(f"n{i}", f"R{i % 30}", "present", sentences[300 + i]) for i in range(15)]
    print(f"match 200x200, realistic:             {timed(lambda: match_findings(old, new))}")
    one_rule_old = [Finding(f"a{i}", "R", "present", sentences[i]) for i in range(200)]
    one_rule_new = [Finding(f"b{i}", "R", "present", edit(sentences[i])) for i in range(200)]
    print(f"match 200x200, one rule, all edited:  {timed(lambda: match_findings(one_rule_old, one_rule_new))}")

    # 300 clauses and a revision: 5 numbers changed, 3 deleted, 3 inserted, the rest renumbered
    base = [Clause(str(i + 1), None, f"{i + 1}. {c.text}") for i, c in enumerate(clauses[:300])]
    revised_texts = []
    for i, clause in enumerate(base):
        if i in (40, 120, 250):
            continue
        text = clause.text.split(" ", 1)[1]
        revised_texts += [INSERTED] if i in (10, 150, 290) else []
        revised_texts.append(edit(text) if i % 60 == 5 else text)
    revised = [Clause(str(k + 1), None, f"{k + 1}. {text}") for k, text in enumerate(revised_texts)]
    changes = diff_clauses(base, revised)
    kinds = dict(Counter(c.kind for c in changes))
    print(f"diff 300 clauses, revision:           {timed(lambda: diff_clauses(base, revised))}  {kinds}")
    print(f"render that diff:                     {timed(lambda: render_diff(changes, base, revised))}")
    all_edited = [Clause(c.number, None, edit(c.text)) for c in base]
    print(f"diff 300 clauses, every one edited:   {timed(lambda: diff_clauses(base, all_edited), runs=5)}")


if __name__ == "__main__":
    main()
