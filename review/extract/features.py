"""Sparse features of a text span, from the tokens of a spaCy Doc: what the learned classifiers read.

A span's features are its words and word pairs (lower case, digits by shape), counted and scaled by one
over the square root of its length; the words of the heading it sits under; for a few-word candidate (a
date, a name) the words around it; and a handful of facts about the candidate (its kind, where in the
document it stands, how long it is). Every feature is a 64-bit key: spaCy's hash of the token, or of the
fact's name, so no vocabulary is needed to compute them, only to look weights up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from spacy.attrs import IDX, IS_DIGIT, IS_SPACE, LENGTH, LOWER, SHAPE
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc

_PAIR = np.uint64(0x9E3779B97F4A7C15)  # mixes two token keys into one for a word pair
_HEADING = np.uint64(hash_string("feature:heading"))
_CONTEXT = np.uint64(hash_string("feature:context"))
CONTEXT_BEFORE, CONTEXT_AFTER = 8, 4


@dataclass(frozen=True, slots=True)
class Tokens:
    """The non-space tokens of a Doc: character offsets and feature keys."""

    starts: np.ndarray
    ends: np.ndarray
    keys: np.ndarray  # uint64, one per token
    pairs: np.ndarray  # uint64, one per pair of neighbouring tokens

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        table = doc.to_array([LOWER, SHAPE, IS_DIGIT, IS_SPACE, IDX, LENGTH]).astype(np.uint64)
        table = table[table[:, 3] == 0]
        keys = np.where(table[:, 2] == 1, table[:, 1], table[:, 0])
        starts = table[:, 4].astype(np.int64)
        with np.errstate(over="ignore"):
            pairs = keys[:-1] * _PAIR + keys[1:]
        return cls(starts, starts + table[:, 5].astype(np.int64), keys, pairs)

    def heading_keys(self, i: int, j: int) -> np.ndarray:
        """Feature keys of the words of a heading (or of the text above a sentence), each word once."""
        return np.unique(self.keys[i:j]) ^ _HEADING

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token range [i, j) of the tokens that start within the character span."""
        i = int(np.searchsorted(self.starts, start, "left"))
        j = int(np.searchsorted(self.starts, end, "left"))
        return i, max(i, j)


@functools.cache
def fact(name: str) -> int:
    """The key of a named fact ("k:sentence|len:3"). Names hold a colon, which no token does (the tokenizer
    splits punctuation off), so a fact never shares its key with a word."""
    return int(hash_string(name))


@dataclass(slots=True)
class Rows:
    """Feature rows before a vocabulary is chosen: CSR-shaped, keyed by 64-bit feature keys."""

    indptr: list[int]
    keys: list[np.ndarray]
    values: list[np.ndarray]

    @classmethod
    def empty(cls) -> Rows:
        return cls([0], [], [])

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        self.keys.append(keys)
        self.values.append(values)
        self.indptr.append(self.indptr[-1] + len(keys))

    def add_span(
        self, tokens: Tokens, i: int, j: int, heading: np.ndarray | None, context: bool, facts: dict[str, float]
    ) -> None:
        """One row: the span's words and pairs, its heading's words (`Tokens.heading_keys`), its surroundings,
        and facts (name: value)."""
        n = max(1, j - i)
        parts = [tokens.keys[i:j], tokens.pairs[i : max(i, j - 1)]]
        weights = [np.full(len(parts[0]) + len(parts[1]), 1 / np.sqrt(n), dtype=np.float32)]
        if heading is not None and len(heading):
            parts.append(heading)
            weights.append(np.full(len(heading), 0.5, dtype=np.float32))
        if context:
            around = np.concatenate([tokens.keys[max(0, i - CONTEXT_BEFORE) : i], tokens.keys[j : j + CONTEXT_AFTER]])
            around_keys = np.unique(around) ^ _CONTEXT
            parts.append(around_keys)
            weights.append(np.full(len(around_keys), 0.5, dtype=np.float32))
        parts.append(np.array([fact(name) for name in facts], dtype=np.uint64))
        weights.append(np.array(list(facts.values()), dtype=np.float32))
        self.add(np.concatenate(parts), np.concatenate(weights))

    def subset(self, indices: Sequence[int]) -> Rows:
        rows = Rows.empty()
        for i in indices:
            rows.add(self.keys[i], self.values[i])
        return rows

    def extend(self, other: Rows) -> None:
        offset = self.indptr[-1]
        self.indptr.extend(offset + p for p in other.indptr[1:])
        self.keys.extend(other.keys)
        self.values.extend(other.values)

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def document_frequency(self, groups: Sequence[int]) -> dict[int, int]:
        """Number of groups (contracts) each key occurs in; `groups` gives each row's group."""
        by_group: dict[int, list[np.ndarray]] = {}
        for row, keys in enumerate(self.keys):
            by_group.setdefault(groups[row], []).append(keys)
        counts: dict[int, int] = {}
        for arrays in by_group.values():
            for key in np.unique(np.concatenate(arrays)).tolist():
                counts[key] = counts.get(key, 0) + 1
        return counts

    def matrix(self, vocabulary: np.ndarray) -> sparse.csr_matrix:
        """The rows over a sorted vocabulary of keys; keys outside it are dropped, repeats summed."""
        keys = np.concatenate(self.keys) if self.keys else np.zeros(0, dtype=np.uint64)
        values = np.concatenate(self.values) if self.values else np.zeros(0, dtype=np.float32)
        rows = np.repeat(np.arange(len(self)), np.diff(np.asarray(self.indptr)))
        columns = np.searchsorted(vocabulary, keys)
        columns = np.minimum(columns, len(vocabulary) - 1) if len(vocabulary) else columns
        known = vocabulary[columns] == keys if len(vocabulary) else np.zeros(len(keys), dtype=bool)
        matrix = sparse.coo_matrix(
            (values[known], (rows[known], columns[known])), shape=(len(self), len(vocabulary)), dtype=np.float32
        ).tocsr()
        matrix.sum_duplicates()
        return matrix
