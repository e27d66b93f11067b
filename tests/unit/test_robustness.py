"""Damaged files of every kind end in a Document or a coded IngestError, never in another exception."""

import random
from pathlib import Path

import pytest

from review import IngestError, read_bytes, segment


def _mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        damaged = bytearray(data)
        how = rng.choice(["truncate", "flip", "zero", "insert"])
        at = rng.randrange(len(damaged))
        if how == "truncate":
            damaged = damaged[: max(at, 1)]
        elif how == "flip":
            for _ in range(rng.randint(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        elif how == "zero":
            span = min(rng.randint(1, 4000), len(damaged) - at)
            damaged[at : at + span] = bytes(span)
        else:
            damaged[at:at] = bytes(rng.randrange(256) for _ in range(200))
        out.append(bytes(damaged))
    return out


@pytest.mark.parametrize(
    "fixture", ["cuad/Freecook-Hosting-Agreement.pdf", "saas/common-paper-design-partner-agreement.docx"]
)
def test_damaged_files_give_a_document_or_a_coded_error(data_dir: Path, fixture: str) -> None:
    original = (data_dir / fixture).read_bytes()
    for damaged in _mutations(original, 60, seed=len(fixture)):
        try:
            document = read_bytes(damaged, path=fixture)
        except IngestError as error:
            assert error.code.startswith("E1") and error.message
            continue
        for clause in segment(document):
            assert document.text[clause.start : clause.end] == clause.text
