"""UNFAIR-ToS scoring: plain and LexGLUE-style F1, and reading the CLAUDETTE tag files."""

from pathlib import Path

import pytest

from review.eval.unfair_tos import documents, labels_of, scores


def test_labels_keep_levels_two_and_three_only() -> None:
    assert labels_of("ltd2 ch3 law1 pinc2 countrym") == frozenset({"ltd", "ch"})
    assert labels_of("") == frozenset()


def test_scores_plain_and_lexglue_style() -> None:
    gold = [frozenset({"a"}), frozenset(), frozenset({"ch"}), frozenset()]
    predicted = [frozenset({"a"}), frozenset({"a"}), frozenset(), frozenset()]
    result = scores(gold, predicted)
    # plain: a has tp 1, fp 1 -> F1 2/3; ch missed; the other six have no support and score 0
    assert result["micro_f1"] == pytest.approx(2 / 4)
    assert result["macro_f1"] == pytest.approx((2 / 3) / 8)
    # LexGLUE adds "none": gold none on rows 2 and 4, predicted none on rows 3 and 4 -> F1 1/2
    lexglue = result["lexglue"]
    assert lexglue["macro_f1"] == pytest.approx((2 / 3 + 0.5) / 9)
    assert lexglue["micro_f1"] == pytest.approx(2 * 2 / (2 * 2 + 2 + 2))


def test_documents_pair_sentences_with_their_tag_lines(tmp_path: Path) -> None:
    sentences = tmp_path / "corpus" / "sentences" / "en" / "original"
    tags = tmp_path / "corpus" / "tags" / "en" / "original"
    sentences.mkdir(parents=True)
    tags.mkdir(parents=True)
    (sentences / "Acme.txt").write_text("We may change these terms.\nWelcome.\nBy using it you agree.\n")
    (tags / "Acme.txt").write_text("ch2\n\nuse2\n")
    (document,) = documents(tmp_path)
    assert document.name == "Acme"
    assert document.labels == [frozenset({"ch"}), frozenset(), frozenset({"use"})]
