"""Build small workbooks and CSV folders for the calc tests."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import openpyxl

Sheets = Mapping[str, Sequence[Sequence[object]]]

# August 2026: 21 working days.
TEAM = [
    ["manager", "department", "hired_on", "salary"],
    ["Анна", "Москва", None, 0],
    ["Борис", "Москва", date(2026, 8, 13), 50000],
]
PLANS = [["manager", "department", "metric", "value"]]
REPORTS = [
    ["date", "manager", "calls", "revenue", "payments"],
    [date(2026, 8, 3), "Анна", 40, 5000, 15058.6],
    [date(2026, 8, 4), "Анна", 35, "4 567,50", None],
]

# A 7 % bonus on revenue and a 2.5 % receivables bonus, both flat.
TWO_BONUSES = """
title = "Выручка и оплаты"
effective_from = "2026-01"

[[bonus]]
base = "revenue"
tiers = [{ from = "0 %", rate = "7 %" }]

[[bonus]]
base = "payments"
tiers = [{ from = "0 %", rate = "2,5 %" }]
"""


def base_sheets() -> dict[str, list[list[object]]]:
    return {"team": [list(row) for row in TEAM], "plans": [list(row) for row in PLANS], "reports": [list(row) for row in REPORTS]}


def write_xlsx(path: Path, sheets: Sheets) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv_folder(path: Path, sheets: Sheets, delimiter: str = ";") -> Path:
    path.mkdir()
    for name, rows in sheets.items():
        with (path / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file, delimiter=delimiter)
            for row in rows:
                writer.writerow(["" if value is None else _csv_text(value) for value in row])
    return path


def _csv_text(value: object) -> str:
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)
