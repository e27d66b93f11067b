"""CUAD on contracts the model never saw: train on four fifths, measure on the fifth left out.

    python bench/cuad_quality.py [--corpus ../shared/corpus/cuad] [--part 0] [--jobs 2]

Exactly the two commands a person would run (in one process):
    python main.py train cuad --corpus DIR --parts 5 --hold-out 0 --out TMP
    python main.py eval cuad --corpus DIR --models TMP --exclude-trained
and prints the JSON of the second. Takes about ten minutes on two cores.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from review.cli import main as cli

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cuad"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", type=int, default=0, help="which fifth to leave out")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as models:
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
        return cli(["eval", "cuad", "--corpus", corpus, "--models", models, "--exclude-trained", "--jobs", jobs])


if __name__ == "__main__":
    raise SystemExit(main())
