"""The review memo: a report as Markdown a department and a reviewer read, findings most severe first."""

from __future__ import annotations

from pathlib import Path

from review.model import SEVERITIES
from review.policy.report import Finding, Report

SEVERITY_MEANING = {
    "blocker": "cannot be approved as written",
    "major": "needs a negotiated change or a signed-off exception",
    "minor": "ask for the change; may be accepted with a note",
    "info": "for awareness",
}


def render_memo(report: Report) -> str:
    document = report.analysis.document
    lines = [f"# Contract review: {Path(document.path).name or 'document'}", ""]
    lines += [
        f"- Document: {document.format.upper()}, {len(document.pages)} page(s), "
        f"{len(report.analysis.clauses)} clauses, SHA-256 `{document.sha256[:16]}`"
        + (", read by OCR" if document.ocr else ""),
    ]
    lines += [f"- Warning: {warning}" for warning in document.warnings]
    lines += _intake(report)
    summary = report.summary()
    lines += ["", "## Summary", ""]
    if not report.findings:
        lines.append("No departures from the city's rules were found.")
    else:
        lines.append("| Severity | Findings | Meaning |")
        lines.append("|---|---|---|")
        lines += [f"| {s.upper()} | {summary[s]} | {SEVERITY_MEANING[s]} |" for s in SEVERITIES if summary[s]]
    if any(f.assumed for f in report.findings):
        lines += [
            "",
            "No intake was given: findings from rules that apply only to some purchases are marked "
            "*(if ...)* and hold only when that condition is met.",
        ]
    for severity in SEVERITIES:
        group = [f for f in report.findings if f.severity == severity]
        if group:
            lines += ["", f"## {severity.title()} findings ({len(group)})"]
            for finding in group:
                lines += ["", *_finding(finding, report)]
    lines += ["", "## Rules used", ""]
    lines += [f"- {p.name} {p.version} ({p.owner}), SHA-256 `{p.sha256[:16]}`" for p in report.packs]
    lines.append(f"- {report.rules_evaluated} rules checked")
    if report.not_applicable:
        lines.append("- Not applicable to this purchase: " + ", ".join(
            f"{item.rule} (applies when {item.applies_to})" for item in report.not_applicable
        ))  # fmt: skip
    return "\n".join(lines) + "\n"


def _intake(report: Report) -> list[str]:
    intake = report.intake
    if intake is None:
        return ["- Intake: none given"]
    data = ", ".join(intake.data) or "none"
    return [
        f"- Department: {intake.department}; vendor: {intake.vendor}; product: {intake.product}",
        f"- Annual cost: ${intake.annual_cost:,.0f}; term: {intake.term_months} months; hosting: {intake.hosting}; "
        f"data handled: {data}; public facing: {'yes' if intake.public_facing else 'no'}; "
        f"critical: {'yes' if intake.critical else 'no'}; custom development: "
        f"{'yes' if intake.custom_development else 'no'}",
        f"- Intake flags: {', '.join(sorted(intake.flags())) or 'none'}",
    ]


def _finding(finding: Finding, report: Report) -> list[str]:
    condition = f" *(if {finding.applies_to})*" if finding.assumed else ""
    lines = [f"### {finding.severity.upper()} · {finding.rule}: {finding.title}{condition}", ""]
    lines += [finding.message, ""]
    where = _where(finding, report)
    if where:
        lines.append(f"- Where: {where}")
    if finding.quote:
        lines += ["- Contract says:", "", "  > " + " ".join(finding.quote.split()), ""]
    if finding.searched:
        lines.append(f"- Not found: {finding.searched}")
    if finding.value and finding.threshold:
        lines.append(f"- Found: {finding.value}; the city's limit: {finding.threshold}")
    if finding.escalated:
        lines.append(f"- Raised to {finding.severity}: {finding.escalated}")
    lines += [f"- Why: {finding.why}", f"- Policy: {finding.reference}", f"- Propose instead: {finding.fallback}"]
    return lines


def _where(finding: Finding, report: Report) -> str:
    clauses = {item.clause.id: item.clause for item in report.analysis.clauses}
    parts = []
    for clause_id in finding.clause_ids:
        clause = clauses.get(clause_id)
        if clause is not None:
            label = " ".join(part for part in (clause.number, clause.heading) if part) or clause.id
            parts.append(f"clause {label}")
    if finding.page is not None:
        parts.append(f"page {finding.page}")
    return ", ".join(parts)
