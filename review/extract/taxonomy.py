"""The clause taxonomy: which types of clause the review knows, and the phrases that signal each one.

The taxonomy is data, not code (STYLE 8): one YAML file per type in rules/clause-types/, checked against
rules/schema/clause-type.schema.json, so policy staff can add a phrasing without touching Python. Loading
is strict because a silent mistake here (a misspelt key, a pattern that can never match, a CUAD category
nobody covers) would quietly weaken every review; each problem raises a coded RulesError (E2xx) that names
the file and the line and says what to change.

    >>> taxonomy = load_taxonomy()
    >>> taxonomy.by_id("governing_law").cuad
    'Governing Law'
    >>> [t.id for t in taxonomy.by_unfair_tos("law")]
    ['governing_law']
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from spacy.matcher import Matcher

from review.errors import InvalidPattern, TaxonomyConflict
from review.extract import LOADING
from review.rulefile import Lines, check_id_is_file_name, check_schema, load_schema, read_yaml, unknown

RULES = Path(__file__).resolve().parents[2] / "rules"
DEFAULT_DIRECTORY = RULES / "clause-types"
SCHEMA_PATH = RULES / "schema" / "clause-type.schema.json"
DEFAULT_WEIGHT = 0.8

Group = Literal[
    "general", "term", "commercial", "legal", "ip", "data", "security", "service", "public_sector", "open_source"
]
UnfairTos = Literal["a", "ch", "cr", "j", "law", "ltd", "ter", "use"]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One piece of evidence for a clause type: a phrase or a spaCy token pattern, and how much a hit counts.

    `line` is where the pattern stands in its YAML file, so a report of a misfiring pattern can point to it.

        >>> Pattern(phrase="governed by the laws of").weight
        0.8
    """

    phrase: str | None = None
    tokens: tuple[dict[str, Any], ...] | None = field(default=None, hash=False)
    weight: float = DEFAULT_WEIGHT
    line: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if (self.phrase is None) == (self.tokens is None):
            raise ValueError("a Pattern has exactly one of phrase or tokens")

    def describe(self) -> str:
        """The pattern as one line of text, for reports."""
        return self.phrase if self.phrase is not None else json.dumps(list(self.tokens or ()))


@dataclass(frozen=True, slots=True)
class ClauseType:
    """One type of clause: what a reviewer calls it, what it corresponds to in CUAD and CLAUDETTE, its patterns.

    >>> load_taxonomy().by_id("force_majeure").group
    'legal'
    """

    id: str
    name: str
    description: str
    group: Group
    cuad: str | None
    unfair_tos: UnfairTos | None
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Every clause type, sorted by id, with look-ups by id, CUAD category and CLAUDETTE code.

    >>> taxonomy = load_taxonomy()
    >>> taxonomy.by_cuad("Cap On Liability").id
    'limitation_of_liability'
    """

    types: tuple[ClauseType, ...]
    directory: Path
    _by_id: Mapping[str, ClauseType] = field(repr=False, compare=False, hash=False)
    _by_cuad: Mapping[str, ClauseType] = field(repr=False, compare=False, hash=False)

    @classmethod
    def of(cls, types: Sequence[ClauseType], directory: Path) -> Taxonomy:
        ordered = tuple(sorted(types, key=lambda t: t.id))
        return cls(ordered, directory, {t.id: t for t in ordered}, {t.cuad: t for t in ordered if t.cuad})

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)

    def by_id(self, type_id: str) -> ClauseType:
        """The type with this id; KeyError (naming the closest ids) when there is none."""
        if type_id not in self._by_id:
            raise KeyError(unknown("clause type", type_id, self._by_id))
        return self._by_id[type_id]

    def by_cuad(self, category: str) -> ClauseType:
        """The one type that covers this CUAD category (spelled as in master_clauses.csv's header)."""
        if category not in self._by_cuad:
            raise KeyError(unknown("CUAD category", category, self._by_cuad))
        return self._by_cuad[category]

    def by_unfair_tos(self, code: str) -> tuple[ClauseType, ...]:
        """The types that correspond to a CLAUDETTE category code (a, ch, cr, j, law, ltd, ter, use)."""
        return tuple(t for t in self.types if t.unfair_tos == code)

    def __iter__(self) -> Iterator[ClauseType]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """The taxonomy in `directory` (default: the repository's rules/clause-types), loaded once per directory.

    Raises RuleSyntaxError (E201), RuleSchemaError (E202), InvalidPattern (E203) or TaxonomyConflict (E204).
    """
    with LOADING:  # it imports spaCy's matcher on first use
        return _load(Path(directory or DEFAULT_DIRECTORY).resolve())


@functools.cache
def _load(directory: Path) -> Taxonomy:
    if not directory.is_dir():
        raise TaxonomyConflict(
            "the clause-type directory does not exist; point load_taxonomy() at rules/clause-types or create it",
            str(directory),
        )
    stray = sorted(directory.glob("*.yml"))
    if stray:
        raise TaxonomyConflict("clause-type files end in .yaml; rename this file so it is loaded", str(stray[0]))
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise TaxonomyConflict("no clause-type files (*.yaml) here; add one file per type", str(directory))
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    matcher = Matcher(Vocab(), validate=True)
    loaded = [_load_file(path, matcher) for path in files]
    _check_coverage(loaded, directory)
    return Taxonomy.of([clause_type for clause_type, _ in loaded], directory)


def cuad_categories() -> tuple[str, ...]:
    """The 41 CUAD categories as master_clauses.csv spells them, from the schema (the one place they are listed)."""
    return tuple(load_schema(SCHEMA_PATH)["properties"]["cuad"]["enum"])


# --- one file --------------------------------------------------------------------------------------------


def _load_file(path: Path, matcher: Matcher) -> tuple[ClauseType, Lines]:
    name = str(path)
    data, lines = read_yaml(path, "id, name, description, group and patterns")
    check_schema(data, lines, name, SCHEMA_PATH)
    check_id_is_file_name(data, lines, path, TaxonomyConflict)
    patterns = tuple(
        _pattern(item, index, data["id"], lines, matcher, name) for index, item in enumerate(data["patterns"])
    )
    seen: dict[str, int] = {}
    for index, pattern in enumerate(patterns):
        key = pattern.describe().lower() if pattern.phrase is not None else pattern.describe()
        if key in seen:
            raise InvalidPattern(
                f"patterns[{index}] repeats patterns[{seen[key]}] ({pattern.describe()!r}); delete one",
                name,
                pattern.line,
            )
        seen[key] = index
    clause_type = ClauseType(
        id=data["id"],
        name=data["name"],
        description=" ".join(data["description"].split()),
        group=data["group"],
        cuad=data.get("cuad"),
        unfair_tos=data.get("unfair_tos"),
        patterns=patterns,
    )
    return clause_type, lines


# --- patterns --------------------------------------------------------------------------------------------

_SPACY_PLACE = re.compile(r"\[pattern -> (\d+)(?: -> (\w+))?")


def _pattern(item: dict[str, Any], index: int, type_id: str, lines: Lines, matcher: Matcher, name: str) -> Pattern:
    where: list[str | int] = ["patterns", index]
    weight = float(item.get("weight", DEFAULT_WEIGHT))
    if "phrase" in item:
        phrase = " ".join(item["phrase"].split())
        return Pattern(phrase=phrase, weight=weight, line=lines.of([*where, "phrase"]))
    tokens = tuple(dict(token) for token in item["tokens"])
    for position, token in enumerate(tokens):
        for attribute in ("LOWER", "NORM"):
            value = token.get(attribute)
            if isinstance(value, dict) and "REGEX" in value:
                try:
                    re.compile(value["REGEX"])
                except re.error as error:
                    raise InvalidPattern(
                        f"patterns[{index}].tokens[{position}]: bad regular expression "
                        f"{value['REGEX']!r} ({error}); fix or quote it",
                        name,
                        lines.of([*where, "tokens", position]),
                    ) from None
            words = [value] if isinstance(value, str) else list(value.get("IN", [])) if isinstance(value, dict) else []
            upper = next((word for word in words if word != word.lower()), None)
            if upper is not None:
                raise InvalidPattern(
                    f"patterns[{index}].tokens[{position}]: {attribute} compares lower-case text, so "
                    f"{upper!r} can never match; write {upper.lower()!r}",
                    name,
                    lines.of([*where, "tokens", position]),
                )
    if all(_optional(token.get("OP")) for token in tokens):
        raise InvalidPattern(
            f"patterns[{index}].tokens: every token is optional, so the pattern matches nothing "
            "or everything; make at least one token required",
            name,
            lines.of([*where, "tokens"]),
        )
    from spacy.errors import MatchPatternError

    try:
        matcher.add(f"{type_id}/{index}", [list(tokens)])
    except MatchPatternError as error:
        detail = next(
            (line.strip("- ").strip() for line in str(error).splitlines() if line.startswith("- ")),
            str(error).splitlines()[0],
        )
        place = _SPACY_PLACE.search(detail)
        line = lines.of([*where, "tokens", int(place.group(1))] if place else [*where, "tokens"])
        raise InvalidPattern(
            f"patterns[{index}].tokens is not a valid spaCy token pattern: {detail}; see "
            "https://spacy.io/usage/rule-based-matching#adding-patterns-attributes",
            name,
            line,
        ) from None
    return Pattern(tokens=tokens, weight=weight, line=lines.of([*where, "tokens"]))


def _optional(op: object) -> bool:
    """Whether a token with this OP may match zero tokens (?, *, !, {0,m}, {,m}, {0})."""
    if op in ("?", "*", "!"):
        return True
    return isinstance(op, str) and re.fullmatch(r"\{0*(,\d*)?\}|\{,\d+\}", op) is not None


# --- the whole taxonomy ----------------------------------------------------------------------------------


def _check_coverage(loaded: Sequence[tuple[ClauseType, Lines]], directory: Path) -> None:
    """Every CUAD category belongs to exactly one type, so CUAD labels can be mapped onto the taxonomy."""
    owner: dict[str, ClauseType] = {}
    for clause_type, lines in loaded:
        if clause_type.cuad is None:
            continue
        if clause_type.cuad in owner:
            raise TaxonomyConflict(
                f"CUAD category {clause_type.cuad!r} is already covered by "
                f"{owner[clause_type.cuad].id}.yaml; a category maps to one type, so remove "
                "`cuad:` from one of them",
                str(directory / f"{clause_type.id}.yaml"),
                lines.of(["cuad"]),
            )
        owner[clause_type.cuad] = clause_type
    missing = [category for category in cuad_categories() if category not in owner]
    if missing:
        raise TaxonomyConflict(
            f"no type covers the CUAD categor{'ies' if len(missing) > 1 else 'y'} "
            f"{', '.join(map(repr, missing))}; add `cuad: {missing[0]}` to the type that "
            "covers it, or a new file",
            str(directory),
        )
