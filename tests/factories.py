"""Build small real PDF and DOCX files for tests: every feature the readers must handle, on demand."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

# --- PDF ------------------------------------------------------------------------------------------


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[tuple[float, float, str]]],
    *,
    font_size: float = 10,
    password: str | None = None,
    grids: Sequence[tuple[Sequence[float], Sequence[float]]] = (),
) -> Path:
    """A text PDF: each page a list of (x, y-from-top, text) strings drawn in Helvetica; `grids` draws
    ruled tables on the first page, each as (column x positions, row y-from-top positions)."""
    encrypt = None
    if password:
        from reportlab.lib import pdfencrypt

        encrypt = pdfencrypt.StandardEncryption(password, canPrint=1)
    pdf = canvas.Canvas(str(path), pagesize=LETTER, encrypt=encrypt)
    _, height = LETTER
    for number, page in enumerate(pages):
        pdf.setFont("Helvetica", font_size)
        for x, y, text in page:
            pdf.drawString(x, height - y, text)
        if number == 0:
            for xs, ys in grids:
                pdf.grid(list(xs), [height - y for y in ys])
        pdf.showPage()
    pdf.save()
    return path


def write_styled_line_pdf(path: Path, pieces: Sequence[tuple[str, str]], *, x: float = 72, y: float = 100) -> Path:
    """One line of text set in several fonts, each piece (font name, text) right after the one before,
    as Word's PDF export sets a bold defined term between its quote marks."""
    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    text = pdf.beginText(x, LETTER[1] - y)
    for font, piece in pieces:
        text.setFont(font, 10)
        text.textOut(piece)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return path


def paragraph_lines(
    text: str, *, x: float, y: float, width_chars: int, leading: float = 12
) -> list[tuple[float, float, str]]:
    """Wrap `text` at `width_chars` characters into lines placed from (x, y) down."""
    lines: list[tuple[float, float, str]] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width_chars:
            lines.append((x, y, current))
            y += leading
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append((x, y, current))
    return lines


def write_scanned_pdf(path: Path, lines: Sequence[str]) -> Path:
    """A PDF whose only page is a picture of typed text: no text layer, as from a scanner."""
    from PIL import Image, ImageDraw, ImageFont

    scale = 300 / 72
    width, height = int(LETTER[0] * scale), int(LETTER[1] * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 44)
    except OSError:
        font = ImageFont.load_default(size=44)
    y = 300
    for line in lines:
        draw.text((300, y), line, fill=0, font=font)
        y += 70
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader

    pdf = canvas.Canvas(str(path), pagesize=LETTER)
    pdf.drawImage(ImageReader(buffer), 0, 0, width=LETTER[0], height=LETTER[1])
    pdf.showPage()
    pdf.save()
    return path


# --- DOCX -----------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""
_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

# A legal outline as Word defines it: 1. / 1.1 / (a) / (i), the first level tied to the Heading1 style.
LEGAL_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Exhibit %1"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
</w:styles>"""


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*content: str, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    """A paragraph of runs (plain strings become runs), with an optional style and (numId, ilvl)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def table(rows: Sequence[Sequence[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def write_docx(
    path: Path,
    body: Sequence[str],
    *,
    numbering: str = LEGAL_NUMBERING,
    comments: str = "",
    header_text: str = "ACME CONFIDENTIAL - Page header",
    extra_parts: dict[str, bytes] | None = None,
) -> Path:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" '
        f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{"".join(body)}'
        '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/></w:sectPr></w:body></w:document>'
    )
    comments_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W_NS}">{comments}</w:comments>'
    )
    header = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="{W_NS}">{para(header_text)}</w:hdr>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("word/numbering.xml", numbering)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/comments.xml", comments_xml)
        package.writestr("word/header1.xml", header)
        for name, data in (extra_parts or {}).items():
            package.writestr(name, data)
    return path


def write_scan_of_page(source: Path, page_index: int, path: Path, dpi: int = 300) -> Path:
    """A scanned copy of one page of a real PDF: the page rendered to a picture, saved as an image-only PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    try:
        image = pdf[page_index].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    image.save(path, "PDF", resolution=dpi)
    return path
