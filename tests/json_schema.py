"""Validate pianodocs' documented JSON outputs against their JSON Schema (2020-12) with jsonschema, formats checked."""

from __future__ import annotations

from typing import Any

import jsonschema


def problems(value: Any, schema: dict[str, Any]) -> list[str]:
    """Why ``value`` does not fit ``schema``, one line per error with where it is (empty when it fits)."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(value)]
