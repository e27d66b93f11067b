"""Contract versions: matching findings across two reviews and the clause-level diff (review.workflow.versions)."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from review.ingest import open_document
from review.policy.report import finding_id
from review.segment import segment
from review.workflow.versions import (
    CLAUSE_SIMILARITY,
    FINDING_SIMILARITY,
    ClauseChange,
    _similar_pairs,
    _words,
    diff_clauses,
    match_findings,
    render_diff,
    same_wording,
    text_similarity,
)

CUAD = Path(__file__).parents[1] / "data" / "cuad"


@dataclass(frozen=True)
class Finding:
    key: str
    rule: str
    kind: str
    quote: str | None


@dataclass(frozen=True)
class Clause:
    number: str | None
    heading: str | None
    text: str


def finding(rule: str, quote: str | None, *, clause: str = "c1", kind: str = "present") -> Finding:
    """A finding keyed like the report's: the key changes with the clause id or any word of the quote."""
    return Finding(finding_id(rule, (clause,) if quote else (), quote), rule, kind, quote)


LIABILITY = (
    "9.2 Limitation of Liability. In no event shall Vendor's aggregate liability exceed the fees paid by the City "
    "in the twelve (12) months preceding the claim."
)
TERMINATION = "Either party may terminate this Agreement for convenience upon thirty (30) days prior written notice."
RENEWAL = "This Agreement renews automatically for successive one-year terms unless either party gives notice."
VENUE = "Any dispute arising under this Agreement shall be resolved exclusively in the courts of Delaware."

# Realistic edits a vendor makes between versions, with the quote before and after. Edits that keep the
# finding (the rule still fires on the same sentence) must score at or above the threshold, rewrites below it.
EDITS = [
    pytest.param(LIABILITY, LIABILITY.replace("9.2", "10.2"), id="renumbered clause"),
    pytest.param(TERMINATION, TERMINATION.replace("thirty (30)", "sixty (60)"), id="changed number"),
    pytest.param(TERMINATION, TERMINATION.replace("prior written notice", "notice in writing"), id="reworded tail"),
    pytest.param(LIABILITY, LIABILITY.replace("claim.", "claim, except for breaches of confidentiality."),
                 id="exception added"),
    pytest.param("Payment terms: 30 days after receipt of invoice.", "Payment terms: 45 days after receipt of invoice.",
                 id="short sentence, changed number"),
]  # fmt: skip
REWRITES = [
    pytest.param(LIABILITY, "Vendor's total liability under this Agreement is limited to the amounts the City paid "
                 "in the prior year.", id="liability rewritten"),
    pytest.param(TERMINATION, "The City may end this Agreement at any time, for any reason, by telling the Vendor "
                 "in writing.", id="termination rewritten"),
    pytest.param(RENEWAL, VENUE, id="another clause"),
]  # fmt: skip


# --- text similarity and the thresholds --------------------------------------------------------------------------


@pytest.mark.parametrize(("before", "after"), EDITS)
def test_text_similarity_keeps_realistic_edits_above_the_finding_threshold(before: str, after: str) -> None:
    assert text_similarity(before, after) >= FINDING_SIMILARITY + 0.1  # a margin, not a knife edge


@pytest.mark.parametrize(("before", "after"), REWRITES)
def test_text_similarity_puts_rewrites_below_the_clause_threshold(before: str, after: str) -> None:
    assert text_similarity(before, after) < CLAUSE_SIMILARITY - 0.1 < FINDING_SIMILARITY


def test_text_similarity_ignores_case_punctuation_spacing_and_curly_quotes() -> None:
    assert (
        text_similarity("The “Services”  means the\nhosted software.", 'the "services" means THE hosted software')
        == 1.0
    )


def test_text_similarity_keeps_unrelated_clauses_of_a_real_contract_below_the_clause_threshold() -> None:
    clauses = [c.text for c in segment(open_document(CUAD / "DataCall-Content-License-Agreement.pdf"))]
    scores = sorted(text_similarity(a, b) for k, a in enumerate(clauses) for b in clauses[k + 1 :] if len(a) > 200)
    assert scores[int(len(scores) * 0.99)] < CLAUSE_SIMILARITY


# --- match_findings ----------------------------------------------------------------------------------------------


def test_match_findings_pairs_unchanged_findings_by_key() -> None:
    old = [finding("R-LIABILITY", LIABILITY), finding("R-NOTICE", TERMINATION), finding("R-ADA", None, kind="missing")]
    result = match_findings(old, list(old))
    assert result.pairs == ((0, 0), (1, 1), (2, 2))
    assert result.resolved == result.new == ()


def test_match_findings_prefers_the_identical_key_to_a_similar_quote() -> None:
    old = [finding("R-NOTICE", TERMINATION)]
    edited = finding("R-NOTICE", TERMINATION.replace("thirty (30)", "sixty (60)"))
    new = [edited, old[0]]  # the similar one comes first
    assert match_findings(old, new).pairs == ((0, 1),)
    assert match_findings(old, new).new == (0,)


def test_match_findings_renumbered_clause_persists() -> None:
    old = [finding("R-LIABILITY", LIABILITY, clause="c31")]
    new = [finding("R-LIABILITY", LIABILITY.replace("9.2", "10.2"), clause="c33")]
    assert old[0].key != new[0].key
    assert match_findings(old, new).pairs == ((0, 0),)


def test_match_findings_same_quote_in_a_shifted_clause_persists() -> None:
    # a clause inserted before it shifts the clause ids, so the key changes while the quote does not
    old = [finding("R-NOTICE", TERMINATION, clause="c7"), finding("R-NOTICE", RENEWAL, clause="c9")]
    new = [finding("R-NOTICE", RENEWAL, clause="c10"), finding("R-NOTICE", TERMINATION, clause="c8")]
    assert match_findings(old, new).pairs == ((0, 1), (1, 0))


def test_match_findings_changed_number_in_the_same_sentence_persists() -> None:
    old = [finding("R-NOTICE", TERMINATION)]
    new = [finding("R-NOTICE", TERMINATION.replace("thirty (30)", "sixty (60)"))]
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == (((0, 0),), (), ())


def test_match_findings_rewritten_sentence_is_resolved_and_new() -> None:
    old = [finding("R-LIABILITY", LIABILITY)]
    new = [finding("R-LIABILITY", "Vendor's total liability under this Agreement is limited to the amounts the City "
                   "paid in the prior year.")]  # fmt: skip
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == ((), (0,), (0,))


def test_match_findings_deleted_clause_is_resolved() -> None:
    old = [finding("R-RENEWAL", RENEWAL), finding("R-NOTICE", TERMINATION)]
    new = [finding("R-NOTICE", TERMINATION)]
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == (((1, 0),), (0,), ())


def test_match_findings_never_pairs_across_rules_or_kinds() -> None:
    old = [finding("R-RENEWAL", RENEWAL), finding("R-CAP", LIABILITY, kind="value")]
    new = [finding("R-TERM", RENEWAL), finding("R-CAP", LIABILITY, kind="present")]
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == ((), (0, 1), (0, 1))


def test_match_findings_missing_terms_match_by_rule_and_kind_in_order() -> None:
    old = [
        Finding("k1", "R-ADA", "missing", None),
        Finding("k2", "R-ADA", "missing", None),
        Finding("k3", "R-BREACH", "missing", None),
    ]
    new = [Finding("x1", "R-ADA", "missing", None), Finding("x2", "R-BREACH", "missing", None),
           Finding("x3", "R-VENUE", "missing", None)]  # fmt: skip
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == (((0, 0), (2, 1)), (1,), (2,))


def test_match_findings_is_one_to_one_most_similar_first() -> None:
    twice_edited = TERMINATION.replace("thirty (30)", "ninety (90)").replace(" for convenience", "")
    old = [finding("R-NOTICE", twice_edited), finding("R-NOTICE", TERMINATION)]
    new = [finding("R-NOTICE", TERMINATION.replace("thirty (30)", "sixty (60)"))]  # one edit from old 1, two from old 0
    similarities = [text_similarity(f.quote or "", new[0].quote or "") for f in old]
    assert FINDING_SIMILARITY <= similarities[0] < similarities[1]
    result = match_findings(old, new)
    assert (result.pairs, result.resolved, result.new) == (((1, 0),), (0,), ())


def test_match_findings_breaks_ties_by_order() -> None:
    edited = TERMINATION.replace("thirty (30)", "sixty (60)")
    old = [finding("R-NOTICE", TERMINATION, clause="c1"), finding("R-NOTICE", TERMINATION, clause="c2")]
    new = [finding("R-NOTICE", edited, clause="c3"), finding("R-NOTICE", edited, clause="c4")]
    assert match_findings(old, new).pairs == ((0, 0), (1, 1))
    assert match_findings(old, new) == match_findings(old, new)


@pytest.mark.parametrize("threshold", [0, -0.5, 1.5])
def test_match_findings_and_diff_clauses_refuse_a_threshold_outside_0_to_1(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        match_findings([], [], threshold=threshold)
    with pytest.raises(ValueError, match="threshold"):
        diff_clauses([], [], threshold=threshold)


def test_match_findings_threshold_can_be_tightened() -> None:
    old = [finding("R-NOTICE", TERMINATION)]
    new = [finding("R-NOTICE", TERMINATION.replace("thirty (30)", "sixty (60)"))]
    assert match_findings(old, new, threshold=0.95).pairs == ()


@functools.cache
def _sentences() -> list[str]:
    """Sentences and longer phrases of the CUAD contracts in tests/data, distinct, in document order."""
    sentences: list[str] = []
    for name in (
        "Xinhua-Content-License-Agreement",
        "DataCall-Content-License-Agreement",
        "Freecook-Hosting-Agreement",
    ):
        text = " ".join(open_document(CUAD / f"{name}.pdf").text.split())
        sentences += [s for s in re.split(r"(?<=[.;:,])\s+", text) if len(s.split()) >= 6]
    return list(dict.fromkeys(sentences))


def _edit(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    for _ in range(rng.randint(0, 3)):
        words[rng.randrange(len(words))] = rng.choice(["sixty", "(60)", "City", "Vendor", "not"])
    return " ".join(words)


@pytest.mark.parametrize("threshold", [FINDING_SIMILARITY, CLAUSE_SIMILARITY, 0.3])
def test_similar_pairs_finds_exactly_the_pairs_comparing_every_pair_finds(threshold: float) -> None:
    # the prefix filter is an optimisation: it must not lose a pair
    rng = random.Random(5)
    sentences = _sentences()
    olds = [frozenset(_words(s)) | frozenset(" ".join(p) for p in zip(_words(s), _words(s)[1:], strict=False))
            for s in rng.sample(sentences, 120)]  # fmt: skip
    news = [frozenset(_words(t)) | frozenset(" ".join(p) for p in zip(_words(t), _words(t)[1:], strict=False))
            for t in (_edit(s, rng) for s in rng.sample(sentences, 120))]  # fmt: skip
    brute = sorted(
        (2 * len(a & b) / (len(a) + len(b)), r, c)
        for r, a in enumerate(olds)
        for c, b in enumerate(news)
        if 2 * len(a & b) / (len(a) + len(b)) >= threshold
    )
    assert sorted(_similar_pairs(olds, news, threshold)) == brute
    assert brute  # the sample does contain similar pairs


def test_match_findings_200_by_200_in_one_rule_pairs_the_edited_quotes() -> None:
    # (its speed is measured by bench/versions_speed.py, not here)
    rng = random.Random(1)
    sentences = _sentences()[:200]
    assert len(sentences) == 200
    old = [Finding(f"a{i}", "R", "present", s) for i, s in enumerate(sentences)]
    new = [Finding(f"b{i}", "R", "present", _edit(s, rng)) for i, s in enumerate(sentences)]
    assert len(match_findings(old, new).pairs) >= 190


# --- diff_clauses ------------------------------------------------------------------------------------------------

V1 = [
    Clause("1", "Term", "1. Term. This Agreement begins on the Effective Date and lasts three (3) years."),
    Clause("2", "Renewal", "2. Renewal. " + RENEWAL),
    Clause("3", "Payment", "3. Payment. The City shall pay undisputed invoices within thirty (30) days of receipt."),
    Clause("4", "Venue", "4. Venue. " + VENUE),
]


def kinds(changes: tuple[ClauseChange, ...]) -> list[tuple[str, int | None, int | None]]:
    return [(c.kind, c.old, c.new) for c in changes]


def test_diff_clauses_identical_versions_are_all_same() -> None:
    changes = diff_clauses(V1, list(V1))
    assert kinds(changes) == [("same", i, i) for i in range(4)]
    assert all(c.similarity == 1.0 and c.words == () for c in changes)


def test_diff_clauses_empty_versions() -> None:
    assert diff_clauses([], []) == ()
    assert kinds(diff_clauses([], V1[:1])) == [("added", None, 0)]
    assert kinds(diff_clauses(V1[:1], [])) == [("removed", 0, None)]


def test_diff_clauses_renumbered_identical_clause_is_same() -> None:
    v2 = [Clause("1", "Term", V1[0].text), Clause("3", "Renewal", V1[1].text.replace("2.", "3.", 1))]
    assert kinds(diff_clauses(V1[:2], v2)) == [("same", 0, 0), ("same", 1, 1)]


def test_diff_clauses_ignores_spacing_and_typographic_quotes() -> None:
    v1 = [Clause("1", None, "1. The \u201cServices\u201d means the hosted software.")]
    v2 = [Clause("1", None, '1.  The "Services"\nmeans the  hosted software.')]
    assert kinds(diff_clauses(v1, v2)) == [("same", 0, 0)]


def test_diff_clauses_edited_clause_is_changed_with_its_word_diff() -> None:
    v2 = [*V1[:2], replace(V1[2], text=V1[2].text.replace("thirty (30)", "sixty (60)")), V1[3]]
    changes = diff_clauses(V1, v2)
    assert kinds(changes) == [("same", 0, 0), ("same", 1, 1), ("changed", 2, 2), ("same", 3, 3)]
    assert changes[2].words == (
        ("=", "Payment. The City shall pay undisputed invoices within"),
        ("-", "thirty (30)"),
        ("+", "sixty (60)"),
        ("=", "days of receipt."),
    )
    assert CLAUSE_SIMILARITY <= changes[2].similarity < 1.0


def test_diff_clauses_case_only_change_is_changed() -> None:
    v2 = [replace(V1[0], text=V1[0].text.replace("Effective Date", "effective date")), *V1[1:]]
    change = diff_clauses(V1, v2)[0]
    assert (change.kind, change.similarity) == ("changed", 1.0)
    assert ("-", "Effective Date") in change.words and ("+", "effective date") in change.words


def test_diff_clauses_lists_added_and_removed_in_new_order_with_removed_where_they_were() -> None:
    new_clause = Clause("3", "Accessibility", "3. Accessibility. The Services shall conform to WCAG 2.1 Level AA.")
    v2 = [V1[0], V1[2], new_clause, V1[3]]  # Renewal deleted, Accessibility inserted after Payment
    changes = diff_clauses(V1, v2)
    assert kinds(changes) == [("same", 0, 0), ("removed", 1, None), ("same", 2, 1), ("added", None, 2), ("same", 3, 3)]
    assert [c.similarity for c in changes if c.kind in ("added", "removed")] == [0.0, 0.0]


def test_diff_clauses_unrelated_clause_in_the_same_place_is_removed_and_added() -> None:
    v2 = [V1[0], Clause("2", "Termination", "2. Termination. " + TERMINATION), *V1[2:]]
    assert kinds(diff_clauses(V1, v2))[1:3] == [("removed", 1, None), ("added", None, 1)]


def test_diff_clauses_pairs_edited_clauses_in_order_inside_a_replaced_block() -> None:
    v2 = [
        V1[0],
        replace(V1[1], text=V1[1].text.replace("one-year", "two-year")),
        Clause("3", "Security", "3. Security. Vendor shall encrypt City Data at rest and in transit."),
        replace(V1[2], number="4", text=V1[2].text.replace("3.", "4.", 1).replace("thirty (30)", "sixty (60)")),
        replace(V1[3], number="5", text=V1[3].text.replace("4.", "5.", 1)),
    ]
    assert kinds(diff_clauses(V1, v2)) == [
        ("same", 0, 0), ("changed", 1, 1), ("added", None, 2), ("changed", 2, 3), ("same", 3, 4),
    ]  # fmt: skip


# --- render_diff -------------------------------------------------------------------------------------------------


def test_render_diff_marks_changes_and_counts_unchanged_clauses() -> None:
    new_clause = Clause("5", "Accessibility", "5. Accessibility. The Services shall conform to WCAG 2.1 Level AA.")
    v2 = [
        V1[0],
        replace(V1[2], number="2", text=V1[2].text.replace("3.", "2.", 1).replace("thirty (30)", "sixty (60)")),
        replace(V1[3], number="3", text=V1[3].text.replace("4.", "3.", 1)),
        new_clause,
    ]
    assert render_diff(diff_clauses(V1, v2), V1, v2) == "\n".join([
        "- 2 Renewal",
        "    Renewal. This Agreement renews automatically for successive one-year terms unless either party",
        "    gives notice.",
        "~ 2 Payment (was 3)",
        "    … City shall pay undisputed invoices within [-thirty (30)-]{+sixty (60)+} days of receipt.",
        "+ 5 Accessibility",
        "    Accessibility. The Services shall conform to WCAG 2.1 Level AA.",
        "1 changed, 1 added, 1 removed; 2 unchanged (1 renumbered)",
    ])  # fmt: skip


def test_render_diff_shortens_long_unchanged_stretches_and_labels_clauses_without_heading() -> None:
    long = "9. " + " ".join(f"word{k}" for k in range(40))
    v1 = [Clause("9", None, long)]
    v2 = [Clause("9", None, long.replace("word20", "WORD20"))]
    text = render_diff(diff_clauses(v1, v2), v1, v2)
    assert text.splitlines()[0] == "~ 9 word0 word1 word2 word3 word4 word5 word6 word7 …"
    assert "… word14 word15 word16 word17 word18 word19 [-word20-]{+WORD20+} word21 word22" in text
    assert text.splitlines()[-1] == "1 changed, 0 added, 0 removed; 0 unchanged"


# --- a real contract ---------------------------------------------------------------------------------------------


def test_diff_clauses_reports_exactly_the_edits_of_a_revised_cuad_contract() -> None:
    document = open_document(CUAD / "DataCall-Content-License-Agreement.pdf")
    old = [Clause(c.number, c.heading, c.text) for c in segment(document)]
    at: dict[str, int] = {}  # the body's clauses by number (the appendix numbers its own from 1 again)
    for k, clause in enumerate(old):
        if clause.number and clause.text.startswith(f"{clause.number} "):
            at.setdefault(clause.number, k)
    assert "within 14 days" in old[at["2.1"]].text
    new = list(old)
    new[at["2.1"]] = replace(old[at["2.1"]], text=old[at["2.1"]].text.replace("within 14 days", "within 30 days"))
    for number, renumbered in (("3.3", "3.2"), ("3.4", "3.3")):  # 3.2 is deleted below, the rest move up
        clause = old[at[number]]
        new[at[number]] = Clause(renumbered, clause.heading, renumbered + clause.text.removeprefix(number))
    inserted = Clause("3.4", None, "3.4 plan_b shall make the Content accessible to End Users with disabilities in "
                      "accordance with WCAG 2.1 Level AA.")  # fmt: skip
    new.insert(at["3.4"] + 1, inserted)
    del new[at["3.2"]]

    changes = diff_clauses(old, new)

    edits = [(c.kind, c.old, c.new) for c in changes if c.kind != "same"]
    assert edits == [("changed", at["2.1"], at["2.1"]), ("removed", at["3.2"], None), ("added", None, at["3.4"])]
    by_old = {c.old: c for c in changes}
    assert [w for w in by_old[at["2.1"]].words if w[0] != "="] == [("-", "14"), ("+", "30")]
    assert (by_old[at["3.3"]].kind, by_old[at["3.3"]].new) == ("same", at["3.3"] - 1)  # renumbered 3.2
    assert sum(c.kind == "same" for c in changes) == len(old) - 2
    text = render_diff(changes, old, new)
    assert "~ 2.1 LICENSOR shall make a first delivery of Content …" in text
    assert "[-14-]{+30+}" in text and "- 3.2 plan_b shall use" in text and "+ 3.4 plan_b shall make" in text
    assert text.endswith(f"1 changed, 1 added, 1 removed; {len(old) - 2} unchanged (2 renumbered)")


def test_same_wording_ignores_clause_numbers_case_and_spacing_but_not_words() -> None:
    assert same_wording("5.1 Provider may use Customer Data.", "4.1  Provider may use customer data")
    assert not same_wording("5.1 Provider may use Customer Data.", "5.1 Provider may not use Customer Data.")
    assert same_wording(None, None) and not same_wording(None, "5.1 Provider")
