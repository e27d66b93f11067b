"""The check kinds and the engine, on small contracts read as text and rules written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.ingest import read_bytes
from review.policy.engine import check
from review.policy.intake import Intake
from review.policy.report import Report
from review.policy.rules import RuleSet, load_rules
from review.policy.sbom import read_sbom_data

COMMON = """message: {message}
why: Why the city cares about this.
reference: Policy 1
fallback: What to propose instead.
examples:
  flag: [Example text that flags.]
  pass: [Example text that passes.]
"""
RULES = {
    "TST-CAP.yaml": """id: TST-CAP
title: Liability cap too low
severity: major
applies_to: always
check: threshold
params:
  find: {text: ['liability']}
  value: money
  limit: {min: 1000000, min_fees_months: 12}
escalate:
  - {to: blocker, limit: {min: 50000, min_fees_months: 3}, reason: three months of fees or less}
""",
    "TST-NOTICE.yaml": """id: TST-NOTICE
title: Breach notice too slow
severity: major
applies_to: hosted or personal_data
check: threshold
params:
  find: {text: ['notify .{0,40}(breach|incident)']}
  value: duration
  unit: hours
  limit: {max: 72}
  overrides: [{max: 24, when: police_data or payments}]
  no_value: flag
  absent: flag
""",
    "TST-LAW.yaml": """id: TST-LAW
title: Governing law
severity: major
applies_to: always
check: threshold
params:
  find: {text: ['governed by']}
  value: jurisdiction
  limit: {allowed: [US-CA, 'US-CA:*']}
""",
    "TST-ASIS.yaml": """id: TST-ASIS
title: As is
severity: major
applies_to: always
check: prohibited
params:
  find:
    text: ['\\bas is\\b']
    unless: ['warrants that the service will perform']
    unless_scope: document
escalate:
  - {to: blocker, when: critical, reason: the system is critical}
""",
    "TST-CARVE.yaml": """id: TST-CARVE
title: Carve-outs
severity: major
applies_to: always
check: required
params:
  looking_for: carve-outs from the cap
  if_present: {text: ['liability .{0,40}exceed']}
  find: {text: ['(do|does|shall) not apply to .{0,60}(indemn|gross negligence)']}
""",
    "TST-NONAPPROP.yaml": """id: TST-NONAPPROP
title: Non-appropriation
severity: blocker
applies_to: multi_year
check: required
params:
  looking_for: a non-appropriation clause
  find: {text: ['appropriat']}
""",
}


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> RuleSet:
    folder = tmp_path_factory.mktemp("packs") / "test-pack"
    folder.mkdir()
    (folder / "pack.yaml").write_text("name: test-pack\nversion: 1.0.0\nowner: Tests\ndescription: Rules for tests.\n")
    for name, text in RULES.items():
        (folder / name).write_text(
            text
            + COMMON.format(
                message="The value {value} breaks {threshold}." if "threshold" in text else "Found the term."
            )
        )
    return load_rules(folder.parent)


def intake(**changes: object) -> Intake:
    fields = {"department": "IT", "vendor": "V", "product": "P", "annual_cost": 50000, "term_months": 12}
    return Intake.from_mapping({**fields, **changes})


def review_text(rules: RuleSet, text: str, intake: Intake | None = None, **kwargs: object) -> Report:
    from review.extract.analysis import analyse

    return check(analyse(read_bytes(text.encode(), path="t.txt")), intake, rules=rules, **kwargs)  # type: ignore[arg-type]


def rule_findings(report: Report, rule: str) -> list:
    return [f for f in report.findings if f.rule == rule]


def test_check_money_floor_uses_annual_fees_from_intake(rules: RuleSet) -> None:
    text = "Vendor's total liability shall not exceed the fees paid in the twelve (12) months before the claim."
    assert rule_findings(review_text(rules, text, intake()), "TST-CAP")  # $50,000 < $1,000,000
    assert not rule_findings(review_text(rules, text, intake(annual_cost=2_000_000)), "TST-CAP")
    assert not rule_findings(review_text(rules, text), "TST-CAP")  # no intake: 12 months of fees is the floor


def test_check_money_greater_of_passes_when_one_leg_meets_the_floor(rules: RuleSet) -> None:
    text = (
        "Vendor's aggregate liability shall not exceed the greater of the fees paid in the twelve months "
        "preceding the claim or one million dollars ($1,000,000)."
    )
    assert not rule_findings(review_text(rules, text, intake()), "TST-CAP")


def test_check_money_escalates_on_the_stricter_limit(rules: RuleSet) -> None:
    text = "Vendor's aggregate liability shall not exceed the fees paid in the three (3) months before the claim."
    (finding,) = rule_findings(review_text(rules, text, intake()), "TST-CAP")
    assert (finding.severity, finding.escalated) == ("blocker", "three months of fees or less")
    assert finding.value == "the fees paid in the three (3) months before the claim (1x fees (3 months))"
    assert finding.threshold == "at least the greater of USD 1,000,000 and 12 months of fees"
    assert finding.message.startswith("The value the fees paid")


def test_check_duration_limit_override_and_business_days(rules: RuleSet) -> None:
    slow = "Vendor shall notify the City of any security breach within three (3) business days."
    fast = "Vendor shall notify the City of any security breach within forty-eight (48) hours of discovery."
    assert rule_findings(review_text(rules, slow, intake()), "TST-NOTICE")  # 4.2 days > 72 hours
    assert not rule_findings(review_text(rules, fast, intake()), "TST-NOTICE")
    (finding,) = rule_findings(review_text(rules, fast, intake(data=["police"])), "TST-NOTICE")
    assert finding.threshold == "at most 24 hours"


def test_check_no_value_and_absent_flag(rules: RuleSet) -> None:
    vague = "Vendor shall notify the City of any security incident without undue delay."
    (finding,) = rule_findings(review_text(rules, vague, intake()), "TST-NOTICE")
    assert finding.value == "no figure stated"
    (missing,) = rule_findings(review_text(rules, "The City shall pay invoices.", intake()), "TST-NOTICE")
    assert missing.kind == "missing" and missing.quote is None and "Looked for" in (missing.searched or "")


def test_check_jurisdiction_allowed_with_wildcard(rules: RuleSet) -> None:
    assert rule_findings(review_text(rules, "This Agreement is governed by the laws of Delaware."), "TST-LAW")
    ok = "This Agreement is governed by the laws of the State of California and venue is the County of Marin."
    assert not rule_findings(review_text(rules, ok), "TST-LAW")


def test_check_prohibited_unless_in_document_and_escalation_by_intake(rules: RuleSet) -> None:
    as_is = "THE SERVICE IS PROVIDED AS IS. Payment is due in thirty days."
    (finding,) = rule_findings(review_text(rules, as_is, intake()), "TST-ASIS")
    assert (finding.kind, finding.severity, finding.quote) == ("present", "major", "THE SERVICE IS PROVIDED AS IS.")
    assert finding.page == 1 and finding.clause_ids
    (critical,) = rule_findings(review_text(rules, as_is, intake(critical=True)), "TST-ASIS")
    assert (critical.severity, critical.escalated) == ("blocker", "the system is critical")
    warranted = as_is + " Vendor warrants that the Service will perform materially as documented."
    assert not rule_findings(review_text(rules, warranted, intake()), "TST-ASIS")


def test_check_required_if_present_quotes_the_trigger(rules: RuleSet) -> None:
    assert not rule_findings(review_text(rules, "The City pays invoices within thirty days."), "TST-CARVE")
    capped = "In no event shall Vendor's liability exceed the fees paid."
    (finding,) = rule_findings(review_text(rules, capped), "TST-CARVE")
    assert finding.quote == capped and finding.kind == "missing"
    carved = capped + " The cap does not apply to a party's indemnity obligations or gross negligence."
    assert not rule_findings(review_text(rules, carved), "TST-CARVE")


def test_engine_conditional_rules_follow_the_intake(rules: RuleSet) -> None:
    text = "The City pays invoices within thirty days."
    one_year = review_text(rules, text, intake(term_months=12))
    assert not rule_findings(one_year, "TST-NONAPPROP")
    assert ("TST-NONAPPROP", "multi_year") in {(n.rule, n.applies_to) for n in one_year.not_applicable}
    (finding,) = rule_findings(review_text(rules, text, intake(term_months=36)), "TST-NONAPPROP")
    assert not finding.assumed
    (assumed,) = rule_findings(review_text(rules, text), "TST-NONAPPROP")
    assert assumed.assumed and assumed.applies_to == "multi_year"


def test_engine_orders_findings_by_severity_and_ids_are_stable(rules: RuleSet) -> None:
    text = "THE SERVICE IS PROVIDED AS IS. Vendor's liability shall not exceed the fees paid in the prior month."
    first, second = review_text(rules, text, intake()), review_text(rules, text, intake())
    severities = [f.severity for f in first.findings]
    assert severities == sorted(severities, key=["blocker", "major", "minor", "info"].index)
    assert [f.id for f in first.findings] == [f.id for f in second.findings]


def test_report_json_has_the_fixed_shape(rules: RuleSet) -> None:
    data = review_text(rules, "THE SERVICE IS PROVIDED AS IS.", intake()).to_dict()
    assert {"document", "clauses", "findings", "rules"} <= set(data)
    assert {"types", "values"} <= set(data["clauses"][0])
    finding = data["findings"][0]
    for key in ("rule", "severity", "title", "message", "clause_ids", "quote", "page", "value", "threshold",
                "reference", "fallback"):  # fmt: skip
        assert key in finding
    assert data["rules"]["packs"][0]["name"] == "test-pack" and len(data["rules"]["packs"][0]["sha256"]) == 64


def test_license_policy_uses_the_sbom_and_the_context() -> None:
    rules = load_rules()
    sbom = read_sbom_data({"bomFormat": "CycloneDX", "components": [
        {"name": "db", "version": "1", "licenses": [{"license": {"id": "SSPL-1.0"}}]},
        {"name": "ok", "licenses": [{"license": {"id": "MIT"}}]},
    ]})  # fmt: skip
    from review.extract.analysis import analyse

    analysis = analyse(read_bytes(b"The Software includes third-party components.", path="t.txt"))
    installed = check(analysis, intake(hosting="on_premises"), sbom, rules, only=["OSS-COMPONENT-LICENSE-POLICY"])
    (finding,) = installed.findings
    assert (finding.severity, finding.value, finding.threshold) == ("major", "SSPL-1.0", "review for installed use")
    assert finding.quote == "SBOM components: db 1"
    released = check(analysis, intake(custom_development=True), sbom, rules, only=["OSS-COMPONENT-LICENSE-POLICY"])
    assert released.findings[0].severity == "blocker"
    hosted = check(analysis, intake(hosting="saas"), sbom, rules, only=["OSS-COMPONENT-LICENSE-POLICY"])
    assert hosted.findings[0].severity == "info"


def test_license_table_expressions_and_defaults() -> None:
    from review.policy.licenses import load_license_table

    table = load_license_table(Path(__file__).resolve().parents[2] / "rules/packs/open-source/licenses.yaml")
    assert table.decide("GPL-2.0-only WITH Classpath-exception-2.0", "release").listed
    assert table.decide("MIT OR SSPL-1.0", "release").decision == "allowed"
    assert table.decide("MIT AND SSPL-1.0", "release").decision == "prohibited"
    assert table.decide("GPL-2.0+", "installed").license == "GPL-2.0-or-later"  # deprecated id normalised
    unlisted = table.decide("Xnet", "release")  # permissive, OSI-approved, not in the table
    assert (unlisted.decision, unlisted.listed, unlisted.category) == ("allowed", False, "permissive")
    assert table.decide(None, "installed").decision == "review"
    assert table.decide("LicenseRef-unknown-thing", "release").decision == "prohibited"
    assert table.context_for(None) == ("release", True)
    assert table.context_for({"custom_dev": False, "installed": True, "hosted": True}) == ("installed", False)
