"""The open-source policy's licence table: the city's decision on a licence in each use context.

Contexts (OSS-POLICY.md 2.1): `hosted` (a component of a service the vendor runs), `installed` (software the
city runs) and `release` (code the city publishes or owns). A licence the table does not list falls back to
the default of its policy category, mapped from its ScanCode category (2.3). Expressions (2.4): for A OR B
the city may choose, so the most favourable decision counts; for A AND B the least favourable; for
A WITH exception the combined form when listed, else A.

>>> from review.extract.taxonomy import RULES
>>> table = load_license_table(RULES / "packs" / "open-source" / "licenses.yaml")
>>> table.decide("MIT OR AGPL-3.0-only", "installed").decision
'allowed'
>>> table.decide("MIT AND AGPL-3.0-only", "installed").decision
'review'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from license_expression import ExpressionError, LicenseSymbol, LicenseWithExceptionSymbol, ParseError

from review.errors import RuleSchemaError
from review.extract.licenses import get_licensing, license_info
from review.policy.conditions import Condition, ConditionError, Facts, parse_condition
from review.rulefile import check_schema, read_yaml

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "rules" / "schema" / "license-table.schema.json"

Context = Literal["hosted", "installed", "release"]
CONTEXTS: tuple[Context, ...] = ("hosted", "installed", "release")
Decision = Literal["allowed", "review", "prohibited"]
_RANK: dict[Decision, int] = {"allowed": 0, "review": 1, "prohibited": 2}
# ScanCode LicenseDB categories -> the policy's categories (OSS-POLICY.md 2.3)
SCANCODE_CATEGORIES = {
    "Public Domain": "public domain",
    "Permissive": "permissive",
    "Copyleft Limited": "weak copyleft",
    "Copyleft": "strong copyleft",
    "Source-available": "source-available non-OSI",
    "Proprietary Free": "proprietary-restrictive",
    "Commercial": "proprietary-restrictive",
    "Free Restricted": "proprietary-restrictive",
}
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class LicenseDecision:
    """The decision on one licence expression in one context, and what it rests on."""

    license: str  # the expression decided
    decision: Decision
    category: str
    reason: str
    listed: bool  # in the table (False: a category default)


@dataclass(frozen=True, slots=True)
class _Entry:
    category: str
    decisions: Mapping[Context, Decision]
    reason: str


@dataclass(frozen=True)
class LicenseTable:
    path: str
    contexts: tuple[tuple[Context, Condition], ...]
    categories: Mapping[str, Mapping[str, Decision]]
    entries: Mapping[str, _Entry]

    def context_for(self, facts: Facts | None) -> tuple[Context, bool]:
        """The use context for an intake, and whether it was assumed (no intake: the strictest listed first)."""
        for context, condition in self.contexts:
            holds = condition.evaluate(facts)
            if holds is None:
                return context, True
            if holds:
                return context, False
        return self.contexts[-1][0], False

    def decide(self, expression: str | None, context: Context) -> LicenseDecision:
        """The decision on an SPDX expression; None or an unparseable one is an unknown licence."""
        if not expression:
            return self._unknown("NOASSERTION", context)
        try:
            parsed = get_licensing().parse(expression)
        except (ExpressionError, ParseError):
            return self._unknown(expression, context)
        return self._decide(parsed, context)

    def _decide(self, node: Any, context: Context) -> LicenseDecision:
        if isinstance(node, LicenseWithExceptionSymbol):
            combined = f"{node.license_symbol.key} WITH {node.exception_symbol.key}"
            if combined in self.entries:
                return self._listed(combined, context)
            return self._decide(node.license_symbol, context)
        if isinstance(node, LicenseSymbol):
            return self._symbol(node.key, context)
        parts = [self._decide(arg, context) for arg in node.args]
        choose = min if type(node).__name__ == "OR" else max
        return choose(parts, key=lambda part: _RANK[part.decision])

    def _symbol(self, key: str, context: Context) -> LicenseDecision:
        if key in self.entries:
            return self._listed(key, context)
        info = license_info(key)
        if info is None:
            return self._unknown(key, context)
        category = SCANCODE_CATEGORIES.get(info.category or "", UNKNOWN)
        defaults = self.categories[category]
        decision = defaults[context]
        if context == "release" and info.osi_approved and "release_if_osi" in defaults:
            decision = defaults["release_if_osi"]
        reason = f"not in the city's table; the default for {category} licences ({info.category} in ScanCode)"
        return LicenseDecision(key, decision, category, reason, listed=False)

    def _listed(self, key: str, context: Context) -> LicenseDecision:
        entry = self.entries[key]
        return LicenseDecision(key, entry.decisions[context], entry.category, entry.reason, listed=True)

    def _unknown(self, key: str, context: Context) -> LicenseDecision:
        if "NOASSERTION" in self.entries:
            entry = self.entries["NOASSERTION"]
            return LicenseDecision(key, entry.decisions[context], UNKNOWN, entry.reason, listed=False)
        reason = "the licence is not stated or not recognised"
        return LicenseDecision(key, self.categories[UNKNOWN][context], UNKNOWN, reason, listed=False)


def load_license_table(path: Path) -> LicenseTable:
    """Read and check a licence table; every id must be a known SPDX id, expression or LicenseRef."""
    name = str(path)
    data, lines = read_yaml(path, "contexts, categories and licenses")
    check_schema(data, lines, name, SCHEMA_PATH)
    contexts = []
    for index, item in enumerate(data["contexts"]):
        try:
            contexts.append((cast(Context, item["context"]), parse_condition(item["when"])))
        except ConditionError as problem:
            raise RuleSchemaError(str(problem), name, lines.of(["contexts", index, "when"])) from None
    entries: dict[str, _Entry] = {}
    for index, item in enumerate(cast(Sequence[Mapping[str, Any]], data["licenses"])):
        key = _canonical(item["id"])
        if key is None:
            raise RuleSchemaError(
                f"{item['id']!r} is not an SPDX licence id or expression; check the spelling against "
                "https://spdx.org/licenses/ (LicenseRef-scancode-* ids are accepted as written)",
                name,
                lines.of(["licenses", index, "id"]),
            )
        if key in entries:
            raise RuleSchemaError(
                f"{item['id']!r} is listed twice; keep one entry", name, lines.of(["licenses", index])
            )
        decisions = {context: cast(Decision, item[context]) for context in CONTEXTS}
        entries[key] = _Entry(item["category"], decisions, " ".join(item["reason"].split()))
    return LicenseTable(name, tuple(contexts), data["categories"], entries)


def _canonical(identifier: str) -> str | None:
    """The table key for an id: canonical SPDX form; LicenseRef-* and NOASSERTION as written."""
    if identifier.startswith("LicenseRef-") or identifier == "NOASSERTION":
        return identifier
    licensing = get_licensing()
    if licensing.validate(identifier).errors:
        return None
    parsed = licensing.parse(identifier)
    if isinstance(parsed, LicenseWithExceptionSymbol):
        return f"{parsed.license_symbol.key} WITH {parsed.exception_symbol.key}"
    return str(parsed.render())
