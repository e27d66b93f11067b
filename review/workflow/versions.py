"""Versions of a contract: which findings a revised version resolved, kept or added, and what changed clause by clause.

When a vendor sends a revised contract it becomes the next version of the same case and is reviewed like the
first. `match_findings` pairs the findings of the two reviews (persisting), leaving the old ones without a
partner (resolved) and the new ones without a partner (new). `diff_clauses` aligns the two versions' clauses
in document order and says which are the same, changed, added or removed, with a word-level diff of each
changed clause; `render_diff` prints that for the command line. Pure functions over anything shaped like a
finding or a clause (FindingView and Clause are), no database.

>>> from types import SimpleNamespace as F
>>> old = [F(key="a1", rule="NOTICE", kind="value", quote="Either party may terminate on 30 days' notice."),
...        F(key="b2", rule="AUTO-RENEW", kind="present", quote="This Agreement renews automatically each year.")]
>>> new = [F(key="c3", rule="NOTICE", kind="value", quote="Either party may terminate on 60 days' notice.")]
>>> match = match_findings(old, new)
>>> match.pairs, match.resolved, match.new
(((0, 0),), (1,), ())
>>> C = lambda number, text: F(number=number, heading=None, text=text)
>>> v1 = [C("1", "1. Fees are due within 30 days of invoice."), C("2", "2. This Agreement renews each year.")]
>>> v2 = [C("1", "1. Fees are due within 45 days of invoice."), C("2", "2. The City may terminate at will.")]
>>> [(c.kind, c.old, c.new) for c in diff_clauses(v1, v2)]
[('changed', 0, 0), ('removed', 1, None), ('added', None, 1)]
>>> print(render_diff(diff_clauses(v1, v2), v1, v2))
~ 1 Fees are due within 45 days of invoice.
    Fees are due within [-30-]{+45+} days of invoice.
- 2 This Agreement renews each year.
    This Agreement renews each year.
+ 2 The City may terminate at will.
    The City may terminate at will.
1 changed, 1 added, 1 removed; 0 unchanged
"""

from __future__ import annotations

import math
import re
import textwrap
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise
from typing import Literal, Protocol

# Thresholds on `text_similarity` (tests/unit/test_versions.py pins the cases). Edits that leave a finding in
# place score 0.8-0.96 (a renumbered sentence, "thirty (30)" -> "sixty (60)", a reworded tail, an exception
# added, a number changed in an 8-word sentence); a sentence rewritten on the same subject scores 0.16-0.24.
# 0.6 sits in the gap and keeps one changed word persisting down to 6-word quotes. Clauses are paired only
# inside a block the two versions do not share (between unchanged anchors) and are longer, so the bar is lower:
# unrelated clauses of the CUAD contracts in tests/data score under 0.40 in 99 pairs of 100.
FINDING_SIMILARITY = 0.6
CLAUSE_SIMILARITY = 0.5

ChangeKind = Literal["same", "changed", "added", "removed"]
WordOp = Literal["=", "-", "+"]


class FindingLike(Protocol):
    """What matching needs of a finding: a FindingView (the store) or anything with these attributes (the
    report's `Finding` calls its key `id`)."""

    @property
    def key(self) -> str: ...  # the report's stable finding id: the same when nothing changed

    @property
    def rule(self) -> str: ...

    @property
    def kind(self) -> str: ...  # present | missing | value | license

    @property
    def quote(self) -> str | None: ...


class ClauseLike(Protocol):
    """What diffing needs of a clause: a `review.model.Clause` or anything with these attributes."""

    @property
    def number(self) -> str | None: ...

    @property
    def heading(self) -> str | None: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FindingMatch:
    """The findings of two versions paired up, by index into the old and the new sequence, each sorted.

    `pairs` persist (old index, new index); `resolved` are old findings the new version no longer has; `new`
    are findings of the new version that the old one did not have.
    """

    pairs: tuple[tuple[int, int], ...]
    resolved: tuple[int, ...]
    new: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClauseChange:
    """One step of a clause diff: indices into the old and new clause sequences (None where there is none).

    `similarity` is 1.0 for "same", the text similarity for "changed" (1.0 when only case or punctuation
    changed) and 0.0 for "added" and "removed". `words` is the word-level diff of a changed clause as
    ("=" | "-" | "+", words joined by single spaces); empty otherwise.
    """

    kind: ChangeKind
    old: int | None
    new: int | None
    similarity: float
    words: tuple[tuple[WordOp, str], ...] = ()


# --- text normalisation --------------------------------------------------------------------------------------

_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\u00ad": ""})
_WORD = re.compile(r"\w+")
# A clause's own enumerator at the start of its text ("9.2", "1.", "(a)", "Section 4", "Article V", "iv."),
# dropped before comparing so that a renumbered clause still reads as the same clause.
_ENUMERATOR = re.compile(
    r"^\s*(?:(?:section|article|clause|§)\s*(?:\d+(?:\.\d+)*|[ivxlc]{1,6}|[a-z])\.?"
    r"|\d+(?:\.\d+)*\.?|\(\w{1,4}\)|\w{1,4}\)|[ivxlc]{1,6}\.|[a-z]\.)(?=\s|$)",
    re.IGNORECASE,
)


def _words(text: str) -> tuple[str, ...]:
    """The text's words, case, punctuation and typographic variants ignored."""
    return tuple(_WORD.findall(text.translate(_TYPOGRAPHY).casefold()))


def _shingle_set(words: Sequence[str]) -> frozenset[str]:
    """Words and adjacent word pairs: the pairs make word order count a little."""
    return frozenset([*words, *(f"{a} {b}" for a, b in pairwise(words))])


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def text_similarity(a: str, b: str) -> float:
    """How alike two texts are, 0..1: the Dice overlap of their sets of words and adjacent word pairs (case,
    punctuation and spacing ignored). One changed word in a sentence of n words costs about 3/(2n) of it.

    >>> round(text_similarity("Fees are due within 30 days.", "Fees are due within 60 days."), 2)
    0.73
    """
    return _dice(_shingle_set(_words(a)), _shingle_set(_words(b)))


def same_wording(a: str | None, b: str | None) -> bool:
    """Whether two quotes say the same word for word, their leading clause numbers, case, punctuation and
    spacing aside: a reviewer's disposition of the one then holds for the other.

    >>> same_wording("5.1 Provider may use Customer Data.", "4.1 Provider may use customer data")
    True
    """
    if a is None or b is None:
        return a == b
    return _words(_ENUMERATOR.sub("", a.translate(_TYPOGRAPHY), count=1)) == _words(
        _ENUMERATOR.sub("", b.translate(_TYPOGRAPHY), count=1)
    )


def _check_threshold(threshold: float) -> None:
    if not 0 < threshold <= 1:
        raise ValueError(f"a similarity threshold is in (0, 1], not {threshold}")


def _clause_body(clause: ClauseLike) -> str:
    """The clause text with its enumerator dropped (only when the clause has a number) and spacing normalised."""
    text = clause.text.translate(_TYPOGRAPHY)
    if clause.number is not None:
        text = _ENUMERATOR.sub("", text, count=1)
    return " ".join(text.split())


# --- findings ------------------------------------------------------------------------------------------------


def match_findings(
    old: Sequence[FindingLike], new: Sequence[FindingLike], *, threshold: float = FINDING_SIMILARITY
) -> FindingMatch:
    """Pair the findings of an old and a new version one to one; only findings of the same rule and kind pair.

    First identical keys (nothing about the finding changed), then, within each rule and kind, findings
    without a quote (missing terms) in order, then quoted findings by `text_similarity` of their quotes at or
    above `threshold`, most similar first (ties: lowest old, then new index). Deterministic. Each quote is
    normalised once, identical quotes pair without comparing, and the rest are compared only within their
    rule and kind, and only when they share a rare word (see `_similar_pairs`).
    """
    _check_threshold(threshold)
    pairs: list[tuple[int, int]] = []
    by_key: dict[tuple[str, str, str], deque[int]] = defaultdict(deque)
    for j, finding in enumerate(new):
        by_key[(finding.key, finding.rule, finding.kind)].append(j)
    old_left: list[int] = []
    for i, finding in enumerate(old):
        waiting = by_key.get((finding.key, finding.rule, finding.kind))
        if waiting:
            pairs.append((i, waiting.popleft()))
        else:
            old_left.append(i)
    new_left = sorted(j for waiting in by_key.values() for j in waiting)

    # (rule, kind) -> (old indices, new indices) still unpaired
    groups: dict[tuple[str, str], tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in old_left:
        groups[(old[i].rule, old[i].kind)][0].append(i)
    for j in new_left:
        groups[(new[j].rule, new[j].kind)][1].append(j)

    for olds, news in groups.values():
        if not olds or not news:
            continue
        old_words = {i: _words(old[i].quote or "") for i in olds}
        new_words = {j: _words(new[j].quote or "") for j in news}
        # a missing term has nothing to compare: the same rule missing again is the same finding
        pairs.extend(zip([i for i in olds if not old_words[i]], [j for j in news if not new_words[j]], strict=False))
        # the same quote under a new key (clause ids shift when a clause is inserted before it): pair in order
        same_quote: dict[tuple[str, ...], deque[int]] = defaultdict(deque)
        for j in news:
            if new_words[j]:
                same_quote[new_words[j]].append(j)
        olds_left: list[int] = []
        for i in olds:
            waiting = same_quote.get(old_words[i]) if old_words[i] else None
            if waiting:
                pairs.append((i, waiting.popleft()))
            elif old_words[i]:
                olds_left.append(i)
        news_left = sorted(j for waiting in same_quote.values() for j in waiting)
        similar = _similar_pairs(
            [_shingle_set(old_words[i]) for i in olds_left], [_shingle_set(new_words[j]) for j in news_left], threshold
        )
        # greedy, most similar first; ties to the lowest old, then new index
        similar.sort(key=lambda item: (-item[0], olds_left[item[1]], news_left[item[2]]))
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for _, r, c in similar:
            if r not in taken_old and c not in taken_new:
                taken_old.add(r)
                taken_new.add(c)
                pairs.append((olds_left[r], news_left[c]))

    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    return FindingMatch(
        pairs=tuple(sorted(pairs)),
        resolved=tuple(i for i in range(len(old)) if i not in paired_old),
        new=tuple(j for j in range(len(new)) if j not in paired_new),
    )


def _similar_pairs(
    olds: Sequence[frozenset[str]], news: Sequence[frozenset[str]], threshold: float
) -> list[tuple[float, int, int]]:
    """Every (similarity, old position, new position) with Dice >= threshold (> 0), without comparing every pair.

    Prefix filtering, as in set-similarity joins (Chaudhuri et al. 2006, Bayardo et al. 2007): Dice >= t needs
    an overlap of at least t·|X|/(2-t) shingles, so two such sets must share one of their rarest
    |X| - that + 1 shingles. Only pairs sharing a rare shingle are compared; the result is exactly that of
    comparing them all.
    """
    frequency: Counter[str] = Counter()
    for shingles in (*olds, *news):
        frequency.update(shingles)
    # the prefix argument needs one total order: rarest first, ties by text
    rank = {shingle: position for position, shingle in enumerate(sorted(sorted(frequency), key=frequency.__getitem__))}

    def prefix(shingles: frozenset[str]) -> list[str]:
        overlap = math.ceil(threshold * len(shingles) / (2 - threshold) - 1e-9)
        return sorted(shingles, key=rank.__getitem__)[: len(shingles) - max(overlap, 1) + 1]

    postings: dict[str, list[int]] = defaultdict(list)
    for c, shingles in enumerate(news):
        for shingle in prefix(shingles):
            postings[shingle].append(c)
    found: list[tuple[float, int, int]] = []
    for r, a in enumerate(olds):
        candidates = {c for shingle in prefix(a) for c in postings.get(shingle, ())}
        for c in sorted(candidates):
            b = news[c]
            similarity = 2 * len(a & b) / (len(a) + len(b))
            if similarity >= threshold:
                found.append((similarity, r, c))
    return found


# --- clauses -------------------------------------------------------------------------------------------------


def diff_clauses(
    old: Sequence[ClauseLike], new: Sequence[ClauseLike], *, threshold: float = CLAUSE_SIMILARITY
) -> tuple[ClauseChange, ...]:
    """The clause-level diff of two versions, in the new document's order, removed clauses where they were.

    Clauses whose text is the same (spacing, typographic quotes and their own number aside) anchor the
    alignment (difflib over whole clause texts); between anchors, old and new clauses are paired in order by
    `text_similarity` >= `threshold` (the pairing with the highest total similarity), and the rest are
    removed (listed first) or added.
    """
    _check_threshold(threshold)
    old_bodies = [_clause_body(clause) for clause in old]
    new_bodies = [_clause_body(clause) for clause in new]
    changes: list[ClauseChange] = []
    matcher = SequenceMatcher(None, old_bodies, new_bodies, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes.extend(ClauseChange("same", i, j, 1.0) for i, j in zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        old_shingles = [_shingle_set(_words(old_bodies[i])) for i in range(i1, i2)]
        new_shingles = [_shingle_set(_words(new_bodies[j])) for j in range(j1, j2)]
        previous_i, previous_j = i1, j1
        for (i, j), similarity in _aligned_pairs(old_shingles, new_shingles, threshold, i1, j1):
            changes.extend(ClauseChange("removed", k, None, 0.0) for k in range(previous_i, i))
            changes.extend(ClauseChange("added", None, k, 0.0) for k in range(previous_j, j))
            if old_bodies[i] == new_bodies[j]:
                changes.append(ClauseChange("same", i, j, 1.0))
            else:
                changes.append(ClauseChange("changed", i, j, similarity, _word_diff(old_bodies[i], new_bodies[j])))
            previous_i, previous_j = i + 1, j + 1
        changes.extend(ClauseChange("removed", k, None, 0.0) for k in range(previous_i, i2))
        changes.extend(ClauseChange("added", None, k, 0.0) for k in range(previous_j, j2))
    return tuple(changes)


def _aligned_pairs(
    olds: list[frozenset[str]], news: list[frozenset[str]], threshold: float, i0: int, j0: int
) -> list[tuple[tuple[int, int], float]]:
    """Order-preserving pairs (as absolute indices) with the highest total similarity, each >= threshold.

    A dynamic programme over the block (like an edit distance): pairs never cross, so the output stays in
    document order.
    """
    if not olds or not news:
        return []
    rows, cols = len(olds), len(news)
    similarity = [[0.0] * cols for _ in range(rows)]
    for value, r, c in _similar_pairs(olds, news, threshold):
        similarity[r][c] = value
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(1, rows + 1):
        above, here, row_similarity = score[r - 1], score[r], similarity[r - 1]
        for c in range(1, cols + 1):
            best = max(above[c], here[c - 1])
            value = row_similarity[c - 1]
            if value and above[c - 1] + value > best:
                best = above[c - 1] + value
            here[c] = best
    pairs: list[tuple[tuple[int, int], float]] = []
    r, c = rows, cols
    while r and c:
        value = similarity[r - 1][c - 1]
        if value and score[r][c] == score[r - 1][c - 1] + value:
            pairs.append(((i0 + r - 1, j0 + c - 1), value))
            r, c = r - 1, c - 1
        elif score[r][c] == score[r - 1][c]:
            r -= 1
        else:
            c -= 1
    return pairs[::-1]


def _word_diff(old_text: str, new_text: str) -> tuple[tuple[WordOp, str], ...]:
    """("=" | "-" | "+", words) runs: a replaced run gives its "-" words before its "+" words."""
    a, b = old_text.split(), new_text.split()
    runs: list[tuple[WordOp, list[str]]] = []

    def add(op: WordOp, words: list[str]) -> None:
        if not words:
            return
        if runs and runs[-1][0] == op:
            runs[-1][1].extend(words)
        else:
            runs.append((op, list(words)))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("=", a[i1:i2])
        else:
            add("-", a[i1:i2])
            add("+", b[j1:j2])
    return tuple((op, " ".join(words)) for op, words in runs)


# --- rendering -----------------------------------------------------------------------------------------------

_CONTEXT = 6  # unchanged words kept on each side of a change in a rendered changed clause
_WIDTH = 100
_INDENT = "    "


def render_diff(changes: Sequence[ClauseChange], old: Sequence[ClauseLike], new: Sequence[ClauseLike]) -> str:
    """Plain text for the command line: "~" changed clauses with [-removed-]{+added+} marks and unchanged
    stretches shortened to "…", "+" added and "-" removed clauses with their text; unchanged clauses are left
    out and counted on the last line."""
    lines: list[str] = []
    counts = dict.fromkeys(("changed", "added", "removed", "same"), 0)
    renumbered = 0
    for change in changes:
        counts[change.kind] += 1
        if change.kind == "same":
            assert change.old is not None and change.new is not None
            renumbered += old[change.old].number != new[change.new].number
        elif change.kind == "changed":
            assert change.old is not None and change.new is not None
            before, after = old[change.old], new[change.new]
            was = f" (was {before.number})" if before.number != after.number and before.number else ""
            lines.append(f"~ {_label(after)}{was}")
            lines.append(_wrap(_marked(change.words)))
        elif change.kind == "added":
            assert change.new is not None
            lines += [f"+ {_label(new[change.new])}", _wrap(_clause_body(new[change.new]))]
        else:
            assert change.old is not None
            lines += [f"- {_label(old[change.old])}", _wrap(_clause_body(old[change.old]))]
    summary = ", ".join(f"{counts[kind]} {kind}" for kind in ("changed", "added", "removed"))
    lines.append(f"{summary}; {counts['same']} unchanged" + (f" ({renumbered} renumbered)" if renumbered else ""))
    return "\n".join(lines)


def _label(clause: ClauseLike) -> str:
    """Number and heading, or number and the first words when the clause has no heading."""
    title = " ".join(clause.heading.split()) if clause.heading else ""
    if not title:
        words = _clause_body(clause).split()
        title = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return " ".join(part for part in (clause.number, title) if part)


def _marked(words: Sequence[tuple[WordOp, str]]) -> str:
    out = ""
    last = len(words) - 1
    for position, (op, text) in enumerate(words):
        if op == "-":
            part = f"[-{text}-]"
        elif op == "+":
            part = f"{{+{text}+}}"
        else:
            part = _shorten(text, keep_start=position > 0, keep_end=position < last)
        # a replacement reads as one unit: [-30-]{+45+}
        glue = "" if not out or (op == "+" and out.endswith("-]")) else " "
        out += glue + part
    return out


def _shorten(text: str, *, keep_start: bool, keep_end: bool) -> str:
    """An unchanged stretch: the words next to a change, "…" for the rest."""
    words = text.split()
    head = words[:_CONTEXT] if keep_start else []
    tail = words[-_CONTEXT:] if keep_end else []
    if len(words) <= len(head) + len(tail) or (not keep_start and not keep_end):
        return text
    return " ".join([*head, "…", *tail])


def _wrap(text: str) -> str:
    return textwrap.fill(
        text, width=_WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT,
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
