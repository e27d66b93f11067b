import re

import pytest

from review.policy.text import SentenceIndex, compile_pattern

TEXT = (
    "1. Indemnity. Customer shall defend, indemnify and hold harmless Provider from claims. "
    "Provider shall indemnify the City against infringement.\n\n"
    "2. Term. This Agreement renews automatically for successive one-year periods unless either party "
    "gives notice of non-renewal at least ninety (90) days before the end of the term. "
    "THE SERVICE IS PROVIDED AS IS."
)
CLAUSES = [(0, TEXT.index("2. Term")), (TEXT.index("2. Term"), len(TEXT))]
PATTERNS = [
    "{city} (shall|will) (defend|indemnify)",
    "{vendor} shall indemnify",
    "non-?renewal",
    r"\bas is\b",
    "renew(s|al)? (automatically|unless)",
    "(successive|additional) (one-year|\\w+) periods?",
    "(notice|written notice) of (non-renewal|termination)",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_pattern_anchors_find_the_same_sentences_as_searching_every_one(source: str) -> None:
    pattern = compile_pattern(source)
    index = SentenceIndex(TEXT, CLAUSES)
    everywhere = {i for i in range(len(index)) if pattern.regex.search(index.sentence_text(i))}
    assert index.matching(pattern) == everywhere
    assert everywhere, "each pattern matches something in the text"


def test_pattern_city_and_vendor_stand_for_the_parties_words() -> None:
    index = SentenceIndex(TEXT, CLAUSES)
    city_indemnifies = index.matching(compile_pattern("{city} shall defend"))
    assert [index.sentence_text(i)[:17] for i in city_indemnifies] == ["Customer shall de"]


def test_pattern_space_matches_line_breaks() -> None:
    assert compile_pattern("hold harmless").regex.search("hold\n  harmless")


def test_pattern_anchors_are_the_words_every_match_contains() -> None:
    anchors = compile_pattern("{city} (shall|will) indemnify").anchors
    assert anchors[1:] == (frozenset({"shall", "will"}), frozenset({"indemnify"}))
    assert "customer" in anchors[0]
    assert compile_pattern("governed by|governing law").anchors == (frozenset({"govern"}),)
    assert compile_pattern("a(b|c)?d").anchors == ()


def test_pattern_scanning_lookahead_is_refused_with_the_fix() -> None:
    with pytest.raises(ValueError, match="under `all:`"):
        compile_pattern("(?=.*within).*fix")


@pytest.mark.parametrize(("source", "message"), [("{cty} shall", "unknown placeholder"), ("(unclosed", "not a valid")])
def test_pattern_errors(source: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        compile_pattern(source)


def test_sentence_index_keeps_each_sentence_in_its_clause() -> None:
    index = SentenceIndex(TEXT, CLAUSES)
    assert set(index.clause_of) == {0, 1}
    for i, (start, end) in enumerate(index.spans):
        clause_start, clause_end = CLAUSES[index.clause_of[i]]
        assert clause_start <= start < end <= clause_end
    assert re.search("AS IS", index.sentence_text(len(index) - 1))
