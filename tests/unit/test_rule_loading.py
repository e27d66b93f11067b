"""Loading rule packs: every mistake in a rule file is a coded error naming the file and the line."""

from pathlib import Path

import pytest

from review.errors import InvalidPattern, RuleConflict, RuleSchemaError, RuleSyntaxError
from review.policy.rules import load_rules

PACK = "name: test-pack\nversion: 1.0.0\nowner: Digital Service\ndescription: A pack for the tests.\n"
RULE = """id: TST-GOVERNING-LAW
title: Governing law other than California
severity: major
applies_to: always
check: threshold
params:
  find:
    text: ['governed by']
  value: jurisdiction
  limit:
    allowed: [US-CA]
message: Governed by {value}; the limit is {threshold}.
why: California law governs city contracts.
reference: Gov. Code
fallback: California law.
examples:
  flag: [This Agreement is governed by the laws of Delaware.]
  pass: [This Agreement is governed by the laws of California.]
"""


def make_pack(root: Path, files: dict[str, str], pack: str = PACK, name: str = "test-pack") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(pack)
    for file_name, text in files.items():
        (folder / file_name).write_text(text)
    return root


def test_rule_pack_loads_with_name_version_and_hash(tmp_path: Path) -> None:
    rules = load_rules(make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE}))
    (pack,) = rules.packs
    assert (pack.name, pack.version, len(pack.sha256)) == ("test-pack", "1.0.0", 64)
    assert rules.by_id("TST-GOVERNING-LAW").pack == "test-pack"


def test_rule_pack_hash_changes_with_any_rule(tmp_path: Path) -> None:
    first = load_rules(make_pack(tmp_path / "a", {"TST-GOVERNING-LAW.yaml": RULE})).packs[0].sha256
    changed = RULE.replace("severity: major", "severity: minor")
    second = load_rules(make_pack(tmp_path / "b", {"TST-GOVERNING-LAW.yaml": changed})).packs[0].sha256
    assert first != second


@pytest.mark.parametrize(
    ("change", "error", "line", "words"),
    [
        (("severity: major", "severity: majr"), RuleSchemaError, 3, "did you mean 'major'"),
        (("check: threshold", "check: threshold\npatterns: []"), RuleSchemaError, 6, "unknown key 'patterns'"),
        (("    allowed: [US-CA]", "    alowed: [US-CA]"), RuleSchemaError, 11, "did you mean 'allowed'"),
        (("text: ['governed by']", "text: ['governed (by']"), InvalidPattern, 8, "not a valid regular expression"),
        (("text: ['governed by']", "text: ['{citty} by']"), InvalidPattern, 8, "unknown placeholder"),
        (("applies_to: always", "applies_to: hosted and critcal"), RuleSchemaError, 4, "did you mean 'critical'"),
        (("message: Governed by {value}", "message: Governed by {amount}"), RuleSchemaError, 12, "{amount} cannot"),
        (("    text: ['governed by']", "    text: ['governed by']\n    types: [governing_lw]"), RuleSchemaError, 9,
         "did you mean governing_law"),
        (("id: TST-GOVERNING-LAW", "id: TST-OTHER"), RuleConflict, 1, "differs from the file name"),
        (("title: Governing", "title: [Governing"), RuleSyntaxError, 3, "not valid YAML"),
    ],
)  # fmt: skip
def test_rule_load_errors_name_the_file_and_line(
    tmp_path: Path, change: tuple[str, str], error: type[Exception], line: int, words: str
) -> None:
    assert change[0] in RULE
    root = make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE.replace(*change)})
    with pytest.raises(error) as raised:
        load_rules(root)
    assert f"TST-GOVERNING-LAW.yaml, line {line}:" in str(raised.value)
    assert words in str(raised.value)


def test_rule_ids_are_unique_across_packs(tmp_path: Path) -> None:
    make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE})
    make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE}, PACK.replace("test-pack", "other-pack"), "other-pack")
    with pytest.raises(RuleConflict, match="also defined in"):
        load_rules(tmp_path)


def test_pack_needs_a_manifest_named_like_its_folder(tmp_path: Path) -> None:
    make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE}, PACK, "wrong-name")
    with pytest.raises(RuleConflict, match="differs from the folder name"):
        load_rules(tmp_path)
    (tmp_path / "wrong-name" / "pack.yaml").unlink()
    with pytest.raises(RuleConflict, match=r"needs a pack\.yaml"):
        load_rules(tmp_path)


def test_license_table_refuses_an_unknown_spdx_id(tmp_path: Path) -> None:
    table = (Path(__file__).resolve().parents[2] / "rules/packs/open-source/licenses.yaml").read_text()
    broken = table.replace("- id: MIT\n", "- id: MTI\n", 1)
    root = make_pack(tmp_path, {"TST-GOVERNING-LAW.yaml": RULE, "licenses.yaml": broken})
    with pytest.raises(RuleSchemaError, match="'MTI' is not an SPDX licence id") as raised:
        load_rules(root)
    line = broken.splitlines().index("  - id: MTI") + 1
    assert f"licenses.yaml, line {line}:" in str(raised.value)
