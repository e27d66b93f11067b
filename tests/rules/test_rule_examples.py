"""Every rule's examples, through the whole review: each `flag` example raises the rule, each `pass` does not.

One generic test (STYLE 8); `python main.py rules test` runs the same examples for the people editing rules/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from review.policy.examples import run_examples
from review.policy.rules import load_rules

RULES = load_rules()
SCHEMAS = Path(__file__).resolve().parents[2] / "rules" / "schema"
# RULES.md's ids: scripts and other tools refer to them, so none may disappear or be renamed.
RULES_MD_IDS = [
    "LEG-VENDOR-INDEMNITY",
    "LEG-LIABILITY-CAP-LOW",
    "LEG-LIABILITY-CAP-CARVEOUTS",
    "LEG-WARRANTY-AS-IS",
    "LEG-DISABLING-CODE",
    "LEG-UNILATERAL-TERMS-CHANGE",
    "LEG-ORDER-OF-PRECEDENCE",
    "LEG-CLICKWRAP-BINDS-CITY",
    "LEG-ASSIGNMENT-WITHOUT-CONSENT",
    "LEG-UNILATERAL-SUSPENSION",
    "LEG-INSURANCE-MINIMUMS",
    "GOV-INDEMNITY-BY-CITY",
    "GOV-GOVERNING-LAW",
    "GOV-VENUE",
    "GOV-ARBITRATION-AND-REMEDIES",
    "GOV-LIMITATION-PERIOD",
    "GOV-CPRA-CONFIDENTIALITY",
    "GOV-CPRA-RECORDS-COOPERATION",
    "GOV-NON-APPROPRIATION",
    "GOV-RECORDS-RETENTION-HOLD",
    "GOV-STATE-AUDIT",
    "FIN-AUTO-RENEWAL",
    "FIN-RENEWAL-TERM-LENGTH",
    "FIN-RENEWAL-NOTICE-WINDOW",
    "FIN-PRICE-ESCALATOR",
    "FIN-UNILATERAL-PRICE-CHANGE",
    "FIN-PREPAYMENT",
    "FIN-EARLY-TERMINATION-FEES",
    "FIN-TERMINATION-FOR-CONVENIENCE",
    "FIN-BILLING-TERMS",
    "FIN-LICENSE-AUDIT",
    "DATA-OWNERSHIP",
    "DATA-SECONDARY-USE",
    "DATA-BREACH-NOTICE-WINDOW",
    "DATA-BREACH-COSTS",
    "DATA-SECURITY-CONTROLS",
    "DATA-CLOUD-AUTHORIZATION",
    "DATA-US-RESIDENCY",
    "DATA-SUBPROCESSORS",
    "DATA-CJIS",
    "DATA-SURVEILLANCE-SHARING",
    "DATA-PCI-DSS",
    "DATA-HIPAA-BAA",
    "SLA-UPTIME",
    "SLA-REMEDIES-CHRONIC-FAILURE",
    "SLA-SUPPORT-RESPONSE",
    "SLA-RTO-RPO",
    "SLA-FEATURE-REMOVAL-EOL",
    "ACC-WCAG-21-AA",
    "ACC-CONFORMANCE-REPORT",
    "ACC-REMEDIATION",
    "ACC-DISCLAIMER",
    "OSS-CUSTOM-CODE-OWNERSHIP",
    "OSS-SOURCE-DELIVERY",
    "OSS-COMPONENT-LICENSE-POLICY",
    "OSS-SBOM",
    "EXIT-DATA-RETURN-WINDOW",
    "EXIT-OPEN-EXPORT-FORMAT",
    "EXIT-DELETION-CERTIFICATION",
    "EXIT-TRANSITION-ASSISTANCE",
]


@pytest.mark.parametrize("rule_id", [rule.id for rule in RULES])
def test_rule_examples_flag_and_pass_as_written(rule_id: str) -> None:
    results = run_examples(RULES, [rule_id])
    assert {result.example.expect for result in results} == {"flag", "pass"}
    failures = [result.describe() for result in results if not result.ok]
    assert not failures, "\n".join(failures)


def test_rule_packs_keep_every_rules_md_id_and_the_city_pack_has_45_or_more() -> None:
    assert sorted(RULES_MD_IDS) == sorted(rule.id for rule in RULES)
    packs = {pack.name: pack for pack in RULES.packs}
    assert len(packs["city-standards"].rules) >= 45
    assert all(rule.id.startswith("OSS-") for rule in packs["open-source"].rules)


def test_rule_packs_have_a_version_owner_and_content_hash() -> None:
    for pack in RULES.packs:
        assert pack.version.count(".") == 2 and pack.owner and len(pack.sha256) == 64


def test_license_table_lists_every_licence_of_the_policy() -> None:
    (table,) = {rule.params.table.path: rule.params.table for rule in RULES if rule.check == "license-policy"}.values()  # type: ignore[union-attr]
    assert len(table.entries) == 87


@pytest.mark.parametrize("schema", sorted(SCHEMAS.glob("*.schema.json")), ids=lambda path: path.name)
def test_rule_schemas_describe_every_key_and_refuse_unknown_ones(schema: Path) -> None:
    """A title or description on every property, and additionalProperties false on every object with properties."""
    data = json.loads(schema.read_text())

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                assert node.get("additionalProperties") is False, f"{schema.name} {where}: additionalProperties"
                for key, value in node["properties"].items():
                    described = "$ref" in value or "title" in value or "description" in value
                    assert described, f"{schema.name} {where}.{key} has no title or description"
            for key, value in node.items():
                if key != "allOf":  # the if/then that pick a check kind's parameters describe no data
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(data, "")
