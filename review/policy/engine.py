"""Checking an analysed contract against the rule packs, with the intake and the vendor's SBOM.

>>> import review
>>> report = review.review_document("contract.pdf", intake="intake.yaml")    # doctest: +SKIP
>>> [(f.rule, f.severity, f.page) for f in report.findings]                    # doctest: +SKIP
[('GOV-INDEMNITY-BY-CITY', 'blocker', 7), ...]

Without an intake, every rule is checked and a finding from a rule that applies only to some purchases
(`applies_to: hosted`) is marked `assumed`, so the reviewer sees it rests on that condition.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from review.model import SEVERITY_RANK, Severity
from review.policy.checks import CHECKS, Context, Hit
from review.policy.conditions import Facts
from review.policy.intake import FLAGS, Intake
from review.policy.report import Finding, NotApplicable, PackUsed, Report, finding_id
from review.policy.rules import Rule, RuleSet, load_rules
from review.policy.sbom import Component, read_sbom


def facts_of(intake: Intake | None) -> Facts | None:
    """The intake as the names conditions use: each flag True or False, and the figures."""
    if intake is None:
        return None
    flags = intake.flags()
    return {**{flag: flag in flags for flag in FLAGS}, **intake.values(), "term_months": float(intake.term_months)}


def check(
    analysis: Any,
    intake: Intake | None = None,
    components: Sequence[Component] = (),
    rules: RuleSet | None = None,
    only: Sequence[str] | None = None,
) -> Report:
    """Every applicable rule (or only the rules with the ids in `only`) against an `Analysis`."""
    rules = rules or load_rules()
    facts = facts_of(intake)
    context = Context(analysis, facts, components, rules.vocabulary)
    chosen = [rules.by_id(rule_id) for rule_id in only] if only is not None else list(rules)
    findings: list[Finding] = []
    not_applicable = []
    evaluated = 0
    for rule in chosen:
        applies = rule.applies_to.evaluate(facts)
        if applies is False:
            not_applicable.append(NotApplicable(rule.id, str(rule.applies_to)))
            continue
        evaluated += 1
        for hit in CHECKS[rule.check](rule, context):
            findings.append(_finding(rule, hit, context, assumed=applies is None))
    findings.sort(key=lambda f: (SEVERITY_RANK[f.severity], f.start if f.start is not None else -1, f.rule))
    packs = tuple(PackUsed(p.name, p.version, p.owner, p.sha256) for p in rules.packs)
    return Report(analysis, tuple(findings), packs, intake, tuple(components), tuple(not_applicable), evaluated)


def _finding(rule: Rule, hit: Hit, context: Context, assumed: bool) -> Finding:
    severity: Severity = hit.severity or rule.severity
    escalated = hit.escalated
    if escalated is None and context.facts is not None:
        for escalation in rule.escalate:
            if escalation.on not in (None, hit.kind):
                continue
            if escalation.when is not None and escalation.when.evaluate(context.facts):
                if SEVERITY_RANK[escalation.to] < SEVERITY_RANK[severity]:
                    severity, escalated = escalation.to, escalation.reason
                break
    quote, page, start, end = hit.quote, None, None, None
    if hit.sentence is not None:
        start, end = context.sentences.spans[hit.sentence]
        quote = context.sentences.sentence_text(hit.sentence)
        page = context.page_of(start)
    message = rule.message.format(**hit.fields) if hit.fields else rule.message
    return Finding(
        id=finding_id(rule.id, hit.clause_ids, quote, hit.value),
        rule=rule.id,
        pack=rule.pack,
        severity=severity,
        title=rule.title,
        message=message,
        kind=hit.kind,
        clause_ids=hit.clause_ids,
        quote=quote,
        page=page,
        start=start,
        end=end,
        value=hit.value,
        threshold=hit.threshold,
        reference=rule.reference,
        fallback=rule.fallback,
        why=rule.why,
        applies_to=str(rule.applies_to),
        assumed=assumed,
        escalated=escalated,
        searched=hit.searched,
    )


def judge_absence_together(reports: Sequence[Report]) -> list[Report]:
    """The documents of one contract (agreement, order form, data processing addendum, service levels):
    a required term is missing only when no document has it (RULES.md 11), and is then reported once, on
    the first document, saying which documents were searched."""
    if len(reports) < 2:
        return list(reports)
    missing = [{f.rule for f in report.findings if f.kind == "missing"} for report in reports]
    everywhere = set.intersection(*missing)
    names = ", ".join(Path(report.analysis.document.path).name for report in reports)
    combined = []
    for k, report in enumerate(reports):
        kept = []
        for finding in report.findings:
            if finding.kind != "missing":
                kept.append(finding)
            elif finding.rule in everywhere and k == 0:
                kept.append(replace(finding, searched=f"{finding.searched} Searched together: {names}."))
        combined.append(replace(report, findings=tuple(kept)))
    return combined


def read_intake(intake: Intake | Mapping[str, Any] | str | Path | None) -> Intake | None:
    if intake is None or isinstance(intake, Intake):
        return intake
    if isinstance(intake, Mapping):
        return Intake.from_mapping(intake)
    return Intake.load(intake)


def review_document(
    path: str | Path,
    intake: Intake | Mapping[str, Any] | str | Path | None = None,
    sbom: Sequence[Component] | str | Path | None = None,
    *,
    password: str | None = None,
    rules: RuleSet | None = None,
) -> Report:
    """Read, analyse and check one contract. `intake` is an Intake, a mapping or a YAML/JSON file;
    `sbom` a list of components or a CycloneDX / SPDX JSON file.

    Raises an IngestError (E1xx) for a file that cannot be read, IntakeInvalid (E220), SbomInvalid (E221),
    or a RulesError (E2xx) when the rule packs do not load.
    """
    from review.extract import analyser
    from review.ingest import open_document

    analyse = analyser()
    checked_intake = read_intake(intake)
    components = read_sbom(sbom) if isinstance(sbom, str | Path) else tuple(sbom or ())
    rules = rules or load_rules()
    document = open_document(path, password=password)
    return check(analyse(document), checked_intake, components, rules)
