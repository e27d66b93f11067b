"""The intake file other tools write: its shape, the flags RULES.md's rules apply on, and its errors."""

import textwrap
from pathlib import Path

import pytest

from review.errors import IntakeInvalid
from review.policy import intake as intake_module
from review.policy.intake import Intake

# The example in the module's docstring, the shape other tools write: it must read as documented.
EXAMPLE = textwrap.dedent(intake_module.__doc__.split("\n\n")[2])  # type: ignore[union-attr]


def test_intake_reads_the_documented_example(tmp_path: Path) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(EXAMPLE)
    intake = Intake.load(path)
    assert (intake.department, intake.vendor, intake.product) == ("Public Works", "Acme Software Inc.", "Permit Portal")
    assert intake.flags() == {"hosted", "personal_data", "payments", "multi_year", "public_facing"}
    assert intake.values() == {"annual_fees": 50000.0, "total_value": 150000.0}


def test_intake_json_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "intake.json"  # JSON is YAML too
    path.write_text(
        '{"department": "Police", "vendor": "V", "product": "RMS", "hosting": "hybrid", "data": ["police"]}'
    )
    intake = Intake.load(path)
    assert intake.flags() == {"hosted", "installed", "police_data"}
    assert intake.term_months == 12 and intake.annual_cost == 0.0


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"hostng": "saas"}, "'hostng'"),
        ({"hosting": "cloud"}, "'hosting'"),
        ({"data": ["biometrics"]}, "'data'"),
        ({"data": "personal"}, "'data'"),
        ({"annual_cost": "50k"}, "'annual_cost'"),
        ({"annual_cost": -1}, "'annual_cost'"),
        ({"term_months": 0}, "'term_months'"),
        ({"term_months": 1.5}, "'term_months'"),
        ({"critical": "yes"}, "'critical'"),
        ({"vendor": ""}, "'vendor'"),
    ],
)
def test_intake_bad_key_or_value_is_e220_naming_it(change: dict[str, object], named: str) -> None:
    data = {"department": "Library", "vendor": "Acme", "product": "Catalog", **change}
    with pytest.raises(IntakeInvalid) as raised:
        Intake.from_mapping(data)
    assert raised.value.code == "E220" and named in raised.value.message


def test_intake_file_that_is_not_yaml_or_a_mapping_is_e220(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("department: [unclosed\n")
    listed = tmp_path / "list.yaml"
    listed.write_text("- a\n- b\n")
    for path in (broken, listed, tmp_path / "missing.yaml"):
        with pytest.raises(IntakeInvalid) as raised:
            Intake.load(path)
        assert str(path) in raised.value.message


def test_intake_every_flag_the_rules_may_name_can_be_set() -> None:
    from review.policy.intake import FLAGS, Intake

    everything = Intake(
        "IT", "V", "P", term_months=24, hosting="hybrid", data=("personal", "payments", "police", "health"),
        public_facing=True, critical=True, custom_development=True,
    )  # fmt: skip
    assert everything.flags() == frozenset(FLAGS)
