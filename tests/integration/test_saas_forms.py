"""Regression over the real SaaS agreement forms: what the rules raise, the agreed findings and the known
false alarms both kept visible.

tests/data/saas_findings.json records, per form, the rules a reviewer agreed with after reading the clause
(`agreed`), the rules that fire on standard vendor language a reviewer would not raise (`false_alarms`, with
why), and terms reported missing from documents that are not purchase agreements (`out_of_scope`).
A new finding, a lost one, or a false alarm fixed all fail here until the file is updated, so a change in
what reviewers will see is always a decision, never an accident.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from review.policy.engine import review_document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.saas_forms import CITY_SAAS, forms  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402

EXPECTED = json.loads((ROOT / "tests" / "data" / "saas_findings.json").read_text())
FORMS = {path.parent.name: path for path in forms(CORPUS / "saas_templates")}


@pytest.mark.parametrize("form", sorted(set(EXPECTED["forms"]) & set(FORMS)))
def test_saas_form_raises_the_agreed_findings_and_only_the_known_false_alarms(form: str) -> None:
    expected = EXPECTED["forms"][form]
    raised = sorted({finding.rule for finding in review_document(FORMS[form], intake=CITY_SAAS).findings})
    assert raised == sorted({*expected["agreed"], *expected["false_alarms"], *expected["out_of_scope"]})


def test_saas_forms_false_alarm_share_stays_low() -> None:
    agreed = sum(len(form["agreed"]) for form in EXPECTED["forms"].values())
    false_alarms = sum(len(form["false_alarms"]) for form in EXPECTED["forms"].values())
    assert false_alarms / (agreed + false_alarms) <= EXPECTED["max_false_alarm_share"]
