"""Software licences: names to SPDX, the licence table and its builder, and the scanner that must not take
contract words ("license grant", "Apache" the helicopter) for licences."""

import json
from pathlib import Path

import pytest

from review.extract import build_license_table
from review.extract.licenses import (
    TABLE_PATH,
    InvalidLicenseExpression,
    LicenseInfo,
    license_info,
    name_key,
    normalize_expression,
    spdx_id,
)
from review.extract.values import licenses
from tests.conftest import corpus_path


@pytest.mark.parametrize(
    ("name", "spdx"),
    [
        ("GNU Affero General Public License v3", "AGPL-3.0-only"),
        ("GNU Affero General Public License v3 or later", "AGPL-3.0-or-later"),
        ("GNU Affero General Public License, version 3, or any later version", "AGPL-3.0-or-later"),
        ("AGPLv3+", "AGPL-3.0-or-later"),
        ("Apache License, Version 2.0", "Apache-2.0"),
        ("Apache 2.0", "Apache-2.0"),
        ("MIT License", "MIT"),
        ("The MIT License", "MIT"),
        ("Expat", "MIT"),
        ("GPLv2", "GPL-2.0-only"),
        ("GPL v3", "GPL-3.0-only"),
        ("GNU GPLv3", "GPL-3.0-only"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("GPL-2.0", "GPL-2.0-only"),
        ("GPL-3.0-or-later", "GPL-3.0-or-later"),
        ("LGPL 2.1", "LGPL-2.1-only"),
        ("GNU Lesser General Public License v2.1 or later", "LGPL-2.1-or-later"),
        ("BSD 3-Clause", "BSD-3-Clause"),
        ("3-Clause BSD License", "BSD-3-Clause"),
        ('BSD 3-Clause "New" or "Revised" License', "BSD-3-Clause"),
        ("Simplified BSD", "BSD-2-Clause"),
        ("Mozilla Public License 2.0", "MPL-2.0"),
        ("MPL-2.0", "MPL-2.0"),
        ("Eclipse Public License - v 2.0", "EPL-2.0"),
        ("CC BY 4.0", "CC-BY-4.0"),
        ("CC0", "CC0-1.0"),
        ("The Unlicense", "Unlicense"),
        ("mit", "MIT"),
    ],
)
def test_spdx_id_knows_the_names_licences_go_by(name: str, spdx: str) -> None:
    assert spdx_id(name) == spdx


@pytest.mark.parametrize("name", ["license", "Software License", "GPL", "Mozilla Public License", "license grant", ""])
def test_spdx_id_is_none_for_names_without_one_licence(name: str) -> None:
    assert spdx_id(name) is None


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Apache License, Version 2.0", ("apache 2", False)),
        ("Apache-2.0", ("apache 2", False)),
        ("GNU General Public License v2.0 only", ("general public 2", False)),
        ("GPLv2+", ("gpl 2", True)),
        ("GNU GPL, version 2 (or any later version)", ("gpl 2", True)),
        ("GNU Library General Public Licence v2", ("library general public 2", False)),
    ],
)
def test_name_key_drops_what_does_not_tell_licences_apart(name: str, key: tuple[str, bool]) -> None:
    assert name_key(name) == key


def test_license_info_gives_the_policy_facts() -> None:
    assert license_info("MIT") == LicenseInfo("MIT", "MIT License", True, "Permissive")
    assert license_info("AGPL-3.0-only") == LicenseInfo(
        "AGPL-3.0-only", "GNU Affero General Public License v3.0 only", True, "Copyleft"
    )
    assert license_info("No-Such-License-1.0") is None


@pytest.mark.parametrize(
    ("asked", "spdx", "category"),
    [
        ("LGPL-2.1-only", "LGPL-2.1-only", "Copyleft Limited"),
        ("CC0-1.0", "CC0-1.0", "Public Domain"),
        ("GPL-2.0", "GPL-2.0-only", "Copyleft"),  # a deprecated id
        ("apache-2.0", "Apache-2.0", "Permissive"),
        ("GNU GPLv3", "GPL-3.0-only", "Copyleft"),
    ],
)
def test_license_info_accepts_any_name_of_a_licence(asked: str, spdx: str, category: str) -> None:
    info = license_info(asked)
    assert info is not None
    assert (info.id, info.category) == (spdx, category)


@pytest.mark.parametrize(
    ("expression", "normalized"),
    [
        ("mit or apache-2.0", "MIT OR Apache-2.0"),
        ("GPL-2.0+", "GPL-2.0-or-later"),
        ("MIT AND (BSD-3-Clause OR GPL-2.0-only)", "MIT AND (BSD-3-Clause OR GPL-2.0-only)"),
        ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception"),
    ],
)
def test_normalize_expression_renders_spdx(expression: str, normalized: str) -> None:
    assert normalize_expression(expression) == normalized


@pytest.mark.parametrize("expression", ["", "MIT AND", "foo-bar", "MIT OR OR GPL-2.0", "(MIT"])
def test_normalize_expression_rejects_invalid_expressions(expression: str) -> None:
    with pytest.raises(InvalidLicenseExpression):
        normalize_expression(expression)
    assert issubclass(InvalidLicenseExpression, ValueError)


# --- the scanner (through values.licenses) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "normalized"),
    [
        (
            "Vendor shall not include code under the GNU Affero General Public License v3 in the Software.",
            "GNU Affero General Public License v3",
            "AGPL-3.0-only",
        ),
        (
            "code under the GNU Affero General Public License v3 or any later version.",
            "GNU Affero General Public License v3 or any later version",
            "AGPL-3.0-or-later",
        ),
        (
            'Licensed under the Apache License, Version 2.0 (the "License").',
            "Apache License, Version 2.0",
            "Apache-2.0",
        ),
        ("The library is released under the MIT License.", "MIT License", "MIT"),
        ("LICENSED UNDER THE MIT LICENSE", "MIT LICENSE", "MIT"),
        ("It is distributed under GPLv2.", "GPLv2", "GPL-2.0-only"),
        ("Components under LGPL 2.1 are linked dynamically.", "LGPL 2.1", "LGPL-2.1-only"),
        ("a BSD 3-Clause component", "BSD 3-Clause", "BSD-3-Clause"),
        ("the Mozilla Public License 2.0 applies", "Mozilla Public License 2.0", "MPL-2.0"),
        ("The widget is dual-licensed under MIT or Apache 2.0.", "MIT or Apache 2.0", "MIT OR Apache-2.0"),
        ("the MIT or Apache-2.0 licenses", "MIT or Apache-2.0", "MIT OR Apache-2.0"),
        ("SPDX-License-Identifier: GPL-3.0-or-later", "GPL-3.0-or-later", "GPL-3.0-or-later"),
        ("under AGPLv3+ terms", "AGPLv3+", "AGPL-3.0-or-later"),
        ("GPL-2.0-only/GPL-3.0-only", "GPL-2.0-only/GPL-3.0-only", "GPL-2.0-only OR GPL-3.0-only"),
        ("MIT AND BSD-2-Clause", "MIT AND BSD-2-Clause", "MIT AND BSD-2-Clause"),
        ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception"),
        ("photos under CC BY 4.0", "CC BY 4.0", "CC-BY-4.0"),
        ("released under the Unlicense", "Unlicense", "Unlicense"),
        ("License: Apache 2.0", "Apache 2.0", "Apache-2.0"),
        (  # CUAD, Zebra / Motorola: only the MIT License there has a version-free SPDX id
            "which licenses include all versions of the GNU General Public License (GPL), the Lesser GNU Public "
            "License (LGPL), the GNU Affero GPL, the MIT License, the Eclipse Public License, the Common Public "
            "License, the CDDL, the Mozilla Public License, the Academic Free License, the BSD License and the Apache "
            "License, or any Reciprocal License.",
            "MIT License",
            "MIT",
        ),
    ],
)
def test_licenses_found_in_text_are_spdx(sentence: str, text: str, normalized: str) -> None:
    values = licenses(sentence, 10)
    assert [(v.text, v.normalized) for v in values] == [(text, normalized)]
    value = values[0]
    assert sentence[value.start - 10 : value.end - 10] == value.text
    assert value.details["name"] == text


def test_licenses_keep_or_later_that_spdx_cannot_say() -> None:
    value = licenses("licensed under MPL-2.0 or later")[0]
    assert (value.normalized, value.details["or_later"]) == ("MPL-2.0", "true")


@pytest.mark.parametrize(
    "sentence",
    [
        "Subject to Section 2, the license grant in this Section is non-exclusive.",
        "Licensee shall pay the License Fee to Licensor within thirty days.",
        "SOFTWARE LICENSE AGREEMENT",
        "MITIGATION OF DAMAGES. Each party shall mitigate its losses.",
        "a study by researchers at MIT",
        "the Apache helicopter program",
        "FreeBSD 5 Operating System - Apache 2 HTTP Server - MySQL 4",  # CUAD, Bangi: software, not licences
        "the Fair License Fee",
        "records in JSON and Ruby",
        "GPL code must not be included",  # a family without a version has no SPDX id
        "ISC Industries, Inc.",
    ],
)
def test_licenses_need_a_licence_shaped_phrase(sentence: str) -> None:
    assert licenses(sentence) == []


# --- the table and its builder ------------------------------------------------------------------------


def test_the_table_is_compact_and_holds_only_spdx_ids() -> None:
    assert TABLE_PATH.stat().st_size < 300_000
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert set(table) == {"about", "licenses", "names", "or_later"}
    assert not any(spdx.startswith("LicenseRef-") for spdx in table["licenses"])
    assert set(table["or_later"].values()) <= set(table["licenses"])
    assert "GPL-2.0" not in table["licenses"]  # deprecated: a name of GPL-2.0-only


def test_the_builder_writes_the_committed_table(tmp_path: Path) -> None:
    out = tmp_path / "names.json"
    assert build_license_table.main(["--corpus", str(corpus_path()), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TABLE_PATH.read_text(encoding="utf-8")
