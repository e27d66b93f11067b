"""What the pipeline found in a contract, as frozen data: clause types with scores, values, answers.

>>> import review
>>> document = review.open_document("contract.pdf")                      # doctest: +SKIP
>>> analysis = review.analyse(document)                                   # doctest: +SKIP
>>> for item in analysis.clauses:                                         # doctest: +SKIP
...     print(item.clause.number, [(t.type, round(t.score, 2)) for t in item.types], item.values)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from spacy.language import Language

from review.extract.candidates import Candidate
from review.extract.pipeline import CuadModel, UnfairTermsModel, load_pipeline, run
from review.extract.taxonomy import ClauseType, load_taxonomy
from review.model import Clause, Document, Value
from review.segment import segment

MIN_SCORE = 0.05  # clause types below this are not reported on a clause
# CUAD categories answered by a name or a date rather than a kind of clause: a clause mentioning the parties
# is not a "parties" clause, so these are reported on the one clause that holds the document's best answer.
DOCUMENT_FACTS = frozenset({"Parties", "Document Name", "Agreement Date", "Effective Date"})
ANSWERS_PER_CATEGORY = 20

ScoreSource = Literal["model", "patterns"]


@dataclass(frozen=True, slots=True)
class TypeScore:
    """How likely a clause is of a type (a taxonomy id such as "cap_on_liability"), with its evidence."""

    type: str
    score: float
    start: int  # the sentence or clause that carries the evidence
    end: int
    source: ScoreSource  # "model": a learned classifier (which also weighs the patterns); "patterns": rules only


@dataclass(frozen=True, slots=True)
class ClauseAnalysis:
    clause: Clause
    types: tuple[TypeScore, ...]  # best first
    values: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """A span that answers a CUAD category (a clause, a sentence, a date, the agreement's name)."""

    category: str
    text: str
    start: int
    end: int
    kind: str
    score: float


@dataclass(frozen=True)
class Analysis:
    document: Document
    clauses: tuple[ClauseAnalysis, ...]
    answers: tuple[Answer, ...]  # per CUAD category its best spans, best first
    present: dict[str, float]  # clause type id -> best score anywhere in the document
    found: frozenset[str]  # clause type ids judged present (score above the type's tuned threshold)
    values: tuple[Value, ...]

    def clauses_of(self, type_id: str, min_score: float = 0.5) -> list[ClauseAnalysis]:
        """The clauses of one type, best first."""
        scored = [(score.score, item) for item in self.clauses for score in item.types if score.type == type_id]
        return [item for score, item in sorted(scored, key=lambda pair: -pair[0]) if score >= min_score]


def analyse(document: Document, clauses: Sequence[Clause] | None = None, nlp: Language | None = None) -> Analysis:
    """Classify every clause of `document` and pull out its values (segmenting it first unless given)."""
    clauses = list(segment(document) if clauses is None else clauses)
    nlp = nlp or load_pipeline()
    doc = run(document, clauses, nlp)
    taxonomy = load_taxonomy()
    found = doc._.candidates
    cuad, unfair, patterns = doc._.cuad, doc._.unfair, doc._.patterns
    cuad_model: CuadModel = nlp.get_pipe("cuad_classifier").model  # type: ignore[attr-defined]
    unfair_model: UnfairTermsModel = nlp.get_pipe("unfair_terms").model  # type: ignore[attr-defined]
    scores, from_model = _type_scores(taxonomy.types, cuad_model, unfair_model, cuad, unfair, patterns)

    # Per clause, each type's best candidate inside it (sections span several clauses: not attributed).
    by_clause: dict[int, list[int]] = {}
    for i, candidate in enumerate(found):
        if candidate.kind != "section":
            by_clause.setdefault(candidate.clause, []).append(i)
    values = tuple(doc._.values)
    clause_values = _values_by_clause(clauses, values)
    facts = np.array([t.cuad in DOCUMENT_FACTS for t in taxonomy.types])
    best_candidate = scores.argmax(axis=0) if len(found) else np.zeros(len(taxonomy.types), dtype=int)
    items = []
    for k, clause in enumerate(clauses):
        members = np.array(by_clause.get(k, []), dtype=int)
        types: list[TypeScore] = []
        if len(members):
            best = members[scores[members].argmax(axis=0)]
            for t in np.flatnonzero(scores[best, np.arange(scores.shape[1])] >= MIN_SCORE):
                i = int(best[t])
                if facts[t] and found[int(best_candidate[t])].clause != k:
                    continue
                source: ScoreSource = "model" if from_model[t] else "patterns"
                types.append(TypeScore(taxonomy.types[t].id, float(scores[i, t]), found[i].start, found[i].end, source))
        items.append(ClauseAnalysis(clause, tuple(sorted(types, key=lambda s: -s.score)), clause_values[k]))
    best_anywhere = scores.max(axis=0) if len(found) else np.zeros(len(taxonomy.types))
    present = {t.id: float(best_anywhere[k]) for k, t in enumerate(taxonomy.types)}
    judged = {t.id for t in taxonomy.types if present[t.id] >= cuad_model.thresholds.get(t.cuad or "", 0.5)}
    answers = _answers(document, found, cuad, cuad_model.first.labels)
    return Analysis(document, tuple(items), answers, present, frozenset(judged), values)


def _type_scores(
    types: Sequence[ClauseType],
    cuad_model: CuadModel,
    unfair_model: UnfairTermsModel,
    cuad: np.ndarray,
    unfair: np.ndarray,
    patterns: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(candidates, types) scores: a classifier's probability where one knows the type (the patterns are
    among its features), else the strongest pattern's weight; and per type whether a model scored it."""
    cuad_column = {label: k for k, label in enumerate(cuad_model.first.labels)}
    unfair_column = {label: k for k, label in enumerate(unfair_model.model.labels)}
    scores = patterns.astype(np.float32, copy=True)
    from_model = np.zeros(len(types), dtype=bool)
    for t, clause_type in enumerate(types):
        learned = [cuad[:, cuad_column[clause_type.cuad]]] if clause_type.cuad in cuad_column else []
        if clause_type.unfair_tos in unfair_column:
            learned.append(unfair[:, unfair_column[clause_type.unfair_tos]])
        if learned:
            scores[:, t] = np.max(learned, axis=0)
            from_model[t] = True
    return scores, from_model


def answer_text(text: str) -> str:
    """A span's text as an answer: line breaks and tabs become spaces, nothing else changes."""
    return re.sub(r"[\r\n\t]", " ", text)


def _answers(
    document: Document, found: Sequence[Candidate], cuad: np.ndarray, labels: Sequence[str]
) -> tuple[Answer, ...]:
    out = []
    for k, category in enumerate(labels):
        seen: set[str] = set()
        for i in np.argsort(-cuad[:, k], kind="stable"):
            candidate = found[i]
            text = answer_text(document.text[candidate.start : candidate.end])
            if not text.strip() or text in seen:
                continue
            seen.add(text)
            out.append(Answer(category, text, candidate.start, candidate.end, candidate.kind, float(cuad[i, k])))
            if len(seen) == ANSWERS_PER_CATEGORY:
                break
    return tuple(out)


def _values_by_clause(clauses: Sequence[Clause], values: Sequence[Value]) -> list[tuple[Value, ...]]:
    starts = [clause.start for clause in clauses]
    grouped: list[list[Value]] = [[] for _ in clauses]
    for value in values:
        k = int(np.searchsorted(starts, value.start, "right")) - 1
        if 0 <= k < len(clauses) and value.start < clauses[k].end:
            grouped[k].append(value)
    return [tuple(group) for group in grouped]
