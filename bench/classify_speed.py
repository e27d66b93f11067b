"""What classification and value extraction add to ingestion, side by side on the CUAD PDFs.

    python bench/classify_speed.py [--corpus ../shared/corpus] [--limit N]

For each PDF: ingestion (open_document + segment) timed, then `analyse` on the same clauses (candidates,
patterns, both classifiers, values) timed; one process, the pipeline loaded once before the clock starts.
Also prints where the analysis time goes, component by component. The target is analysis <= 30 % of
ingestion time.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import review
from review.extract.analysis import analyse
from review.extract.pipeline import load_pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    args = parser.parse_args()
    pdfs = sorted((args.corpus / "cuad" / "full_contract_pdf").glob("**/*.pdf"))[: args.limit or None]
    nlp = load_pipeline()
    analyse(review.open_document(pdfs[0]), nlp=nlp)  # warm caches once, as a long-running app would be

    ingest = analysis = 0.0
    pages = 0
    per_component: dict[str, float] = defaultdict(float)
    for path in pdfs:
        start = time.perf_counter()
        document = review.open_document(path)
        clauses = review.segment(document)
        middle = time.perf_counter()
        analyse(document, clauses, nlp=nlp)
        end = time.perf_counter()
        ingest += middle - start
        analysis += end - middle
        pages += len(document.pages)
        # the same run again, component by component, to show where the time goes
        doc = nlp.make_doc(document.text)
        doc._.document, doc._.clauses = document, clauses
        for name, component in nlp.pipeline:
            tick = time.perf_counter()
            doc = component(doc)
            per_component[name] += time.perf_counter() - tick
        tick = time.perf_counter()
        nlp.make_doc(document.text)
        per_component["tokenizer"] += time.perf_counter() - tick

    print(f"{len(pdfs)} CUAD PDFs, {pages} pages")
    print(f"  ingestion (open + segment)  {ingest:7.2f} s  {pages / ingest:6.1f} pages/s")
    print(f"  analysis (classify + values) {analysis:7.2f} s  = {100 * analysis / ingest:5.1f} % of ingestion")
    for name, seconds in sorted(per_component.items(), key=lambda item: -item[1]):
        print(f"    {name:22s} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
