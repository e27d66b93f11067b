"""CLAUDETTE terms of service (UNFAIR-ToS): sentences tagged with the unfair-clause categories, and the
scores EVAL.md asks for.

Layout (as ../shared/corpus/claudette_tos_multilingual): `.../sentences/en/original/<Company>.txt`, one
sentence a line, and `.../tags/en/original/<Company>.txt`, the same lines' tags ("ltd2 ch2"). A category
counts when tagged at level 2 or 3 (potentially or clearly unfair); level 1 (fair) and pinc are ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from review.errors import CorpusInvalid

if TYPE_CHECKING:
    from spacy.language import Language

    from review.extract.pipeline import UnfairTermsModel

CATEGORIES = ("a", "ch", "cr", "j", "law", "ltd", "ter", "use")
CATEGORY_NAMES = {
    "a": "Arbitration",
    "ch": "Unilateral change",
    "cr": "Content removal",
    "j": "Jurisdiction",
    "law": "Choice of law",
    "ltd": "Limitation of liability",
    "ter": "Unilateral termination",
    "use": "Contract by using",
}
NONE = "none"  # LexGLUE's ninth label: a sentence with no unfair category


@dataclass(frozen=True, slots=True)
class TermsOfService:
    name: str
    sentences: list[str]
    labels: list[frozenset[str]]


def labels_of(tags: str) -> frozenset[str]:
    """{"ltd", "ch"} from "ltd2 ch2 law1 pinc2"."""
    found = set()
    for tag in tags.split():
        category, level = tag.rstrip("0123456789"), tag[len(tag.rstrip("0123456789")) :]
        if category in CATEGORIES and level in ("2", "3"):
            found.add(category)
    return frozenset(found)


def documents(corpus: Path) -> Iterator[TermsOfService]:
    """Every English original found under `corpus` whose tag file is present, by name."""
    paths = sorted(corpus.rglob("sentences/en/original/*.txt"))
    if not paths:
        raise CorpusInvalid(f"{corpus} has no CLAUDETTE sentences (sentences/en/original/*.txt with tags/en/original)")
    for path in paths:
        tags = path.parents[3] / "tags" / "en" / "original" / path.name
        if not tags.exists():
            continue
        sentences = path.read_text(encoding="utf-8").split("\n")
        tag_lines = tags.read_text(encoding="utf-8").split("\n")
        tag_lines += [""] * (len(sentences) - len(tag_lines))
        pairs = [(s, labels_of(t)) for s, t in zip(sentences, tag_lines, strict=False) if s.strip()]
        yield TermsOfService(path.stem, [s for s, _ in pairs], [labels for _, labels in pairs])


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0


def counts(
    gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]], labels: Sequence[str]
) -> dict[str, Counts]:
    table = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if label in g and label in p)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if label not in g and label in p)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if label in g and label not in p)
        table[label] = Counts(tp, fp, fn)
    return table


def scores(gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]]) -> dict[str, object]:
    """Plain micro/macro F1 over the 8 categories, LexGLUE-style with the ninth label, and per category."""
    plain = counts(gold, predicted, CATEGORIES)
    with_none = counts(_with_none(gold), _with_none(predicted), (*CATEGORIES, NONE))

    def micro(table: dict[str, Counts]) -> float:
        return Counts(*(sum(getattr(c, f) for c in table.values()) for f in ("tp", "fp", "fn"))).f1

    def macro(table: dict[str, Counts]) -> float:
        return sum(c.f1 for c in table.values()) / len(table)

    return {
        "sentences": len(gold),
        "micro_f1": micro(plain),
        "macro_f1": macro(plain),
        "lexglue": {"micro_f1": micro(with_none), "macro_f1": macro(with_none)},
        "categories": {
            label: {
                "name": CATEGORY_NAMES[label],
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
                "support": c.tp + c.fn,
            }
            for label, c in plain.items()
        },
    }


def _with_none(labels: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    return [found or frozenset({NONE}) for found in labels]


def predict(document: TermsOfService, nlp: Language, classifier: UnfairTermsModel) -> list[frozenset[str]]:
    """The categories the unfair-terms classifier assigns to each sentence of a terms-of-service page."""
    from review.extract.pipeline import sentence_features

    probabilities = classifier.model.probabilities(sentence_features(document.sentences, nlp))
    labels = classifier.model.labels
    return [frozenset(c for k, c in enumerate(labels) if row[k] >= classifier.thresholds[c]) for row in probabilities]


def evaluate(corpus: Path, exclude: Collection[str] = (), models: Path | None = None) -> dict[str, object]:
    """Run the review pipeline's unfair-terms classifier on every document under `corpus` not in `exclude`."""
    from review.extract.pipeline import load_pipeline

    nlp = load_pipeline(models)
    classifier = nlp.get_pipe("unfair_terms").model  # type: ignore[attr-defined]
    gold: list[frozenset[str]] = []
    predicted: list[frozenset[str]] = []
    evaluated = skipped = 0
    for document in documents(corpus):
        if document.name in exclude:
            skipped += 1
            continue
        evaluated += 1
        predicted += predict(document, nlp, classifier)
        gold += document.labels
    return {"documents": evaluated, "excluded": skipped, **scores(gold, predicted)}
