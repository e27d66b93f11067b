import itertools

from review.ingest import read_bytes
from review.segment import segment

CONTRACT = """MASTER SERVICES AGREEMENT

This Master Services Agreement is made between the City of San Rafael ("City") and Acme Software Inc. ("Vendor").

WHEREAS the City wishes to buy software services;

NOW, THEREFORE, the parties agree as follows:

ARTICLE 1 DEFINITIONS

"Services" means the hosted software described in Exhibit A.

"Data" means all information the City provides.

ARTICLE 2 TERM

2.1 Term. This Agreement begins on the Effective Date and lasts three (3) years.

2.2 Renewal. The Agreement renews for one-year terms unless either party gives notice:

(a) sixty (60) days before the end of the term; or

(b) as the parties otherwise agree, where:

(i) the notice is in writing; and

(ii) the notice is signed.

(c) Nothing here limits Section 9.

This paragraph explains Section 2.2 further.

2.3 Limitation of Liability. Vendor's liability is capped at fees paid in the twelve (12) months before the claim.

IN WITNESS WHEREOF, the parties sign below.

By: ____________
Name: Jane Doe
Title: City Manager

EXHIBIT A - SERVICES

The Services are the permit portal.
"""


def _clauses():
    document = read_bytes(CONTRACT.encode(), path="msa.txt")
    return document, segment(document)


def test_segment_keeps_offsets_exact() -> None:
    document, clauses = _clauses()
    assert clauses
    for clause in clauses:
        assert document.text[clause.start : clause.end] == clause.text
    starts = [c.start for c in clauses]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(clauses))


def test_segment_composes_outline_numbers_as_printed() -> None:
    _, clauses = _clauses()
    numbers = [c.number for c in clauses if c.kind == "section"]
    assert "2.1" in numbers
    assert "2.2(a)" in numbers
    assert "2.2(b)(i)" in numbers
    assert "2.2(b)(ii)" in numbers
    assert "2.2(c)" in numbers
    assert "2.3" in numbers


def test_segment_reads_i_after_h_as_a_letter() -> None:
    items = "\n\n".join(f"({letter}) item {letter};" for letter in "abcdefghij")
    clauses = segment(read_bytes(f"1. Duties. The Vendor shall:\n\n{items}\n".encode(), path="x.txt"))
    assert [c.number for c in clauses][-3:] == ["1(h)", "1(i)", "1(j)"]


def test_segment_reads_a_number_that_fits_nowhere_in_the_outline_as_text() -> None:
    raw = (
        "1. Definitions\n\n1.1 Terms. Words used in this Agreement have the meanings in Section\n"
        "13.2 below, and\n\n1.2 Other. More words.\n\n(a) first;\n\n(b) second, within thirty\n\n(60) days.\n"
    )
    clauses = segment(read_bytes(raw.encode(), path="x.txt"))
    assert [c.number for c in clauses] == ["1", "1.1", "1.2", "1.2(a)", "1.2(b)"]
    assert clauses[1].text.endswith("13.2 below, and")
    assert clauses[-1].text.endswith("(60) days.")


def test_segment_finds_run_in_headings() -> None:
    _, clauses = _clauses()
    by_number = {c.number: c for c in clauses}
    assert by_number["2.1"].heading == "Term"
    assert by_number["2.3"].heading == "Limitation of Liability"


def test_segment_recognises_preamble_recitals_definitions_signature_and_exhibits() -> None:
    _, clauses = _clauses()
    kinds = {c.kind for c in clauses}
    assert {"preamble", "recital", "definition", "signature", "exhibit"} <= kinds
    definitions = [c.heading for c in clauses if c.kind == "definition"]
    assert definitions == ["Services", "Data"]
    signature = next(c for c in clauses if c.kind == "signature")
    assert "Title: City Manager" in signature.text
    exhibit = next(c for c in clauses if c.kind == "exhibit")
    assert exhibit.number == "EXHIBIT A"
    assert exhibit.heading == "SERVICES"


def test_segment_lets_an_unnumbered_paragraph_keep_its_section_number() -> None:
    _, clauses = _clauses()
    follow_on = next(c for c in clauses if c.text.startswith("This paragraph explains"))
    assert follow_on.number == "2.2(c)"


def test_segment_joins_a_lead_in_ending_with_a_colon() -> None:
    document = read_bytes(b"1. Fees. The City pays:\n\nfees monthly in arrears.\n", path="x.txt")
    clauses = segment(document)
    assert len(clauses) == 1
    assert clauses[0].text.endswith("in arrears.")


def test_segment_keeps_a_table_of_contents_out_of_the_outline() -> None:
    raw = (
        "TABLE OF CONTENTS\n\n1. Definitions ........................ 1\n\n2. Term ........................ 3\n\n"
        "EXHIBIT A - Services\n\n"
        "1. Definitions\n\n1.1 Terms. Capitalised words are defined here.\n\n2. Term\n\n2.1 Start. It starts today.\n"
    )
    clauses = segment(read_bytes(raw.encode(), path="toc.txt"))
    contents = clauses[0]
    assert contents.kind == "contents"
    assert "EXHIBIT A - Services" in contents.text
    assert [c.number for c in clauses[1:]] == ["1", "1.1", "2", "2.1"]
    assert [c.kind for c in clauses[1:]] == ["heading", "section", "heading", "section"]


def test_segment_keeps_numbered_parties_and_recitals_in_the_preamble() -> None:
    raw = (
        "THIS AGREEMENT is made on 1 May 2020 BETWEEN\n\n(1) ACME INC., a Delaware corporation; and\n\n"
        "(2) THE CITY OF SAN RAFAEL.\n\nWHEREAS:\n\n(A) the City needs software;\n\n(B) Acme sells it.\n\n"
        "1. DEFINITIONS\n\n1.1 Words. Words have meanings.\n\n(a) first item.\n"
    )
    clauses = segment(read_bytes(raw.encode(), path="parties.txt"))
    kinds = {c.text.split(" ", 1)[0]: c.kind for c in clauses}
    assert kinds["(1)"] == kinds["(2)"] == "preamble"
    assert next(c for c in clauses if "(A)" in c.text).kind == "recital"
    assert next(c for c in clauses if c.text.startswith("(B)")).kind == "recital"
    assert [c.number for c in clauses if c.kind in ("section", "heading")] == ["1", "1.1", "1.1(a)"]


def test_segment_signature_block_in_title_case_and_page_numbers_of_exported_text() -> None:
    raw = (
        "1. Term. One year.\n\n7\n\n2. Notices. Notices go to:\n\nAcme Inc.\n\nAttention: Legal\n\n"
        "A notice is received when delivered.\n\nIn Witness Whereof, the parties sign.\n\nBy: ____\n"
    )
    clauses = segment(read_bytes(raw.encode(), path="x.txt"))
    assert not any(c.text == "7" for c in clauses)
    received = next(c for c in clauses if "is received" in c.text)
    assert received.number == "2"
    assert clauses[-1].kind == "signature" and clauses[-1].text.endswith("By: ____")


def test_segment_reads_an_exhibit_reference_cut_by_a_line_break_as_text() -> None:
    raw = (
        "1. Services. The Vendor shall provide the hosted permit portal and related services described in\n"
        "Exhibit A attached to this Agreement.\n\n2. Fees. Monthly.\n"
    )
    clauses = segment(read_bytes(raw.encode(), path="x.txt"))
    assert [c.number for c in clauses] == ["1", "2"]
    assert clauses[0].text.endswith("Exhibit A attached to this Agreement.")
