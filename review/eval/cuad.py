"""The CUAD corpus: contracts, their labelled clause strings, and where those strings stand in a text.

Layout (as ../shared/corpus/cuad): master_clauses.csv, category_descriptions.csv, full_contract_txt/,
full_contract_pdf/Part_*/<type>/. File names in the CSV differ from the files in small ways ("&" and "'"
became "_", trailing spaces and dashes, Unicode forms), so files are matched by a normalised key.
"""

from __future__ import annotations

import ast
import csv
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from review.errors import CorpusInvalid

OMITTED = "<omitted>"


@dataclass(frozen=True, slots=True)
class CuadContract:
    name: str
    txt: Path | None
    pdf: Path | None
    labels: dict[str, list[str]]  # category -> labelled clause strings


def file_key(name: str) -> str:
    """One key for a CSV name and its file: "MOELIS&CO ... -.pdf'" and "MOELIS_CO ....txt" agree."""
    key = re.sub(r"[&'_\s-]+", "_", unicodedata.normalize("NFC", name)).strip("_")
    return re.sub(r"\.(pdf|txt)$", "", key, flags=re.IGNORECASE).strip("_").lower()


def check_layout(corpus: Path) -> None:
    """A CUAD-shaped folder has master_clauses.csv and full_contract_txt/."""
    if not (corpus / "master_clauses.csv").is_file() or not (corpus / "full_contract_txt").is_dir():
        raise CorpusInvalid(f"{corpus} is not a CUAD folder: it needs master_clauses.csv and full_contract_txt/")


def categories(corpus: Path) -> list[str]:
    """The 41 category names as master_clauses.csv spells them ("Cap On Liability"), in its order."""
    check_layout(corpus)
    with open(corpus / "master_clauses.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    # Each category has a column of clause strings and an "-Answer" column ("- Answer" once).
    answers = {re.sub(r"\s*-\s*Answer$", "", name) for name in header if re.search(r"-\s*Answer$", name)}
    return [name for name in header if name in answers]


def category_descriptions(corpus: Path) -> dict[str, str]:
    """Category name (lower case; category_descriptions.csv capitalises some differently) -> description."""
    with open(corpus / "category_descriptions.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return {
        row[0].removeprefix("Category:").strip().lower(): row[1].removeprefix("Description:").strip()
        for row in rows[1:]
        if len(row) > 1
    }


def contracts(corpus: Path) -> Iterator[CuadContract]:
    """Every contract of master_clauses.csv whose text file is present."""
    txts = {file_key(p.name): p for p in (corpus / "full_contract_txt").glob("*.txt")}
    pdfs = {file_key(p.name): p for p in (corpus / "full_contract_pdf").glob("**/*.pdf")}
    names = categories(corpus)
    csv.field_size_limit(1 << 30)
    with open(corpus / "master_clauses.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = file_key(row["Filename"])
            labels = {}
            for category in names:
                cell = row.get(category, "")
                values = ast.literal_eval(cell) if cell.strip().startswith("[") else []
                labels[category] = [v for v in values if isinstance(v, str) and v.strip()]
            yield CuadContract(row["Filename"].strip(), txts.get(key), pdfs.get(key), labels)


class TextLocator:
    """Finds labelled strings in a document text despite differences in spacing, hyphens and punctuation.

    Both sides are reduced to lower-case letters and digits; a hit is mapped back to offsets in the text.
    """

    def __init__(self, text: str) -> None:
        keep = [(i, c.lower()) for i, c in enumerate(text) if c.isalnum()]
        self._offsets = [i for i, _ in keep]
        self._folded = "".join(c for _, c in keep)

    def find(self, fragment: str) -> tuple[int, int] | None:
        folded = "".join(c.lower() for c in fragment if c.isalnum())
        if len(folded) < 3:
            return None
        at = self._folded.find(folded)
        if at < 0:
            return None
        return self._offsets[at], self._offsets[at + len(folded) - 1] + 1

    def spans(self, label: str) -> list[tuple[int, int]]:
        """Spans of a labelled string; one with the annotators' <omitted> marker gives one span per piece."""
        found = []
        for piece in label.split(OMITTED):
            span = self.find(piece)
            if span is not None:
                found.append(span)
        return found


# --- The CUAD paper's span metric (its evaluate.py), as ../shared/design/EVAL.md describes it ---------------

THRESHOLDS = [round(0.99 - 0.01 * i, 2) for i in range(99)] + [0.001, 0.0]
TOP_N = 20
IOU_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class SpanScores:
    aupr: float
    precision_at_80_recall: float
    precision_at_90_recall: float
    curve: list[tuple[float, float, float]]  # (threshold, precision, recall)


def word_set(text: str) -> set[str]:
    """The words the metric compares: `. , ; :` removed, lower case, `/` a space, split on spaces."""
    for mark in ".,;:":
        text = text.replace(mark, "")
    return set(text.lower().replace("/", " ").split(" "))


def set_jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def jaccard(prediction: str, gold: str) -> float:
    return set_jaccard(word_set(prediction), word_set(gold))


def is_match(prediction: str, gold: str, category: str) -> bool:
    return jaccard(prediction, gold) >= IOU_THRESHOLD or (category == "Parties" and gold in prediction)


def answers(label: str) -> list[str]:
    """The gold answers of one labelled string: each piece around <omitted> is its own answer."""
    return [piece.strip() for piece in label.split(OMITTED) if piece.strip()]


def n_best(predictions: Iterable[tuple[str, float]], n: int = TOP_N) -> list[tuple[str, float]]:
    """The top n predictions by probability, empty texts dropped, repeated texts kept once."""
    best: dict[str, float] = {}
    for text, probability in predictions:
        if text and probability > best.get(text, -1.0):
            best[text] = probability
    return sorted(best.items(), key=lambda item: -item[1])[:n]


def span_scores(
    questions: Iterable[tuple[str, list[str], list[tuple[str, float]]]],
) -> SpanScores:
    """Pooled precision/recall over questions (category, gold answers, n-best predictions)."""
    # Match each prediction against the golds once; a threshold then only filters by probability.
    matched: list[tuple[list[float], list[tuple[float, bool]]]] = []  # per question: gold best-p, preds
    for category, golds, predictions in questions:
        gold_best = []
        for gold in golds:
            hits = [p for text, p in predictions if is_match(text, gold, category)]
            gold_best.append(max(hits, default=-1.0))
        preds = [(p, any(is_match(text, gold, category) for gold in golds)) for text, p in predictions]
        matched.append((gold_best, preds))
    precisions, recalls, curve = [1.0], [0.0], []
    for threshold in THRESHOLDS:
        tp = fp = fn = 0
        for gold_best, preds in matched:
            found = sum(1 for p in gold_best if p > threshold)
            tp += found
            fn += len(gold_best) - found
            fp += sum(1 for p, hit in preds if p > threshold and not hit)
        if tp + fp == 0:
            continue
        precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
        curve.append((threshold, precisions[-1], recalls[-1]))
    monotone = _monotone(precisions)
    aupr = float(
        sum((recalls[i] - recalls[i - 1]) * (monotone[i] + monotone[i - 1]) / 2 for i in range(1, len(recalls)))
    )
    # precision at a recall: the first threshold (high to low) reaching it, the c = 0 point excluded
    usable = [i for i, point in enumerate(curve, start=1) if point[0] > 0]
    return SpanScores(
        aupr=aupr,
        precision_at_80_recall=next((monotone[i] for i in usable if recalls[i] >= 0.8), 0.0),
        precision_at_90_recall=next((monotone[i] for i in usable if recalls[i] >= 0.9), 0.0),
        curve=curve,
    )


def _monotone(precisions: list[float]) -> list[float]:
    """Precision made non-increasing in recall: a running maximum from the high-recall end."""
    out = list(precisions)
    for i in range(len(out) - 2, -1, -1):
        out[i] = max(out[i], out[i + 1])
    return out


# --- Evaluating the pipeline on a CUAD-shaped folder ---------------------------------------------------------

# The 20 categories whose presence a city reviewer most needs to know (the document-level set).
DOCUMENT_CATEGORIES = (
    "Governing Law",
    "Renewal Term",
    "Notice Period To Terminate Renewal",
    "Termination For Convenience",
    "Cap On Liability",
    "Uncapped Liability",
    "Audit Rights",
    "Insurance",
    "Ip Ownership Assignment",
    "License Grant",
    "Non-Transferable License",
    "Source Code Escrow",
    "Post-Termination Services",
    "Warranty Duration",
    "Anti-Assignment",
    "Change Of Control",
    "Exclusivity",
    "Liquidated Damages",
    "Most Favored Nation",
    "Irrevocable Or Perpetual License",
)


@dataclass(frozen=True, slots=True)
class ContractResult:
    questions: list[tuple[str, list[str], list[tuple[str, float]]]]
    best: dict[str, float]  # category -> best score in the contract
    present: dict[str, bool]  # category -> labelled in the contract


def evaluate_contract(contract: CuadContract, categories: Sequence[str], models: Path | None = None) -> ContractResult:
    """Run the review pipeline on one contract's text and set its answers beside the labels."""
    from review.extract.analysis import analyse
    from review.extract.pipeline import load_pipeline
    from review.ingest import open_document

    assert contract.txt is not None
    analysis = analyse(open_document(contract.txt), nlp=load_pipeline(models))
    by_category: dict[str, list[tuple[str, float]]] = {category: [] for category in categories}
    for answer in analysis.answers:
        if answer.category in by_category:
            by_category[answer.category].append((answer.text, answer.score))
    questions, best, present = [], {}, {}
    for category in categories:
        golds = [a for label in contract.labels[category] for a in answers(label)]
        predictions = n_best(by_category[category])
        questions.append((category, golds, predictions))
        best[category] = max((p for _, p in predictions), default=0.0)
        present[category] = bool(golds)
    return ContractResult(questions, best, present)


def evaluate(
    corpus: Path, exclude: Collection[str] = (), jobs: int = 1, models: Path | None = None
) -> dict[str, object]:
    """The CUAD metric over every contract in `corpus` whose file key is not in `exclude`."""
    from review.extract.pipeline import load_pipeline

    categories_ = categories(corpus)
    readable = [c for c in contracts(corpus) if c.txt]
    chosen = [c for c in readable if file_key(c.name) not in exclude]
    nlp = load_pipeline(models)  # loaded before the workers fork, so each shares it
    thresholds: dict[str, float] = nlp.get_pipe("cuad_classifier").model.thresholds  # type: ignore[attr-defined]
    if jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.starmap(evaluate_contract, [(c, categories_, models) for c in chosen], chunksize=2)
    else:
        results = [evaluate_contract(c, categories_, models) for c in chosen]
    spans = span_scores(q for result in results for q in result.questions)
    per_category = {}
    for category in categories_:
        predicted = [r.best[category] >= thresholds.get(category, 0.5) for r in results]
        truth = [r.present[category] for r in results]
        tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
        fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
        fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
        per_category[category] = {"precision": precision, "recall": recall, "f1": f1, "support": sum(truth)}
    return {
        "contracts": len(results),
        "excluded": len(readable) - len(chosen),
        "span": {
            "aupr": spans.aupr,
            "precision_at_80_recall": spans.precision_at_80_recall,
            "precision_at_90_recall": spans.precision_at_90_recall,
        },
        "document": {
            "macro_f1": sum(per_category[c]["f1"] for c in DOCUMENT_CATEGORIES) / len(DOCUMENT_CATEGORIES),
            "categories": per_category,
        },
        "curve": [{"threshold": t, "precision": p, "recall": r} for t, p, r in spans.curve],
    }
