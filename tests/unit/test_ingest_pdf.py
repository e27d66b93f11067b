from pathlib import Path

import pytest

from review import Clause, open_document, segment
from tests.factories import paragraph_lines, write_pdf, write_styled_line_pdf

LOREM = (
    "The Vendor shall provide the hosted services described in the order form and shall keep them available "
    "for the City at all times during the term, subject to scheduled maintenance announced in advance."
)


def test_pdf_real_cuad_contract_has_clauses_with_pages_and_boxes(data_dir: Path) -> None:
    document = open_document(data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf")
    assert document.format == "pdf"
    assert len(document.pages) == 3
    assert document.has_text_layer and not document.ocr
    clauses = segment(document)
    by_number: dict[str | None, Clause] = {}
    for clause in clauses:
        by_number.setdefault(clause.number, clause)
    assert by_number["1(a)"].heading == "Change Orders"
    assert by_number["2"].text.startswith("2. Payment Terms. Upon the signing of this Agreement")
    for clause in clauses:
        assert document.text[clause.start : clause.end] == clause.text
        assert clause.boxes, clause
        assert all(clause.page_start <= box.page <= clause.page_end for box in clause.boxes)
        for box in clause.boxes:
            page = document.pages[box.page - 1]
            assert 0 <= box.x0 < box.x1 <= page.width and 0 <= box.top < box.bottom <= page.height


def test_pdf_removes_running_headers_footers_and_page_numbers(tmp_path: Path) -> None:
    pages = []
    for number in range(1, 5):
        body = paragraph_lines(f"{number}. Section {number}. {LOREM}", x=72, y=120, width_chars=90)
        pages.append([(72, 40, "ACME SOFTWARE - MASTER AGREEMENT"), *body, (290, 760, f"Page {number} of 4")])
    document = open_document(write_pdf(tmp_path / "running.pdf", pages))
    assert "ACME SOFTWARE" not in document.text
    assert "Page 2 of 4" not in document.text
    assert document.text.count("shall provide the hosted services") == 4


def test_pdf_joins_lines_into_paragraphs_and_hyphenated_words(tmp_path: Path) -> None:
    lines = [
        (72, 100, "1. Availability. The Vendor shall keep the services avail-"),
        (72, 112, "able to the City and shall report every outage in writ-"),
        (72, 124, "ing within one business day."),
        (72, 160, "2. Support. The Vendor shall answer support requests."),
    ]
    document = open_document(write_pdf(tmp_path / "hyphen.pdf", [lines]))
    clauses = segment(document)
    assert [c.number for c in clauses] == ["1", "2"]
    assert clauses[0].text == (
        "1. Availability. The Vendor shall keep the services available to the City and shall report every outage "
        "in writing within one business day."
    )


def test_pdf_reads_two_columns_column_by_column(tmp_path: Path) -> None:
    left = paragraph_lines("1. Left column first. " + LOREM + " " + LOREM, x=50, y=100, width_chars=45)
    right = paragraph_lines("2. Right column second. " + LOREM + " " + LOREM, x=320, y=100, width_chars=45)
    document = open_document(write_pdf(tmp_path / "columns.pdf", [[*left, *right]], font_size=9))
    clauses = segment(document)
    assert [c.number for c in clauses] == ["1", "2"]
    assert "Left column first" in clauses[0].text and "Right column" not in clauses[0].text
    assert clauses[1].text.endswith("announced in advance.")
    assert clauses[0].boxes[0].x1 < 320 <= clauses[1].boxes[0].x0


def test_pdf_keeps_table_rows_as_rows_of_text(tmp_path: Path) -> None:
    rows = [
        (72, 100, "Service level schedule:"),
        (72, 130, "Service"),
        (250, 130, "Uptime"),
        (400, 130, "Credit"),
        (72, 145, "Permit portal"),
        (250, 145, "99.9%"),
        (400, 145, "10%"),
        (72, 160, "Payments"),
        (250, 160, "99.5%"),
        (400, 160, "5%"),
    ]
    document = open_document(write_pdf(tmp_path / "table.pdf", [rows]))
    assert "Permit portal\t99.9%\t10%" in document.text
    assert "Payments\t99.5%\t5%" in document.text
    assert [b.kind for b in document.blocks].count("table_row") == 3


def test_pdf_with_password_opens_with_the_right_one(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [[(72, 100, "1. Term. The term is one year.")]], password="s3cret")
    document = open_document(path, password="s3cret")
    assert "The term is one year." in document.text


@pytest.mark.parametrize("count", [3])
def test_pdf_page_count_matches_file(tmp_path: Path, count: int) -> None:
    words = ["Term", "Fees", "Support"]
    pages = [[(72, 100, f"{n}. {words[n - 1]}. The {words[n - 1].lower()} clause.")] for n in range(1, count + 1)]
    document = open_document(write_pdf(tmp_path / "pages.pdf", pages))
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert [b.page_start for b in document.blocks] == [1, 2, 3]


def test_pdf_drops_page_numbers_printed_mid_sheet_and_keeps_margin_numbers_with_their_heading(tmp_path: Path) -> None:
    page = [
        (72, 100, "7."),
        (130, 100, "TERM"),
        (72, 120, "7.1 The term is one year from the Effective Date."),
        (290, 300, "- 4 -"),
        (72, 340, "7.2 It renews for one year unless a party gives notice."),
    ]
    document = open_document(write_pdf(tmp_path / "margin.pdf", [page]))
    assert "- 4 -" not in document.text
    clauses = segment(document)
    assert [(c.number, c.kind) for c in clauses] == [("7", "heading"), ("7.1", "section"), ("7.2", "section")]
    assert clauses[0].heading == "TERM"


def test_pdf_reads_a_ruled_table_row_by_row_even_when_a_cell_wraps(tmp_path: Path) -> None:
    page = [
        (72, 80, "Service levels."),
        (76, 112, "Service"),
        (206, 112, "Uptime"),
        (336, 112, "Credit"),
        (76, 132, "Permit portal and"),
        (206, 132, "99.9%"),
        (336, 132, "10% of the"),
        (76, 144, "public records"),
        (336, 144, "monthly fee"),
        (76, 164, "Payments"),
        (206, 164, "99.5%"),
        (336, 164, "5%"),
        (72, 200, "Credits are the City's only remedy."),
    ]
    grid = ([70, 200, 330, 460], [100, 120, 152, 172])
    document = open_document(write_pdf(tmp_path / "ruled.pdf", [page], grids=[grid]))
    rows = [document.block_text(b) for b in document.blocks if b.kind == "table_row"]
    assert rows == [
        "Service\tUptime\tCredit",
        "Permit portal and public records\t99.9%\t10% of the monthly fee",
        "Payments\t99.5%\t5%",
    ]
    assert document.text.index("Service levels.") < document.text.index("Service\tUptime")
    assert document.text.index("Payments") < document.text.index("Credits are the City's only remedy.")


def test_pdf_joins_runs_that_touch_without_adding_spaces(tmp_path: Path) -> None:
    pieces = [
        ("Helvetica", "1. This "),
        ("Helvetica-Bold", "“"),
        ("Helvetica-Bold", "Agreement"),
        ("Helvetica-Bold", "”"),
        ("Helvetica", " binds the "),
        ("Helvetica-Oblique", "Parties"),
        ("Helvetica", "."),
    ]
    document = open_document(write_styled_line_pdf(tmp_path / "styled.pdf", pieces))
    assert document.text == "1. This “Agreement” binds the Parties."


def test_pdf_keeps_the_hyphen_of_a_compound_the_document_writes_elsewhere(tmp_path: Path) -> None:
    lines = [
        (72, 100, "1. Set-up. The Vendor shall complete the set-"),
        (72, 112, "up of the portal and the configu-"),
        (72, 124, "ration of its accounts before the go-live date."),
    ]
    document = open_document(write_pdf(tmp_path / "compound.pdf", [lines]))
    assert "complete the set-up of the portal and the configuration of its accounts" in document.text


def test_pdf_a_cross_reference_at_the_start_of_a_line_does_not_start_a_clause(tmp_path: Path) -> None:
    lines = [
        (72, 100, "1.1 Fees. The City shall pay the fees set out in the order form in accordance with Section"),
        (72, 112, "4.2 below, and no other amount."),
        (72, 140, "1.2 Taxes. The Vendor pays its own taxes."),
    ]
    clauses = segment(open_document(write_pdf(tmp_path / "xref.pdf", [lines])))
    assert [c.number for c in clauses] == ["1.1", "1.2"]
    assert clauses[0].text.endswith("Section 4.2 below, and no other amount.")


def test_pdf_reads_text_printed_twice_for_bold_once(tmp_path: Path) -> None:
    page = [
        (72, 100, "1. WARRANTY DISCLAIMER."),
        (72.3, 100, "1. WARRANTY DISCLAIMER."),
        (72, 115, "The software is provided as is."),
    ]
    document = open_document(write_pdf(tmp_path / "fakebold.pdf", [page]))
    assert document.text.count("WARRANTY") == 1
    assert "1. WARRANTY DISCLAIMER." in document.text


def test_pdf_reports_each_page_read_and_stops_when_the_callback_raises(tmp_path: Path) -> None:
    pages = [paragraph_lines(f"{n}. Section {n}. {LOREM}", x=72, y=120, width_chars=90) for n in range(1, 5)]
    path = write_pdf(tmp_path / "four.pdf", pages)
    seen: list[tuple[float, str]] = []
    open_document(path, progress=lambda fraction, text: seen.append((fraction, text)))
    assert seen == [(n / 4, f"Reading page {n} of 4") for n in range(1, 5)]

    class Stop(Exception):
        pass

    def stop_at_page_two(fraction: float, text: str) -> None:
        if fraction >= 0.5:
            raise Stop  # a user's cancel: the rest of the file is not read

    with pytest.raises(Stop):
        open_document(write_pdf(tmp_path / "other.pdf", pages[::-1]), progress=stop_at_page_two)


def test_pdf_read_again_is_the_document_read_a_moment_ago(tmp_path: Path) -> None:
    pages = [paragraph_lines(f"{n}. Section {n}. {LOREM}", x=72, y=120, width_chars=90) for n in range(1, 3)]
    path = write_pdf(tmp_path / "two.pdf", pages)
    first = open_document(path)
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(path.read_bytes())
    again = open_document(copy)  # the same bytes: not read again (an app reviews a contract, then shows it)
    assert again.text == first.text and again.blocks is first.blocks
    assert (first.path, again.path) == (str(path), str(copy))
