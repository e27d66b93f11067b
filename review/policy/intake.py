"""The intake: what a department says about the purchase, and the flags the rules apply on.

Other tools write this file, so its shape is fixed (issue 4): an unknown key or a bad value is an
`IntakeInvalid` error (E220) that names the key and says what is allowed.

    department: Public Works
    vendor: Acme Software Inc.
    product: Permit Portal
    annual_cost: 50000          # USD a year
    term_months: 36             # initial term; multi-year follows from it
    hosting: saas               # saas | on_premises | hybrid
    data: [personal, payments]  # any of personal, payments, police, health; [] for none
    public_facing: true
    critical: false             # an outage stops an essential city service
    custom_development: false

>>> intake = Intake.from_mapping({"department": "Library", "vendor": "Acme", "product": "Catalog",
...     "annual_cost": 12000, "term_months": 36, "hosting": "saas", "data": ["personal"]})
>>> sorted(intake.flags())
['hosted', 'multi_year', 'personal_data']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import yaml

from review.errors import IntakeInvalid

Hosting = Literal["saas", "on_premises", "hybrid"]
DataKind = Literal["personal", "payments", "police", "health"]
HOSTING: tuple[Hosting, ...] = ("saas", "on_premises", "hybrid")
DATA_KINDS: tuple[DataKind, ...] = ("personal", "payments", "police", "health")
# RULES.md's intake flags (1.2), and the flag for each kind of data handled
FLAGS = (
    "hosted", "installed", "personal_data", "payments", "police_data", "health_data", "critical", "public_facing",
    "custom_dev", "multi_year",
)  # fmt: skip
DATA_FLAGS = {"personal": "personal_data", "payments": "payments", "police": "police_data", "health": "health_data"}


@dataclass(frozen=True, slots=True)
class Intake:
    department: str
    vendor: str
    product: str
    annual_cost: float = 0.0  # USD a year
    term_months: int = 12
    hosting: Hosting = "saas"
    data: tuple[DataKind, ...] = ()
    public_facing: bool = False
    critical: bool = False
    custom_development: bool = False

    @property
    def total_value(self) -> float:
        """The cost over the initial term, in USD."""
        return self.annual_cost * self.term_months / 12

    def flags(self) -> frozenset[str]:
        """RULES.md's intake flags that hold for this purchase.

        multi_year is read from the term alone: the intake has no start date, so a 12-month term that
        crosses the city's fiscal year (1 July) is not seen as multi-year.
        """
        found = {DATA_FLAGS[kind] for kind in self.data}
        found |= {"hosted"} if self.hosting in ("saas", "hybrid") else set()
        found |= {"installed"} if self.hosting in ("on_premises", "hybrid") else set()
        found |= {"multi_year"} if self.term_months > 12 else set()
        found |= {name for name in ("public_facing", "critical") if getattr(self, name)}
        found |= {"custom_dev"} if self.custom_development else set()
        return frozenset(found)

    def values(self) -> dict[str, float]:
        """The figures value thresholds compare against (RULES.md's annual_fees and total_value)."""
        return {"annual_fees": self.annual_cost, "total_value": self.total_value}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "intake") -> Intake:
        """Check every key and value; the first problem is an IntakeInvalid naming the key."""
        if not isinstance(data, Mapping):
            raise IntakeInvalid(f"{source}: expected a mapping of keys to values, got {type(data).__name__}")
        known = [f.name for f in fields(cls)]
        for key in data:
            if key not in known:
                raise IntakeInvalid(f"{source}: unknown key {key!r}; the keys are {', '.join(known)}")
        for key in ("department", "vendor", "product"):
            if not isinstance(data.get(key), str) or not data[key].strip():
                raise IntakeInvalid(f"{source}: {key!r} is required and must be text")
        values: dict[str, Any] = {key: data[key].strip() for key in ("department", "vendor", "product")}
        if "annual_cost" in data:
            values["annual_cost"] = _number(data["annual_cost"], "annual_cost", source)
        if "term_months" in data:
            term = data["term_months"]
            if isinstance(term, bool) or not isinstance(term, int) or term < 1:
                raise IntakeInvalid(f"{source}: 'term_months' must be a whole number of months, 1 or more")
            values["term_months"] = term
        if "hosting" in data:
            if data["hosting"] not in HOSTING:
                raise IntakeInvalid(f"{source}: 'hosting' is {data['hosting']!r}; use one of {', '.join(HOSTING)}")
            values["hosting"] = data["hosting"]
        if "data" in data:
            kinds = data["data"]
            if not isinstance(kinds, list) or any(kind not in DATA_KINDS for kind in kinds):
                raise IntakeInvalid(f"{source}: 'data' must be a list of {', '.join(DATA_KINDS)} ([] for none)")
            values["data"] = tuple(dict.fromkeys(kinds))
        for key in ("public_facing", "critical", "custom_development"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise IntakeInvalid(f"{source}: {key!r} must be true or false")
                values[key] = data[key]
        return cls(**values)

    @classmethod
    def load(cls, path: str | Path) -> Intake:
        """Read an intake from a YAML or JSON file (JSON is YAML too)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise IntakeInvalid(f"{path}: cannot be read ({error.__class__.__name__})") from error
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise IntakeInvalid(f"{path}: not valid YAML or JSON ({str(error).splitlines()[0]})") from error
        return cls.from_mapping(data, str(path))


def _number(value: Any, key: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise IntakeInvalid(f"{source}: {key!r} must be a number of US dollars, 0 or more")
    return float(value)
