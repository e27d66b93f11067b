"""The learned parts on toy data: a linear model that learns words, saves and loads, and its second stage."""

from pathlib import Path

import numpy as np
import spacy

from review.extract.candidates import Candidate
from review.extract.context import context_features, feature_count
from review.extract.features import Rows, Tokens
from review.extract.linear import LinearModel, fit

SENTENCES = [
    ("This Agreement is governed by the laws of California.", [True, False]),
    ("The laws of Delaware govern this Agreement.", [True, False]),
    ("Governing law: the laws of New York apply.", [True, False]),
    ("Either party may audit the records once a year.", [False, True]),
    ("Customer may audit Vendor's books on notice.", [False, True]),
    ("An auditor may inspect the records yearly.", [False, True]),
    ("The parties will meet each quarter.", [False, False]),
    ("Notices go to the addresses above.", [False, False]),
]


def _rows(texts: list[str]) -> Rows:
    nlp = spacy.blank("en")
    rows = Rows.empty()
    for text in texts:
        tokens = Tokens.of(nlp.make_doc(text))
        rows.add_span(tokens, 0, len(tokens.keys), None, False, {"sentence": 1.0})
    return rows


def test_linear_model_learns_words_and_round_trips(tmp_path: Path) -> None:
    texts = [text for text, _ in SENTENCES] * 3
    targets = np.array([labels for _, labels in SENTENCES] * 3)
    groups = list(range(len(texts)))
    model, out_of_fold = fit(_rows(texts), targets, ["law", "audit"], groups, min_groups=1, c=10.0, jobs=1)
    assert out_of_fold.shape == (len(texts), 2)
    scores = model.probabilities(_rows(["The laws of Texas govern.", "Vendor may audit the records."]))
    assert scores[0, 0] > scores[0, 1] and scores[1, 1] > scores[1, 0]
    model.save(tmp_path / "model.npz")
    again = LinearModel.load(tmp_path / "model.npz")
    assert again.labels == ("law", "audit")
    assert np.allclose(again.probabilities(_rows(["The laws of Texas govern."])), scores[:1], atol=1e-2)


def test_context_features_see_the_containing_clause_and_neighbours() -> None:
    found = [
        Candidate(0, 100, "clause", 0),
        Candidate(0, 40, "sentence", 0),
        Candidate(41, 100, "sentence", 0),
        Candidate(101, 150, "clause", 1),
    ]
    z = np.array([[3.0], [5.0], [-1.0], [-4.0]])
    features = context_features(found, z)
    assert features.shape == (4, 1, feature_count())
    z_column, container, contained, neighbour = (features[:, 0, k] for k in range(4))
    assert container[2] == 3.0  # the second sentence stands in a clause that scores high
    assert contained[0] == 5.0  # the clause holds a sentence that scores higher than itself
    assert neighbour[2] == 5.0 and neighbour[3] == 3.0
    assert z_column.tolist() == [3.0, 5.0, -1.0, -4.0]
