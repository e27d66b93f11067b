"""Feature rows of a contract's candidates: the one place that says what the clause classifier sees."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from review.extract.candidates import Candidate
from review.extract.features import Rows, Tokens
from review.model import Clause, Document


def candidate_rows(
    document: Document,
    clauses: Sequence[Clause],
    found: Sequence[Candidate],
    tokens: Tokens,
    patterns: np.ndarray | None = None,
    pattern_types: Sequence[str] = (),
) -> Rows:
    """One row per candidate; `patterns` (candidates x types) are the rule component's hits inside each."""
    headings = [
        None if span is None else tokens.heading_keys(*span) for span in _heading_spans(document, clauses, tokens)
    ]
    size = max(1, len(document.text))
    rows = Rows.empty()
    for index, candidate in enumerate(found):
        i, j = tokens.span(candidate.start, candidate.end)
        clause = clauses[candidate.clause] if clauses else None
        kind = candidate.kind
        facts = {
            "row:sentence": 1.0,  # as in sentence_rows: the unfair-terms classifier reads these rows too
            f"k:{kind}": 1.0,
            f"k:{kind}|pos:{_bucket(candidate.clause, (0, 1, 2, 3, 6, 12, 25))}": 1.0,
            f"k:{kind}|rel:{int(10 * candidate.start / size)}": 1.0,
            f"k:{kind}|len:{_bucket(j - i, (3, 8, 20, 50, 120, 300, 800))}": 1.0,
        }
        if clause is not None:
            facts[f"k:{kind}|ck:{clause.kind}"] = 1.0
            facts[f"k:{kind}|lvl:{clause.level}"] = 1.0
        if patterns is not None:
            facts.update(_pattern_facts(patterns[index], pattern_types))
        heading = headings[candidate.clause] if clauses else None
        rows.add_span(tokens, i, j, heading, kind in ("date", "title"), facts)
    return rows


def sentence_rows(
    tokens: Tokens, spans: Sequence[tuple[int, int]], patterns: np.ndarray, pattern_types: Sequence[str]
) -> Rows:
    """One row per sentence (token ranges), for the unfair-terms classifier: words, pairs and pattern hits.

    (The words of the sentence before were tried as context too: on CLAUDETTE they lowered F1.)"""
    rows = Rows.empty()
    for (i, j), hits in zip(spans, patterns, strict=True):
        rows.add_span(tokens, i, j, None, False, {"row:sentence": 1.0, **_pattern_facts(hits, pattern_types)})
    return rows


def _pattern_facts(hits: np.ndarray, pattern_types: Sequence[str]) -> dict[str, float]:
    return {f"pattern:{pattern_types[int(t)]}": float(hits[t]) for t in np.flatnonzero(hits)}


def _bucket(value: int, edges: Sequence[int]) -> int:
    return next((k for k, edge in enumerate(edges) if value <= edge), len(edges))


def _heading_spans(document: Document, clauses: Sequence[Clause], tokens: Tokens) -> list[tuple[int, int] | None]:
    """Per clause, the token range of the heading it stands under: its own, else the last heading above."""
    spans: list[tuple[int, int] | None] = []
    current: tuple[int, int] | None = None
    for clause in clauses:
        own = None
        if clause.kind == "heading":
            current = tokens.span(clause.start, clause.end)
        elif clause.heading:
            at = document.text.find(clause.heading, clause.start, clause.end)
            if at >= 0:
                own = tokens.span(at, at + len(clause.heading))
                if clause.level is not None and clause.level <= 1:
                    current = own
        spans.append(own or current)
    return spans
