"""A vendor's software bill of materials (CycloneDX or SPDX JSON): its components and their licences.

Each component's licence becomes one SPDX expression the open-source policy can check. Several CycloneDX
licence entries on one component are joined with AND: the policy must allow every one of them. A licence
the SBOM gives only by a name we cannot map, or as a LicenseRef, is kept as written in `declared`, with
`license` None, so a reviewer sees it rather than it passing silently.

>>> [c.license for c in read_sbom_data({"bomFormat": "CycloneDX", "components": [
...     {"name": "left-pad", "licenses": [{"license": {"name": "MIT License"}}]}]})]
['MIT']
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from review.errors import SbomInvalid
from review.extract.licenses import InvalidLicenseExpression, normalize_expression, spdx_id

NOT_STATED = {"NOASSERTION", "NONE", ""}


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str | None
    license: str | None  # canonical SPDX expression; None when not stated or not understood
    declared: str | None  # the licence as the SBOM writes it, when that is not a canonical expression


def read_sbom(path: str | Path) -> list[Component]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SbomInvalid(f"{path}: cannot be read as JSON ({error.__class__.__name__})") from error
    return read_sbom_data(data, str(path))


def read_sbom_data(data: Any, source: str = "SBOM") -> list[Component]:
    if isinstance(data, Mapping) and data.get("bomFormat") == "CycloneDX":
        return [_cyclonedx(component) for component in _cyclonedx_components(data.get("components") or [])]
    if isinstance(data, Mapping) and "spdxVersion" in data:
        return [_spdx(package) for package in data.get("packages") or [] if isinstance(package, Mapping)]
    raise SbomInvalid(f"{source}: not a CycloneDX or SPDX JSON document (no bomFormat or spdxVersion)")


def _cyclonedx_components(components: list[Any]) -> Iterator[Mapping[str, Any]]:
    """Every component, nested ones included."""
    for component in components:
        if isinstance(component, Mapping):
            yield component
            yield from _cyclonedx_components(component.get("components") or [])


def _cyclonedx(component: Mapping[str, Any]) -> Component:
    parts: list[str] = []
    for entry in component.get("licenses") or []:
        if not isinstance(entry, Mapping):
            continue
        if entry.get("expression"):
            parts.append(f"({entry['expression']})")
        elif isinstance(entry.get("license"), Mapping):
            licence = entry["license"]
            parts.append(licence.get("id") or spdx_id(licence.get("name", "")) or licence.get("name", ""))
    declared = " AND ".join(part for part in parts if part)
    return _component(str(component.get("name", "")), component.get("version"), declared)


def _spdx(package: Mapping[str, Any]) -> Component:
    concluded = str(package.get("licenseConcluded") or "")
    declared = concluded if concluded not in NOT_STATED else str(package.get("licenseDeclared") or "")
    return _component(str(package.get("name", "")), package.get("versionInfo"), declared)


def _component(name: str, version: object, declared: str) -> Component:
    version_text = str(version) if version is not None else None
    if declared.strip() in NOT_STATED:
        return Component(name, version_text, None, None)
    try:
        canonical = normalize_expression(declared)
    except InvalidLicenseExpression:
        return Component(name, version_text, None, declared)
    return Component(name, version_text, canonical, None if canonical == declared else declared)
