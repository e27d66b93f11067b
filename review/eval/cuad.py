"""The CUAD corpus: contracts, their labelled clause strings, and where those strings stand in a text.

Layout (as ../shared/corpus/cuad): master_clauses.csv, category_descriptions.csv, full_contract_txt/,
full_contract_pdf/Part_*/<type>/. File names in the CSV differ from the files in small ways ("&" and "'"
became "_", trailing spaces and dashes, Unicode forms), so files are matched by a normalised key.
"""

from __future__ import annotations

import ast
import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

OMITTED = "<omitted>"


@dataclass(frozen=True, slots=True)
class CuadContract:
    name: str
    txt: Path | None
    pdf: Path | None
    labels: dict[str, list[str]]  # category -> labelled clause strings


def file_key(name: str) -> str:
    """One key for a CSV name and its file: "MOELIS&CO ... -.pdf'" and "MOELIS_CO ....txt" agree."""
    key = re.sub(r"[&'_\s-]+", "_", unicodedata.normalize("NFC", name)).strip("_")
    return re.sub(r"\.(pdf|txt)$", "", key, flags=re.IGNORECASE).strip("_").lower()


def categories(corpus: Path) -> list[str]:
    with open(corpus / "category_descriptions.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return [row[0].removeprefix("Category:").strip() for row in rows[1:] if row]


def contracts(corpus: Path) -> Iterator[CuadContract]:
    """Every contract of master_clauses.csv whose text file is present."""
    txts = {file_key(p.name): p for p in (corpus / "full_contract_txt").glob("*.txt")}
    pdfs = {file_key(p.name): p for p in (corpus / "full_contract_pdf").glob("**/*.pdf")}
    names = categories(corpus)
    csv.field_size_limit(1 << 30)
    with open(corpus / "master_clauses.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = file_key(row["Filename"])
            labels = {}
            for category in names:
                cell = row.get(category, "")
                values = ast.literal_eval(cell) if cell.strip().startswith("[") else []
                labels[category] = [v for v in values if isinstance(v, str) and v.strip()]
            yield CuadContract(row["Filename"].strip(), txts.get(key), pdfs.get(key), labels)


class TextLocator:
    """Finds labelled strings in a document text despite differences in spacing, hyphens and punctuation.

    Both sides are reduced to lower-case letters and digits; a hit is mapped back to offsets in the text.
    """

    def __init__(self, text: str) -> None:
        keep = [(i, c.lower()) for i, c in enumerate(text) if c.isalnum()]
        self._offsets = [i for i, _ in keep]
        self._folded = "".join(c for _, c in keep)

    def find(self, fragment: str) -> tuple[int, int] | None:
        folded = "".join(c.lower() for c in fragment if c.isalnum())
        if len(folded) < 3:
            return None
        at = self._folded.find(folded)
        if at < 0:
            return None
        return self._offsets[at], self._offsets[at + len(folded) - 1] + 1

    def spans(self, label: str) -> list[tuple[int, int]]:
        """Spans of a labelled string; one with the annotators' <omitted> marker gives one span per piece."""
        found = []
        for piece in label.split(OMITTED):
            span = self.find(piece)
            if span is not None:
                found.append(span)
        return found
