"""Finding a rule's text patterns in a contract, one sentence at a time, without scanning it once per pattern.

Rules say what they look for as regular expressions (case-insensitive), with {city} and {vendor} standing
for the many words contracts use for the parties. A review runs a few hundred of them over a contract of
up to a few hundred pages, so each pattern carries the literal words any match must contain (its
anchors, worked out from the parsed expression): only the sentences holding an anchor are searched.

>>> pattern = compile_pattern(r"{city} (shall|will) indemnify")
>>> sorted(pattern.anchors or ())
['indemnify']
>>> text = SentenceIndex("Customer shall indemnify Provider. Provider shall indemnify Customer.", [(0, 69)])
>>> [text.sentence_text(i) for i in text.matching(pattern)]
['Customer shall indemnify Provider.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from review.extract.candidates import sentence_spans

# The words contracts use for each side. A defined term outside these lists ("Acme" as the vendor's name) is
# not recognised; rules then match on the verbs and objects around it.
CITY_WORDS = (
    "the city", "city", "the county", "county", "customer", "licensee", "subscriber", "client", "you", "agency",
    "buyer", "purchaser", "the department", "owner", "government", "public entity", "user", "end user",
)  # fmt: skip
VENDOR_WORDS = (
    "provider", "service provider", "vendor", "licensor", "company", "supplier", "contractor", "consultant",
    "seller", "we", "us", "developer", "reseller", "partner", "the service provider", "saas provider",
)  # fmt: skip
PLACEHOLDERS = {
    "city": r"(?:the\s+)?(?:" + "|".join(sorted(CITY_WORDS, key=len, reverse=True)) + r")(?:'s)?",
    "vendor": r"(?:the\s+)?(?:" + "|".join(sorted(VENDOR_WORDS, key=len, reverse=True)) + r")(?:'s)?",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
MIN_ANCHOR = 3  # shorter literals ("or", "of") are in every sentence: no use as a filter


@dataclass(frozen=True, slots=True)
class TextPattern:
    source: str  # as the rule writes it
    regex: re.Pattern[str]
    anchors: frozenset[str] | None  # lower-case words one of which every match contains; None: no filter


def compile_pattern(source: str) -> TextPattern:
    """Compile a rule's pattern; ValueError (with the reason) for a bad expression or an unknown {name}."""
    for name in _PLACEHOLDER.findall(source):
        if name not in PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {{{name}}}; use {{city}} or {{vendor}}")
    expanded = _PLACEHOLDER.sub(lambda match: PLACEHOLDERS[match.group(1)], source)
    # contracts break lines and double spaces anywhere: a space in a pattern matches any run of white space
    expanded = re.sub(r"(?<!\\) ", r"\\s+", expanded)
    try:
        regex = re.compile(expanded, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"not a valid regular expression ({error})") from None
    parsed = sre_parse.parse(expanded, re.IGNORECASE)
    anchors = _anchors(parsed)
    return TextPattern(source, regex, frozenset(anchors) if anchors else None)


def _anchors(parsed: Iterable[tuple[object, object]]) -> set[str] | None:
    """Literal strings one of which any match must contain; the most selective choice along a sequence."""
    choices: list[set[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if len(run) >= MIN_ANCHOR:
            choices.append({"".join(run).lower()})
        run.clear()

    for op, argument in parsed:
        if op is sre.LITERAL:
            run.append(chr(argument))  # type: ignore[arg-type]
            continue
        close_run()
        inner: set[str] | None = None
        if op is sre.SUBPATTERN:
            inner = _anchors(argument[-1])  # type: ignore[index]
        elif op is sre.BRANCH:
            branches = [_anchors(branch) for branch in argument[1]]  # type: ignore[index]
            inner = set().union(*branches) if all(branches) else None  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:  # type: ignore[index]
            inner = _anchors(argument[2])  # type: ignore[index]
        if inner:
            choices.append(inner)
    close_run()
    if not choices:
        return None
    return max(choices, key=lambda words: (min(len(word) for word in words), -len(words)))


@dataclass
class SentenceIndex:
    """A document's text cut into sentences within its clauses, with each pattern's matching sentences cached."""

    text: str
    clause_spans: Sequence[tuple[int, int]]
    spans: list[tuple[int, int]] = field(init=False)
    clause_of: list[int] = field(init=False)  # per sentence, the index of its clause
    _lower: str | None = field(init=False)
    _starts: list[int] = field(init=False)
    _cache: dict[str, frozenset[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.spans, self.clause_of = [], []
        for k, (start, end) in enumerate(self.clause_spans):
            for span in sentence_spans(self.text[start:end], start):
                if span[1] > span[0]:
                    self.spans.append(span)
                    self.clause_of.append(k)
        lower = self.text.lower()
        self._lower = lower if len(lower) == len(self.text) else None  # offsets must line up to use anchors
        self._starts = [start for start, _ in self.spans]

    def __len__(self) -> int:
        return len(self.spans)

    def sentence_text(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def matching(self, pattern: TextPattern) -> frozenset[int]:
        """The sentences in which the pattern matches."""
        cached = self._cache.get(pattern.source)
        if cached is None:
            cached = frozenset(i for i in self._candidates(pattern) if pattern.regex.search(self.sentence_text(i)))
            self._cache[pattern.source] = cached
        return cached

    def first_match(self, pattern: TextPattern, index: int) -> tuple[int, int] | None:
        """Where the pattern matches in sentence `index`, as document offsets."""
        start = self.spans[index][0]
        match = pattern.regex.search(self.sentence_text(index))
        return (start + match.start(), start + match.end()) if match else None

    def _candidates(self, pattern: TextPattern) -> Iterable[int]:
        if pattern.anchors is None or self._lower is None:
            return range(len(self.spans))
        found: set[int] = set()
        for anchor in pattern.anchors:
            at = self._lower.find(anchor)
            while at != -1:
                i = bisect.bisect_right(self._starts, at) - 1
                if i >= 0 and at + len(anchor) <= self.spans[i][1]:
                    found.add(i)
                    at = self._lower.find(anchor, self.spans[i][1])  # the rest of this sentence is decided
                else:
                    at = self._lower.find(anchor, at + 1)
        return sorted(found)
