"""The clause taxonomy as data: the shipped files load, cover CUAD and CLAUDETTE, and a broken file gives a
coded error that names the file and the line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.errors import InvalidPattern, RuleSchemaError, RulesError, RuleSyntaxError, TaxonomyConflict
from review.eval.cuad import categories
from review.extract.taxonomy import SCHEMA_PATH, ClauseType, Pattern, cuad_categories, load_taxonomy
from tests.conftest import corpus_path

# Types a city reviewer needs besides the CUAD ones (the brief and RULES.md's rules).
PUBLIC_SECTOR = {
    "indemnification", "venue", "arbitration", "non_appropriation", "public_records", "data_ownership",
    "data_location", "data_return_deletion", "breach_notification", "security_standards", "encryption",
    "accessibility", "service_levels", "support", "suspension", "unilateral_changes", "price_increases",
    "payment_terms", "subcontractors", "open_source", "e_signature", "contract_by_using", "content_removal",
    "limitation_period", "warranty_disclaimer", "auto_renewal", "confidentiality", "insurance", "force_majeure",
    "order_of_precedence", "publicity", "background_checks", "data_use",
}

VALID = """\
id: {id}
name: Governing Law
description: Which jurisdiction's law governs the contract.
group: legal
patterns:
  - phrase: governed by the laws of
  - tokens: [{{LOWER: governed}}, {{LOWER: by}}, {{OP: "{{0,3}}"}}, {{LOWER: law}}]
    weight: 0.6
"""


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str, name: str = "governing_law") -> RulesError:
    directory = tmp_path / "types"
    write(directory, name, text)
    with pytest.raises(RulesError) as caught:
        load_taxonomy(directory)
    return caught.value


def test_taxonomy_loads_the_shipped_files() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) >= 80
    assert list(taxonomy.ids) == sorted(taxonomy.ids)
    files = sorted(path.stem for path in taxonomy.directory.glob("*.yaml"))
    assert files == list(taxonomy.ids)
    assert all(isinstance(t, ClauseType) and t.patterns for t in taxonomy)
    assert load_taxonomy() is taxonomy  # cached per directory


def test_taxonomy_covers_every_cuad_category_once() -> None:
    taxonomy = load_taxonomy()
    mapped = [t.cuad for t in taxonomy if t.cuad]
    assert sorted(mapped) == sorted(cuad_categories())
    assert len(mapped) == len(set(mapped)) == 41
    assert taxonomy.by_cuad("Cap On Liability").id == "limitation_of_liability"
    assert taxonomy.by_cuad("Insurance").id == "insurance"


def test_taxonomy_cuad_names_are_the_master_clauses_header() -> None:
    assert list(cuad_categories()) == categories(corpus_path("cuad"))


def test_taxonomy_maps_each_claudette_code_to_one_type() -> None:
    taxonomy = load_taxonomy()
    codes = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["properties"]["unfair_tos"]["enum"]
    assert {code: [t.id for t in taxonomy.by_unfair_tos(code)] for code in codes} == {
        "a": ["arbitration"], "ch": ["unilateral_changes"], "cr": ["content_removal"], "j": ["venue"],
        "law": ["governing_law"], "ltd": ["limitation_of_liability"], "ter": ["suspension"],
        "use": ["contract_by_using"],
    }


def test_taxonomy_has_the_public_sector_types() -> None:
    assert set(load_taxonomy().ids) >= PUBLIC_SECTOR


def test_taxonomy_unknown_id_suggests_close_ones() -> None:
    with pytest.raises(KeyError, match="governing_law"):
        load_taxonomy().by_id("governing_laws")


def test_taxonomy_patterns_have_weights_and_lines() -> None:
    for clause_type in load_taxonomy():
        for pattern in clause_type.patterns:
            assert isinstance(pattern, Pattern) and 0 < pattern.weight <= 1 and pattern.line > 0


def test_taxonomy_broken_yaml_is_e201_with_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, VALID.format(id="governing_law") + "  - phrase: [unclosed\n")
    assert isinstance(error, RuleSyntaxError) and error.code == "E201"
    assert error.path is not None and error.path.endswith("governing_law.yaml")
    assert error.line is not None and error.line >= 9
    assert "governing_law.yaml, line" in str(error) and str(error).startswith("E201: ")


def test_taxonomy_unknown_key_is_e202_naming_file_and_line(tmp_path: Path) -> None:
    text = VALID.format(id="governing_law").replace("group: legal\n", "group: legal\npatern: oops\n")
    error = load_error(tmp_path, text)
    assert isinstance(error, RuleSchemaError) and error.code == "E202"
    assert error.line == 5
    assert "'patern'" in error.message and "did you mean 'patterns'" in error.message


def test_taxonomy_schema_error_in_a_pattern_points_to_its_line(tmp_path: Path) -> None:
    text = VALID.format(id="governing_law") + "  - phrse: choice of law\n"
    error = load_error(tmp_path, text)
    assert isinstance(error, RuleSchemaError)
    assert error.line == 9 and "patterns[2]" in error.message


def test_taxonomy_unquoted_yes_no_gets_a_hint(tmp_path: Path) -> None:
    text = VALID.format(id="governing_law") + "  - tokens: [{LOWER: no}, {LOWER: later}]\n"
    error = load_error(tmp_path, text)
    assert isinstance(error, RuleSchemaError) and error.line == 9 and "quotes" in error.message


def test_taxonomy_bad_cuad_name_suggests_the_spelling(tmp_path: Path) -> None:
    text = VALID.format(id="governing_law").replace("group: legal\n", "group: legal\ncuad: Cap on Liability\n")
    error = load_error(tmp_path, text)
    assert isinstance(error, RuleSchemaError) and error.line == 5 and "'Cap On Liability'" in error.message


def test_taxonomy_duplicate_key_is_refused(tmp_path: Path) -> None:
    text = VALID.format(id="governing_law").replace("group: legal\n", "group: legal\ngroup: term\n")
    error = load_error(tmp_path, text)
    assert isinstance(error, RuleSchemaError) and error.line == 5 and "twice" in error.message


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ('{LOWER: law, OP: "??"}', "not a valid spaCy token pattern"),
        ("{LOWER: Law}", "'law'"),
        ('{LOWER: {REGEX: "(unclosed"}}', "regular expression"),
    ],
)
def test_taxonomy_bad_token_pattern_is_e203_with_line(tmp_path: Path, token: str, words: str) -> None:
    text = VALID.format(id="governing_law") + f"  - tokens: [{{LOWER: governed}}, {token}]\n"
    error = load_error(tmp_path, text)
    assert isinstance(error, InvalidPattern) and error.code == "E203"
    assert error.line == 9 and words in error.message


def test_taxonomy_repeated_pattern_is_e203(tmp_path: Path) -> None:
    error = load_error(tmp_path, VALID.format(id="governing_law") + "  - phrase: Governed by the laws of\n")
    assert isinstance(error, InvalidPattern) and error.line == 9 and "repeats patterns[0]" in error.message


def test_taxonomy_id_must_equal_file_name_e204(tmp_path: Path) -> None:
    error = load_error(tmp_path, VALID.format(id="choice_of_law"))
    assert isinstance(error, TaxonomyConflict) and error.code == "E204" and error.line == 1
    assert "choice_of_law.yaml" in error.message


def test_taxonomy_missing_cuad_category_is_e204(tmp_path: Path) -> None:
    error = load_error(tmp_path, VALID.format(id="governing_law"))
    assert isinstance(error, TaxonomyConflict) and "'Document Name'" in error.message


def test_taxonomy_cuad_category_covered_twice_is_e204(tmp_path: Path) -> None:
    directory = tmp_path / "types"
    for name in ("governing_law", "choice_of_law"):
        text = VALID.format(id=name).replace("group: legal\n", "group: legal\ncuad: Governing Law\n")
        write(directory, name, text)
    with pytest.raises(TaxonomyConflict, match=r"already covered by choice_of_law\.yaml") as caught:
        load_taxonomy(directory)
    assert caught.value.line == 5


def test_taxonomy_missing_directory_is_e204(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyConflict, match="does not exist"):
        load_taxonomy(tmp_path / "nowhere")
