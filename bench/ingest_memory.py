"""Peak memory (resident set) of extracting the largest CUAD PDF, in a fresh process.

python bench/ingest_memory.py [--file PATH]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "cuad" / "full_contract_pdf"

CHILD = """
import resource, sys

import review
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
document = review.open_document({path!r})
clauses = review.segment(document)
print(len(document.pages), len(clauses), baseline)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()
    path = args.file or max(DEFAULT_CORPUS.glob("**/*.pdf"), key=lambda p: p.stat().st_size)
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), path=str(path))], capture_output=True, text=True, check=True
    )
    pages, clauses, baseline_kb = result.stdout.split()
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{path.name}: {pages} pages, {clauses} clauses, {path.stat().st_size >> 10} KB")
    print(f"  peak RSS {peak_kb / 1024:.0f} MB (after imports, before reading: {int(baseline_kb) / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
