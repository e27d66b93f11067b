"""The closed set of check kinds, each implemented once: required, prohibited, threshold, license-policy.

A check reads the analysed contract through a `Context` (its sentences, clause types, values, the intake
and the SBOM) and returns `Hit`s: where the rule fires and with what evidence. The engine turns hits into
findings with the rule's words, severity and escalation.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from review.model import Severity, Value
from review.policy.conditions import Facts
from review.policy.licenses import Context as UseContext
from review.policy.report import FindingKind
from review.policy.rules import (
    Find,
    LicensePolicyParams,
    Limit,
    ProhibitedParams,
    RequiredParams,
    Rule,
    ThresholdParams,
)
from review.policy.sbom import Component
from review.policy.text import SentenceIndex, TextPattern, Vocabulary

if TYPE_CHECKING:
    from review.extract.analysis import Analysis

DAYS_PER = {"days": 1.0, "hours": 1 / 24, "months": 30.44, "years": 365.25}
BUSINESS_DAY = 1.4  # calendar days (RULES.md 11: business days x 1.4)
_GREATER = re.compile(r"\bgreater\s+of\b|\bhigher\s+of\b", re.IGNORECASE)
_LESSER = re.compile(r"\blesser\s+of\b|\blower\s+of\b", re.IGNORECASE)


@dataclass
class Context:
    """One analysed contract and what the review knows about the purchase."""

    analysis: Analysis
    facts: Facts | None  # intake flags and figures; None without an intake
    components: Sequence[Component] = ()
    vocabulary: Vocabulary | None = None
    sentences: SentenceIndex = field(init=False)
    clause_types: list[dict[str, float]] = field(init=False)
    _value_starts: list[int] = field(init=False)
    _typed_cache: dict[tuple[tuple[str, ...], float], frozenset[int]] = field(init=False, default_factory=dict)
    _excepting_cache: dict[tuple[TextPattern, ...], frozenset[int]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        clauses = self.analysis.clauses
        spans = [(item.clause.start, item.clause.end) for item in clauses]
        self.sentences = SentenceIndex(self.analysis.document.text, spans, self.vocabulary)
        self.clause_types = [{score.type: score.score for score in item.types} for item in clauses]
        self._value_starts = [value.start for value in self.analysis.values]

    @property
    def annual_fees(self) -> float | None:
        fees = self.facts.get("annual_fees") if self.facts else None
        return float(fees) if fees else None

    def clause_id(self, sentence: int) -> str:
        return self.analysis.clauses[self.sentences.clause_of[sentence]].clause.id

    def page_of(self, offset: int) -> int | None:
        for item in self.analysis.clauses:
            if item.clause.start <= offset < item.clause.end:
                blocks = [b for b in self.analysis.document.blocks if b.start <= offset < b.end]
                return blocks[0].page_start if blocks else item.clause.page_start
        return None

    def values_in(self, sentence: int, kind: str) -> list[Value]:
        start, end = self.sentences.spans[sentence]
        values = self.analysis.values
        found = []
        for i in range(bisect.bisect_left(self._value_starts, start), len(values)):
            if values[i].start >= end:
                break
            if values[i].kind == kind and values[i].end <= end:
                found.append(values[i])
        return found

    def find(self, find: Find, first: bool = False) -> list[int]:
        """The sentences that count for `find`, in document order (only the first one if `first`).

        Cheap tests come first (anchors, clause types), regular expressions last, so a required term found
        early costs one search.
        """
        index = self.sentences
        pool = set().union(*(index.candidates(p) for p in find.text)) if find.text else set(range(len(index)))
        for other in find.all:
            pool &= index.candidates(other)
        if find.types:
            pool &= self._typed(find.types, find.min_score)
        found: set[int] = set()
        patterns: tuple[TextPattern | None, ...] = find.text or (None,)  # None: every sentence in the pool
        for pattern in patterns:
            for i in sorted(pool - found if pattern is None else (index.candidates(pattern) & pool) - found):
                if pattern is not None and not index.test(pattern, i):
                    continue
                if not all(index.test(other, i) for other in find.all):
                    continue
                if find.unless and self._excepted(find, i):
                    continue
                found.add(i)
                if first:
                    return [i]
        return sorted(found)

    def _typed(self, types: tuple[str, ...], min_score: float) -> frozenset[int]:
        """The sentences in clauses of one of `types` (score at least `min_score`)."""
        key = (types, min_score)
        if key not in self._typed_cache:
            clauses = {
                k for k, scores in enumerate(self.clause_types) if any(scores.get(t, 0.0) >= min_score for t in types)
            }
            self._typed_cache[key] = frozenset(i for i, k in enumerate(self.sentences.clause_of) if k in clauses)
        return self._typed_cache[key]

    def _excepted(self, find: Find, i: int) -> bool:
        index = self.sentences
        if find.unless_scope == "sentence":
            return any(index.test(pattern, i) for pattern in find.unless)
        clauses = self._excepting_clauses(find.unless)
        return bool(clauses) if find.unless_scope == "document" else index.clause_of[i] in clauses

    def _excepting_clauses(self, patterns: tuple[TextPattern, ...]) -> frozenset[int]:
        """The clauses holding a sentence that matches one of `patterns` (worked out once per list)."""
        found = self._excepting_cache.get(patterns)
        if found is None:
            matched = set().union(*(self.sentences.matching(pattern) for pattern in patterns))
            found = self._excepting_cache[patterns] = frozenset(self.sentences.clause_of[j] for j in matched)
        return found


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a rule fires; the engine adds the rule's words."""

    kind: FindingKind
    sentence: int | None = None  # the evidence (None: a missing term, or an SBOM component)
    clause_ids: tuple[str, ...] = ()
    value: str | None = None
    threshold: str | None = None
    severity: Severity | None = None  # set by checks that decide severity themselves (license-policy)
    escalated: str | None = None
    searched: str | None = None
    quote: str | None = None  # evidence that is not a sentence of the contract (SBOM components)
    fields: Mapping[str, str] = field(default_factory=dict)  # for the message's {placeholders}


Check = Callable[[Rule, Context], list[Hit]]


def required(rule: Rule, context: Context) -> list[Hit]:
    params = rule.params
    assert isinstance(params, RequiredParams)
    trigger: list[int] = []
    if params.if_present is not None:
        trigger = context.find(params.if_present, first=True)
        if not trigger:
            return []
    if context.find(params.find, first=True):
        return []
    clauses = context.analysis.clauses
    pages = context.analysis.document.pages
    searched = f"Looked for {params.looking_for} in all {len(clauses)} clauses ({len(pages)} pages)."
    # a required term taken away elsewhere ("Provider owns all data generated"): show the clause that does it
    evidence = trigger or _defeating(context, params.find)
    if evidence:
        first = evidence[0]
        return [Hit("missing", first, (context.clause_id(first),), searched=searched)]
    return [Hit("missing", searched=searched)]


def _defeating(context: Context, find: Find) -> list[int]:
    """Where an exception took a required term away: the sentence that had the term but an exception in it,
    or, for exceptions that apply to the clause or the document, the first sentence holding one."""
    if not find.unless:
        return []
    if find.unless_scope == "sentence":
        return context.find(dataclasses.replace(find, unless=()), first=True)
    matched = set().union(*(context.sentences.matching(pattern) for pattern in find.unless))
    return sorted(matched)[:1]


def prohibited(rule: Rule, context: Context) -> list[Hit]:
    params = rule.params
    assert isinstance(params, ProhibitedParams)
    return [
        Hit("present", first, (context.clause_id(first),))
        for first in _first_per_clause(context, context.find(params.find))
    ]


def threshold(rule: Rule, context: Context) -> list[Hit]:
    params = rule.params
    assert isinstance(params, ThresholdParams)
    limit = next((o for o in params.overrides if o.when.evaluate(context.facts)), params.limit)
    shown = describe_limit(limit, params)
    matched = context.find(params.find)
    if not matched:
        if params.absent == "flag":
            fields = {"value": "nothing", "threshold": shown}
            return [Hit("missing", threshold=shown, searched=_searched(context, params), fields=fields)]
        return []
    hits = []
    by_clause: dict[int, list[int]] = {}
    for sentence in matched:
        by_clause.setdefault(context.sentences.clause_of[sentence], []).append(sentence)
    for sentences in by_clause.values():
        stated = False
        for sentence in sentences:
            values = _relevant(context.values_in(sentence, params.value), params)
            stated = stated or bool(values)
            broken = _breaking(values, limit, params, context, context.sentences.sentence_text(sentence))
            if broken is None:
                continue
            escalated = None
            severity: Severity | None = None
            for escalation in rule.escalate:
                if escalation.limit is not None and _breaking(
                    values, escalation.limit, params, context, context.sentences.sentence_text(sentence)
                ):
                    severity, escalated = escalation.to, escalation.reason
                    break
            hits.append(_value_hit(context, sentence, broken, shown, severity, escalated))
            break
        else:
            if not stated and params.no_value == "flag":
                hits.append(_value_hit(context, sentences[0], "no figure stated", shown))
    return hits


def _value_hit(
    context: Context,
    sentence: int,
    value: str,
    shown: str,
    severity: Severity | None = None,
    escalated: str | None = None,
) -> Hit:
    fields = {"value": value, "threshold": shown}
    clause_ids = (context.clause_id(sentence),)
    return Hit("value", sentence, clause_ids, value, shown, severity, escalated, fields=fields)


def license_policy(rule: Rule, context: Context) -> list[Hit]:
    params = rule.params
    assert isinstance(params, LicensePolicyParams)
    use, _ = params.table.context_for(context.facts)
    named: dict[str, list[str]] = {}  # expression -> where it comes from (components, or nothing for text)
    for component in context.components:
        label = component.name + (f" {component.version}" if component.version else "")
        named.setdefault(component.license or component.declared or "", []).append(label)
    hits = []
    for expression, components in named.items():
        hit = _license_hit(params, use, expression or None)
        if hit is not None:
            listed = ", ".join(components[:10]) + (f" and {len(components) - 10} more" if len(components) > 10 else "")
            hits.append(_with(hit, quote=f"SBOM components: {listed}"))
    seen: set[tuple[str, int]] = set()
    for value in context.analysis.values:
        if value.kind != "license":
            continue
        sentence = context.sentences.sentence_at(value.start)
        if sentence is None or (value.normalized, context.sentences.clause_of[sentence]) in seen:
            continue
        seen.add((value.normalized, context.sentences.clause_of[sentence]))
        hit = _license_hit(params, use, value.normalized)
        if hit is not None:
            hits.append(_with(hit, sentence=sentence, clause_ids=(context.clause_id(sentence),)))
    return hits


def _license_hit(params: LicensePolicyParams, use: UseContext, expression: str | None) -> Hit | None:
    decided = params.table.decide(expression, use)
    if decided.decision == "allowed":
        return None
    severity = params.severity.get(use, {}).get(decided.decision)
    shown = f"{decided.decision} for {use} use"
    return Hit(
        "license",
        value=decided.license,
        threshold=shown,
        severity=severity,
        fields={"license": decided.license, "decision": decided.decision, "context": use},
    )


def _with(hit: Hit, **changes: object) -> Hit:
    return dataclasses.replace(hit, **changes)  # type: ignore[arg-type]


CHECKS: dict[str, Check] = {
    "required": required,
    "prohibited": prohibited,
    "threshold": threshold,
    "license-policy": license_policy,
}


# --- helpers ---------------------------------------------------------------------------------------------


def _first_per_clause(context: Context, sentences: Iterable[int]) -> Iterator[int]:
    seen: set[int] = set()
    for sentence in sentences:
        clause = context.sentences.clause_of[sentence]
        if clause not in seen:
            seen.add(clause)
            yield sentence


def _searched(context: Context, params: ThresholdParams) -> str:
    what = params.looking_for or params.find.describe()
    return f"Looked for {what} in all {len(context.analysis.clauses)} clauses."


def _relevant(values: list[Value], params: ThresholdParams) -> list[Value]:
    """For standards, only those of a family the limit names (a WCAG limit ignores a SOC 2 mention)."""
    if params.value != "standard":
        return values
    families = {allowed.split()[0] for allowed in params.limit.allowed}
    return [value for value in values if value.normalized.split()[0] in families]


def _allowed(normalized: str, allowed: Sequence[str]) -> bool:
    """Exact match, or a pattern ending in '*' as a prefix ("US-CA:*" allows every California county)."""
    return any(normalized == a or (a.endswith("*") and normalized.startswith(a[:-1])) for a in allowed)


def _breaking(
    values: list[Value], limit: Limit, params: ThresholdParams, context: Context, sentence: str
) -> str | None:
    """The value as written that breaks the limit (legs of 'the greater/lesser of' combined); None if none."""
    if not values:
        return None
    if params.value in ("jurisdiction", "standard"):
        bad = [value for value in values if not _allowed(value.normalized, limit.allowed)]
        return _shown(bad[0]) if bad else None
    if params.value == "money":
        return _money_breaking(values, limit, context.annual_fees, sentence)
    quantities = [(value, _quantity(value, params)) for value in values]
    known = [(value, q) for value, q in quantities if q is not None]
    if not known:
        return None
    if _GREATER.search(sentence):
        known = [max(known, key=lambda pair: pair[1])]
    elif _LESSER.search(sentence):
        known = [min(known, key=lambda pair: pair[1])]
    for value, q in known:
        if (limit.max is not None and q > limit.max) or (limit.min is not None and q < limit.min):
            return _shown(value)
    return None


def _quantity(value: Value, params: ThresholdParams) -> float | None:
    if value.amount is None:
        return None
    if params.value == "duration":
        days = value.amount * (BUSINESS_DAY if value.details.get("business") == "true" else 1.0)
        return days / DAYS_PER[params.unit]
    return value.amount


def _money_breaking(values: list[Value], limit: Limit, annual: float | None, sentence: str) -> str | None:
    """Money against a floor: the greater of `min` dollars and `min_fees_months` of the annual fees.

    A cap in fees ("the fees paid in the 12 months before the claim") is worth N x annual fees x months / 12
    when the intake gives the annual cost. Without it, a fee cap is compared in months of fees and a sum in
    dollars, each against its own part of the floor.
    """
    legs: list[tuple[Value, float | None, float | None]] = []  # (value, dollars, months of fees)
    for value in values:
        if value.unit == "fees" and value.amount is not None:
            months = value.amount * float(value.details.get("period_months", 12))
            legs.append((value, None, months))
        elif value.unit == "USD" and value.amount is not None:
            legs.append((value, value.amount, None))
    if not legs:
        return None

    def breaks(usd: float | None, months: float | None) -> bool:
        if annual is not None:
            worth = usd if usd is not None else annual * (months or 0) / 12
            floor = max(limit.min or 0.0, annual * (limit.min_fees_months or 0) / 12)
            return worth < floor
        if usd is not None:
            return limit.min is not None and usd < limit.min
        return limit.min_fees_months is not None and (months or 0) < limit.min_fees_months

    if _GREATER.search(sentence) and len(legs) > 1:
        return None if any(not breaks(leg[1], leg[2]) for leg in legs) else _shown(legs[0][0])
    return next((_shown(leg[0]) for leg in legs if breaks(leg[1], leg[2])), None)


def _shown(value: Value) -> str:
    """The value as written, with its normal form when that says more ("ninety days (P90D)", not "25% (25%)")."""
    return value.text if value.normalized in value.text else f"{value.text} ({value.normalized})"


def describe_limit(limit: Limit, params: ThresholdParams) -> str:
    """The limit in words: "at most 30 days", "at least USD 1,000,000 or 12 months of fees", "one of US-CA"."""
    if limit.allowed:
        return "one of " + ", ".join(limit.allowed)
    unit = {"duration": f" {params.unit}", "percentage": "%", "money": ""}[params.value]
    if params.value == "money" and limit.min is not None and limit.min_fees_months is not None:
        return f"at least the greater of USD {limit.min:,.0f} and {limit.min_fees_months:g} months of fees"
    parts = []
    if limit.min is not None:
        amount = f"USD {limit.min:,.0f}" if params.value == "money" else f"{limit.min:g}{unit}"
        parts.append(f"at least {amount}")
    if limit.min_fees_months is not None:
        parts.append(f"at least {limit.min_fees_months:g} months of fees")
    if limit.max is not None:
        parts.append(f"at most {limit.max:g}{unit}")
    return " and ".join(parts)
