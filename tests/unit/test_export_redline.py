"""The redline's rules (which findings, what the comment says), its DOCX edge cases on small built files, and
its coded errors on damaged input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

import review
from review import errors
from review.export import comment_text, redline_findings, write_redline
from review.export.labels import AUTHOR
from tests.case_views import make_case, make_finding
from tests.factories import para, run, table, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XINHUA = Path(__file__).parents[1] / "data" / "cuad" / "Xinhua-Content-License-Agreement.pdf"


def _starts(path: Path) -> dict[str, str]:
    """Comment id -> the text of the paragraph where its range starts."""
    body = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    found = {}
    for start in body.iter(f"{W}commentRangeStart"):
        paragraph = next(a for a in start.iterancestors() if a.tag == f"{W}p")
        found[start.get(f"{W}id")] = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
    return found


def test_redline_findings_are_flagged_or_undisposed_blockers_and_majors() -> None:
    findings = [
        make_finding(1, severity="blocker"),
        make_finding(2, severity="major"),
        make_finding(3, severity="minor"),
        make_finding(4, severity="info", disposition="flag", reason="ask anyway"),
        make_finding(5, severity="blocker", disposition="accept"),
        make_finding(6, severity="blocker", disposition="waive", reason="council approved"),
        make_finding(7, severity="major", disposition="false_positive"),
        make_finding(8, severity="major", document="order-form.pdf"),
        make_finding(9, severity="major", document=None, kind="missing"),
    ]
    case = make_case(findings)
    assert [f.id for f in redline_findings(case)] == [1, 2, 4, 8, 9]
    assert [f.id for f in redline_findings(case, document="msa.docx")] == [1, 2, 4, 9]


def test_comment_text_gives_severity_title_message_position_and_policy() -> None:
    present = make_finding(1, severity="blocker", title="City indemnifies the vendor", quote="Customer will indemnify")
    assert comment_text(present) == (
        "BLOCKER: City indemnifies the vendor. The contract says something the City cannot accept. "
        "City position: The City's liability is limited to the fees paid; the City gives no indemnity. "
        "(Policy: Cal. Const. art. XVI §18)"
    )
    missing = make_finding(2, kind="missing", title="No funding-out clause", details={"reference": ""})
    assert comment_text(missing) == (
        "MAJOR: No funding-out clause. The contract says something the City cannot accept. "
        "The City requires: The City's liability is limited to the fees paid; the City gives no indemnity."
    )


def test_redline_docx_handles_hyperlinks_fields_tracked_changes_and_the_vendors_comments(tmp_path: Path) -> None:
    vendor_comment = (
        f'<w:comment w:id="7" w:author="Vendor Counsel" w:initials="VC">{para("Please keep as is.")}</w:comment>'
    )
    source = write_docx(
        tmp_path / "vendor.docx",
        [
            para("Master Subscription Agreement", style="Title"),
            # only a hyperlink: no run of its own
            para(f'<w:hyperlink w:anchor="terms">{run("The Online Terms at the Vendor site apply.")}</w:hyperlink>'),
            # a simple field, then a tracked insertion and a tracked deletion
            para(
                "Vendor may change the ",
                '<w:fldSimple w:instr="DOCPROPERTY Service">' + run("Service") + "</w:fldSimple>",
                '<w:ins w:id="1" w:author="V" w:date="2026-01-01T00:00:00Z">' + run(" at any time") + "</w:ins>",
                '<w:del w:id="2" w:author="V" w:date="2026-01-01T00:00:00Z"><w:r><w:delText> with notice'
                "</w:delText></w:r></w:del>",
                ".",
            ),
            para('<w:commentRangeStart w:id="7"/>', "Fees are due in 15 days.", '<w:commentRangeEnd w:id="7"/>'),
            table([["Term", "36 months, renewing automatically."]]),
        ],
        comments=vendor_comment,
    )
    findings = [
        make_finding(1, quote="The Online Terms at the Vendor site apply.", title="Terms by reference"),
        make_finding(2, quote="Vendor may change the Service at any time.", title="Unilateral change"),
        make_finding(3, quote="No such words are in this contract.", title="Lost quote"),
        make_finding(4, kind="missing", title="No funding-out clause"),
    ]
    data = source.read_bytes()
    before = review.read_bytes(data, path="vendor.docx")
    result = write_redline(make_case(findings), data, "docx", tmp_path / "redline.docx")

    assert (result.anchored, result.unanchored, result.missing) == (2, 1, 1)
    after = review.open_document(str(result.path))
    assert after.text == before.text
    comments = {c.comment_id: c for c in docx.Document(str(result.path)).comments}
    assert comments[7].author == "Vendor Counsel" and comments[7].text == "Please keep as is."
    starts = _starts(result.path)
    ours = {cid: c for cid, c in comments.items() if c.author == AUTHOR}
    assert len(ours) == 4
    by_title = {c.text.split(":", 1)[1].split(".", 1)[0].strip(): str(cid) for cid, c in ours.items()}
    assert starts[by_title["Terms by reference"]] == "The Online Terms at the Vendor site apply."
    assert starts[by_title["Unilateral change"]] == "Vendor may change the Service at any time."
    title = "Master Subscription Agreement"
    assert starts[by_title["Lost quote"]] == starts[by_title["No funding-out clause"]] == title
    lost = ours[int(by_title["Lost quote"])].text
    assert "not located in this file" in lost and "No such words" in lost
    body = etree.fromstring(zipfile.ZipFile(result.path).read("word/document.xml"))
    for marker in body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference"):
        assert not any(a.tag in (f"{W}hyperlink", f"{W}fldSimple", f"{W}ins") for a in marker.iterancestors())


@pytest.mark.parametrize(
    ("data", "file_format", "error", "code"),
    [
        (b"PK\x03\x04 this is not really a zip", "docx", errors.CorruptDocx, "E120"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "pdf", errors.CorruptPdf, "E110"),
        (b"", "pdf", errors.CorruptPdf, "E110"),
        (b"hello", "rtf", errors.UnsupportedFormat, "E103"),
    ],
)
def test_redline_damaged_input_raises_its_coded_error(
    data: bytes, file_format: str, error: type[errors.ReviewError], code: str, tmp_path: Path
) -> None:
    with pytest.raises(error) as raised:
        write_redline(make_case([make_finding(1, quote="x")]), data, file_format, tmp_path / "out")
    assert raised.value.code == code
    assert not (tmp_path / "out").exists()


def _package(content_types: str) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("xl/workbook.xml", "<workbook/>")
    return data.getvalue()


def test_redline_docx_truncated_or_not_a_word_file_is_e120(tmp_path: Path) -> None:
    real = write_docx(tmp_path / "real.docx", [para("Fees are due in 15 days.")]).read_bytes()
    spreadsheet = _package('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    # Regression: python-docx raised AttributeError on a [Content_Types].xml without its namespace.
    malformed = _package("<Types/>")
    for data in (real[: len(real) // 2], spreadsheet, malformed):
        with pytest.raises(errors.CorruptDocx):
            write_redline(make_case([make_finding(1, quote="Fees")]), data, "docx", tmp_path / "out.docx")


def test_redline_pdf_truncated_is_e110(tmp_path: Path) -> None:
    data = XINHUA.read_bytes()
    with pytest.raises(errors.CorruptPdf):
        write_redline(make_case([make_finding(1, quote="x")]), data[:2000], "pdf", tmp_path / "out.pdf")
