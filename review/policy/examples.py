"""Running every rule's examples: text that must flag and text that must pass, through the whole review.

Each example is read as a text contract, segmented, analysed by the spaCy pipeline and checked by its rule
alone, with an intake that makes the rule apply (the fewest flags its condition needs) unless the example
gives one. `python main.py rules test` and tests/rules run this.

>>> from review.policy.rules import load_rules
>>> results = run_examples(load_rules(), ["GOV-GOVERNING-LAW"])      # doctest: +SKIP
>>> all(result.ok for result in results)                             # doctest: +SKIP
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from review.policy.engine import check
from review.policy.intake import DATA_FLAGS, Intake
from review.policy.report import Finding
from review.policy.rules import Example, Rule, RuleSet
from review.policy.sbom import read_sbom_data

# What each flag needs in an intake (RULES.md 1.2 from the intake's fields)
_FLAG_FIELDS: dict[str, dict[str, Any]] = {
    **{flag: {"data": [kind]} for kind, flag in DATA_FLAGS.items()},
    "critical": {"critical": True},
    "public_facing": {"public_facing": True},
    "custom_dev": {"custom_development": True},
    "multi_year": {"term_months": 36},
}


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    example: Example
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return bool(self.findings) == (self.example.expect == "flag")

    def describe(self) -> str:
        """One line: where the example is and what went wrong (or right)."""
        where = f"{self.rule.path}:{self.example.line}"
        text = self.example.text if len(self.example.text) <= 90 else self.example.text[:87] + "..."
        if self.ok:
            return f"{where}: ok ({self.example.expect})"
        if self.example.expect == "flag":
            return f"{where}: must flag, but raised nothing: {text!r}"
        raised = "; ".join(f"{f.severity} {f.value or f.quote or f.kind}" for f in self.findings)
        return f"{where}: must pass, but raised {raised}: {text!r}"


def example_intake(rule: Rule, given: Mapping[str, Any] | None) -> Intake:
    """An intake under which the rule applies, with what the example gives on top."""
    flags = rule.applies_to.smallest_flags()
    fields: dict[str, Any] = {
        "department": "Digital Service",
        "vendor": "Example Vendor",
        "product": "Example Product",
        "annual_cost": 50000,
        "term_months": 12,
        "hosting": "saas",
        "data": [],
    }
    if "installed" in flags:
        fields["hosting"] = "hybrid" if "hosted" in flags else "on_premises"
    for flag in sorted(flags):
        for key, value in _FLAG_FIELDS.get(flag, {}).items():
            fields[key] = fields[key] + value if key == "data" else value
    fields.update(given or {})
    return Intake.from_mapping(fields, f"{rule.path}: example intake")


def run_examples(rules: RuleSet, only: Iterable[str] | None = None) -> list[ExampleResult]:
    """Every example of every rule (or of the rules with the ids in `only`), in file order."""
    from review.extract.analysis import analyse
    from review.ingest import read_bytes

    chosen = [rules.by_id(rule_id) for rule_id in only] if only is not None else list(rules)
    analyses: dict[str, Any] = {}  # several rules share an example text
    results = []
    for rule in chosen:
        for example in rule.examples:
            if example.text not in analyses:
                analyses[example.text] = analyse(read_bytes(example.text.encode("utf-8"), path="example.txt"))
            components = read_sbom_data(example.sbom, f"{rule.path}: example SBOM") if example.sbom else ()
            intake = example_intake(rule, example.intake)
            report = check(analyses[example.text], intake, components, rules, only=[rule.id])
            results.append(ExampleResult(rule, example, report.findings))
    return results
