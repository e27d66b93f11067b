"""Read a contract file into a Document, whatever form it arrives in.

The format is decided by the file's content (its magic bytes), never by its name: vendors send
"contract.pdf" that is really a Word file, and Word files without an extension.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import replace
from pathlib import Path

from review import errors
from review.ingest.builder import check_page_limit
from review.ingest.docx import DEFAULT_MAX_EXPANDED_BYTES, read_docx
from review.ingest.pdf import read_pdf
from review.ingest.text import decode, read_text
from review.model import Document, Format, Progress
from review.recent import Recent

DEFAULT_MAX_PAGES = 500
_RECENT: Recent[tuple[str, str | None, int, int], Document] = Recent(4)  # the last documents read, by content

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"BM", b"RIFF")
_MARKDOWN = re.compile(r"^(#{1,6}\s+\S|[-*]\s+\S.*$)", re.MULTILINE)


def detect_format(data: bytes) -> Format:
    """The format of a contract file from its first bytes; raises a coded error for what we cannot read."""
    if not data.strip():
        raise errors.EmptyFile("The file is empty.")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:
            raise errors.EncryptedDocument(
                "The Word document is protected by a password; ask the vendor for an unprotected copy or a PDF."
            )
        raise errors.LegacyWordFormat(
            "This is an old Word 97-2003 (.doc) file; open it in Word and save it as .docx or PDF, then submit that."
        )
    if head.startswith(b"{\\rtf"):
        raise errors.RtfFormat("This is a Rich Text (.rtf) file; open it in Word and save it as .docx or PDF.")
    if head.startswith(_IMAGES):
        raise errors.ImageFormat(
            "This is a picture, not a document; scan or export the contract as a PDF (scanned PDFs are read with OCR)."
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[:8192]:
        return "markdown" if _MARKDOWN.search(decode(data[:20000])) and b"#" in data[:20000] else "text"
    raise errors.UnsupportedFormat("The file is not a PDF, Word (.docx) or text document; save it as PDF or .docx.")


def _zip_format(data: bytes) -> Format:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise errors.CorruptDocx("The file is a damaged ZIP package (a broken .docx?); ask for a new copy.") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise errors.UnsupportedFormat("This is an OpenDocument (.odt) file; save it as .docx or PDF.")
    raise errors.UnsupportedFormat(
        "The file is a ZIP package but not a Word document; send the contract as PDF or .docx."
    )


def open_document(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
    progress: Progress | None = None,
) -> Document:
    """Read a contract file (PDF, scanned PDF, DOCX, text or Markdown) into a Document.

    >>> doc = open_document("tests/data/sample-services-agreement.txt")  # doctest: +SKIP
    >>> doc.format, len(doc.blocks)                                        # doctest: +SKIP
    ('text', 42)

    Raises a subclass of `review.errors.IngestError`, with a stable code, for anything it cannot read.
    A PDF reports `progress(fraction, "Reading page 3 of 106")` after each page (long scans take minutes).
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise errors.FileMissing(f"No file at {file}.") from None
    except IsADirectoryError:
        raise errors.FileMissing(f"{file} is a folder, not a file.") from None
    except OSError as exc:
        raise errors.FileMissing(f"{file} cannot be read: {exc.strerror}.") from None
    return read_bytes(
        data,
        path=str(file),
        password=password,
        max_pages=max_pages,
        max_expanded_bytes=max_expanded_bytes,
        progress=progress,
    )


def read_bytes(
    data: bytes,
    *,
    path: str = "",
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
    progress: Progress | None = None,
) -> Document:
    """Like `open_document`, for a file already in memory (an upload, a database blob)."""
    sha256 = hashlib.sha256(data).hexdigest()
    key = (sha256, password, max_pages, max_expanded_bytes)
    recent = _RECENT.get(key)
    if recent is not None:  # read a moment ago (reviewed, now shown)
        return recent if recent.path == path else replace(recent, path=path)
    document = _read(data, sha256, path=path, password=password, max_pages=max_pages,
                     max_expanded_bytes=max_expanded_bytes, progress=progress)  # fmt: skip
    _RECENT.put(key, document)
    return document


def _read(
    data: bytes,
    sha256: str,
    *,
    path: str,
    password: str | None,
    max_pages: int,
    max_expanded_bytes: int,
    progress: Progress | None,
) -> Document:
    fmt = detect_format(data)
    if fmt == "pdf":
        content = read_pdf(data, password=password, max_pages=max_pages, progress=progress)
    elif fmt == "docx":
        content = read_docx(data, max_expanded_bytes=max_expanded_bytes)
    else:
        content = read_text(decode(data), markdown=fmt == "markdown")
    check_page_limit(len(content.pages), max_pages)
    if not content.text.strip():
        raise errors.EmptyFile("The document has no text to review.")
    return Document(
        path=path,
        sha256=sha256,
        format=fmt,
        text=content.text,
        pages=content.pages,
        blocks=content.blocks,
        has_text_layer=content.has_text_layer,
        ocr=content.ocr,
        warnings=content.warnings,
        comments=content.comments,
    )
