"""The CUAD paper's span metric, checked on questions small enough to work out by hand."""

import pytest

from review.eval.cuad import answers, is_match, jaccard, n_best, span_scores


def test_jaccard_ignores_case_and_the_removed_punctuation() -> None:
    assert jaccard("The Licensee; shall.", "the licensee shall") == 1.0
    assert jaccard("net 30/60 days", "net 30 60 days") == 1.0
    assert jaccard("a b c d", "a b") == 0.5


def test_parties_match_when_the_gold_name_is_inside_the_prediction() -> None:
    preamble = 'This Agreement is between Acme Software, Inc. ("Vendor") and the City of San Rafael ("City").'
    assert is_match(preamble, "Acme Software, Inc.", "Parties")
    assert not is_match(preamble, "Acme Software, Inc.", "Governing Law")


def test_answers_split_a_label_at_omitted() -> None:
    assert answers("First part <omitted> second part") == ["First part", "second part"]


def test_n_best_keeps_twenty_distinct_texts_by_probability() -> None:
    predictions = [(f"text {i}", i / 100) for i in range(30)] + [("text 29", 0.01), ("", 0.99)]
    best = n_best(predictions)
    assert len(best) == 20
    assert best[0] == ("text 29", 0.29)
    assert all(text for text, _ in best)


def test_span_scores_perfect_answer_and_a_false_alarm() -> None:
    questions = [
        (
            "Governing Law",
            ["governed by the laws of California"],
            [("governed by the laws of California", 0.9), ("dog", 0.5)],
        ),
        ("Audit Rights", [], [("something else", 0.3)]),
    ]
    scores = span_scores(questions)
    # Recall reaches 1 at the first kept prediction with precision 1; later false alarms lower precision
    # only at recall 1, so the monotone curve keeps precision 1 over the whole recall range.
    assert scores.aupr == pytest.approx(1.0)
    assert scores.precision_at_80_recall == pytest.approx(1.0)
    final = scores.curve[-1]
    assert final[0] == 0.0 and final[1] == pytest.approx(1 / 3)


def test_span_scores_without_enough_recall_give_zero_precision_at_80() -> None:
    questions = [
        ("Governing Law", ["laws of California", "courts of Marin County"], [("laws of California", 0.6)]),
        ("Insurance", ["maintain insurance of one million"], [("unrelated sentence here", 0.4)]),
    ]
    scores = span_scores(questions)
    assert scores.precision_at_80_recall == 0.0
    # one gold of three found at precision 1, then a false alarm at the same recall
    assert scores.aupr == pytest.approx(1 / 3)
