r"""YAML files under rules/ that people edit: read with the line of every key, checked against a JSON Schema.

A mistake in such a file must point at the line and say how to fix it, in the words of the person editing
it, not as a traceback: every problem is a coded RulesError (E201 not YAML, E202 not the schema's shape).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.yaml"
    >>> _ = path.write_text("id: x\nitems:\n  - a\n  - b\n")
    >>> data, lines = read_yaml(path, "id and items")
    >>> lines.of(["items", 1])
    4
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import jsonschema
import yaml

from review.errors import RuleSchemaError, RulesError, RuleSyntaxError

YamlPath = tuple[str | int, ...]  # a place in a YAML document: keys and list indices from the root


@dataclass(frozen=True, slots=True)
class Lines:
    """Line numbers (1-based) of every key and list item of a YAML document, by path from the root."""

    lines: dict[YamlPath, int]

    def of(self, path: Sequence[str | int]) -> int:
        """The line of the deepest known place on `path` (the document's first line if none)."""
        at = tuple(path)
        while at and at not in self.lines:
            at = at[:-1]
        return self.lines.get(at, 1)


# libyaml's parser when PyYAML was built with it (ten times faster), the pure-Python one otherwise
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, expected: str) -> tuple[dict[str, Any], Lines]:
    """The mapping in a YAML file and the line of every key in it; `expected` says what the file must hold."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise RuleSyntaxError("the file is not UTF-8 text; save it as UTF-8", name, line) from None
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RuleSyntaxError(
            f"not valid YAML ({problem}); check the indentation and quote text containing "
            "': ' or starting with a special character",
            name,
            mark.line + 1 if mark else None,
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict) or node is None:
        raise RuleSchemaError(f"the file must be a mapping with {expected}", name, 1)
    lines: dict[YamlPath, int] = {}
    _walk(node, (), lines, name)
    return data, Lines(lines)


def _walk(node: yaml.Node, path: YamlPath, lines: dict[YamlPath, int], name: str) -> None:
    """Record the line of every key and list item; PyYAML keeps the last of two equal keys, we refuse them."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            here = (*path, key)
            if here in lines:
                raise RuleSchemaError(
                    f"key {key!r} appears twice here (first at line {lines[here]}); keep one",
                    name,
                    key_node.start_mark.line + 1,
                )
            lines[here] = key_node.start_mark.line + 1
            _walk(value_node, here, lines, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _walk(item, (*path, index), lines, name)


@functools.cache
def load_schema(schema: Path) -> dict[str, Any]:
    """A JSON Schema under rules/schema, read once."""
    return cast(dict[str, Any], json.loads(schema.read_text(encoding="utf-8")))


@functools.cache
def _validator(schema: Path) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(schema))


def check_schema(data: Any, lines: Lines, name: str, schema: Path) -> None:
    """Raise a RuleSchemaError at the first problem (by line) against `schema`, saying how to put it right."""
    errors = list(_validator(schema).iter_errors(data))
    if not errors:
        return
    located = sorted(((_error_place(error, lines), error) for error in errors), key=lambda pair: pair[0][1])
    (path, line), error = located[0]
    more = f" (and {len(errors) - 1} more problem{'s' * (len(errors) > 2)})" if len(errors) > 1 else ""
    raise RuleSchemaError(f"{dotted(path) or 'the file'}: {_explain(error, schema)}{more}", name, line)


def _error_place(error: jsonschema.ValidationError, lines: Lines) -> tuple[YamlPath, int]:
    path: YamlPath = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = _unknown_keys(error)
        if extra:
            path = (*path, extra[0])
    return path, lines.of(path)


def _unknown_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return [key for key in error.instance if key not in allowed]


def _explain(error: jsonschema.ValidationError, schema_path: Path) -> str:
    """What is wrong, in the words of the person editing the file, and how to put it right."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    fix = f"see rules/schema/{schema_path.name}"
    if error.validator == "additionalProperties":
        allowed = ", ".join(schema.get("properties", {}))
        extra = _unknown_keys(error)
        hint = ""
        if extra:
            close = difflib.get_close_matches(extra[0], schema.get("properties", {}), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown key {extra[0]!r}; {hint}allowed here: {allowed}"
    if error.validator == "required":
        return f"{error.message}; add it"
    if error.validator == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), options, n=1, cutoff=0.5)
        if close:
            return f"{error.instance!r} is not allowed; did you mean {close[0]!r}?"
        shown = ", ".join(options) if len(options) <= 12 else ", ".join(options[:12]) + ", ..."
        return f"{error.instance!r} is not allowed; use one of: {shown}"
    if error.validator in ("type", "oneOf", "enum") and isinstance(error.instance, bool):
        return (
            f"expected {error.validator_value}, found {error.instance!r}: YAML reads yes/no/on/off/true/false "
            "as booleans, so put the word in quotes"
        )
    if error.validator == "pattern" and error.absolute_path and error.absolute_path[-1] == "id":
        return f"{error.instance!r} is not snake_case; use lower-case letters, digits and _ (e.g. governing_law)"
    if error.validator == "oneOf" and isinstance(error.instance, dict) and "patterns" in error.absolute_path:
        return "a pattern needs exactly one of `phrase` or `tokens` (write two patterns for two pieces of evidence)"
    if error.validator == "oneOf":
        return f"{error.instance!r} has the wrong form; {fix}"
    return f"{error.message}; {fix}"


def dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def check_id_is_file_name(data: dict[str, Any], lines: Lines, path: Path, error: type[RulesError]) -> None:
    """A file's `id` is its name, so the file of a rule or type named in a report can be found at once."""
    if data["id"] != path.stem:
        raise error(
            f"id {data['id']!r} differs from the file name; rename the file to {data['id']}.yaml "
            f"or set `id: {path.stem}`",
            str(path),
            lines.of(["id"]),
        )


def unknown(what: str, name: str, known: Iterable[str]) -> str:
    """ "no rule 'X'; did you mean Y?": the words for a name that is not there, with the closest ones."""
    close = difflib.get_close_matches(name, list(known), n=3)
    return f"no {what} {name!r}" + (f"; did you mean {', '.join(close)}?" if close else "")
