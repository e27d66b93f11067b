"""Finding a rule's text patterns in a contract, one sentence at a time, without scanning it once per pattern.

Rules say what they look for as regular expressions (case-insensitive), with {city} and {vendor} standing
for the many words contracts use for the parties. A review runs a few hundred of them over a contract of
up to a few hundred pages, so each pattern carries the literal words any match must contain (its
anchors, worked out from the parsed expression): only the sentences holding a word of every anchor set
are searched.

>>> pattern = compile_pattern(r"{city} (shall|will) indemnify")
>>> [sorted(words) for words in pattern.anchors][1:]
[['shall', 'will'], ['indemnify']]
>>> text = SentenceIndex("Customer shall indemnify Provider. Provider shall indemnify Customer.", [(0, 69)])
>>> [text.sentence_text(i) for i in text.matching(pattern)]
['Customer shall indemnify Provider.']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

from review.extract.candidates import sentence_spans
from review.extract.values import trie_alternation

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
    name: r"\b(?:the\s+)?(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?:['’]s)?\b"
    for name, words in (("city", CITY_WORDS), ("vendor", VENDOR_WORDS))
}
# A look-ahead over the rest of the sentence is retried at every position: slow, and `all` / `unless` say it
# more plainly. "Over the rest of the sentence": an unbounded repeat of any character inside a look-around.
_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_UNBOUNDED_ANY = re.compile(r"(?:\.|\[\\s\\S\]|\[\\S\\s\]|\[\^[^\]]*\])[*+]")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*)\}")  # {city}, not a quantifier like {3}
_WORD = re.compile(r"\w+")
_NOWHERE: frozenset[int] = frozenset()
EVERYWHERE: frozenset[int] = frozenset({-1})  # stands for "in too many sentences to be worth filtering on"
MAX_FIRST_CHARACTERS = 20
MIN_ANCHOR = 3  # shorter literals ("or", "of") are in every sentence: no use as a filter


@dataclass(frozen=True, slots=True)
class TextPattern:
    source: str  # as the rule writes it
    regex: re.Pattern[str]
    anchors: tuple[frozenset[str], ...]  # every match contains a word of each set; () when nothing is certain


def compile_pattern(source: str) -> TextPattern:
    """Compile a rule's pattern; ValueError (with the reason) for a bad expression or an unknown {name}."""
    for name in _PLACEHOLDER.findall(source):
        if name not in PLACEHOLDERS:
            raise ValueError(f"unknown placeholder {{{name}}}; use {{city}} or {{vendor}}")
    if any(_UNBOUNDED_ANY.search(_group_body(source, match.end())) for match in _LOOKAROUND.finditer(source)):
        raise ValueError(
            "a look-ahead over the sentence ('(?=.*...)', '(?![\\s\\S]*...)') is slow and hard to read; "
            "put a word that must also be in the sentence under `all:`, and one that must not under `unless:`"
        )
    expanded = _PLACEHOLDER.sub(lambda match: PLACEHOLDERS[match.group(1)], source)
    expanded = _spaces(expanded)
    try:
        parsed = sre_parse.parse(expanded, re.IGNORECASE)
        first = _first_characters(list(parsed))
        if first and len(first) <= MAX_FIRST_CHARACTERS and not _starts_at_beginning(parsed):
            # a cheap look at one character before trying the pattern at each place: about twice as fast
            expanded = f"(?=[{''.join(map(re.escape, sorted(first)))}])(?:{expanded})"
        regex = re.compile(expanded, re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"not a valid regular expression ({error})") from None
    return TextPattern(source, regex, tuple(dict.fromkeys(_anchors(parsed))))


def _starts_at_beginning(parsed: Iterable[tuple[object, object]]) -> bool:
    items = list(parsed)
    return bool(items) and items[0][0] is sre.AT and items[0][1] is sre.AT_BEGINNING


def _first_characters(items: list[tuple[object, object]]) -> set[str] | None:
    """The lower-case characters a match can start with; None when any character could (or it may be empty)."""
    found = _first(items)
    return None if found is None or found[1] else found[0]


def _first(items: list[tuple[object, object]]) -> tuple[set[str], bool] | None:
    """(first characters, whether the sequence can match nothing) of a parsed sequence; None if unknown."""
    chars: set[str] = set()
    for op, argument in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: says nothing about the first character consumed
        if op is sre.LITERAL:
            return chars | {chr(argument).lower()}, False  # type: ignore[arg-type]
        if op is sre.IN:
            members = _class_members(argument)  # type: ignore[arg-type]
            return (chars | members, False) if members is not None else None
        if op is sre.SUBPATTERN:
            inner = _first(list(argument[-1]))  # type: ignore[index]
        elif op is sre.BRANCH:
            branches = [_first(list(branch)) for branch in argument[1]]  # type: ignore[index]
            if any(branch is None for branch in branches):
                return None
            inner = (set().union(*(b[0] for b in branches)), any(b[1] for b in branches))  # type: ignore[index]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = cast(tuple[int, int, Any], argument)
            repeated = _first(list(body))
            inner = None if repeated is None else (repeated[0], repeated[1] or low == 0)
        else:
            return None  # any character, a category such as \w, a back-reference
        if inner is None:
            return None
        chars |= inner[0]
        if not inner[1]:
            return chars, False
    return chars, True


def _class_members(members: list[tuple[object, object]]) -> set[str] | None:
    found: set[str] = set()
    for op, argument in members:
        if op is sre.LITERAL:
            found.add(chr(argument).lower())  # type: ignore[arg-type]
        elif op is sre.RANGE and argument[1] - argument[0] <= MAX_FIRST_CHARACTERS:  # type: ignore[index]
            found |= {chr(c).lower() for c in range(argument[0], argument[1] + 1)}  # type: ignore[index]
        else:
            return None
    return found


def _group_body(pattern: str, start: int) -> str:
    """The text of a group from `start` (just after its opening) to its closing parenthesis."""
    depth, escaped = 1, False
    for i in range(start, len(pattern)):
        character = pattern[i]
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return pattern[start:i]
    return pattern[start:]


def _spaces(pattern: str) -> str:
    """Contracts break lines and double spaces anywhere: a space matches any run of white space.

    A space before a quantifier ("a ?b") stays one optional white-space character, and a space inside a
    character class or after a backslash is left as written.
    """
    out: list[str] = []
    in_class = escaped = False
    for i, character in enumerate(pattern):
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == "[" and not in_class:
            in_class = True
        elif character == "]" and in_class:
            in_class = False
        elif character == " " and not in_class:
            following = pattern[i + 1 : i + 2]
            out.append(r"\s" if following and following in "?*+{" else r"\s+")
            continue
        out.append(character)
    return "".join(out)


def _anchors(parsed: Iterable[tuple[object, object]]) -> list[frozenset[str]]:
    """Sets of lower-case literals such that any match contains a word of every set (all of them required)."""
    required: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if len(run) >= MIN_ANCHOR:
            required.append(frozenset({"".join(run).lower()}))
        run.clear()

    for op, argument in parsed:
        if op is sre.LITERAL:
            run.append(chr(argument))  # type: ignore[arg-type]
            continue
        if op is sre.BRANCH and run:
            # "make|makes|made" is parsed as "ma" + (ke|kes|de): put the shared start back on each alternative
            leads = ["".join(run) + _leading_literals(branch) for branch in argument[1]]  # type: ignore[index]
            if min(map(len, leads)) >= MIN_ANCHOR and len("".join(run)) < MIN_ANCHOR:
                required.append(frozenset(lead.lower() for lead in leads))
                run.clear()
                continue
        close_run()
        if op is sre.SUBPATTERN:
            required += _anchors(argument[-1])  # type: ignore[index]
        elif op is sre.BRANCH:
            # a branch requires one word from the most selective set of whichever alternative matched
            choices = [_most_selective(_anchors(branch)) for branch in argument[1]]  # type: ignore[index]
            if all(choices):
                required.append(frozenset().union(*choices))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and argument[0] >= 1:  # type: ignore[index]
            required += _anchors(argument[2])  # type: ignore[index]
    close_run()
    return required


def _leading_literals(items: Iterable[tuple[object, object]]) -> str:
    lead = []
    for op, argument in items:
        if op is not sre.LITERAL:
            break
        lead.append(chr(argument))  # type: ignore[arg-type]
    return "".join(lead)


def _most_selective(sets: list[frozenset[str]]) -> frozenset[str] | None:
    """Longer words are rarer: the set whose shortest word is longest, fewer words breaking ties."""
    return max(sets, key=lambda words: (min(len(word) for word in words), -len(words))) if sets else None


@dataclass(frozen=True)
class Vocabulary:
    """Every anchor word of a rule set, found in a document's tokens in one pass of one prefix-tree pattern."""

    words: frozenset[str]
    regex: re.Pattern[str]
    prefixes: Mapping[str, tuple[str, ...]]  # the anchor words a found word starts with, itself included

    @classmethod
    def of(cls, patterns: Iterable[TextPattern]) -> Vocabulary:
        words = frozenset(w for p in patterns for words in p.anchors for w in words if _WORD.fullmatch(w))
        prefixes = {w: tuple(w[:k] for k in range(MIN_ANCHOR, len(w) + 1) if w[:k] in words) for w in words}
        return cls(words, re.compile(trie_alternation(words) if words else "(?!)"), prefixes)

    def sentences(
        self, joined: str, starts: Sequence[int], sentences: Sequence[list[int]], count: int
    ) -> dict[str, frozenset[int]]:
        """For each anchor word in the document's tokens (`joined`, each token starting at `starts`), the
        sentences holding it (of `count`); overlapping occurrences included."""
        tokens: dict[str, set[int]] = {}
        search = self.regex.search
        match = search(joined)
        while match is not None:
            at = match.start()
            k = bisect.bisect_right(starts, at) - 1
            for word in self.prefixes[match.group()]:
                tokens.setdefault(word, set()).add(k)
            match = search(joined, at + 1)
        # a word in most sentences ("the", "shall") filters nothing: marked EVERYWHERE instead of collected
        common = count // 2
        found: dict[str, frozenset[int]] = {}
        for word, ks in tokens.items():
            if sum(len(sentences[k]) for k in ks) > common:
                found[word] = EVERYWHERE
            else:
                found[word] = frozenset().union(*(sentences[k] for k in ks))
        return found


@dataclass
class SentenceIndex:
    """A document's text cut into sentences within its clauses, with each pattern's matching sentences cached."""

    text: str
    clause_spans: Sequence[tuple[int, int]]
    vocabulary: Vocabulary | None = None  # the rule set's anchor words, found in one pass
    spans: list[tuple[int, int]] = field(init=False)
    clause_of: list[int] = field(init=False)  # per sentence, the index of its clause
    _lower: str | None = field(init=False)
    _starts: list[int] = field(init=False)
    _cache: dict[str, frozenset[int]] = field(init=False, default_factory=dict)
    _word_cache: dict[str, frozenset[int]] = field(init=False, default_factory=dict)
    _set_cache: dict[frozenset[str], frozenset[int]] = field(init=False, default_factory=dict)
    _candidate_cache: dict[str, frozenset[int]] = field(init=False, default_factory=dict)
    _test_cache: dict[tuple[str, int], bool] = field(init=False, default_factory=dict)
    _token_index: _Tokens | None = field(init=False, default=None)

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

    def sentence_at(self, offset: int) -> int | None:
        """The sentence holding the character at `offset`, if any."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.spans[i][1] else None

    def sentence_text(self, index: int) -> str:
        start, end = self.spans[index]
        return self.text[start:end]

    def matching(self, pattern: TextPattern) -> frozenset[int]:
        """The sentences in which the pattern matches."""
        cached = self._cache.get(pattern.source)
        if cached is None:
            cached = frozenset(i for i in self.candidates(pattern) if self.test(pattern, i))
            self._cache[pattern.source] = cached
        return cached

    def candidates(self, pattern: TextPattern) -> frozenset[int]:
        """The sentences the pattern may match in (those holding its anchors), cheap to compute."""
        cached = self._candidate_cache.get(pattern.source)
        if cached is None:
            cached = frozenset(self._candidates(pattern))
            self._candidate_cache[pattern.source] = cached
        return cached

    def test(self, pattern: TextPattern, index: int) -> bool:
        """Whether the pattern matches in sentence `index` (each pair searched once)."""
        key = (pattern.source, index)
        found = self._test_cache.get(key)
        if found is None:
            found = index in self.candidates(pattern) and pattern.regex.search(self.sentence_text(index)) is not None
            self._test_cache[key] = found
        return found

    def _candidates(self, pattern: TextPattern) -> Iterable[int]:
        if not pattern.anchors or self._lower is None:
            return range(len(self.spans))
        found: frozenset[int] | None = None
        for words in sorted(pattern.anchors, key=len):  # a match holds a word of every set
            having = self._set_cache.get(words)
            if having is None:
                parts = [self._sentences_with(word) for word in words]
                having = EVERYWHERE if any(p is EVERYWHERE for p in parts) else frozenset().union(*parts)
                self._set_cache[words] = having
            if having is EVERYWHERE:
                continue
            found = having if found is None else found & having
            if not found:
                break
        return range(len(self.spans)) if found is None else found

    def _sentences_with(self, word: str) -> frozenset[int]:
        """The sentences containing `word` (as a substring of the lower-cased text), cached per word.

        A word of letters and digits lies inside one token, so it is looked for in the list of the
        document's distinct tokens rather than at each of its occurrences in the text: for the rule set's
        own anchor words all at once, for others one by one.
        """
        cached = self._word_cache.get(word)
        if cached is None:
            if _WORD.fullmatch(word):
                tokens = self._tokens()
                if word in tokens.vocabulary:
                    cached = tokens.by_word.get(word, _NOWHERE)
                else:
                    found: set[int] = set()
                    for at in _find_all(tokens.joined, word):
                        found.update(tokens.sentences[bisect.bisect_right(tokens.starts, at) - 1])
                    cached = frozenset(found)
            else:
                cached = frozenset(self._scan(word))
            self._word_cache[word] = cached
        return cached

    def _scan(self, word: str) -> set[int]:
        """The sentences holding `word` found in the whole text (a word with punctuation in it)."""
        assert self._lower is not None
        found = set()
        for at in _find_all(self._lower, word):
            i = self.sentence_at(at)
            if i is not None and at + len(word) <= self.spans[i][1]:
                found.add(i)
        return found

    def _tokens(self) -> _Tokens:
        if self._token_index is None:
            assert self._lower is not None
            by_token: dict[str, list[int]] = {}
            for i, (start, end) in enumerate(self.spans):
                for token in set(_WORD.findall(self._lower, start, end)):
                    holding = by_token.get(token)
                    if holding is None:
                        by_token[token] = [i]
                    else:
                        holding.append(i)
            names = list(by_token)
            starts, at = [], 0
            for name in names:
                starts.append(at)
                at += len(name) + 1
            joined = "\n".join(names)
            sentences = [by_token[name] for name in names]
            vocabulary = self.vocabulary
            by_word = vocabulary.sentences(joined, starts, sentences, len(self.spans)) if vocabulary else {}
            self._token_index = _Tokens(
                joined, starts, sentences, by_word, vocabulary.words if vocabulary else frozenset()
            )
        return self._token_index


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A document's distinct tokens joined by newlines, where each starts, and the sentences holding each."""

    joined: str
    starts: list[int]
    sentences: list[list[int]]
    by_word: dict[str, frozenset[int]]  # the rule set's anchor words found in the document, and their sentences
    vocabulary: frozenset[str]  # the words by_word was computed for (a word missing from it is nowhere)


def _find_all(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)
