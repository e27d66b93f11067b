"""CUAD on contracts the model never saw: train on four fifths, measure on the fifth left out.

    python bench/cuad_quality.py [--corpus ../shared/corpus/cuad] [--part 0] [--jobs 2]

Exactly the two commands a person would run (in one process):
    python main.py train cuad --corpus DIR --parts 5 --hold-out 0 --out TMP
    python main.py eval cuad --corpus DIR --models TMP --exclude-trained
and prints the JSON of the second. The shipped unfair-terms model is copied beside the new CUAD model
(the pipeline runs every component; this one does not touch the CUAD scores). About ten minutes on two
cores.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from review.cli import main as cli
from review.extract.pipeline import MODELS

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cuad"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", type=int, default=0, help="which fifth to leave out")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--unfair-tos-models", type=Path, default=MODELS, help="where to copy that model from")
    parser.add_argument("--keep", type=Path, help="keep the trained model in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        models = str(args.keep or scratch)
        corpus, jobs = str(args.corpus), str(args.jobs)
        trained = cli(
            [
                "train",
                "cuad",
                "--corpus",
                corpus,
                "--parts",
                "5",
                "--hold-out",
                str(args.part),
                "--out",
                models,
                "--jobs",
                jobs,
            ]
        )
        if trained:
            return trained
        for shipped in args.unfair_tos_models.glob("unfair-tos.*"):
            shutil.copy(shipped, models)
        return cli(["eval", "cuad", "--corpus", corpus, "--models", models, "--exclude-trained", "--jobs", jobs])


if __name__ == "__main__":
    raise SystemExit(main())
