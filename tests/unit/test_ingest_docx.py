import re
import zipfile
from pathlib import Path

from review import open_document, segment
from tests.conftest import corpus_path
from tests.factories import W_NS, para, run, table, write_docx

LEGAL = 1  # numId of the 1. / 1.1 / (a) / (i) outline in tests.factories.LEGAL_NUMBERING
BULLET = 2


def _outline_docx(tmp_path: Path) -> Path:
    body = [
        para("Software Services Agreement", style="Title"),
        para("Definitions", style="Heading1"),
        para("“Services” means the hosted permit portal.", num=(LEGAL, 1)),
        para("Term and Termination", style="Heading1"),
        para("Term. The initial term is three (3) years.", num=(LEGAL, 1)),
        para("Termination. Either party may terminate:", num=(LEGAL, 1)),
        para("for convenience on sixty (60) days notice;", num=(LEGAL, 2)),
        para("for cause, where the other party:", num=(LEGAL, 2)),
        para("fails to pay; or", num=(LEGAL, 3)),
        para("becomes insolvent.", num=(LEGAL, 3)),
        para("the City keeps its data", num=(BULLET, 0)),
        table([["Uptime", "99.9%"], ["Support hours", "8am-6pm Pacific"]]),
        para("Closing text after the table."),
    ]
    return write_docx(tmp_path / "outline.docx", body)


def test_docx_renders_automatic_numbering_as_word_shows_it(tmp_path: Path) -> None:
    document = open_document(_outline_docx(tmp_path))
    labels = [b.label for b in document.blocks if b.label]
    assert labels == ["1.", "1.1", "2.", "2.1", "2.2", "(a)", "(b)", "(i)", "(ii)", "•"]
    assert "2.2 Termination. Either party may terminate:" in document.text
    assert "(ii) becomes insolvent." in document.text


def test_docx_clauses_follow_the_rendered_outline(tmp_path: Path) -> None:
    document = open_document(_outline_docx(tmp_path))
    clauses = segment(document)
    numbers = [c.number for c in clauses]
    assert "2.2(b)(ii)" in numbers
    term = next(c for c in clauses if c.number == "2.1")
    assert term.heading == "Term"
    definition = next(c for c in clauses if c.kind == "definition")
    assert definition.heading == "Services"
    for clause in clauses:
        assert document.text[clause.start : clause.end] == clause.text


def test_docx_reads_heading_styles_and_tables_in_document_order(tmp_path: Path) -> None:
    document = open_document(_outline_docx(tmp_path))
    kinds = [b.kind for b in document.blocks]
    assert kinds[0] == "title"
    assert document.blocks[1].kind == "heading" and document.blocks[1].level == 1
    rows = [document.block_text(b) for b in document.blocks if b.kind == "table_row"]
    assert rows == ["Uptime\t99.9%", "Support hours\t8am-6pm Pacific"]
    assert document.text.index("99.9%") < document.text.index("Closing text after the table.")


def test_docx_keeps_headers_and_footers_out_of_the_body(tmp_path: Path) -> None:
    document = open_document(_outline_docx(tmp_path))
    assert "ACME CONFIDENTIAL" not in document.text


def test_docx_reads_tracked_changes_as_accepted_and_warns(tmp_path: Path) -> None:
    body = [
        para(
            run("The Vendor's liability is capped at "),
            '<w:del w:id="1" w:author="Vendor"><w:r><w:delText>two times (2x)</w:delText></w:r></w:del>',
            '<w:ins w:id="2" w:author="Vendor"><w:r><w:t>one times (1x)</w:t></w:r></w:ins>',
            run(" the annual fees."),
        )
    ]
    document = open_document(write_docx(tmp_path / "tracked.docx", body))
    assert "capped at one times (1x) the annual fees." in document.text
    assert "two times" not in document.text
    assert any("tracked changes" in w for w in document.warnings)


def test_docx_reports_comments_with_their_anchor(tmp_path: Path) -> None:
    body = [
        para(
            run("Governing law: "),
            '<w:commentRangeStart w:id="7"/>',
            run("the laws of Delaware"),
            '<w:commentRangeEnd w:id="7"/>',
            run(" apply."),
        )
    ]
    comments = (
        '<w:comment w:id="7" w:author="City Attorney"><w:p><w:r><w:t>Must be California.</w:t></w:r></w:p></w:comment>'
    )
    document = open_document(write_docx(tmp_path / "comments.docx", body, comments=comments))
    (comment,) = document.comments
    assert (comment.author, comment.text) == ("City Attorney", "Must be California.")
    assert comment.start is not None and comment.end is not None
    assert document.text[comment.start : comment.end] == "the laws of Delaware"
    assert any("comment" in w for w in document.warnings)


def test_docx_real_saas_form_numbers_its_standard_terms(data_dir: Path) -> None:
    document = open_document(data_dir / "saas" / "common-paper-design-partner-agreement.docx")
    clauses = segment(document)
    numbered = [c for c in clauses if c.number]
    assert len(numbered) > 20
    assert any(c.number == "1.1" for c in clauses)
    for clause in clauses:
        assert document.text[clause.start : clause.end] == clause.text


def test_docx_cloud_service_agreement_has_nested_numbers() -> None:
    path = corpus_path("saas_templates", "common_paper", "common-paper-cloud-service-agreement", "template.docx")
    clauses = segment(open_document(path))
    numbers = {c.number for c in clauses}
    assert {"1.1", "2.1(a)", "4.1"} <= numbers


def test_docx_numbering_restarts_where_a_list_overrides_its_start(tmp_path: Path) -> None:
    numbering = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="6"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>
<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="5"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="6"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
</w:numbering>"""
    body = [
        para("first list one", num=(1, 0)),
        para("first list two", num=(1, 0)),
        para("second list one", num=(2, 0)),
        para("appendix", num=(3, 0)),
        para("appendix child", num=(3, 1)),
    ]
    document = open_document(write_docx(tmp_path / "restart.docx", body, numbering=numbering))
    assert [b.label for b in document.blocks] == ["(i)", "(ii)", "(i)", "C.", "C.1"]


def test_docx_without_numbering_or_styles_parts_still_reads(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plain.docx", [para("1. Term. One year."), para("2. Fees. Monthly.")])
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":  # drop the relationships to the two parts
                data = re.sub(rb'<Relationship Id="rId[12]"[^>]*/>', b"", data)
            if item.filename not in ("word/numbering.xml", "word/styles.xml"):
                target.writestr(item, data)
    clauses = segment(open_document(stripped))
    assert [c.number for c in clauses] == ["1", "2"]


def test_docx_replaces_look_alike_characters(tmp_path: Path) -> None:
    body = [para("Fees are due monthly\u037e late fees ap\u00adply to the Ser\u200bvices.")]
    document = open_document(write_docx(tmp_path / "chars.docx", body))
    assert document.text == "Fees are due monthly; late fees apply to the Services."
