"""Workbook errors as sentences that name the sheet, row and column."""

from __future__ import annotations

from bot.calc.workbook import WorkbookError
from bot.render.texts import Markup, Texts


def workbook_error_text(texts: Texts, error: WorkbookError) -> str:
    """Write a workbook error as a sentence that names the sheet, row and column where it has them."""
    message = Markup(texts(error.key, **error.params))
    params = error.params
    if "row" in params:
        return texts("calc-error-at-cell", sheet=params["sheet"], row=params["row"], column=params["column"], message=message)
    if "column" in params:
        return texts("calc-error-at-column", sheet=params["sheet"], column=params["column"], message=message)
    if "sheet" in params:
        return texts("calc-error-at-sheet", sheet=params["sheet"], message=message)
    return message
