"""Training the learned components from the corpora, reproducibly: one command, one seed.

    python main.py train cuad --corpus ../shared/corpus/cuad [--parts 5 --hold-out 0] [--out DIR]
    python main.py train unfair-tos --corpus ../shared/corpus/claudette_tos_multilingual [--parts 5 --hold-out 0]

Without --out the shipped models in review/extract/models/ are replaced. `--parts 5 --hold-out 0` keeps
the first of five parts of the documents (chosen by a hash of their names and the seed, so the same ones
every time) out of training; the model card (cuad.json / unfair-tos.json) lists what was trained on, so
`eval --exclude-trained` measures on the rest.
Needs scikit-learn (pip install '.[train]'); reviewing with the trained models does not.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.language import Language

from review.eval import cuad, unfair_tos
from review.extract.analysis import answer_text
from review.extract.candidates import Candidate
from review.extract.context import context_features, fit_reranker
from review.extract.features import Rows
from review.extract.linear import fit
from review.extract.pipeline import MODELS, build_pipeline, run, sentence_features
from review.ingest import open_document
from review.segment import segment

SEED = 0


def part_of(name: str, parts: int, seed: int = SEED) -> int:
    """Which of `parts` parts a document belongs to: a stable hash of its name and the seed, not a draw."""
    digest = hashlib.sha256(f"{seed}:{cuad.file_key(name)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % parts


def held_out(name: str, parts: int, part: int | None, seed: int = SEED) -> bool:
    """Whether a document is kept out of training: it is in the held-out part (none when part is None)."""
    return part is not None and part_of(name, parts, seed) == part


@dataclass
class Prepared:
    rows: Rows
    targets: np.ndarray  # candidates x categories
    candidates: list[Candidate]


_features: Language | None = None


def _prepare(args: tuple[cuad.CuadContract, Sequence[str]]) -> Prepared:
    """Candidates of one CUAD contract, their feature rows, and which categories each one answers."""
    global _features
    contract, categories = args
    if _features is None:
        _features = build_pipeline(learned=False)
    document = open_document(contract.txt)  # type: ignore[arg-type]
    doc = run(document, segment(document), _features)
    found = doc._.candidates
    texts = [answer_text(document.text[c.start : c.end]) for c in found]
    words = [cuad.word_set(text) for text in texts]  # once per candidate, not once per gold answer
    targets = np.zeros((len(found), len(categories)), dtype=bool)
    for k, category in enumerate(categories):
        golds = [answer for label in contract.labels[category] for answer in cuad.answers(label)]
        if not golds:
            continue
        if category == "Parties":
            # A Parties answer is any span containing the name; teach the spans that name most parties.
            cover = np.array([sum(gold in text for gold in golds) for text in texts])
            targets[:, k] = (cover > 0) & (cover >= 0.5 * len(golds))
            continue
        for gold in golds:
            gold_words = cuad.word_set(gold)
            for r, candidate_words in enumerate(words):
                if cuad.set_jaccard(gold_words, candidate_words) >= cuad.IOU_THRESHOLD:
                    targets[r, k] = True
    return Prepared(doc._.rows, targets, found)


def train_cuad(
    corpus: Path, out: Path = MODELS, parts: int = 5, hold_out: int | None = None, seed: int = SEED, jobs: int = 2
) -> dict:
    categories = cuad.categories(corpus)
    chosen = [c for c in cuad.contracts(corpus) if c.txt and not held_out(c.name, parts, hold_out, seed)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        prepared = pool.map(_prepare, [(c, categories) for c in chosen], chunksize=4)
    rows = Rows.empty()
    groups: list[int] = []
    for g, item in enumerate(prepared):
        rows.extend(item.rows)
        groups += [g] * len(item.rows)
    targets = np.vstack([item.targets for item in prepared])
    words, out_of_fold = fit(rows, targets, categories, groups, seed=seed, jobs=jobs)
    at, context = 0, []
    for item in prepared:
        context.append(context_features(item.candidates, out_of_fold[at : at + len(item.rows)]))
        at += len(item.rows)
    reranker = fit_reranker(np.concatenate(context), targets)
    # Document level: a category is present when the contract's best score passes a threshold tuned here.
    best = np.stack([reranker.probabilities(features).max(axis=0) for features in context])
    present = np.stack([item.targets.any(axis=0) for item in prepared])
    thresholds = {category: _best_threshold(best[:, k], present[:, k]) for k, category in enumerate(categories)}
    out.mkdir(parents=True, exist_ok=True)
    words.save(out / "cuad-words.npz")
    reranker.save(out / "cuad-context.npz")
    card = {
        "model": "cuad",
        "seed": seed,
        "held_out": None if hold_out is None else f"part {hold_out} of {parts}",
        "categories": categories,
        "thresholds": thresholds,
        "trained_on": sorted(cuad.file_key(c.name) for c in chosen),
        "features": len(words.vocabulary),
        "candidates": len(rows),
    }
    (out / "cuad.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card


def train_unfair_tos(
    corpus: Path, out: Path = MODELS, parts: int = 5, hold_out: int | None = None, seed: int = SEED, jobs: int = 2
) -> dict:
    documents = [d for d in unfair_tos.documents(corpus) if not held_out(d.name, parts, hold_out, seed)]
    nlp = build_pipeline(learned=False)
    rows, groups, labels = Rows.empty(), [], []
    for g, document in enumerate(documents):
        rows.extend(sentence_features(document.sentences, nlp))
        groups += [g] * len(document.sentences)
        labels += document.labels
    targets = np.array([[c in found for c in unfair_tos.CATEGORIES] for found in labels], dtype=bool)
    # C = 4 fitted a little better than 1 in five-fold cross-validation (bench/unfair_tos_quality.py)
    model, out_of_fold = fit(rows, targets, unfair_tos.CATEGORIES, groups, min_groups=2, c=4.0, seed=seed, jobs=jobs)
    probabilities = 1 / (1 + np.exp(-(out_of_fold * model.calibration[:, 0] + model.calibration[:, 1])))
    thresholds = {c: _best_threshold(probabilities[:, k], targets[:, k]) for k, c in enumerate(unfair_tos.CATEGORIES)}
    out.mkdir(parents=True, exist_ok=True)
    model.save(out / "unfair-tos.npz")
    card = {
        "model": "unfair-tos",
        "seed": seed,
        "held_out": None if hold_out is None else f"part {hold_out} of {parts}",
        "categories": list(unfair_tos.CATEGORIES),
        "thresholds": thresholds,
        "trained_on": sorted(d.name for d in documents),
        "features": len(model.vocabulary),
        "sentences": len(rows),
    }
    (out / "unfair-tos.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card


def _best_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    """The score threshold with the best F1 (0.5 when the label never occurs)."""
    if not truth.any():
        return 0.5
    best, best_f1 = 0.5, -1.0
    for threshold in np.unique(np.round(scores, 3)):
        predicted = scores >= threshold
        tp = int((predicted & truth).sum())
        f1 = 2 * tp / (predicted.sum() + truth.sum())
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    return best
