"""Second stage: a candidate's score in the light of its surroundings.

A sentence like "No such audit may occur more than once a year" says little on its own; standing in a
clause the first stage reads as an audit clause, next to an audit sentence, it is part of the audit
rights. Per label, the second stage is a small logistic regression over the first stage's decision for
the candidate, for the clause and sections that contain it, for its neighbours, the best decision in the
document (is the clause type there at all?), the candidate's rank, kind and length.
"""

from __future__ import annotations

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
    inner, outer = _containers(found)
    container = _best_of(z, inner, outer)
    contained = _best_of(z, outer, inner)
    neighbour = _best_of(z, *_neighbours(found))
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


def _best_of(z: np.ndarray, owners: np.ndarray, members: np.ndarray) -> np.ndarray:
    """Per candidate, the best decision among the members paired with it (the floor when there are none)."""
    best = np.full_like(z, _FLOOR)
    np.maximum.at(best, owners, z[members])
    return best


def _containers(found: Sequence[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """(candidate, container) index pairs: the clause and section candidates that contain each candidate
    (itself excluded), among the 40 that start nearest at or before it."""
    starts = np.array([c.start for c in found])
    ends = np.array([c.end for c in found])
    wide = np.array([i for i, c in enumerate(found) if c.kind in ("clause", "section")], dtype=int)
    wide = wide[np.lexsort((wide, -ends[wide], starts[wide]))]  # by start, the longer first
    stop = np.searchsorted(starts[wide], starts, side="right")
    inner, outer = [], []
    for back in range(1, 41):
        at = stop - back
        valid = at >= 0
        candidate = np.flatnonzero(valid)
        other = wide[at[valid]]
        keep = (ends[other] >= ends[candidate]) & (other != candidate)
        inner.append(candidate[keep])
        outer.append(other[keep])
    return np.concatenate(inner), np.concatenate(outer)


def _neighbours(found: Sequence[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """(candidate, neighbour) index pairs: the previous and the next candidate of the same kind."""
    starts = np.array([c.start for c in found])
    kinds = np.array([KINDS.index(c.kind) for c in found])
    order = np.lexsort((np.arange(len(found)), starts, kinds))  # by kind, then start
    same = kinds[order[1:]] == kinds[order[:-1]]
    before, after = order[:-1][same], order[1:][same]
    return np.concatenate([after, before]), np.concatenate([before, after])


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
