"""A multi-label linear classifier over sparse features, with probabilities calibrated out of fold.

Training (scikit-learn's liblinear, one logistic regression per label) happens once, offline; the shipped
model is three arrays in a compressed .npz that numpy applies, so reviewing needs no scikit-learn.
Scores are calibrated with Platt scaling fitted on out-of-fold decisions (folds by contract): a score of
0.8 means about 80 % of such candidates were right on contracts the model had not seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from review.errors import TrainingUnavailable
from review.extract.features import Rows

PRUNE = 0.005  # a weight this small moves no decision: 70 % of them, left out of the saved file


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    vocabulary: np.ndarray  # sorted uint64 feature keys
    idf: np.ndarray  # (features,) inverse document frequency: rare words count for more
    weights: np.ndarray  # (features, labels) float32
    bias: np.ndarray  # (labels,)
    calibration: np.ndarray  # (labels, 2): probability = sigmoid(a * decision + b)

    def decision(self, rows: Rows) -> np.ndarray:
        matrix = rows.matrix(self.vocabulary) @ sparse.diags(self.idf)
        return np.asarray(matrix @ self.weights) + self.bias

    def probabilities(self, rows: Rows) -> np.ndarray:
        """(rows, labels) calibrated probabilities."""
        if len(rows) == 0:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        z = self.decision(rows) * self.calibration[:, 0] + self.calibration[:, 1]
        return (1 / (1 + np.exp(-z))).astype(np.float32)

    def save(self, path: Path) -> None:
        """Weights as float16, those under PRUNE in size set to zero: under 4 MB instead of 8, scores alike."""
        weights = self.weights.astype(np.float16)
        weights[np.abs(weights) < PRUNE] = 0
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            vocabulary=self.vocabulary,
            idf=self.idf.astype(np.float16),
            weights=weights,
            bias=self.bias,
            calibration=self.calibration,
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                labels=tuple(str(label) for label in data["labels"]),
                vocabulary=data["vocabulary"],
                idf=data["idf"].astype(np.float32),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"],
                calibration=data["calibration"],
            )


def fit(
    rows: Rows,
    targets: np.ndarray,
    labels: Sequence[str],
    groups: Sequence[int],
    *,
    min_groups: int = 3,
    c: float = 1.0,
    folds: int = 3,
    seed: int = 0,
    jobs: int = 2,
) -> tuple[LinearModel, np.ndarray]:
    """Train one logistic regression per label on `rows` (targets: rows x labels booleans).

    Features seen in fewer than `min_groups` contracts are dropped (they would only memorise one contract).
    Returns the model and its out-of-fold decisions (rows x labels), which a second stage can learn from.
    """
    frequency = rows.document_frequency(groups)
    vocabulary = np.array(sorted(k for k, n in frequency.items() if n >= min_groups), dtype=np.uint64)
    group_array = np.asarray(groups)
    contracts = len(np.unique(group_array))
    idf = np.log((1 + contracts) / (1 + np.array([frequency[k] for k in vocabulary.tolist()]))).astype(np.float32) + 1
    matrix = rows.matrix(vocabulary) @ sparse.diags(idf)
    fold_of = _folds(group_array, folds, seed)

    try:
        from joblib import Parallel, delayed
    except ImportError as error:
        raise TrainingUnavailable("training needs scikit-learn: pip install -e '.[train]'") from error

    fitted = Parallel(n_jobs=jobs)(
        delayed(_fit_label)(matrix, targets[:, k], fold_of, folds, c, seed) for k in range(len(labels))
    )
    weights = np.stack([w for w, _, _, _ in fitted], axis=1).astype(np.float32)
    bias = np.array([b for _, b, _, _ in fitted], dtype=np.float32)
    calibration = np.array([cal for _, _, cal, _ in fitted], dtype=np.float32)
    out_of_fold = np.stack([oof for _, _, _, oof in fitted], axis=1).astype(np.float32)
    return LinearModel(tuple(labels), vocabulary, idf, weights, bias, calibration), out_of_fold


def _folds(groups: np.ndarray, folds: int, seed: int) -> np.ndarray:
    unique = np.unique(groups)
    order = np.random.default_rng(seed).permutation(len(unique))
    fold_of_group = dict(zip(unique[order].tolist(), (np.arange(len(unique)) % folds).tolist(), strict=True))
    return np.array([fold_of_group[g] for g in groups.tolist()])


def _fit_label(
    matrix: sparse.csr_matrix, y: np.ndarray, fold_of: np.ndarray, folds: int, c: float, seed: int
) -> tuple[np.ndarray, float, tuple[float, float], np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    def train(rows: np.ndarray) -> LogisticRegression:
        model = LogisticRegression(C=c, solver="liblinear", max_iter=200, random_state=seed)
        return model.fit(matrix[rows], y[rows])

    if y.sum() == 0:  # a label never seen: never predicted
        return np.zeros(matrix.shape[1]), -20.0, (1.0, 0.0), np.full(len(y), -20.0)
    decisions = np.zeros(len(y))
    for fold in range(folds):
        held_out = fold_of == fold
        if y[~held_out].sum() == 0:
            decisions[held_out] = -20.0
            continue
        decisions[held_out] = train(np.flatnonzero(~held_out)).decision_function(matrix[held_out])
    platt = LogisticRegression(C=1e4, solver="lbfgs").fit(decisions.reshape(-1, 1), y)
    final = train(np.arange(len(y)))
    calibration = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    return final.coef_[0], float(final.intercept_[0]), calibration, decisions
