"""Reading a vendor's SBOM: CycloneDX and SPDX JSON to components with one SPDX expression each."""

import json
from pathlib import Path

import pytest

from review.errors import SbomInvalid
from review.policy.sbom import Component, read_sbom

CYCLONEDX = {
    "bomFormat": "CycloneDX",
    "specVersion": "1.5",
    "components": [
        {"name": "react", "version": "18.2.0", "licenses": [{"license": {"id": "MIT"}}]},
        {
            "name": "ghostscript",
            "version": "10.0",
            "licenses": [{"license": {"name": "GNU Affero General Public License v3"}}],
        },
        {"name": "dual", "licenses": [{"expression": "mit or apache-2.0"}]},
        {"name": "two", "licenses": [{"license": {"id": "MIT"}}, {"license": {"id": "BSD-3-Clause"}}]},
        {"name": "vendor-lib", "licenses": [{"license": {"name": "Acme Commercial EULA"}}]},
        {"name": "none-given", "components": [{"name": "nested", "licenses": [{"license": {"id": "ISC"}}]}]},
    ],
}
SPDX = {
    "spdxVersion": "SPDX-2.3",
    "packages": [
        {"name": "openssl", "versionInfo": "3.0", "licenseConcluded": "Apache-2.0", "licenseDeclared": "NOASSERTION"},
        {"name": "readline", "licenseConcluded": "NOASSERTION", "licenseDeclared": "GPL-3.0-or-later"},
        {"name": "inhouse", "licenseConcluded": "LicenseRef-Acme", "licenseDeclared": "NOASSERTION"},
        {"name": "unknown", "licenseConcluded": "NOASSERTION", "licenseDeclared": "NONE"},
    ],
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "sbom.json"
    path.write_text(json.dumps(data))
    return path


def test_cyclonedx_components_get_one_spdx_expression_each(tmp_path: Path) -> None:
    components = {c.name: c for c in read_sbom(_write(tmp_path, CYCLONEDX))}
    assert components["react"] == Component("react", "18.2.0", "MIT", None)
    assert components["ghostscript"].license == "AGPL-3.0-only"
    assert components["dual"].license == "MIT OR Apache-2.0"
    assert components["two"].license == "MIT AND BSD-3-Clause"
    assert components["vendor-lib"].license is None and components["vendor-lib"].declared == "Acme Commercial EULA"
    assert components["none-given"].license is None and components["nested"].license == "ISC"


def test_spdx_packages_prefer_the_concluded_licence(tmp_path: Path) -> None:
    packages = {c.name: c for c in read_sbom(_write(tmp_path, SPDX))}
    assert packages["openssl"] == Component("openssl", "3.0", "Apache-2.0", None)
    assert packages["readline"].license == "GPL-3.0-or-later"
    assert packages["inhouse"].license is None and packages["inhouse"].declared == "LicenseRef-Acme"
    assert packages["unknown"] == Component("unknown", None, None, None)


@pytest.mark.parametrize("content", ["{not json", '{"name": "a bill of something else"}', "[1, 2]"])
def test_sbom_that_is_not_cyclonedx_or_spdx_json_is_e221(tmp_path: Path, content: str) -> None:
    path = tmp_path / "sbom.json"
    path.write_text(content)
    with pytest.raises(SbomInvalid) as raised:
        read_sbom(path)
    assert raised.value.code == "E221" and str(path) in raised.value.message
