"""pianodocs: from the planning workbook of a Chamber of Commerce to its performance documents.

The public API is what is accessible from this root package without importing
sub-modules: :func:`load_workbook`, :func:`score`, :func:`render`, the errors, and the model classes users need.
Everything else lives in modules whose names may change.
"""

from .errors import OutputError, PianodocsError, Problem, Severity, ValidationError
from .kinds import DOCUMENT_KINDS
from .model import (
    Act,
    Entity,
    Indicator,
    Measurement,
    OperationalObjective,
    Plan,
    Revision,
    StrategicLine,
    StrategicObjective,
)
from .render import render
from .scoring import GroupScore, IndicatorScore, Scorecard, score
from .values import Target, TargetKind, Value, ValueKind, parse_target, parse_value
from .workbook.loader import load_workbook

__all__ = [
    "DOCUMENT_KINDS",
    "Act",
    "Entity",
    "GroupScore",
    "Indicator",
    "IndicatorScore",
    "Measurement",
    "OperationalObjective",
    "OutputError",
    "PianodocsError",
    "Plan",
    "Problem",
    "Revision",
    "Scorecard",
    "Severity",
    "StrategicLine",
    "StrategicObjective",
    "Target",
    "TargetKind",
    "ValidationError",
    "Value",
    "ValueKind",
    "load_workbook",
    "parse_target",
    "parse_value",
    "render",
    "score",
]

__version__ = "0.1.0"
