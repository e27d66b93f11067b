"""Candidate spans: sentences, sections, dates and names, with their offsets into the document text."""

import pytest

from review.extract.candidates import DATE, candidates, sentence_spans
from review.ingest import read_bytes
from review.segment import segment


def test_sentence_spans_do_not_break_after_abbreviations_or_initials() -> None:
    text = "Acme Inc. shall pay the U.S. fees. See Sec. 4 below. J. Smith signs; and Mr. Jones approves."
    pieces = [text[a:b] for a, b in sentence_spans(text)]
    assert pieces == [
        "Acme Inc. shall pay the U.S. fees.",
        "See Sec. 4 below.",
        "J. Smith signs; and Mr. Jones approves.",
    ]


def test_sentence_spans_keep_a_closing_quote_and_offsets() -> None:
    text = 'The term "Fees" means the fees." Next sentence here.'
    spans = sentence_spans(text, base=100)
    assert [text[a - 100 : b - 100] for a, b in spans] == ['The term "Fees" means the fees."', "Next sentence here."]


@pytest.mark.parametrize(
    "text",
    [
        "March 1, 2018",
        "the 1st day of March, 2018",
        "1 March 2018",
        "September ___, 2019",
        "03/01/2018",
        "2018-03-01",
        "April 2013",
    ],
)
def test_date_pattern_finds_the_forms_contracts_use(text: str) -> None:
    match = DATE.search(f"dated as of {text} by and between")
    assert match is not None and match.group(0).strip(", ") in text


def test_candidates_cover_clauses_sentences_sections_dates_and_names() -> None:
    document = read_bytes(
        b"MASTER SERVICES AGREEMENT\n\n"
        b"This Master Services Agreement is made on March 1, 2018 between Acme Inc. and the City.\n\n"
        b"1. Term\n\n1.1 The term is one year. It renews for one year.\n\n1.2 Either party may end it.\n\n"
        b"2. Law\n\nThis Agreement is governed by the laws of California.\n",
        path="msa.txt",
    )
    clauses = segment(document)
    found = candidates(document, clauses)
    kinds = {c.kind for c in found}
    assert {"clause", "sentence", "section", "date", "title"} <= kinds
    texts = {(c.kind, document.text[c.start : c.end]) for c in found}
    assert ("date", "March 1, 2018") in texts
    assert ("sentence", "It renews for one year.") in texts
    assert any(kind == "title" and "Master Services Agreement" in text for kind, text in texts)
    assert all(0 <= c.start < c.end <= len(document.text) for c in found)
