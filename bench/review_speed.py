"""How long a review takes and where the time goes; how much --jobs 2 speeds up a batch.

    python bench/review_speed.py [--corpus ../shared/corpus] [--limit N] [--skip-jobs]

1. In one process (pipeline and rules loaded before the clock starts), for each CUAD PDF: reading and
   segmenting, analysis (clause types and values), and rule evaluation, timed apart. Target: rule
   evaluation under 5 % of the total review time.
2. `python main.py review <the CUAD PDFs> --jobs 1` and `--jobs 2`, each a fresh process writing one
   report per file, wall-clock timed. Target: --jobs 2 at least 1.7x faster on this 2-core machine.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import review  # noqa: E402
from review.extract.analysis import analyse  # noqa: E402
from review.extract.pipeline import load_pipeline  # noqa: E402
from review.policy.engine import check  # noqa: E402
from review.policy.intake import Intake  # noqa: E402
from review.policy.rules import load_rules  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
INTAKE = Intake("IT", "Vendor", "Service", annual_cost=50000, term_months=36, hosting="saas", data=("personal",))


def split_times(pdfs: list[Path]) -> None:
    rules = load_rules()
    nlp = load_pipeline()
    check(analyse(review.open_document(pdfs[0]), nlp=nlp), INTAKE, rules=rules)  # warm caches once
    gc.freeze()  # as the command line does: the loaded models and rules are not scanned by every collection
    read = analysis = rules_time = 0.0
    findings = 0
    for path in pdfs:
        start = time.perf_counter()
        document = review.open_document(path)
        clauses = review.segment(document)
        read += time.perf_counter() - start
        start = time.perf_counter()
        analysed = analyse(document, clauses, nlp=nlp)
        analysis += time.perf_counter() - start
        start = time.perf_counter()
        report = check(analysed, INTAKE, rules=rules)
        rules_time += time.perf_counter() - start
        findings += len(report.findings)
    total = read + analysis + rules_time
    print(f"{len(pdfs)} CUAD PDFs, {len(rules)} rules, {findings} findings")
    print(f"  reading + segmenting {read:7.2f} s  ({read / total:5.1%})")
    print(f"  analysis             {analysis:7.2f} s  ({analysis / total:5.1%})")
    print(f"  rule evaluation      {rules_time:7.2f} s  ({rules_time / total:5.1%})  "
          f"{1000 * rules_time / len(pdfs):.1f} ms a contract; target < 5 %")  # fmt: skip


def jobs_speedup(pdfs: list[Path]) -> None:
    times = {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as out:
            command = [sys.executable, str(ROOT / "main.py"), "review", *map(str, pdfs), "--jobs", str(jobs),
                       "--output", out]  # fmt: skip
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            times[jobs] = time.perf_counter() - start
            assert len(list(Path(out).iterdir())) == len(pdfs)
    print(f"main.py review, {len(pdfs)} PDFs: --jobs 1 {times[1]:.1f} s, --jobs 2 {times[2]:.1f} s, "
          f"speed-up {times[1] / times[2]:.2f}x (target >= 1.7x)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    parser.add_argument("--skip-jobs", action="store_true", help="only the in-process split")
    args = parser.parse_args()
    pdfs = sorted((args.corpus / "cuad" / "full_contract_pdf").glob("**/*.pdf"))[: args.limit or None]
    split_times(pdfs)
    if not args.skip_jobs:
        jobs_speedup(pdfs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
