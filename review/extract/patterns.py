"""The `clause_patterns` spaCy component: finds the taxonomy's phrases and token patterns in a Doc.

Pattern hits are the cheap, explainable half of clause typing: a reviewer can see *why* a clause was typed
("governed by the laws of"), and the learned classifier gets them as features through `pattern_scores`.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("clause_patterns")
    >>> doc = nlp("This Agreement is governed by the laws of the State of California.")
    >>> [(span.label_, span._.clause_pattern_weight) for span in doc.spans["clause_patterns"]][:1]
    [('governing_law', 0.95)]

Hits are stored in `doc.spans["clause_patterns"]`: one Span per (type, token range), labelled with the type
id, with the weight of the strongest pattern that found it in the Span extension `clause_pattern_weight`.
An extension rather than a list beside the group, so the weight stays with its span when the group is
filtered, sorted or serialised (DocBin with user data). Overlapping hits are kept: a sentence may be
evidence for two types.

Matching ignores whitespace tokens (line breaks, runs of spaces), which text from PDFs and tables is full
of: a hit may span them.

By default phrases and token patterns all run on `TokenPatternIndex`, a small numpy engine (a phrase is a
token pattern of its lower-case words). Token patterns are validated by spaCy's Matcher when the taxonomy
loads, and `config={"engine": "spacy"}` runs spaCy's PhraseMatcher (attr LOWER) and Matcher instead, on a
copy of the Doc without whitespace tokens; a test checks that both engines agree. spaCy's Matcher tries
every pattern at every token (about 4 ms per pattern on a 55,000-token contract, so 6 s for this taxonomy),
while the index starts each pattern only at the tokens its first word allows and extends all patterns'
partial matches together. Unbounded `*` and `+` repeat at most MAX_REPEAT tokens in the index (a clause is
evidence only nearby).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span

from review.extract.taxonomy import Taxonomy, load_taxonomy

SPANS_KEY = "clause_patterns"
WEIGHT = "clause_pattern_weight"
MAX_REPEAT = 50
Engine = Literal["fast", "spacy"]

if not Span.has_extension(WEIGHT):
    Span.set_extension(WEIGHT, default=0.0)


class ClausePatterns:
    """Finds the taxonomy's phrases and token patterns in a Doc; see the module docstring.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> component = nlp.add_pipe("clause_patterns", config={"directory": None})
    >>> len(component.taxonomy) > 40
    True
    """

    def __init__(self, nlp: Language, name: str, taxonomy: Taxonomy, engine: Engine = "fast") -> None:
        if engine not in ("fast", "spacy"):
            raise ValueError(f"engine must be 'fast' or 'spacy', not {engine!r}")
        self.name = name
        self.taxonomy = taxonomy
        self.engine = engine
        exact = engine == "spacy"
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER") if exact else None
        # validate=False: the taxonomy validated every pattern with a validating Matcher when it loaded
        self.matcher = Matcher(nlp.vocab, validate=False) if exact else None
        indexed: list[tuple[int, Sequence[Mapping[str, Any]]]] = []
        # One matcher key per pattern, so each hit knows its type and its own weight.
        self._keys: dict[int, tuple[str, float]] = {}
        for clause_type in taxonomy.types:
            for index, pattern in enumerate(clause_type.patterns):
                name_of_key = f"{clause_type.id}/{index}"
                key = nlp.vocab.strings.add(name_of_key)
                self._keys[key] = (clause_type.id, pattern.weight)
                if pattern.phrase is not None:
                    phrase = nlp.make_doc(pattern.phrase)
                    if self.phrase_matcher is not None:
                        self.phrase_matcher.add(name_of_key, [phrase])
                    else:
                        indexed.append((key, [{"LOWER": token.lower_} for token in phrase]))
                elif self.matcher is not None:
                    self.matcher.add(name_of_key, [list(pattern.tokens or ())])
                else:
                    indexed.append((key, pattern.tokens or ()))
        self.token_index = TokenPatternIndex(indexed)

    def __call__(self, doc: Doc) -> Doc:
        best: dict[tuple[int, int, str], float] = {}
        for key, start, end in self.hits(doc):
            type_id, weight = self._keys[key]
            place = (start, end, type_id)
            if weight > best.get(place, -1.0):
                best[place] = weight
        spans = []
        for (start, end, type_id), weight in sorted(best.items()):  # in token order, whichever engine found them
            span = Span(doc, start, end, label=type_id)
            span._.set(WEIGHT, weight)
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def hits(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern key, start token, end token) of every pattern hit in `doc`, whitespace tokens skipped,
        keeping per pattern and start the shortest match only (a wildcard lets one start reach several ends;
        the shortest is the tightest evidence).

        The key's string ("governing_law/0") names the type and the pattern's index in its file, which is
        what a reviewer's "why this type?" needs; `__call__` keeps only the strongest hit per span and type.
        """
        if self.phrase_matcher is None or self.matcher is None:
            return self.token_index(doc)  # it skips whitespace tokens itself
        target, index = _without_space(doc)
        found = [*self.phrase_matcher(target)]
        shortest: dict[tuple[int, int], int] = {}
        for key, start, end in self.matcher(target):
            if end < shortest.get((key, start), end + 1):
                shortest[(key, start)] = end
        found += [(key, start, end) for (key, start), end in shortest.items()]
        if index is None:
            return found
        return [(key, int(index[start]), int(index[end - 1]) + 1) for key, start, end in found]


@Language.factory("clause_patterns", default_config={"directory": None, "engine": "fast"})
def make_clause_patterns(nlp: Language, name: str, directory: str | None, engine: Engine) -> ClausePatterns:
    """spaCy factory: `nlp.add_pipe("clause_patterns", config={"directory": "path/to/clause-types"})`."""
    return ClausePatterns(nlp, name, load_taxonomy(Path(directory) if directory else None), engine)


def _without_space(doc: Doc) -> tuple[Doc, np.ndarray | None]:
    """The Doc without whitespace tokens, and the original index of each of its tokens (None: no copy needed).

    For spaCy's matchers only: building the copy costs more than the index takes to match.
    """
    if len(doc) == 0:
        return doc, None
    space = doc.to_array(["IS_SPACE"]).reshape(-1).astype(bool)
    if not space.any():
        return doc, None
    index = np.flatnonzero(~space)
    words = [doc[int(i)].text for i in index]
    return Doc(doc.vocab, words=words, spaces=[True] * len(words)), index


def pattern_scores(doc: Doc, spans: Sequence[tuple[int, int]], types: Sequence[str]) -> np.ndarray:
    """For each character span (start, end) and each type id, the weight of the strongest hit inside the span.

    A hit counts when it lies wholly inside [start, end); 0 when there is none. The result has shape
    (len(spans), len(types)), float32. Needs the `clause_patterns` component to have run on `doc`.

        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> _ = nlp.add_pipe("clause_patterns")
        >>> doc = nlp("Governing Law. This Agreement is governed by the laws of Delaware.")
        >>> pattern_scores(doc, [(0, 15), (15, len(doc.text))], ["governing_law"]).tolist()
        [[0.5], [0.949999988079071]]
    """
    out = np.zeros((len(spans), len(types)), dtype=np.float32)
    group = doc.spans.get(SPANS_KEY, [])
    if not len(spans) or not len(types) or not len(group):
        return out
    column = {type_id: j for j, type_id in enumerate(types)}
    hits = [
        (span.start_char, span.end_char, column[span.label_], span._.get(WEIGHT))
        for span in group
        if span.label_ in column
    ]
    if not hits:
        return out
    table = np.array(hits, dtype=np.float64)
    order = np.argsort(table[:, 0], kind="stable")
    starts, ends = table[order, 0], table[order, 1]
    columns, weights = table[order, 2].astype(np.intp), table[order, 3].astype(np.float32)
    bounds = np.asarray(spans, dtype=np.float64).reshape(-1, 2)
    # Hits starting inside each span: a contiguous run [first, last) of the start-sorted hits.
    first = np.searchsorted(starts, bounds[:, 0], "left")
    last = np.searchsorted(starts, bounds[:, 1], "left")
    counts = np.maximum(last - first, 0)
    total = int(counts.sum())
    if total == 0:
        return out
    # Every (span, hit) pair of those runs, flattened: rows repeat each span, hit indices count up per run.
    rows = np.repeat(np.arange(len(bounds)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    hit = np.repeat(first, counts) + offsets
    inside = ends[hit] <= bounds[rows, 1]
    rows, hit = rows[inside], hit[inside]
    np.maximum.at(out, (rows, columns[hit]), weights[hit])
    return out


# --- the token-pattern engine ------------------------------------------------------------------------------

_FLAGS = (
    "IS_ALPHA",
    "IS_DIGIT",
    "IS_PUNCT",
    "IS_SPACE",
    "IS_STOP",
    "LIKE_NUM",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_CURRENCY",
)
# spaCy's FUZZY comparison (a Cython module, hence looked up rather than imported for the type checker)
_levenshtein_compare: Callable[[str, str, int], bool] = importlib.import_module(
    "spacy.matcher.levenshtein"
).levenshtein_compare


class _Table:
    """One Doc's tokens as the index reads them, whitespace tokens left out (`kept`: their places in the Doc).

    Each token's word (LOWER) is also given as its place in the Doc's sorted vocabulary (`word_of`), so a
    test on words runs once per distinct word, and as its place in the index's word list (`codes`).
    """

    def __init__(self, doc: Doc, kept: np.ndarray, lower: np.ndarray, flags: np.ndarray, words: np.ndarray) -> None:
        self.strings: StringStore = doc.vocab.strings
        self.kept = kept
        self.size = len(kept)
        self.flags = flags  # the bits of the flags the patterns test, one int per token
        self.vocabulary = _unique(lower)
        self.word_of = np.searchsorted(self.vocabulary, lower)
        codes = np.searchsorted(words, self.vocabulary)
        known = codes < len(words)
        known[known] = words[codes[known]] == self.vocabulary[known]
        codes[~known] = len(words)
        self.codes = codes[self.word_of]
        self.columns: dict[str, np.ndarray] = {"LOWER": lower}
        self._doc = doc

    def column(self, name: str) -> np.ndarray:
        """One attribute of every token (computed on first use: most patterns need LOWER only)."""
        found = self.columns.get(name)
        if found is None:
            found = self.columns[name] = self._doc.to_array([name]).reshape(-1)[self.kept]
        return found


Check = Callable[[_Table, np.ndarray], np.ndarray]


@dataclass(frozen=True, slots=True)
class _Step:
    """One token of a pattern: what the token must be, and how often it repeats (spaCy's OP)."""

    low: int
    high: int
    negate: bool  # OP "!": exactly one token that fails the test
    words: frozenset[int] | None  # LOWER is one of these (None: any)
    not_words: frozenset[int]  # LOWER is none of these
    flags: tuple[tuple[str, bool], ...]  # ("IS_PUNCT", False), ...
    checks: tuple[Check, ...]  # the rest (REGEX, FUZZY, NORM, LENGTH): run only on the tokens matches reach


class TokenPatternIndex:
    """spaCy token patterns (the subset the clause-type schema allows), all matched together with numpy.

    A pattern becomes a chain of units that test one token each: a step with OP "{1,3}" is one required unit
    and two optional ones, and skipping an optional unit skips the rest of its step (so n tokens of a step
    are matched one way, not several). A match in progress is a (unit, start token) pair. Matches start at
    the tokens whose word a first unit accepts, found by one look-up of each token's word (or, for a first
    unit without words, at the tokens that pass its test); then every round, the pairs of all patterns test
    their next token at once and move on to the units that may follow. A word set is a row of a table indexed
    by word, so a test is a look-up, and each round costs a fixed number of numpy calls whatever the number
    of patterns.

    Whitespace tokens are skipped: a match may span them. Unbounded `*` and `+` repeat at most MAX_REPEAT.

        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> index = TokenPatternIndex([(1, [{"LOWER": "governed"}, {"OP": "{0,3}"}, {"LOWER": "law"}])])
        >>> index(nlp("It is governed by California law."))
        [(1, 2, 6)]
    """

    def __init__(self, patterns: Sequence[tuple[int, Sequence[Mapping[str, Any]]]]) -> None:
        chains = [[_step(dict(token)) for token in tokens] for _, tokens in patterns]
        self.keys = np.array([key for key, _ in patterns], dtype=np.uint64)
        steps = [step for chain in chains for step in chain]
        self._words = _hashes(frozenset().union(*((s.words or frozenset()) | s.not_words for s in steps)))
        self._flags = sorted({name for step in steps for name, _ in step.flags})

        # The units, pattern after pattern, each pattern closed by an end unit (None): reaching it is a match.
        units: list[_Step | None] = []
        pattern, optional, skip, firsts = [], [], [], []
        for number, chain in enumerate(chains):
            firsts.append(len(units))
            for step in chain:
                after = len(units) + step.high
                for copy in range(step.high):
                    units.append(step)
                    pattern.append(number)
                    optional.append(copy >= step.low)
                    skip.append(after)
            units.append(None)
            pattern.append(number)
            optional.append(False)
            skip.append(-1)
        # The units a match that stands before unit u may test next: u, and what follows u's step if u is optional.
        reach: list[list[int]] = [[] for _ in units]
        for unit in reversed(range(len(units))):
            reach[unit] = [unit, *reach[skip[unit]]] if optional[unit] else [unit]
        self._pattern = np.array(pattern, dtype=np.intp)
        self._end = np.array([step is None for step in units], dtype=bool)
        self._next = _Csr([reach[unit + 1] if step else [] for unit, step in enumerate(units)])

        # Each unit's test: a row of the word table, the flag bits it wants, other checks, and whether negated.
        rows: dict[tuple[frozenset[int] | None, frozenset[int]], int] = {}
        self._row = np.array(
            [
                rows.setdefault((step.words, step.not_words) if step else (None, frozenset()), len(rows))
                for step in units
            ],
            dtype=np.intp,
        )
        self._table = np.array([self._accepts(words, not_words) for words, not_words in rows], dtype=bool)
        bit = {name: 1 << number for number, name in enumerate(self._flags)}
        self._mask = np.array([sum(bit[name] for name, _ in step.flags) if step else 0 for step in units], np.int64)
        self._want = np.array(
            [sum(bit[name] for name, on in step.flags if on) if step else 0 for step in units], np.int64
        )
        self._negate = np.array([step is not None and step.negate for step in units], dtype=bool)
        self._checks = [step.checks if step else () for step in units]
        self._has_checks = np.array([bool(checks) for checks in self._checks], dtype=bool)

        # Where matches start: listed by word for the first units that need certain words; the other first
        # units are grouped by their test, which runs once per group on every token.
        by_code: list[list[int]] = [[] for _ in range(len(self._words) + 1)]
        anywhere: dict[tuple[Any, ...], list[int]] = {}
        for unit in (u for first in firsts for u in reach[first] if units[u] is not None):
            accepts = self._table[self._row[unit]]
            if accepts[-1] or self._negate[unit]:
                test = (self._row[unit], self._mask[unit], self._want[unit], self._negate[unit], self._checks[unit])
                anywhere.setdefault(test, []).append(unit)
            else:
                for code in np.flatnonzero(accepts).tolist():
                    by_code[code].append(unit)
        self._start = _Csr(by_code)
        self._anywhere = [np.array(group, dtype=np.intp) for group in anywhere.values()]

    def _accepts(self, words: frozenset[int] | None, not_words: frozenset[int]) -> np.ndarray:
        """A row of the word table: which words pass, by place in the word list (the last: words not listed)."""
        accepts = np.full(len(self._words) + 1, words is None)
        if words is not None:
            accepts[np.searchsorted(self._words, _hashes(words))] = True
        accepts[np.searchsorted(self._words, _hashes(not_words))] = False
        return accepts

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(key, start, end) of each pattern's shortest match from each start token, in `doc`'s positions."""
        if not len(doc) or not len(self.keys):
            return []
        columns = doc.to_array(["LOWER", "IS_SPACE", *self._flags])
        kept = np.flatnonzero(columns[:, 1] == 0)
        if not len(kept):
            return []
        columns = columns[kept]
        flags = columns[:, 2:].astype(np.int64) @ (1 << np.arange(len(self._flags), dtype=np.int64))
        table = _Table(doc, kept, columns[:, 0], flags, self._words)
        size = table.size

        units, starts = self._starts(table)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        length = 0  # tokens matched so far by every pair
        while len(units):
            inside = starts + length < size
            units, starts = units[inside], starts[inside]
            passed = self._passes(units, starts + length, table)
            units, starts = self._next.expand(units[passed], starts[passed])
            length += 1
            end = self._end[units]
            found.append((self._pattern[units[end]], starts[end], starts[end] + length))
            # Two ways through optional units can reach the same (unit, start): keep one.
            units, starts = np.divmod(_unique(units[~end] * size + starts[~end]), size)
        if not found:
            return []
        pattern, start, end = (np.concatenate(part) for part in zip(*found, strict=True))
        # Matches were found shortest first, so a stable sort puts each (pattern, start)'s shortest first.
        order = np.argsort(pattern * size + start, kind="stable")
        pattern, start, end = pattern[order], start[order], end[order]
        first = _run_starts(pattern * size + start)
        pattern, start, end = pattern[first], start[first], end[first]
        return list(zip(self.keys[pattern].tolist(), kept[start].tolist(), (kept[end - 1] + 1).tolist(), strict=True))

    def _starts(self, table: _Table) -> tuple[np.ndarray, np.ndarray]:
        """(unit, token) pairs where a match may start."""
        every = np.arange(table.size)
        units, starts = self._start.expand(table.codes, every)
        for group in self._anywhere:
            at = every[self._passes(np.full(table.size, group[0]), every, table)]
            units = np.concatenate((units, np.repeat(group, len(at))))
            starts = np.concatenate((starts, np.tile(at, len(group))))
        return units, starts

    def _passes(self, units: np.ndarray, at: np.ndarray, table: _Table) -> np.ndarray:
        """Whether the token at `at` passes the test of `units` (pairwise)."""
        passed = self._table[self._row[units], table.codes[at]]
        passed &= (table.flags[at] & self._mask[units]) == self._want[units]
        for unit in _unique(units[self._has_checks[units]]).tolist():
            here = units == unit
            for check in self._checks[unit]:
                passed[here] &= check(table, at[here])
        return passed ^ self._negate[units]


class _Csr:
    """Lists of unit numbers, one per row, flattened: `expand` follows many rows at once."""

    def __init__(self, rows: Sequence[Sequence[int]]) -> None:
        self.bounds = np.concatenate(([0], np.cumsum([len(row) for row in rows]))).astype(np.intp)
        self.items = np.array([item for row in rows for item in row], dtype=np.intp)

    def expand(self, rows: np.ndarray, payload: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The items of each of `rows`, and alongside each, the payload of its row."""
        first, counts = self.bounds[rows], self.bounds[rows + 1] - self.bounds[rows]
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        return self.items[np.repeat(first, counts) + offsets], np.repeat(payload, counts)


def _unique(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted; np.unique's hash table is many times slower than a sort at these sizes."""
    values = np.sort(values)
    return values[_run_starts(values)]


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array begins."""
    starts = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=starts[1:])
    return starts


def _hashes(words: frozenset[int]) -> np.ndarray:
    return np.array(sorted(words), dtype=np.uint64)


_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def _repeats(op: str | None) -> tuple[int, int, bool]:
    """(min, max, negate) for spaCy's OP."""
    if op is None:
        return 1, 1, False
    if op == "!":
        return 1, 1, True
    simple = {"?": (0, 1), "*": (0, MAX_REPEAT), "+": (1, MAX_REPEAT)}
    if op in simple:
        return (*simple[op], False)
    found = _REPEAT.fullmatch(op)
    if found is None:
        raise ValueError(f"unknown OP {op!r}")
    low_text, comma, high_text = found.groups()
    low = int(low_text) if low_text else 0
    high = int(high_text) if high_text else (MAX_REPEAT if comma else low)
    if high < low:
        raise ValueError(f"OP {op!r} repeats at least more often than at most")
    return low, min(high, max(low, MAX_REPEAT)), False


def _step(token: dict[str, Any]) -> _Step:
    low, high, negate = _repeats(token.pop("OP", None))
    words: frozenset[int] | None = None
    not_words: frozenset[int] = frozenset()
    flags: list[tuple[str, bool]] = []
    checks: list[Check] = []
    for attribute, value in token.items():
        if attribute == "LOWER":
            words, not_words, more = _string_tests(attribute, value)
            checks += more
        elif attribute == "NORM":
            checks += _string_tests(attribute, value)[2]
        elif attribute == "LENGTH":
            checks.append(_length_check(value))
        elif attribute in _FLAGS:
            flags.append((attribute, bool(value)))
        else:
            raise ValueError(f"token attribute {attribute!r} is not supported")
    return _Step(low, high, negate, words, not_words, tuple(flags), tuple(checks))


def _string_tests(attribute: str, value: Any) -> tuple[frozenset[int] | None, frozenset[int], list[Check]]:
    """The tests of a LOWER or NORM value: the words it must be (None: any) and must not be, for the word
    table, and checks for the rest. NORM, rare, has no word table: its word sets are checks too."""
    spec: Mapping[str, Any] = {"IN": [value]} if isinstance(value, str) else value
    words: frozenset[int] | None = None
    not_words: frozenset[int] = frozenset()
    checks: list[Check] = []
    for operator, argument in spec.items():
        if operator in ("IN", "NOT_IN"):
            hashes = frozenset(get_string_id(word) for word in argument)
            if attribute == "NORM":
                checks.append(_set_check(attribute, _hashes(hashes), operator == "NOT_IN"))
            elif operator == "IN":
                words = hashes
            else:
                not_words = hashes
        elif operator == "REGEX":
            checks.append(_cached_check(attribute, _regex_test(re.compile(argument))))
        elif operator == "FUZZY":
            checks.append(_cached_check(attribute, _fuzzy_test(str(argument))))
        else:
            raise ValueError(f"{attribute} operator {operator!r} is not supported")
    return words, not_words, checks


def _regex_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(text) is not None


def _fuzzy_test(word: str) -> Callable[[str], bool]:
    """spaCy's FUZZY: equal, or within the default edit distance (-1: chosen from the word's length)."""
    return lambda text: text == word or bool(_levenshtein_compare(text, word, -1))


def _set_check(attribute: str, hashes: np.ndarray, negate: bool) -> Check:
    def check(table: _Table, at: np.ndarray) -> np.ndarray:
        found = np.isin(table.column(attribute)[at], hashes)
        return ~found if negate else found

    return check


def _cached_check(attribute: str, test: Callable[[str], bool]) -> Check:
    """A test on the text of a token, run once per distinct word (words repeat a lot)."""
    memo: dict[int, bool] = {}  # kept from Doc to Doc

    def check(table: _Table, at: np.ndarray) -> np.ndarray:
        if attribute == "LOWER":  # the Doc's words are numbered already
            words, place = table.vocabulary, table.word_of[at]
        else:
            words, place = np.unique(table.column(attribute)[at], return_inverse=True)
        reached = _unique(place)
        hashes = words[reached].tolist()
        memo.update((word, test(table.strings[word])) for word in set(hashes).difference(memo))
        results = np.zeros(len(words), dtype=bool)
        results[reached] = list(map(memo.__getitem__, hashes))
        return results[place]

    return check


def _length_check(value: Any) -> Check:
    comparisons = {
        "==": np.equal,
        "!=": np.not_equal,
        ">=": np.greater_equal,
        "<=": np.less_equal,
        ">": np.greater,
        "<": np.less,
    }
    wanted = {"==": value} if isinstance(value, int) else dict(value)

    def check(table: _Table, at: np.ndarray) -> np.ndarray:
        lengths = table.column("LENGTH")[at].astype(np.int64)
        ok = np.ones(len(at), dtype=bool)
        for operator, number in wanted.items():
            ok &= comparisons[operator](lengths, number)
        return ok

    return check
