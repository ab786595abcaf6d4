"""Read the team's workbook (.xlsx) or a folder of CSV files into plain tables of cells.

Sheet and column names are the English codes the template writes (team, plans, reports, …),
matched without regard to case or surrounding spaces. Every cell keeps its sheet, row and column,
so a later error can name them. Problems raise WorkbookError, whose ``key`` is a message id in
bot/locales/*/calc.ftl and whose ``params`` name the place, the value and what the fix needs.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

# A cell as read: openpyxl gives int, float, str, bool, datetime or None; CSV gives str.
CellValue = Any


class WorkbookError(ValueError):
    """A workbook that cannot be used; ``key`` is a message id and ``params`` its arguments.

    ``params`` has ``sheet``, ``row`` and ``column`` whenever the problem has a place, and
    ``value`` whenever one cell is at fault.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params: dict[str, object] = params
        super().__init__(f"{key} {params}")


@dataclass(frozen=True, slots=True)
class Cell:
    sheet: str
    row: int
    column: str
    value: CellValue

    @property
    def is_empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    def error(self, key: str, **params: object) -> WorkbookError:
        """Return a WorkbookError placed at this cell, with the value as written."""
        return WorkbookError(key, sheet=self.sheet, row=self.row, column=self.column, value=_shown(self.value), **params)


def _shown(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass(frozen=True, slots=True)
class Row:
    sheet: str
    number: int
    cells: Mapping[str, Cell]

    def get(self, column: str) -> Cell:
        """Return the cell under ``column``, or an empty one when the sheet has no such column."""
        return self.cells.get(column) or Cell(self.sheet, self.number, column, None)


@dataclass(frozen=True, slots=True)
class Table:
    """One sheet: its name as written in the file, its columns (lower-cased) and its non-empty rows."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...] = field(default=())

    def require_columns(self, *names: str) -> None:
        for name in names:
            if name not in self.columns:
                raise WorkbookError("calc-error-column-missing", sheet=self.name, column=name)


def _table(name: str, raw_rows: Iterator[tuple[int, list[CellValue]]]) -> Table:
    header: list[str] | None = None
    rows: list[Row] = []
    for number, values in raw_rows:
        if header is None:
            if all(value is None or not str(value).strip() for value in values):
                continue
            header = [str(value).strip().casefold() if value is not None else "" for value in values]
            seen: set[str] = set()
            for column in header:
                if column and column in seen:
                    raise WorkbookError("calc-error-column-duplicate", sheet=name, column=column)
                seen.add(column)
            continue
        cells = {
            column: Cell(name, number, column, value)
            for column, value in zip(header, values)
            if column
        }
        if any(not cell.is_empty for cell in cells.values()):
            rows.append(Row(name, number, cells))
    columns = tuple(column for column in header or () if column)
    return Table(name, columns, tuple(rows))


def _read_xlsx(path: Path) -> dict[str, Table]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        values = openpyxl.load_workbook(path, data_only=True, read_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False, read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise WorkbookError("calc-error-not-a-workbook", path=str(path), detail=str(error)) from None

    tables: dict[str, Table] = {}
    try:
        for sheet in values.worksheets:
            formula_rows = formulas[sheet.title].iter_rows(values_only=True)

            def rows(sheet=sheet, formula_rows=formula_rows) -> Iterator[tuple[int, list[CellValue]]]:
                for number, (row, formula_row) in enumerate(zip(sheet.iter_rows(values_only=True), formula_rows), start=1):
                    for index, (value, formula) in enumerate(zip(row, formula_row)):
                        if value is None and isinstance(formula, str) and formula.startswith("="):
                            raise WorkbookError(
                                "calc-error-formula-without-value",
                                sheet=sheet.title,
                                row=number,
                                column=_column_letter(index),
                                value=formula,
                            )
                    yield number, list(row)

            tables[sheet.title.strip().casefold()] = _table(sheet.title, rows())
    finally:
        values.close()
        formulas.close()
    return tables


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _read_csv_file(path: Path) -> Table:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise WorkbookError("calc-error-csv-encoding", path=str(path)) from None
    first_line = text.split("\n", 1)[0]
    # Russian Excel saves CSV with ";" because "," is the decimal separator.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(text.splitlines(), delimiter=delimiter)
    return _table(path.stem, ((number, list(row)) for number, row in enumerate(reader, start=1)))


def _read_csv_folder(path: Path) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for file in sorted(path.iterdir()):
        if file.suffix.casefold() == ".csv":
            tables[file.stem.strip().casefold()] = _read_csv_file(file)
    if not tables:
        raise WorkbookError("calc-error-no-csv", path=str(path))
    return tables


def read_tables(path: Path) -> dict[str, Table]:
    """Read every sheet of an .xlsx file, or every .csv file of a folder, keyed by lower-cased name."""
    if not path.exists():
        raise WorkbookError("calc-error-data-not-found", path=str(path))
    if path.is_dir():
        return _read_csv_folder(path)
    if path.suffix.casefold() in (".xls", ".ods", ".numbers"):
        raise WorkbookError("calc-error-format", path=str(path))
    return _read_xlsx(path)
