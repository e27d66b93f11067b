"""The review memo as a Word document: the case, the intake, the findings with their dispositions, the decision.

It is the record a department files and a manager signs off, so it says everything in words: a finding's
severity is written out (never only a colour), each disposition says who made it and why, and the
"Approvals" section lists every waived blocker and every decision with the person who made it.

    >>> from review.export import write_memo
    >>> write_memo(case, "case-42-memo.docx")     # doctest: +SKIP
    PosixPath('case-42-memo.docx')

Sections: title; Case (a summary table); Intake; Summary (findings by severity); Findings (one row each:
severity, rule, finding, where, disposition, the City's fallback position); Resolved by version N (when the
latest version resolved findings of the one before); Decision; Approvals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from review.export.labels import AUTHOR, DISPOSITION_WORDS, one_line, when, words, writable, xml_safe
from review.model import SEVERITIES
from review.policy.memo import SEVERITY_MEANING
from review.workflow.views import CaseView, FindingView

KEY_VALUE_STYLE = "Table Grid"
LIST_STYLE = "Light Grid Accent 1"


def write_memo(case: CaseView, path: str | Path) -> Path:
    """Write the case's review memo (DOCX) to `path` and return the path."""
    document = docx.Document()
    title = f"Technology contract review: {one_line(case.vendor)} — {one_line(case.product)}"
    document.core_properties.title = title
    document.core_properties.author = AUTHOR
    document.add_heading(title, level=0)

    document.add_heading("Case", level=1)
    _key_values(document, _case_rows(case))

    document.add_heading("Intake", level=1)
    if case.intake:
        _key_values(document, [(_label(key), _value(value)) for key, value in case.intake.items()])
    else:
        document.add_paragraph("No intake was recorded for this case.")

    _summary(document, case)
    _findings(document, case)
    if case.resolved:
        _resolved(document, case)
    _decisions(document, case)
    _approvals(document, case)

    target = writable(path)
    document.save(str(target))
    return target


def _case_rows(case: CaseView) -> list[tuple[str, str]]:
    documents = "\n".join(
        f"Version {d.version}: {d.file_name} ({d.format.upper()}, {d.pages} page{'s' if d.pages != 1 else ''}, "
        f"SHA-256 {d.sha256[:16]}…)"
        for d in case.documents
    )
    return [
        ("Case", str(case.id)),
        ("Vendor", case.vendor),
        ("Product", case.product),
        ("Department", case.department),
        ("Submitted by", case.submitted_by),
        ("Submitted at", when(case.submitted_at)),
        ("Status", words(case.status)),
        ("Version", str(case.version)),
        ("Documents", documents or "none"),
    ]


def _summary(document: Any, case: CaseView) -> None:
    document.add_heading("Summary", level=1)
    counts = case.severity_counts()
    undisposed = {s: sum(1 for f in case.findings if f.severity == s and f.disposition is None) for s in SEVERITIES}
    total = len(case.findings)
    document.add_paragraph(
        f"{total} finding{'s' if total != 1 else ''} in version {case.version}; "
        f"{case.undisposed_blockers} blocker{'s' if case.undisposed_blockers != 1 else ''} not yet disposed of."
    )
    rows = [(s.upper(), str(counts[s]), str(undisposed[s]), SEVERITY_MEANING[s]) for s in SEVERITIES]
    _table(document, ("Severity", "Findings", "Not yet disposed", "Meaning"), rows)


def _findings(document: Any, case: CaseView) -> None:
    document.add_heading("Findings", level=1)
    if not case.findings:
        document.add_paragraph("No departures from the city's rules were found.")
        return
    header = ("Severity", "Rule", "Finding", "Where", "Disposition", "City position")
    rows = [
        (f.severity.upper(), f.rule, _finding(f), _where(f), _disposition(f), one_line(f.fallback))
        for f in case.findings
    ]
    table = _table(document, header, rows)
    for row in table.rows[1:]:  # the severity word in bold, so it reads first
        for paragraph in row.cells[0].paragraphs:
            for run in paragraph.runs:
                run.bold = True


def _finding(finding: FindingView) -> str:
    lines = [one_line(finding.title)]
    if finding.value and finding.threshold:
        lines.append(f"Found: {finding.value}; the city's limit: {finding.threshold}")
    if finding.change == "new":
        lines.append(f"New in version {finding.version}")
    return "\n".join(lines)


def _where(finding: FindingView) -> str:
    if not finding.quote:
        # a term missing from a contract of several documents belongs to none of them
        return f"Not in the contract ({finding.document})" if finding.document else "In none of its documents"
    parts = [finding.document or "the contract"]
    if finding.page is not None:
        parts.append(f"page {finding.page}")
    return ", ".join(parts)


def _disposition(finding: FindingView) -> str:
    if finding.disposition is None:
        return "Not yet disposed of"
    text = DISPOSITION_WORDS.get(finding.disposition, words(finding.disposition))
    if finding.reason:
        text += f": {one_line(finding.reason)}"
    by = ", ".join(part for part in (finding.disposed_by or "", when(finding.disposed_at)) if part)
    return f"{text}\n({by})" if by else text


def _resolved(document: Any, case: CaseView) -> None:
    document.add_heading(f"Resolved by version {case.version}", level=1)
    document.add_paragraph(f"Findings of version {case.version - 1} that version {case.version} no longer has:")
    for finding in case.resolved:
        document.add_paragraph(
            f"{finding.severity.upper()} · {finding.rule}: {one_line(finding.title)}", style="List Bullet"
        )


def _decisions(document: Any, case: CaseView) -> None:
    document.add_heading("Decision", level=1)
    if not case.decisions:
        document.add_paragraph("No decision has been recorded yet.")
        return
    rows = [
        (words(d.decision), str(d.version), one_line(d.note), f"{d.decided_by} ({words(d.decided_role)})", when(d.at))
        for d in case.decisions
    ]
    _table(document, ("Decision", "Version", "Note", "By", "When"), rows)
    if case.decisions[-1].decision != case.status:  # reopened, or a new version came in since
        document.add_paragraph(
            f"The case was taken back into review after its last decision; it is now {words(case.status).lower()}, "
            f"at version {case.version}."
        )


# Every way a blocker leaves the table other than negotiation is a sign-off the memo must show.
SIGN_OFF_WORDS = {"accept": "Acceptance", "waive": "Waiver", "false_positive": "Dismissal as a false positive"}


def _approvals(document: Any, case: CaseView) -> None:
    """Who signed off what: every waived blocker, then every decision, oldest first."""
    document.add_heading("Approvals", level=1)
    rows = [
        (
            f"{SIGN_OFF_WORDS[f.disposition]} of BLOCKER {f.rule}: {one_line(f.title)}",
            f.disposed_by or "",
            when(f.disposed_at),
            one_line(f.reason),
        )
        for f in case.findings
        if f.severity == "blocker" and f.disposition in SIGN_OFF_WORDS
    ]
    rows += [
        (
            f"Decision on version {d.version}: {words(d.decision)}",
            f"{d.decided_by} ({words(d.decided_role)})",
            when(d.at),
            one_line(d.note),
        )
        for d in case.decisions
    ]
    if not rows:
        document.add_paragraph("No waivers of blocker findings and no decisions have been recorded yet.")
        return
    _table(document, ("Approval", "By", "When", "Reason"), rows)


# --- tables -----------------------------------------------------------------------------------------------


def _key_values(document: Any, rows: Sequence[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = KEY_VALUE_STYLE
    for key, value in rows:
        cells = table.add_row().cells
        cells[0].text = xml_safe(key)
        cells[1].text = xml_safe(value)
        for run in cells[0].paragraphs[0].runs:
            run.bold = True


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Any:
    table = document.add_table(rows=1, cols=len(header))
    table.style = LIST_STYLE
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = xml_safe(text)
    # A header row Word repeats on every page and screen readers announce as column headers.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader", attrs={qn("w:val"): "true"}))
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = xml_safe(text)
    return table


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:,}"
    if isinstance(value, Mapping):
        return "; ".join(f"{_label(str(k))}: {_value(v)}" for k, v in value.items()) or "none"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(_value(item) for item in value) or "none"
    return one_line(str(value))
