"""A review's result: the contract's clauses with their types and values, and the findings against policy.

`Report.to_dict()` is the JSON report other tools read (its shape is fixed by issue 4): top-level `document`,
`intake`, `clauses`, `findings`, `summary` and `rules` (the packs used, with version and SHA-256).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

from review.model import SEVERITIES, Document, Severity
from review.policy.intake import Intake
from review.policy.sbom import Component
from review.serialize import analysis_json

if TYPE_CHECKING:
    from review.extract.analysis import Analysis

FindingKind = Literal["present", "missing", "value", "license"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One place where the contract departs from policy, with its evidence and what to propose instead.

    `kind` says what was found: a prohibited term ("present"), a required term that is missing ("missing",
    with `searched` saying what was looked for), a value outside its limit ("value", with `value` and
    `threshold`), or a component licence the policy does not allow as is ("license"). `quote`, `page`,
    `start` and `end` locate the evidence in the document's text; a missing term has none.
    """

    id: str
    rule: str
    pack: str
    severity: Severity
    title: str
    message: str
    kind: FindingKind
    clause_ids: tuple[str, ...]
    quote: str | None
    page: int | None
    start: int | None
    end: int | None
    value: str | None
    threshold: str | None
    reference: str
    fallback: str
    why: str
    applies_to: str  # the rule's intake condition ("always", "hosted and personal_data", ...)
    assumed: bool = False  # the condition could not be checked (no intake): the finding holds only if it is met
    escalated: str | None = None  # why the severity is above the rule's own
    searched: str | None = None  # for a missing term: what was searched for, and where


def finding_id(rule: str, clause_ids: tuple[str, ...], quote: str | None, value: str | None = None) -> str:
    """A short id that stays the same when the same contract is reviewed again with the same rules."""
    key = "\x1f".join([rule, *clause_ids, quote or "", value or ""])
    return hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class PackUsed:
    name: str
    version: str
    owner: str
    sha256: str


@dataclass(frozen=True, slots=True)
class NotApplicable:
    rule: str
    applies_to: str


@dataclass(frozen=True)
class Report:
    """The review of one contract. `findings` are ordered by severity, then by where they are in the text."""

    analysis: Analysis
    findings: tuple[Finding, ...]
    packs: tuple[PackUsed, ...]
    intake: Intake | None
    components: tuple[Component, ...]
    not_applicable: tuple[NotApplicable, ...]
    rules_evaluated: int

    @property
    def document(self) -> Document:
        return self.analysis.document

    def summary(self) -> dict[str, int]:
        """How many findings of each severity, most severe first."""
        counts = Counter(finding.severity for finding in self.findings)
        return {severity: counts.get(severity, 0) for severity in SEVERITIES}

    def to_dict(self) -> dict[str, Any]:
        """The analysis as `classify --format json` gives it, with the intake, components, findings and rules."""
        return {
            **analysis_json(self.analysis),
            "intake": None if self.intake is None else {**asdict(self.intake), "flags": sorted(self.intake.flags())},
            "components": [asdict(component) for component in self.components],
            "findings": [{**asdict(finding), "clause_ids": list(finding.clause_ids)} for finding in self.findings],
            "summary": self.summary(),
            "rules": {
                "packs": [asdict(pack) for pack in self.packs],
                "evaluated": self.rules_evaluated,
                "not_applicable": [asdict(item) for item in self.not_applicable],
            },
        }
