from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# The PostgreSQL server of this machine (trust auth); tests that need a database of their own create one.
POSTGRES = os.environ.get("CONTRACT_REVIEW_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def data_dir() -> Path:
    return DATA


def corpus_path(*parts: str) -> Path:
    """A file of the shared corpus, which CI lays beside the checkout (../shared/corpus)."""
    path = CORPUS.joinpath(*parts)
    assert path.exists(), f"the shared corpus is expected at {CORPUS}"
    return path
