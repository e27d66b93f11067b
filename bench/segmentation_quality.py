"""Segmentation quality on CUAD: the share of labelled clause strings that lie within at most two
consecutive segments (clauses), per file type.

    python bench/segmentation_quality.py [--corpus ../shared/corpus/cuad] [--limit N]

A labelled string (each piece of one with <omitted>) is located in the document text ignoring spacing and
punctuation; strings not found are counted apart and left out of the share.
"""

from __future__ import annotations

import argparse
import bisect
import time
from pathlib import Path

import review
from review.eval.cuad import TextLocator, contracts

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cuad"


def score(path: Path, labels: dict[str, list[str]], sizes: list[int]) -> tuple[int, int, int]:
    document = review.open_document(path)
    clauses = review.segment(document)
    sizes.extend(len(c.text) for c in clauses)
    starts = [c.start for c in clauses]
    locator = TextLocator(document.text)
    within = located = missing = 0
    for category, strings in labels.items():
        if category == "Document Name":
            continue
        for label in strings:
            spans = locator.spans(label)
            if not spans:
                missing += 1
                continue
            for start, end in spans:
                located += 1
                first = max(bisect.bisect_right(starts, start) - 1, 0)
                last = max(bisect.bisect_right(starts, end - 1) - 1, 0)
                within += last - first + 1 <= 2
    return within, located, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="at most this many contracts per type (0: all)")
    parser.add_argument("--worst", type=int, default=5, help="list the files with the lowest share")
    args = parser.parse_args()
    for kind in ("txt", "pdf"):
        totals = [0, 0, 0]
        per_file = []
        sizes: list[int] = []
        started = time.perf_counter()
        count = 0
        for contract in contracts(args.corpus):
            path = contract.txt if kind == "txt" else contract.pdf
            if path is None:
                continue
            if args.limit and count >= args.limit:
                break
            count += 1
            within, located, missing = score(path, contract.labels, sizes)
            totals = [totals[0] + within, totals[1] + located, totals[2] + missing]
            if located:
                per_file.append((within / located, located, path.name))
        share = totals[0] / totals[1] if totals[1] else 0.0
        print(
            f"{kind}: {count} contracts, {totals[1]} labelled strings located ({totals[2]} not found), "
            f"{share:.1%} within at most two consecutive segments  [{time.perf_counter() - started:.0f} s]"
        )
        sizes.sort()
        if sizes:
            print(
                f"    segments: {len(sizes)}, median {sizes[len(sizes) // 2]} characters, "
                f"95th percentile {sizes[int(0.95 * (len(sizes) - 1))]}, largest {sizes[-1]}"
            )
        for ratio, located, name in sorted(per_file)[: args.worst]:
            print(f"    worst: {ratio:.0%} of {located}: {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
