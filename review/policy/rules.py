"""Rule packs: the city's policy as data, one rule per YAML file under rules/packs/<pack>/.

A pack is a folder with a pack.yaml (name, version, owner) and its rules; the open-source pack also holds
the licence table its license-policy rule reads. Loading is strict (STYLE 8): every file is checked against
rules/schema/, every pattern compiled, every condition parsed and every clause type looked up, and the first
problem is a coded RulesError naming the file and the line and saying how to fix it.

>>> rules = load_rules()
>>> rules.by_id("GOV-GOVERNING-LAW").check
'threshold'
>>> [pack.name for pack in rules.packs]
['city-standards', 'open-source']
"""

from __future__ import annotations

import functools
import hashlib
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from review.errors import InvalidPattern, RuleConflict, RuleSchemaError
from review.extract import LOADING
from review.extract.taxonomy import RULES, load_taxonomy
from review.model import Severity
from review.policy.conditions import ALWAYS, Condition, ConditionError, parse_condition
from review.policy.licenses import LicenseTable, load_license_table
from review.policy.text import TextPattern, Vocabulary, compile_pattern
from review.rulefile import Lines, check_id_is_file_name, check_schema, read_yaml, unknown

DEFAULT_DIRECTORY = RULES / "packs"
SCHEMAS = RULES / "schema"
DEFAULT_MIN_SCORE = 0.5

CheckKind = Literal["required", "prohibited", "threshold", "license-policy"]
Scope = Literal["sentence", "clause", "document"]
# the fields a message may use, per check kind
MESSAGE_FIELDS: dict[str, set[str]] = {
    "required": set(),
    "prohibited": set(),
    "threshold": {"value", "threshold"},
    "license-policy": {"license", "decision", "context"},
}


@dataclass(frozen=True, slots=True)
class Find:
    """Which sentences count: see the schema's `find`."""

    text: tuple[TextPattern, ...] = ()
    all: tuple[TextPattern, ...] = ()
    types: tuple[str, ...] = ()
    min_score: float = DEFAULT_MIN_SCORE
    unless: tuple[TextPattern, ...] = ()
    unless_scope: Scope = "sentence"

    @property
    def patterns(self) -> tuple[TextPattern, ...]:
        return (*self.text, *self.all, *self.unless)

    def describe(self) -> str:
        """The patterns and types, for a reviewer who wants to know what was searched."""
        parts = [" / ".join(p.source for p in self.text)] if self.text else []
        parts += [f"in clauses of type {', '.join(self.types)}"] if self.types else []
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Limit:
    max: float | None = None
    min: float | None = None
    min_fees_months: float | None = None
    allowed: tuple[str, ...] = ()
    when: Condition = ALWAYS


@dataclass(frozen=True, slots=True)
class RequiredParams:
    find: Find
    looking_for: str
    if_present: Find | None = None


@dataclass(frozen=True, slots=True)
class ProhibitedParams:
    find: Find


@dataclass(frozen=True, slots=True)
class ThresholdParams:
    find: Find
    value: Literal["duration", "money", "percentage", "jurisdiction", "standard"]
    limit: Limit
    unit: Literal["days", "hours", "months", "years"] = "days"
    overrides: tuple[Limit, ...] = ()
    no_value: Literal["flag", "pass"] = "pass"
    absent: Literal["flag", "pass"] = "pass"
    looking_for: str | None = None


@dataclass(frozen=True, slots=True)
class LicensePolicyParams:
    table: LicenseTable
    severity: Mapping[str, Mapping[str, Severity]]  # context -> decision -> severity


Params = RequiredParams | ProhibitedParams | ThresholdParams | LicensePolicyParams


@dataclass(frozen=True, slots=True)
class Escalation:
    to: Severity
    reason: str
    when: Condition | None = None
    limit: Limit | None = None
    on: str | None = None  # only findings of this kind (present, missing, value, license)


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    expect: Literal["flag", "pass"]
    line: int  # in the rule's file
    intake: Mapping[str, Any] | None = None
    sbom: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule, as its file says; `pack` is the pack's name.

    >>> rule = load_rules().by_id("GOV-INDEMNITY-BY-CITY")
    >>> rule.severity, rule.check, str(rule.applies_to)
    ('blocker', 'prohibited', 'always')
    """

    id: str
    pack: str
    title: str
    severity: Severity
    applies_to: Condition
    check: CheckKind
    params: Params
    message: str
    why: str
    reference: str
    fallback: str
    escalate: tuple[Escalation, ...]
    examples: tuple[Example, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    version: str
    owner: str
    description: str
    sha256: str  # of every file in the pack, so a report names the exact rules it used
    directory: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class RuleSet:
    """Every pack and rule, with look-ups by rule id."""

    packs: tuple[Pack, ...]
    directory: Path
    _by_id: dict[str, Rule] = field(repr=False, compare=False)
    vocabulary: Vocabulary = field(repr=False, compare=False)  # every pattern's anchor words, found in one pass

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)

    def by_id(self, rule_id: str) -> Rule:
        if rule_id not in self._by_id:
            raise KeyError(unknown("rule", rule_id, self._by_id))
        return self._by_id[rule_id]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self._by_id)


def load_rules(directory: str | Path | None = None) -> RuleSet:
    """The packs in `directory` (default: the repository's rules/packs), each a folder with pack.yaml.

    Loaded once per directory. Raises RuleSyntaxError (E201), RuleSchemaError (E202), InvalidPattern (E203)
    or RuleConflict (E205), naming the file and line.
    """
    with LOADING:  # one thread loads (the licence parser builds its automaton lazily, not thread-safe)
        return _load(Path(directory or DEFAULT_DIRECTORY).resolve())


@functools.cache
def _load(directory: Path) -> RuleSet:
    if not directory.is_dir():
        raise RuleConflict("the rule pack directory does not exist; point load_rules() at rules/packs", str(directory))
    folders = sorted(path for path in directory.iterdir() if path.is_dir() and not path.name.startswith("."))
    if not folders:
        raise RuleConflict(
            "no rule packs here; add a folder with a pack.yaml and one YAML file per rule", str(directory)
        )
    packs = tuple(_load_pack(folder) for folder in folders)
    by_id: dict[str, Rule] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in by_id:
                raise RuleConflict(
                    f"rule {rule.id} is also defined in {by_id[rule.id].path}; rule ids are unique across packs, "
                    "so rename or delete one",
                    rule.path,
                    1,
                )
            by_id[rule.id] = rule
    patterns = [
        pattern
        for rule in by_id.values()
        for find in (getattr(rule.params, "find", None), getattr(rule.params, "if_present", None))
        if find is not None
        for pattern in find.patterns
    ]
    return RuleSet(packs, directory, by_id, Vocabulary.of(patterns))


def _load_pack(folder: Path) -> Pack:
    manifest = folder / "pack.yaml"
    if not manifest.is_file():
        raise RuleConflict("a rule pack needs a pack.yaml with name, version, owner and description", str(folder))
    data, lines = read_yaml(manifest, "name, version, owner and description")
    check_schema(data, lines, str(manifest), SCHEMAS / "pack.schema.json")
    if data["name"] != folder.name:
        raise RuleConflict(
            f"name {data['name']!r} differs from the folder name; set `name: {folder.name}` or rename the folder",
            str(manifest),
            lines.of(["name"]),
        )
    tables: dict[str, LicenseTable] = {}
    rules = []
    files = sorted(path for path in folder.glob("*.y*ml") if path.name != "pack.yaml")
    for path in files:
        if path.suffix != ".yaml":
            raise RuleConflict("rule files end in .yaml; rename this file so it is loaded", str(path))
        if path.name == "licenses.yaml":
            tables[path.name] = load_license_table(path)
    for path in files:
        if path.name not in tables:
            rules.append(_load_rule(path, folder.name, tables))
    if not rules:
        raise RuleConflict("this pack has no rules; add one YAML file per rule", str(folder))
    return Pack(
        name=data["name"],
        version=data["version"],
        owner=data["owner"],
        description=" ".join(data["description"].split()),
        sha256=_digest(folder),
        directory=str(folder),
        rules=tuple(rules),
    )


def _digest(folder: Path) -> str:
    """SHA-256 over the pack's files, names included, in a fixed order (line endings as stored)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- one rule --------------------------------------------------------------------------------------------


@dataclass
class _RuleFile:
    """The place being read, so every problem can name its file and line."""

    name: str
    lines: Lines
    types: frozenset[str]

    def fail(self, where: Sequence[str | int], message: str, error: type[RuleSchemaError] = RuleSchemaError) -> None:
        raise error(message, self.name, self.lines.of(where))

    def pattern(self, source: str, where: Sequence[str | int]) -> TextPattern:
        try:
            return compile_pattern(source)
        except ValueError as problem:
            raise InvalidPattern(f"pattern {source!r}: {problem}", self.name, self.lines.of(where)) from None

    def condition(self, text: str, where: Sequence[str | int]) -> Condition:
        try:
            return parse_condition(text)
        except ConditionError as problem:
            raise RuleSchemaError(str(problem), self.name, self.lines.of(where)) from None

    def find(self, data: Mapping[str, Any], where: list[str | int]) -> Find:
        for index, type_id in enumerate(data.get("types", [])):
            if type_id not in self.types:
                self.fail(
                    [*where, "types", index],
                    unknown("clause type", type_id, self.types) + " (the ids are the file names in rules/clause-types)",
                )
        return Find(
            text=tuple(self.pattern(p, [*where, "text", i]) for i, p in enumerate(data.get("text", []))),
            all=tuple(self.pattern(p, [*where, "all", i]) for i, p in enumerate(data.get("all", []))),
            types=tuple(data.get("types", [])),
            min_score=float(data.get("min_score", DEFAULT_MIN_SCORE)),
            unless=tuple(self.pattern(p, [*where, "unless", i]) for i, p in enumerate(data.get("unless", []))),
            unless_scope=data.get("unless_scope", "sentence"),
        )

    def limit(self, data: Mapping[str, Any], where: list[str | int]) -> Limit:
        return Limit(
            max=data.get("max"),
            min=data.get("min"),
            min_fees_months=data.get("min_fees_months"),
            allowed=tuple(data.get("allowed", ())),
            when=self.condition(data["when"], [*where, "when"]) if "when" in data else ALWAYS,
        )


def _load_rule(path: Path, pack: str, tables: Mapping[str, LicenseTable]) -> Rule:
    name = str(path)
    data, lines = read_yaml(path, "id, title, severity, applies_to, check, params, message and examples")
    check_schema(data, lines, name, SCHEMAS / "rule.schema.json")
    here = _RuleFile(name, lines, frozenset(load_taxonomy().ids))
    check_id_is_file_name(data, lines, path, RuleConflict)
    check: CheckKind = data["check"]
    allowed = MESSAGE_FIELDS[check]
    for _, field_name, _, _ in string.Formatter().parse(data["message"]):
        if field_name is not None and field_name not in allowed:
            here.fail(
                ["message"],
                f"{{{field_name}}} cannot be used in a {check} rule's message; "
                + (f"use {', '.join('{' + f + '}' for f in sorted(allowed))}" if allowed else "remove it"),
            )
    escalate = tuple(
        Escalation(
            to=item["to"],
            reason=" ".join(item["reason"].split()),
            when=here.condition(item["when"], ["escalate", i, "when"]) if "when" in item else None,
            limit=here.limit(item["limit"], ["escalate", i, "limit"]) if "limit" in item else None,
            on=item.get("on"),
        )
        for i, item in enumerate(data.get("escalate", []))
    )
    for i, item in enumerate(escalate):
        if item.limit is not None and check != "threshold":
            here.fail(["escalate", i, "limit"], "only threshold rules can escalate on a limit; use `when` instead")
    return Rule(
        id=data["id"],
        pack=pack,
        title=data["title"],
        severity=data["severity"],
        applies_to=here.condition(data["applies_to"], ["applies_to"]),
        check=check,
        params=_params(check, data["params"], here, tables),
        message=" ".join(data["message"].split()),
        why=" ".join(data["why"].split()),
        reference=" ".join(data["reference"].split()),
        fallback=" ".join(data["fallback"].split()),
        escalate=escalate,
        examples=tuple(_examples(data["examples"], lines)),
        path=name,
    )


def _params(check: CheckKind, data: Mapping[str, Any], here: _RuleFile, tables: Mapping[str, LicenseTable]) -> Params:
    where: list[str | int] = ["params"]
    if check == "required":
        return RequiredParams(
            find=here.find(data["find"], [*where, "find"]),
            looking_for=" ".join(data["looking_for"].split()),
            if_present=here.find(data["if_present"], [*where, "if_present"]) if "if_present" in data else None,
        )
    if check == "prohibited":
        return ProhibitedParams(find=here.find(data["find"], [*where, "find"]))
    if check == "threshold":
        limit = here.limit(data["limit"], [*where, "limit"])
        kind = data["value"]
        if kind in ("jurisdiction", "standard") and not limit.allowed:
            here.fail([*where, "limit"], f"a {kind} limit lists the `allowed` values (e.g. allowed: [US-CA])")
        if kind not in ("jurisdiction", "standard") and limit.allowed:
            here.fail(
                [*where, "limit", "allowed"], f"`allowed` is for jurisdictions and standards; a {kind} uses max or min"
            )
        return ThresholdParams(
            find=here.find(data["find"], [*where, "find"]),
            value=kind,
            limit=limit,
            unit=data.get("unit", "days"),
            overrides=tuple(
                here.limit(item, [*where, "overrides", i]) for i, item in enumerate(data.get("overrides", []))
            ),
            no_value=data.get("no_value", "pass"),
            absent=data.get("absent", "pass"),
            looking_for=" ".join(data["looking_for"].split()) if "looking_for" in data else None,
        )
    table_name = data["table"]
    if table_name not in tables:
        here.fail(
            [*where, "table"],
            f"no licence table {table_name!r} in this pack; "
            + (f"use {', '.join(tables)}" if tables else "add licenses.yaml beside this rule"),
        )
    return LicensePolicyParams(
        table=tables[table_name], severity=cast(Mapping[str, Mapping[str, Severity]], data["severity"])
    )


def _examples(data: Mapping[str, Any], lines: Lines) -> Iterator[Example]:
    for expect in ("flag", "pass"):
        for index, item in enumerate(data[expect]):
            line = lines.of(["examples", expect, index])
            expected = cast(Literal["flag", "pass"], expect)
            if isinstance(item, str):
                yield Example(item.strip(), expected, line)
            else:
                yield Example(item["text"].strip(), expected, line, item.get("intake"), item.get("sbom"))
