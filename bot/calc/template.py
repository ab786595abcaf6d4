"""Write the empty workbook a team fills in: every sheet `salesboard calc` reads, with an example row."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from bot.render.texts import Texts
from kpi.period import Month

# Columns per sheet, in the order the template writes them; the first three sheets are required.
SHEETS: dict[str, tuple[str, ...]] = {
    "team": ("manager", "department", "hired_on", "left_on", "salary"),
    "plans": ("manager", "department", "metric", "value", "version", "author", "set_at"),
    "reports": (
        "date", "manager", "calls", "proposals", "meetings", "new_clients", "deals", "revenue", "cost",
        "payments", "leads", "on_time",
    ),
    "absences": ("manager", "from", "to"),
    "criteria": ("manager", "criterion", "passed"),
    "deductions": ("manager", "date", "code", "note"),
    "refunds": ("manager", "date", "deal_month", "amount", "rate", "note"),
}


def _example_rows(month: Month) -> dict[str, list[list[object]]]:
    """Return example rows dated inside ``month``: two managers of one department and their plans."""
    first = month.first_day
    day = date(month.year, month.month, min(10, month.last_day.day))
    previous = month.previous()
    return {
        "team": [
            ["Анна Смирнова", "Москва", date(2024, 3, 1), None, Decimal(60000)],
            ["Иван Петров", "Москва", first, None, Decimal(50000)],
        ],
        "plans": [
            ["Анна Смирнова", None, "revenue", Decimal(1000000), 1, None, None],
            ["Иван Петров", None, "revenue", Decimal(600000), 1, None, None],
            [None, "Москва", "revenue", Decimal(1600000), 1, None, None],
        ],
        "reports": [
            [first, "Анна Смирнова", 40, 5, 3, 1, 1, Decimal(650000), Decimal(480000), Decimal(500000), 12, "да"],
            [first, "Иван Петров", 35, 4, 2, 0, 1, Decimal(150000), Decimal(110000), Decimal(0), 10, "да"],
            [day, "Анна Смирнова", 38, 4, 2, 1, 1, Decimal(420000), Decimal(300000), Decimal(350000), 9, "нет"],
            [day, "Иван Петров", 30, 3, 2, 1, 1, Decimal(250000), Decimal(190000), Decimal(150000), 8, "да"],
        ],
        "absences": [["Иван Петров", day, day]],
        # Criteria and deductions depend on the scheme's own codes, so their sheets start empty.
        "criteria": [],
        "deductions": [],
        "refunds": [["Анна Смирнова", day, str(previous), Decimal(50000), "7 %", "возврат по договору 12"]],
    }


def write_template(path: Path, month: Month, texts: Texts) -> None:
    """Write the template to ``path``: the sheets with headers and example rows, and a readme sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    readme = workbook.active
    readme.title = "readme"
    readme.column_dimensions["A"].width = 120
    for line in texts("calc-template-readme", month=str(month)).splitlines():
        readme.append([line])

    examples = _example_rows(month)
    for name, columns in SHEETS.items():
        sheet = workbook.create_sheet(name)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in examples[name]:
            sheet.append(row)
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(column) + 4)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "DD.MM.YYYY"
    workbook.save(path)
