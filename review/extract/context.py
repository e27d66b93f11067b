"""Second stage: a candidate's score in the light of its surroundings.

A sentence like "No such audit may occur more than once a year" says little on its own; standing in a
clause the first stage reads as an audit clause, next to an audit sentence, it is part of the audit
rights. Per label, the second stage is a small logistic regression over the first stage's decision for
the candidate, for the clause and sections that contain it, for its neighbours, the best decision in the
document (is the clause type there at all?), the candidate's rank, kind and length.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from review.extract.candidates import Candidate

KINDS = ("clause", "sentence", "section", "date", "title")
RANKS = (1, 2, 3, 5, 10, 20)
_FLOOR = -12.0


def context_features(found: Sequence[Candidate], z: np.ndarray) -> np.ndarray:
    """(candidates, labels, features) from first-stage decisions z (candidates, labels)."""
    n, labels = z.shape
    if n == 0:
        return np.zeros((0, labels, feature_count()), dtype=np.float32)
    z = np.clip(z, _FLOOR, -_FLOOR)
    containers = _containers(found)
    container = _best_of(z, containers)
    contained = _best_of(z, _invert(containers, n))
    neighbour = _best_of(z, _neighbours(found))
    doc_max = z.max(axis=0, keepdims=True)
    order = np.argsort(-z, axis=0, kind="stable")
    rank = np.empty_like(order)
    rank[order, np.arange(labels)] = np.arange(n)[:, None] + 1
    kinds = np.zeros((n, len(KINDS)), dtype=np.float32)
    kinds[np.arange(n), [KINDS.index(c.kind) for c in found]] = 1
    length = np.log1p(np.array([c.end - c.start for c in found], dtype=np.float32))[:, None] / 5
    columns = [
        z,
        container,
        contained,
        neighbour,
        z - np.maximum(container, contained),
        np.broadcast_to(doc_max, z.shape),
        z - doc_max,
        *[(rank <= edge).astype(np.float32) for edge in RANKS],
        *[np.broadcast_to(kinds[:, [k]], z.shape) for k in range(len(KINDS))],
        *[kinds[:, [k]] * z for k in range(len(KINDS))],
        np.broadcast_to(length, z.shape),
    ]
    return np.stack(columns, axis=2).astype(np.float32)


def feature_count() -> int:
    return 7 + len(RANKS) + 2 * len(KINDS) + 1


def _best_of(z: np.ndarray, groups: list[list[int]]) -> np.ndarray:
    """Per candidate, the best decision among its group (the floor when the group is empty)."""
    best = np.full_like(z, _FLOOR)
    for i, members in enumerate(groups):
        if members:
            best[i] = z[members].max(axis=0)
    return best


def _containers(found: Sequence[Candidate]) -> list[list[int]]:
    """The clause and section candidates that contain each candidate (itself excluded)."""
    wide = sorted((c.start, -c.end, i) for i, c in enumerate(found) if c.kind in ("clause", "section"))
    starts = [start for start, _, _ in wide]
    out: list[list[int]] = []
    for i, candidate in enumerate(found):
        stop = bisect_right(starts, candidate.start)
        out.append([j for start, neg_end, j in wide[max(0, stop - 40) : stop] if -neg_end >= candidate.end and j != i])
    return out


def _invert(containers: list[list[int]], n: int) -> list[list[int]]:
    """The candidates each candidate contains."""
    inside: list[list[int]] = [[] for _ in range(n)]
    for i, outer in enumerate(containers):
        for j in outer:
            inside[j].append(i)
    return inside


def _neighbours(found: Sequence[Candidate]) -> list[list[int]]:
    """The previous and next candidate of the same kind."""
    out: list[list[int]] = [[] for _ in found]
    for kind in KINDS:
        same = sorted((c.start, i) for i, c in enumerate(found) if c.kind == kind)
        for k, (_, i) in enumerate(same):
            out[i] = [same[m][1] for m in (k - 1, k + 1) if 0 <= m < len(same)]
    return out


@dataclass(frozen=True)
class Reranker:
    """Per label, logistic regression weights over the context features."""

    weights: np.ndarray  # (labels, features)
    bias: np.ndarray  # (labels,)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        z = np.einsum("nlf,lf->nl", features, self.weights) + self.bias
        return (1 / (1 + np.exp(-z))).astype(np.float32)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights, bias=self.bias)

    @classmethod
    def load(cls, path: Path) -> Reranker:
        with np.load(path, allow_pickle=False) as data:
            return cls(data["weights"], data["bias"])


def fit_reranker(features: np.ndarray, targets: np.ndarray, c: float = 1.0) -> Reranker:
    """features (rows, labels, features) from out-of-fold decisions; targets (rows, labels)."""
    from sklearn.linear_model import LogisticRegression

    labels = targets.shape[1]
    weights = np.zeros((labels, features.shape[2]), dtype=np.float32)
    bias = np.full(labels, -20.0, dtype=np.float32)
    for k in range(labels):
        y = targets[:, k]
        if 0 < y.sum() < len(y):
            model = LogisticRegression(C=c, max_iter=500).fit(features[:, k, :], y)
            weights[k], bias[k] = model.coef_[0], model.intercept_[0]
    return Reranker(weights, bias)
