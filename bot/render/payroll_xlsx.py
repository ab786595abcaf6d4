"""The payroll as an Excel workbook: one row per payslip line with its explanation."""

from __future__ import annotations

import html
import io
from datetime import date

from babel.numbers import get_currency_symbol
from openpyxl import Workbook
from openpyxl.styles import Font

from bot.render.texts import Texts
from bot.render.views import pay_line
from kpi.payroll import Payroll


def money_format(texts: Texts) -> str:
    """Return Excel's number format for the team's currency, e.g. `#,##0.00" ₽"` or `#,##0.00" BYN"`."""
    symbol = get_currency_symbol(texts.currency, texts.locale).replace('"', "")
    return f'#,##0.00" {symbol}"'


def payroll_workbook(texts: Texts, payroll: Payroll, as_of: date, closed: bool) -> bytes:
    """Return the .xlsx bytes; amounts are Decimal numbers, so Excel sums them to the kopeck."""
    money = money_format(texts)
    book = Workbook()
    sheet = book.active
    sheet.title = texts("xlsx-sheet-payroll")
    status = texts("xlsx-closed") if closed else texts("xlsx-open", date=texts.day(as_of))
    sheet.append([texts("xlsx-title", month=texts.month_name(payroll.month.year, payroll.month.month)), status])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append([texts("xlsx-column-manager"), texts("xlsx-column-line"), texts("xlsx-column-reason"), texts("xlsx-column-amount")])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for payslip in payroll.payslips:
        for line in payslip.lines:
            reason = html.unescape(pay_line(texts, line)).removeprefix("• ")
            sheet.append([payslip.name, texts(f"xlsx-kind-{line.kind.value}"), reason, line.amount])
            sheet.cell(row=sheet.max_row, column=4).number_format = money
        sheet.append([payslip.name, texts("xlsx-kind-total"), "", payslip.total])
        total_row = sheet.max_row
        sheet.cell(row=total_row, column=4).number_format = money
        for cell in sheet[total_row]:
            cell.font = Font(bold=True)
    sheet.append([])
    sheet.append([texts("xlsx-team-total"), "", "", payroll.total])
    sheet.cell(row=sheet.max_row, column=4).number_format = money
    sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for column, width in zip("ABCD", (28, 16, 90, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
