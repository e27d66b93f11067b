"""A vendor's revised contract reviewed like the first: findings matched across the two reviews, clauses diffed.

The real pipeline on both versions (read, segment, classify, check against the city's rules), then
review.workflow.versions on the two reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from review.ingest import open_document
from review.policy.engine import review_document
from review.policy.report import Finding
from review.workflow.versions import diff_clauses, match_findings, render_diff


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_versions_of_a_revised_saas_agreement(data_dir: Path, tmp_path: Path) -> None:
    text = open_document(data_dir / "saas" / "common-paper-design-partner-agreement.docx").text
    # the vendor's revision: a breach-notice clause inserted (later clauses renumbered, every clause id after it
    # shifts), a change-of-control carve-out struck from the assignment clause, termination at will deleted
    revised = _replace_once(
        text,
        "1.2. Program and Feedback.",
        "1.2. Security Breach. Provider will notify Partner of "
        "any Security Breach within thirty (30) days of discovering it.\n\n1.3. Program and Feedback.",
    )
    revised = _replace_once(revised, "1.3. Product Improvement.", "1.4. Product Improvement.")
    revised = _replace_once(revised, "merger, change of control, reorganization", "merger, reorganization")
    revised = _replace_once(revised, "Either party may terminate this Agreement for any or no reason. ", "")
    (tmp_path / "v1.txt").write_text(text)
    (tmp_path / "v2.txt").write_text(revised)
    intake = data_dir / "intake" / "permit-portal.yaml"
    first, second = review_document(tmp_path / "v1.txt", intake), review_document(tmp_path / "v2.txt", intake)

    match = match_findings([_stored(f) for f in first.findings], [_stored(f) for f in second.findings])

    old, new = first.findings, second.findings
    persisting = {old[i].rule: (old[i], new[j]) for i, j in match.pairs}
    assert persisting["GOV-CPRA-CONFIDENTIALITY"][0].quote == persisting["GOV-CPRA-CONFIDENTIALITY"][1].quote
    assert persisting["GOV-CPRA-CONFIDENTIALITY"][0].id != persisting["GOV-CPRA-CONFIDENTIALITY"][1].id  # shifted
    assert "change of control" not in (persisting["LEG-ASSIGNMENT-WITHOUT-CONSENT"][1].quote or "")  # edited
    assert sorted((old[i].rule, old[i].kind) for i in match.resolved) == [
        ("DATA-BREACH-NOTICE-WINDOW", "missing"), ("LEG-UNILATERAL-SUSPENSION", "present"),
    ]  # fmt: skip
    assert sorted((new[j].rule, new[j].kind) for j in match.new) == [
        ("DATA-BREACH-NOTICE-WINDOW", "value"), ("FIN-TERMINATION-FOR-CONVENIENCE", "missing"),
    ]  # fmt: skip
    assert len(match.pairs) == len(old) - 2 == len(new) - 2

    before = [item.clause for item in first.analysis.clauses]
    after = [item.clause for item in second.analysis.clauses]
    changes = diff_clauses(before, after)
    assert [(c.kind, after[c.new].number) for c in changes if c.kind != "same" and c.new is not None] == [
        ("added", "1.2"), ("changed", "3.2"), ("changed", "7.7"),
    ]  # fmt: skip
    rendered = render_diff(changes, before, after)
    assert "[-change of control,-]" in rendered
    assert rendered.endswith(f"2 changed, 1 added, 0 removed; {len(before) - 2} unchanged (2 renumbered)")


@dataclass(frozen=True)
class _Stored:
    """A finding as the store keeps it (FindingView): the report's finding id is its `key`."""

    key: str
    rule: str
    kind: str
    quote: str | None


def _stored(finding: Finding) -> _Stored:
    return _Stored(finding.id, finding.rule, finding.kind, finding.quote)
