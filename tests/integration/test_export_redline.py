"""The vendor redline on real contracts: a Common Paper DOCX form and a CUAD PDF, with the findings of the real
review on them; then the places real forms make hard (table cells, nested tables, hyperlinks)."""

from __future__ import annotations

import ctypes
import zipfile
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from lxml import etree
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

import review
from review.export import comment_text, redline_findings, write_redline
from review.export.labels import AUTHOR
from tests.case_views import from_report, make_case, make_finding
from tests.conftest import corpus_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CSA = ("saas_templates", "common_paper", "common-paper-cloud-service-agreement", "template.docx")
CSA_WITH_SLA = ("saas_templates", "common_paper", "common-paper-csa-with-sla", "template.docx")
XINHUA = Path(__file__).parents[1] / "data" / "cuad" / "Xinhua-Content-License-Agreement.pdf"


@pytest.fixture(scope="module")
def csa_review() -> Any:
    return review.review_document(str(corpus_path(*CSA)))


@pytest.fixture(scope="module")
def xinhua_review() -> Any:
    return review.review_document(str(XINHUA))


def _block_at(document: review.Document, offset: int) -> review.Block:
    return next(b for b in document.blocks if b.start <= offset < b.end)


def _paragraph_texts(path: Path) -> list[str]:
    """Every paragraph's text in the body (tables and nested tables included), in document order."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]


def _anchors(path: Path) -> dict[str, tuple[str, str]]:
    """Comment id -> (text of the paragraph where its range starts, text inside its range)."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    anchors = {}
    for start in body.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        paragraph = next(a for a in start.iterancestors() if a.tag == f"{W}p")
        inside = []
        for node in paragraph.iter():
            if node is start:
                inside.append("")
            elif node.tag == f"{W}commentRangeEnd" and node.get(f"{W}id") == cid:
                break
            elif inside and node.tag == f"{W}t":
                inside.append(node.text or "")
        anchors[cid] = ("".join(t.text or "" for t in paragraph.iter(f"{W}t")), "".join(inside))
    return anchors


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def test_redline_docx_anchors_each_comment_in_the_paragraph_of_its_quote(csa_review: Any, tmp_path: Path) -> None:
    source = corpus_path(*CSA)
    case = make_case(from_report(csa_review.findings, "template.docx"))
    result = write_redline(case, source.read_bytes(), "docx", tmp_path / "redline.docx")

    chosen = redline_findings(case)
    quoted = [f for f in chosen if f.quote]
    assert result.anchored == len(quoted) >= 7  # the 7.1 warranty quote too, whose "7.1" Word numbers itself
    assert (result.unanchored, result.missing) == (0, len(chosen) - len(quoted))
    assert all(f.severity in ("blocker", "major") for f in chosen)

    # The repo's own reader sees the same text, and each comment where its finding's quote begins.
    before, after = review.open_document(str(source)), review.open_document(str(result.path))
    assert after.text == before.text
    ours = [c for c in after.comments if c.author == AUTHOR]
    assert len(ours) == len(chosen)
    for finding in quoted:  # (two findings of one rule have the same text: told apart by where they are)
        assert any(
            c.text == comment_text(finding)
            and c.start is not None
            and c.end is not None
            and _block_at(after, c.start) == _block_at(before, finding.start)
            and c.start < finding.end
            and c.end > finding.start
            for c in ours
        ), finding.rule
    first_block = before.blocks[0]
    at_top = [c for c in ours if c.start == first_block.start]
    assert {c.text for c in at_top} == {comment_text(f) for f in chosen if not f.quote}

    # python-docx's own view: the comments, with the City as author and its initials.
    comments = list(docx.Document(str(result.path)).comments)
    assert len(comments) == len(chosen)
    assert {(c.author, c.initials) for c in comments} == {(AUTHOR, "DS")}
    assert any(c.text.startswith("BLOCKER: ") and "City position: " in c.text for c in comments)
    assert all("(Policy: " in c.text for c in comments)
    assert any("The City requires: " in c.text for c in comments)


def test_redline_docx_keeps_the_vendors_text_and_other_parts(csa_review: Any, tmp_path: Path) -> None:
    source = corpus_path(*CSA)
    case = make_case(from_report(csa_review.findings, "template.docx"))
    result = write_redline(case, source.read_bytes(), "docx", tmp_path / "redline.docx")

    assert _paragraph_texts(result.path) == _paragraph_texts(source)
    original, redlined = zipfile.ZipFile(source), zipfile.ZipFile(result.path)
    changed = {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(redlined.namelist()) == set(original.namelist()) | {"word/comments.xml"}
    for name in set(original.namelist()) - changed:  # styles, numbering, headers, footers, the logo ...
        assert redlined.read(name) == original.read(name), name


def test_redline_docx_anchors_quotes_in_table_cells_and_nested_tables(tmp_path: Path) -> None:
    source = corpus_path(*CSA_WITH_SLA)
    read = review.open_document(str(source))  # quotes as the reader gives them
    in_cell = "The Cloud Service available under this Order Form is {cloud_service}."
    # A table row: cells joined by a tab, so the quote runs over two cell paragraphs.
    across_cells = next(read.block_text(b) for b in read.blocks if read.block_text(b).startswith("Framework Terms\t"))
    across_cells = across_cells[:120]
    # The nested cell's words begin an earlier paragraph too: the finding's offset says which one is meant.
    nested = "[ ] Errors and omissions or professional liability"
    nested_at = read.text.index(nested + "\n", read.text.index(nested) + 1)
    findings = [
        make_finding(1, quote=in_cell, page=1, severity="blocker"),
        make_finding(2, quote=across_cells, page=1),
        make_finding(3, quote=nested, page=2, start=nested_at, end=nested_at + len(nested), disposition="flag"),
    ]
    result = write_redline(make_case(findings), source.read_bytes(), "docx", tmp_path / "tables.docx")

    assert (result.anchored, result.unanchored, result.missing) == (3, 0, 0)
    anchors = _anchors(result.path)
    texts = {c.comment_id: c.text for c in docx.Document(str(result.path)).comments}
    where = {texts[int(cid)].split(":", 1)[1].split(".", 1)[0].strip(): anchor for cid, anchor in anchors.items()}
    assert _squash(in_cell) in _squash(where["Finding number 1"][1])
    assert _squash(where["Finding number 2"][0]) == _squash("Framework Terms")  # the cell where the quote begins
    assert _squash(nested) in _squash(where["Finding number 3"][1])
    body = etree.fromstring(zipfile.ZipFile(result.path).read("word/document.xml"))
    start = next(s for s in body.iter(f"{W}commentRangeStart") if s.get(f"{W}id") == "2")
    assert sum(1 for a in start.iterancestors() if a.tag == f"{W}tbl") == 2  # inside the nested table
    assert _paragraph_texts(result.path) == _paragraph_texts(source)


def test_redline_docx_ranges_never_start_or_end_inside_a_hyperlink(tmp_path: Path) -> None:
    source = corpus_path(*CSA_WITH_SLA)
    ending_in_link = "which are posted at https://commonpaper.com/standards/cloud-service-agreement/2.1/"
    only_link = "https://commonpaper.com/standards/service-level-agreement/2.0/"
    findings = [make_finding(1, quote=ending_in_link), make_finding(2, quote=only_link)]
    result = write_redline(make_case(findings), source.read_bytes(), "docx", tmp_path / "links.docx")

    assert result.anchored == 2
    body = etree.fromstring(zipfile.ZipFile(result.path).read("word/document.xml"))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for marker in body.iter(f"{W}{tag}"):
            assert not any(a.tag == f"{W}hyperlink" for a in marker.iterancestors()), tag
    for _, inside in _anchors(result.path).values():
        assert "https://commonpaper.com/standards/" in inside
    assert _paragraph_texts(result.path) == _paragraph_texts(source)


# --- PDF --------------------------------------------------------------------------------------------------


def _pdf_annotations(path: Path) -> list[dict[str, Any]]:
    """The annotations PDFium reads back: page, subtype, contents, rect (left, bottom, right, top), quads."""
    pdf = pdfium.PdfDocument(path)
    found = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            for number in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
                annot = pdfium_c.FPDFPage_GetAnnot(page, number)
                size = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
                buffer = ctypes.create_string_buffer(size)
                pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
                pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", pointer, size)
                rect = pdfium_c.FS_RECTF()
                pdfium_c.FPDFAnnot_GetRect(annot, rect)
                found.append(
                    {
                        "page": index + 1,
                        "subtype": pdfium_c.FPDFAnnot_GetSubtype(annot),
                        "contents": buffer.raw[: max(size - 2, 0)].decode("utf-16-le"),
                        "rect": (rect.left, rect.bottom, rect.right, rect.top),
                        "quads": pdfium_c.FPDFAnnot_CountAttachmentPoints(annot),
                    }
                )
                pdfium_c.FPDFPage_CloseAnnot(annot)
    finally:
        pdf.close()
    return found


def test_redline_pdf_highlights_each_quote_on_its_page(xinhua_review: Any, tmp_path: Path) -> None:
    case = make_case(from_report(xinhua_review.findings, XINHUA.name))
    original = XINHUA.read_bytes()
    result = write_redline(case, original, "pdf", tmp_path / "redline.pdf")

    chosen = redline_findings(case)
    quoted = [f for f in chosen if f.quote]
    assert len(quoted) >= 2
    assert (result.anchored, result.unanchored, result.missing) == (len(quoted), 0, len(chosen) - len(quoted))
    assert result.path.read_bytes().startswith(original)  # an incremental save: the vendor's bytes untouched

    annotations = _pdf_annotations(result.path)
    highlights = [a for a in annotations if a["subtype"] == pdfium_c.FPDF_ANNOT_HIGHLIGHT]
    notes = [a for a in annotations if a["subtype"] == pdfium_c.FPDF_ANNOT_TEXT]
    assert sorted(a["contents"] for a in highlights) == sorted(comment_text(f) for f in quoted)
    assert sorted(a["contents"] for a in notes) == sorted(comment_text(f) for f in chosen if not f.quote)
    assert {a["page"] for a in notes} == {1}

    # Read independently (pdfplumber/pdfminer): the highlight covers the quote's words on the finding's page.
    with pdfplumber.open(result.path) as pdf:
        for finding in quoted:
            page = pdf.pages[finding.page - 1]
            ours = [resolve1(a) for a in resolve1(page.page_obj.attrs["Annots"])]
            mark = next(a for a in ours if decode_text(a.get("Contents", b"")) == comment_text(finding))
            assert mark["Subtype"].name == "Highlight" and decode_text(mark["T"]) == AUTHOR
            points = [float(v) for v in mark["QuadPoints"]]
            quads = [points[i : i + 8] for i in range(0, len(points), 8)]  # one a line: x1 y1 ... x4 y4

            def highlighted(word: dict[str, Any], page: Any = page, quads: list[list[float]] = quads) -> bool:
                x, y = (word["x0"] + word["x1"]) / 2, page.height - (word["top"] + word["bottom"]) / 2
                return any(min(q[0::2]) <= x <= max(q[0::2]) and min(q[1::2]) <= y <= max(q[1::2]) for q in quads)

            inside = _squash(" ".join(w["text"] for w in page.extract_words() if highlighted(w)))
            assert inside == _squash(finding.quote)


def test_redline_pdf_unfound_quote_is_a_note_at_the_top_of_its_page(tmp_path: Path) -> None:
    finding = make_finding(1, quote="Words that this agreement never uses anywhere at all.", page=3)
    result = write_redline(make_case([finding]), XINHUA.read_bytes(), "pdf", tmp_path / "note.pdf")

    assert (result.anchored, result.unanchored, result.missing) == (0, 1, 0)
    (note,) = [a for a in _pdf_annotations(result.path) if a["contents"]]  # (the contract's links have none)
    assert note["subtype"] == pdfium_c.FPDF_ANNOT_TEXT and note["page"] == 3
    assert note["contents"].startswith(comment_text(finding)) and "not located" in note["contents"]
    with pdfplumber.open(result.path) as pdf:
        assert note["rect"][3] > pdf.pages[2].height - 40  # at the top


def test_redline_text_contract_is_a_docx_with_comments(tmp_path: Path) -> None:
    text = (
        "MASTER SUBSCRIPTION AGREEMENT\n\n"
        "1. Indemnity. Customer shall indemnify and hold\nharmless Vendor from all claims.\n\n"
        "2. Law. This Agreement is governed by the laws of Delaware.\n"
    )
    findings = [
        make_finding(1, quote="Customer shall indemnify and hold harmless Vendor from all claims.", severity="blocker"),
        make_finding(2, quote=None, kind="missing", title="No non-appropriation clause"),
        make_finding(3, quote="governed by the laws of Delaware", severity="minor"),  # minor, undisposed: left out
    ]
    result = write_redline(make_case(findings), text.encode("utf-8"), "text", tmp_path / "text.docx")

    assert (result.anchored, result.unanchored, result.missing) == (1, 0, 1)
    written = docx.Document(str(result.path))
    assert [p.text for p in written.paragraphs] == [
        "MASTER SUBSCRIPTION AGREEMENT",
        "1. Indemnity. Customer shall indemnify and hold\nharmless Vendor from all claims.",
        "2. Law. This Agreement is governed by the laws of Delaware.",
    ]
    anchors = sorted(text for text, _ in _anchors(result.path).values())
    assert anchors == [
        "1. Indemnity. Customer shall indemnify and holdharmless Vendor from all claims.",  # (w:br between)
        "MASTER SUBSCRIPTION AGREEMENT",
    ]
