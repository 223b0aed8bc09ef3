"""A small validator for the subset of JSON Schema 2020-12 that pianodocs' documented outputs use.

The schemas of docs/diff.md and docs/export.schema.json are checked against real
outputs by the tests; jsonschema is not a dependency, so this covers the
keywords those schemas use and refuses any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda value: isinstance(value, dict),
    "array": lambda value: isinstance(value, list),
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, int | float) and not isinstance(value, bool),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
}
_KEYWORDS = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "required", "properties",
             "additionalProperties", "items", "minimum", "format"}  # fmt: skip


def problems(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """Why ``value`` does not fit ``schema`` (empty when it does); ``root`` holds the ``$defs``."""
    assert not set(schema) - _KEYWORDS, f"the test's validator does not know {set(schema) - _KEYWORDS}"
    found: list[str] = []
    if "$ref" in schema:
        assert schema["$ref"].startswith("#/$defs/"), schema["$ref"]
        found += problems(value, root["$defs"][schema["$ref"].removeprefix("#/$defs/")], root, where)
    types = schema.get("type", [])
    types = [types] if isinstance(types, str) else types
    if types and not any(_TYPES[name](value) for name in types):
        return [*found, f"{where}: {value!r} non è di tipo {types}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} non è tra {schema['enum']}")
    if "minimum" in schema and isinstance(value, int) and value < schema["minimum"]:
        found.append(f"{where}: {value} < {schema['minimum']}")
    if schema.get("format") == "date" and isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            found.append(f"{where}: {value!r} non è una data ISO")
    if isinstance(value, dict):
        found += [f"{where}: manca {key}" for key in schema.get("required", []) if key not in value]
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                found += problems(item, properties[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                found.append(f"{where}: chiave non prevista {key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], root, f"{where}[{index}]")
    return found
