"""UNFAIR-ToS on terms of service the model never saw: five-fold cross-validation by document.

    python bench/unfair_tos_quality.py [--corpus ../shared/corpus/claudette_tos_multilingual] [--parts 5]

Each part of the documents (a stable hash of their names) is held out in turn; a model trained on the
other parts (`review.extract.train.train_unfair_tos`, the same code as `python main.py train unfair-tos`)
labels its sentences, and the scores are computed once over all held-out sentences pooled. The shipped
model is trained on every document; this measures how such a model does on new ones.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from review.eval import unfair_tos
from review.extract.pipeline import UnfairTermsModel, build_pipeline
from review.extract.train import held_out, train_unfair_tos

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "claudette_tos_multilingual"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--parts", type=int, default=5)
    args = parser.parse_args()
    nlp = build_pipeline(learned=False)
    documents = list(unfair_tos.documents(args.corpus))
    gold: list[frozenset[str]] = []
    predicted: list[frozenset[str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for part in range(args.parts):
            out = Path(scratch) / str(part)
            train_unfair_tos(args.corpus, out, parts=args.parts, hold_out=part, jobs=2)
            classifier = UnfairTermsModel.load(out)
            for document in documents:
                if held_out(document.name, args.parts, part):
                    predicted += unfair_tos.predict(document, nlp, classifier)
                    gold += document.labels
    result = unfair_tos.scores(gold, predicted)
    print(json.dumps({"documents": len(documents), "parts": args.parts, **result}, indent=2))


if __name__ == "__main__":
    main()
