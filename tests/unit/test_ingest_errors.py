"""Every file a reader cannot handle gets a coded error and a one-line message, never a traceback."""

import zipfile
from pathlib import Path

import pytest

from review import errors, open_document, read_bytes
from review.ingest import ocr
from tests.factories import para, write_docx, write_pdf, write_scanned_pdf


def _pdf(tmp_path: Path, **kwargs) -> Path:
    return write_pdf(tmp_path / "c.pdf", [[(72, 100, "1. Term. The term is one year.")]], **kwargs)


@pytest.mark.parametrize(
    ("data", "error", "hint"),
    [
        (b"", errors.EmptyFile, "empty"),
        (b"   \n\n  ", errors.EmptyFile, "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, errors.LegacyWordFormat, ".docx"),
        (b"{\\rtf1\\ansi Contract}", errors.RtfFormat, ".docx"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, errors.ImageFormat, "PDF"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, errors.ImageFormat, "PDF"),
        (b"\x00\x01\x02\x03binary" * 10, errors.UnsupportedFormat, "PDF"),
        (b"%PDF-1.7\n%garbage that is not a pdf", errors.CorruptPdf, "damaged"),
        (b"PK\x03\x04 not really a zip", errors.CorruptDocx, "damaged"),
    ],
)
def test_unreadable_bytes_raise_coded_errors(data: bytes, error: type[errors.IngestError], hint: str) -> None:
    with pytest.raises(error) as raised:
        read_bytes(data, path="upload")
    assert raised.value.code.startswith("E1")
    assert hint in raised.value.message
    assert "\n" not in raised.value.message


def test_encrypted_word_file_is_refused() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(errors.EncryptedDocument):
        read_bytes(data)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing):
        open_document(tmp_path / "nope.pdf")
    with pytest.raises(errors.FileMissing):
        open_document(tmp_path)


def test_truncated_pdf_is_corrupt(data_dir: Path) -> None:
    data = (data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf").read_bytes()
    with pytest.raises(errors.CorruptPdf):
        read_bytes(data[: len(data) // 2])


def test_encrypted_pdf_needs_the_password(tmp_path: Path) -> None:
    path = _pdf(tmp_path, password="s3cret")
    with pytest.raises(errors.EncryptedDocument, match="--password"):
        open_document(path)
    with pytest.raises(errors.EncryptedDocument, match="not correct"):
        open_document(path, password="wrong")


def test_page_limit_is_configurable(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "long.pdf", [[(72, 100, f"{n}. Clause.")] for n in range(1, 6)])
    with pytest.raises(errors.TooManyPages, match="5 pages"):
        open_document(path, max_pages=4)
    assert len(open_document(path, max_pages=5).pages) == 5


def test_corrupt_docx_part(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "ok.docx", [para("1. Term.")])
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    with pytest.raises(errors.CorruptDocx):
        open_document(broken)


def test_docx_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "bomb.docx", [para("1. Term.")])
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package,
        package.open("word/media/huge.bin", "w", force_zip64=True) as part,
    ):
        chunk = b"\x00" * (1 << 20)
        for _ in range(210):
            part.write(chunk)
    assert path.stat().st_size < 2 * (1 << 20)
    with pytest.raises(errors.DocxTooLarge, match="ZIP bomb"):
        open_document(path)


def test_scanned_pdf_without_ocr_says_how_to_enable_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda: False)
    path = write_scanned_pdf(tmp_path / "scan.pdf", ["1. Term. The term is one year."])
    with pytest.raises(errors.OcrUnavailable, match="tesseract-ocr"):
        open_document(path)


@pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr is not installed (the Makefile installs it)")
def test_scanned_pdf_is_read_by_ocr_with_boxes(tmp_path: Path) -> None:
    lines = [
        "1. Term. The term of this Agreement",
        "is three years from the Effective Date.",
        "",
        "2. Fees. The City pays monthly.",
    ]
    seen: list[tuple[float, str]] = []
    document = open_document(write_scanned_pdf(tmp_path / "scan.pdf", lines), progress=lambda *a: seen.append(a))
    assert seen == [(0.5, "Reading page 1 of 1"), (0.5, "Recognising the scanned page 1 by OCR")]  # only forward
    assert document.ocr and not document.has_text_layer
    assert any("OCR" in w for w in document.warnings)
    assert "three years" in document.text
    assert document.blocks[0].boxes
