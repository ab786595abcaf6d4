"""The payroll as an Excel workbook, for the bot's button and for `salesboard calc --format xlsx`.

Three sheets: the payroll (one row per manager with the totals by kind, and the team total),
the lines (every payslip line with its explanation) and the departments. Amounts are Decimal
numbers, so Excel sums them to the kopeck; headers and sheet names are in the reader's language.
"""

from __future__ import annotations

import html
import io
from decimal import Decimal
from fractions import Fraction

from babel.numbers import get_currency_symbol
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bot.render.rules import explain_line
from bot.render.texts import Texts
from kpi.metrics import METRICS
from kpi.payslip import Payroll
from kpi.scheme import Scheme



def money_format(texts: Texts) -> str:
    """Return Excel's number format for the team's currency, e.g. `#,##0.00" ₽"` or `#,##0.00" BYN"`."""
    symbol = get_currency_symbol(texts.currency, texts.locale).replace('"', "")
    return f'#,##0.00" {symbol}"'


PERCENT_FORMAT = "0.0%"
# Rows above the payroll table: the title with the status, then a blank row.
HEADER_ROWS = 2
_RATIO_DIGITS = 6


def payroll_workbook(texts: Texts, payroll: Payroll, status: str, scheme: Scheme | None = None) -> bytes:
    """Return the .xlsx bytes. `status` is the text next to the title: the month is closed, or as of which day."""
    book = Workbook()
    summary = book.active
    summary.title = texts("xlsx-sheet-payroll")
    _write_summary(summary, texts, payroll, status)
    _write_lines(book.create_sheet(texts("xlsx-sheet-lines")), texts, payroll, scheme)
    _write_departments(book.create_sheet(texts("xlsx-sheet-departments")), texts, payroll)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_summary(sheet: Worksheet, texts: Texts, payroll: Payroll, status: str) -> None:
    sheet.append([texts("xlsx-title", month=texts.month_name(payroll.month.year, payroll.month.month)), status])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    columns = (
        "manager", "department", "salary", "bonus", "kpi", "deductions", "adjustments", "total", "not-deducted",
        "attainment", "fixed-share",
    )
    _append_header(sheet, [texts(f"xlsx-column-{column}") for column in columns])
    for payslip in payroll.payslips:
        sheet.append(
            [
                payslip.name, payslip.department, payslip.salary, payslip.bonus, payslip.kpi_premium,
                payslip.deductions, payslip.adjustments, payslip.total, payslip.not_deducted,
                _cell_ratio(payslip.attainment), _cell_ratio(payslip.fixed_share),
            ]
        )
    sheet.append(
        [
            texts("xlsx-team-total"), None, payroll.salary, payroll.bonus, payroll.kpi_premium, payroll.deductions,
            payroll.adjustments, payroll.total, payroll.not_deducted, None, None,
        ]
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=HEADER_ROWS + 2):
        for cell in row[2:9]:
            cell.number_format = money_format(texts)
        for cell in row[9:11]:
            cell.number_format = PERCENT_FORMAT
    for column, width in zip("ABCDEFGHIJK", (28, 18, 14, 14, 14, 16, 16, 16, 14, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width


def _write_lines(sheet: Worksheet, texts: Texts, payroll: Payroll, scheme: Scheme | None) -> None:
    columns = ("manager", "line", "reason", "amount", "rule")
    _append_header(sheet, [texts(f"xlsx-column-{column}") for column in columns])
    for payslip in payroll.payslips:
        for line in payslip.lines:
            reason = html.unescape(explain_line(texts, line, scheme)).removeprefix("• ")
            sheet.append([payslip.name, texts(f"xlsx-kind-{line.kind.value}"), reason, line.amount, line.rule])
            sheet.cell(row=sheet.max_row, column=4).number_format = money_format(texts)
    for column, width in zip("ABCDE", (28, 16, 90, 16, 20), strict=True):
        sheet.column_dimensions[column].width = width


def _write_departments(sheet: Worksheet, texts: Texts, payroll: Payroll) -> None:
    columns = ("department", "metric", "actual", "plan", "attainment")
    _append_header(sheet, [texts(f"xlsx-column-{column}") for column in columns])
    for department in payroll.departments:
        metric = texts(f"metric-{department.metric}") if department.metric in METRICS else department.metric
        sheet.append(
            [department.name, metric, department.actual, department.plan, _cell_ratio(department.attainment)]
        )
        sheet.cell(row=sheet.max_row, column=5).number_format = PERCENT_FORMAT


def _append_header(sheet: Worksheet, names: list[str]) -> None:
    sheet.append(names)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _cell_ratio(ratio: Fraction | None) -> Decimal | None:
    """Truncate an exact ratio to six places; a cell stores a double anyway."""
    if ratio is None:
        return None
    scaled = (abs(ratio) * 10**_RATIO_DIGITS).__floor__()
    value = Decimal(scaled).scaleb(-_RATIO_DIGITS)
    return -value if ratio < 0 else value
