"""The review memo (DOCX): it opens, and says the case, the findings with their dispositions and the decision."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import docx

from review.export import write_memo
from review.workflow.views import CaseView
from tests.case_views import SUBMITTED, decided, make_case, make_finding


def _tables(path: Path) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(str(path)).tables]


def _case() -> CaseView:
    findings = (
        make_finding(
            1,
            severity="blocker",
            rule="GOV-INDEMNITY-BY-CITY",
            title="The City indemnifies the vendor",
            quote="Customer will indemnify, defend, and hold harmless Provider",
            page=10,
            disposition="waive",
            reason="Council resolution 2026-14 accepts it for this pilot",
            disposed_by="dana.chief",
            disposed_at=SUBMITTED + timedelta(days=2),
        ),
        make_finding(
            2,
            severity="major",
            rule="FIN-RENEWAL-TERM-LENGTH",
            title="Renewal term longer than 12 months",
            quote="automatically renew for additional Subscription Periods",
            page=9,
            details={"value": "P36M", "threshold": "P12M"},
            disposition="flag",
            reason="ask for 12-month renewals",
            disposed_by="sam.reviewer",
            disposed_at=SUBMITTED + timedelta(days=1),
            change="new",
        ),
        make_finding(3, severity="minor", rule="OSS-SBOM", kind="missing", title="No SBOM delivery", document=None),
    )
    resolved = (make_finding(9, severity="major", rule="GOV-VENUE", title="Venue outside Marin County"),)
    case = make_case(findings, resolved=resolved, version=2)
    return decided(case)


def test_write_memo_has_the_case_findings_and_decision(tmp_path: Path) -> None:
    case = _case()
    path = write_memo(case, tmp_path / "memo.docx")

    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        "Technology contract review: Acme Software Inc. — Permit Portal",
        "Case",
        "Intake",
        "Summary",
        "Findings",
        "Resolved by version 2",
        "Decision",
        "Approvals",
    ]
    summary, intake, counts, findings, decisions, approvals = _tables(path)
    assert ["Vendor", "Acme Software Inc."] in summary and ["Status", "Approved with conditions"] in summary
    assert any(row[0] == "Documents" and "SHA-256 abababababababab" in row[1] for row in summary)
    assert ["Data", "personal, payments"] in intake and ["Annual cost", "50,000"] in intake
    assert counts[1][:3] == ["BLOCKER", "1", "0"] and counts[3][:3] == ["MINOR", "1", "1"]

    assert findings[0] == ["Severity", "Rule", "Finding", "Where", "Disposition", "City position"]
    blocker, major, minor = findings[1:]
    assert blocker[:2] == ["BLOCKER", "GOV-INDEMNITY-BY-CITY"]  # the severity as a word, not a colour
    assert blocker[3] == "msa.docx, page 10"
    assert blocker[4].startswith("Waived: Council resolution 2026-14")
    assert blocker[4].endswith("(dana.chief, 2026-11-04 09:00 UTC)")
    assert "The City's liability is limited" in blocker[5]
    assert "Found: P36M; the city's limit: P12M" in major[2] and "New in version 1" in major[2]
    assert major[4].startswith("Flagged for negotiation: ask for 12-month renewals")
    assert minor[3] == "In none of its documents" and minor[4] == "Not yet disposed of"

    assert decisions[1] == [
        "Approved with conditions",
        "1",
        "Approved once the indemnity is struck.",
        "dana.chief (Approver)",
        "2026-11-08 12:00 UTC",
    ]
    assert approvals[1][0] == "Waiver of BLOCKER GOV-INDEMNITY-BY-CITY: The City indemnifies the vendor"
    reason = "Council resolution 2026-14 accepts it for this pilot"
    assert approvals[1][1:] == ["dana.chief", "2026-11-04 09:00 UTC", reason]
    assert approvals[2][0] == "Decision on version 1: Approved with conditions"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "MAJOR · GOV-VENUE: Venue outside Marin County" in text
    styles = {t.style.name for t in document.tables}
    assert styles == {"Table Grid", "Light Grid Accent 1"}
    assert document.core_properties.title.startswith("Technology contract review: Acme")


def test_write_memo_of_a_new_case_says_nothing_is_decided_yet(tmp_path: Path) -> None:
    case = make_case((), intake={})
    document = docx.Document(str(write_memo(case, tmp_path / "memo.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "No intake was recorded for this case." in text
    assert "No departures from the city's rules were found." in text
    assert "No decision has been recorded yet." in text
    assert "No waivers of blocker findings and no decisions have been recorded yet." in text
    assert "Resolved by version" not in text


def test_write_memo_drops_characters_word_cannot_hold(tmp_path: Path) -> None:
    finding = make_finding(1, title="Fees\x0b due\x00 on signature", reason="ok\x1f", disposition="accept")
    case = replace(make_case([finding]), vendor="Acme\x07 Inc.")
    document = docx.Document(str(write_memo(case, tmp_path / "memo.docx")))
    assert document.paragraphs[0].text == "Technology contract review: Acme Inc. — Permit Portal"
    assert any("Fees due on signature" in cell.text for row in document.tables[3].rows for cell in row.cells)
