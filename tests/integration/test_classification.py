"""The whole pipeline on real contracts: clause types, values, the evaluations on small corpus slices."""

import csv
import shutil
from pathlib import Path

import numpy as np
import pytest

import review
from review.eval import cuad, unfair_tos
from review.extract import pipeline
from review.extract.analysis import analyse, answer_text
from tests.conftest import corpus_path


def test_analyse_hosting_agreement_finds_what_cuad_labels_in_it(data_dir: Path) -> None:
    # CUAD labels this contract with its name, parties, date, expiry, a licence grant and termination for
    # convenience, and with no governing-law clause (it has none).
    analysis = review.analyse(review.open_document(data_dir / "cuad" / "Freecook-Hosting-Agreement.pdf"))
    expected = {"document_name", "parties", "agreement_date", "license_grant", "termination_for_convenience"}
    assert expected <= analysis.found
    assert "governing_law" not in analysis.found
    (grant, *_) = analysis.clauses_of("license_grant")
    assert "license" in grant.clause.text.lower()
    values = {(value.kind, value.normalized) for item in analysis.clauses for value in item.values}
    assert {("date", "2018-01-11"), ("money", "USD 5000.00"), ("duration", "P12W")} <= values
    for item in analysis.clauses:
        scores = [t.score for t in item.types]
        assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)


def test_analyse_saas_form_finds_its_law_assignment_and_confidentiality(data_dir: Path) -> None:
    # Common Paper's design partner agreement: no liability cap (it has none), the usual general terms.
    document = review.open_document(data_dir / "saas" / "common-paper-design-partner-agreement.docx")
    analysis = analyse(document)
    assert {"governing_law", "assignment", "confidentiality", "termination_for_convenience"} <= analysis.found
    assert "limitation_of_liability" not in analysis.found
    for answer in analysis.answers:
        assert answer.text == answer_text(document.text[answer.start : answer.end])


def test_pipeline_loads_its_models_once_a_process(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    pipeline.load_pipeline()  # the cached pipeline of this process
    loads = []
    monkeypatch.setattr(pipeline.CuadModel, "load", classmethod(lambda cls, d: loads.append(d)))
    document = review.read_bytes(b"1. Law\n\nThis Agreement is governed by the laws of California.\n")
    analyse(document)
    analyse(document)
    assert loads == [] and pipeline.load_pipeline() is pipeline.load_pipeline()


def _cuad_slice(tmp_path: Path, count: int) -> Path:
    source = corpus_path("cuad")
    target = tmp_path / "cuad"
    (target / "full_contract_txt").mkdir(parents=True)
    shutil.copy(source / "category_descriptions.csv", target)
    csv.field_size_limit(1 << 30)
    with open(source / "master_clauses.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    texts = {cuad.file_key(p.name): p for p in (source / "full_contract_txt").glob("*.txt")}
    kept = [row for row in rows[1:] if cuad.file_key(row[0]) in texts][:: max(1, len(rows) // count)][:count]
    with open(target / "master_clauses.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *kept])
    for row in kept:
        shutil.copy(texts[cuad.file_key(row[0])], target / "full_contract_txt")
    return target


def test_eval_cuad_on_a_slice_reports_the_paper_metric(tmp_path: Path) -> None:
    result = cuad.evaluate(_cuad_slice(tmp_path, 6))
    assert result["contracts"] == 6
    span = result["span"]
    assert 0.4 <= span["aupr"] <= 1 and 0 <= span["precision_at_80_recall"] <= 1
    assert set(result["document"]["categories"]) == set(cuad.categories(corpus_path("cuad")))


def test_eval_unfair_tos_on_the_corpus_layout() -> None:
    result = unfair_tos.evaluate(corpus_path("claudette_tos_multilingual"), exclude=set())
    assert result["documents"] >= 30
    assert result["lexglue"]["micro_f1"] >= 0.9  # on documents trained on: a regression guard, not a score


def test_training_is_reproducible_with_a_fixed_seed(tmp_path: Path) -> None:
    from review.extract.train import train_unfair_tos

    source = corpus_path("claudette_tos_multilingual") / "corpus"
    for kind in ("sentences", "tags"):
        folder = tmp_path / "tos" / kind / "en" / "original"
        folder.mkdir(parents=True)
        for name in ("Amazon.txt", "Dropbox.txt", "Booking.txt"):
            shutil.copy(source / kind / "en" / "original" / name, folder)
    first = train_unfair_tos(tmp_path / "tos", tmp_path / "a", jobs=1)
    second = train_unfair_tos(tmp_path / "tos", tmp_path / "b", jobs=1)
    assert first == second
    a, b = np.load(tmp_path / "a" / "unfair-tos.npz"), np.load(tmp_path / "b" / "unfair-tos.npz")
    assert all(np.array_equal(a[key], b[key]) for key in a.files)
