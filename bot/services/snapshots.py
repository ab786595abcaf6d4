"""Payroll snapshots: a closed month's payroll as JSON, so the month never changes afterwards.

The kpi value objects are frozen dataclasses, written field by field with exact types. A Decimal
becomes a string, a Fraction "numerator/denominator", a date or datetime its ISO form, a Month
"2026-11", an enum its value and a tuple a list. Reading them back goes by the type hints,
so the restored payroll equals the one that was stored.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kpi.payroll import Payroll
from kpi.period import Month

SNAPSHOT_FORMAT = 1


def payroll_to_json(payroll: Payroll) -> str:
    return json.dumps({"format": SNAPSHOT_FORMAT, "payroll": _dump(payroll)}, ensure_ascii=False)


def payroll_from_json(text: str) -> Payroll:
    data = json.loads(text)
    if data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"unknown payroll snapshot format {data.get('format')!r}")
    payroll = _load(data["payroll"], Payroll)
    assert isinstance(payroll, Payroll)
    return payroll


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Month):
            return str(value)
        return {field.name: _dump(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _dump(item) for key, item in value.items()}
    if isinstance(value, tuple | list | frozenset | set):
        return [_dump(item) for item in value]
    return value


def _load(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _load(value, options[0]) if len(options) == 1 else value
    if origin in (tuple, frozenset, list, set) or hint in (tuple, frozenset, list):
        args = [arg for arg in typing.get_args(hint) if arg is not Ellipsis]
        items = [_load(item, args[0]) if args else item for item in value]
        return (origin or hint)(items)
    if origin in (Mapping, dict) or origin is typing.get_origin(Mapping[str, int]):
        args = typing.get_args(hint)
        return {key: _load(item, args[1]) if args else item for key, item in value.items()}
    if hint is Month:
        return Month.parse(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = {field.name for field in dataclasses.fields(hint) if field.init}
        return hint(**{name: _load(item, hints[name]) for name, item in value.items() if name in fields})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is Decimal:
        return Decimal(value)
    if hint is Fraction:
        return Fraction(value)
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    return value
