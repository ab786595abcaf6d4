from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bot.calc.data import read_month
from bot.calc.workbook import WorkbookError, read_tables
from kpi.calendar import WorkingCalendar
from kpi.payroll import compute_payroll
from kpi.period import Month
from kpi.presets import load_preset
from kpi.scheme import BonusBase, BonusRule, Scheme
from kpi.scheme_toml import load_scheme
from tests.calc.support import TWO_BONUSES, base_sheets, write_csv_folder, write_xlsx

AUGUST = Month(2026, 8)
RUSSIA = WorkingCalendar()
SCHEME = load_scheme(TWO_BONUSES)


def test_worked_numbers_from_workbook(tmp_path: Path) -> None:
    # Анна: revenue 5 000 + 4 567.50 = 9 567.50 at 7 % = 669.725 -> 669.73;
    # payments 15 058.60 at 2.5 % = 376.465 -> 376.47; 669.73 + 376.47 = 1 046.20.
    # Борис: hired 13 August, 13 of 21 days: 50 000 x 13 / 21 = 30 952.38.
    data = read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", base_sheets())), AUGUST, SCHEME)
    anna, boris = data.managers
    assert anna.actual == Decimal("9567.50")
    assert anna.metrics["payments"] == Decimal("15058.6")
    assert anna.metrics["calls"] == 75
    assert boris.hired_on == date(2026, 8, 13)

    payroll = compute_payroll(data.managers, AUGUST, RUSSIA, scheme=SCHEME)
    assert [payslip.total for payslip in payroll.payslips] == [Decimal("1046.20"), Decimal("30952.38")]
    assert payroll.total == Decimal("31998.58")


def test_csv_folder_reads_like_workbook(tmp_path: Path) -> None:
    # Semicolons, dates as 03.08.2026 and decimal commas, as Russian Excel saves CSV.
    folder = write_csv_folder(tmp_path / "month", base_sheets())
    data = read_month(read_tables(folder), AUGUST, SCHEME)
    payroll = compute_payroll(data.managers, AUGUST, RUSSIA, scheme=SCHEME)
    assert payroll.total == Decimal("31998.58")


def test_comma_separated_csv(tmp_path: Path) -> None:
    folder = write_csv_folder(tmp_path / "month", base_sheets(), delimiter=",")
    data = read_month(read_tables(folder), AUGUST, SCHEME)
    assert data.managers[0].actual == Decimal("9567.50")


def test_plans_versions_and_department_plan(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["plans"] = [
        ["manager", "department", "metric", "value", "version", "author", "set_at"],
        ["Анна", None, "revenue", 10000, 1, "Ольга", "2026-07-28 10:00"],
        ["Анна", None, "revenue", 9000, 2, "Ольга", "2026-08-10 09:30"],
        [None, "Москва", "revenue", 50000, None, None, None],
    ]
    data = read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, SCHEME)
    plan = data.managers[0].plans["revenue"]
    assert (plan.value, plan.version, plan.author) == (Decimal(9000), 2, "Ольга")
    assert plan.set_at is not None
    assert plan.set_at.utcoffset() is not None
    assert plan.set_at.hour == 9
    assert data.department_plans["Москва"]["revenue"].value == Decimal(50000)


def test_optional_sheets(tmp_path: Path) -> None:
    scheme = load_scheme(
        TWO_BONUSES
        + '[kpi]\npool = 1000\n[[kpi.criteria]]\ncode = "no_complaints"\nweight = "100 %"\n'
        + '[[deductions]]\ncode = "late"\ntitle = "Опоздание"\namount = 100\n'
    )
    sheets = base_sheets()
    sheets["absences"] = [["manager", "from", "to"], ["Борис", date(2026, 8, 20), date(2026, 9, 4)]]
    sheets["criteria"] = [["manager", "criterion", "passed"], ["Анна", "no_complaints", "да"]]
    sheets["deductions"] = [["manager", "date", "code", "note"], ["Анна", date(2026, 8, 5), "late", "на час"]]
    sheets["refunds"] = [
        ["manager", "date", "deal_month", "amount", "rate", "note"],
        ["Анна", date(2026, 8, 7), "2026-07", 1000, "7 %", None],
    ]
    data = read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, scheme)
    anna, boris = data.managers
    # 20, 21, 24-28, 31 August are absences inside the month; September days are ignored.
    assert len(boris.absences) == 12
    assert max(boris.absences) == date(2026, 8, 31)
    assert anna.criteria == {"no_complaints": True}
    assert anna.deductions[0].code == "late"
    assert anna.deductions[0].note == "на час"
    assert anna.refunds[0].rate == Decimal("0.07")
    assert anna.refunds[0].deal_month == Month(2026, 7)


def test_on_time_column_counts_reports(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["reports"] = [
        ["date", "manager", "calls", "on_time"],
        [date(2026, 8, 3), "Анна", 1, "да"],
        [date(2026, 8, 4), "Анна", 1, "нет"],
        [date(2026, 8, 5), "Анна", 1, "yes"],
    ]
    data = read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, SCHEME)
    assert data.managers[0].metrics["on_time_reports"] == 2


def set_cell(sheets: dict[str, list[list[object]]], sheet: str, row: int, column: str, value: object) -> None:
    """Put ``value`` at workbook ``row`` (1 is the header) under ``column``, adding the column if needed."""
    rows = sheets[sheet]
    if column not in rows[0]:
        rows[0].append(column)
        for other in rows[1:]:
            other.append(None)
    while len(rows) < row:
        rows.append([None] * len(rows[0]))
    rows[row - 1][rows[0].index(column)] = value


MARGIN = Scheme("Маржа", (BonusRule(BonusBase.MARGIN, load_preset("flat_percent").bonus.tiers),), Month(2026, 1))


@pytest.mark.parametrize(
    ("change", "key", "sheet", "row", "column"),
    [
        pytest.param(lambda s: s.pop("plans"), "calc-error-sheet-missing", "plans", None, None, id="missing-sheet"),
        pytest.param(
            lambda s: s.__setitem__("team", [["manager", "department"], ["Анна", None]]),
            "calc-error-column-missing", "team", None, "salary", id="missing-column",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 3, "revenue", "сорок"),
            "calc-error-not-a-number", "reports", 3, "revenue", id="text-in-number-cell",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "manager", "Вера"),
            "calc-error-unknown-manager", "reports", 2, "manager", id="unknown-manager",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 3, "date", date(2026, 9, 1)),
            "calc-error-date-outside-month", "reports", 3, "date", id="date-outside-month",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "visits", 3),
            "calc-error-column-unknown", "reports", None, "visits", id="unknown-metric-column",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "calls", 2.5),
            "calc-error-not-whole", "reports", 2, "calls", id="fractional-calls",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "revenue", "100,0055"),
            "calc-error-too-precise", "reports", 2, "revenue", id="below-kopeck",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "revenue", "250.000"),
            "calc-error-ambiguous-thousands", "reports", 2, "revenue", id="dot-thousands-ambiguous",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "revenue", -100),
            "calc-error-negative", "reports", 2, "revenue", id="negative",
        ),
        pytest.param(
            lambda s: set_cell(s, "reports", 2, "date", "вчера"),
            "calc-error-not-a-date", "reports", 2, "date", id="bad-date",
        ),
        pytest.param(
            lambda s: set_cell(s, "team", 3, "manager", "анна"),
            "calc-error-duplicate-manager", "team", 3, "manager", id="duplicate-manager",
        ),
        pytest.param(
            lambda s: set_cell(s, "team", 2, "salary", None),
            "calc-error-empty-cell", "team", 2, "salary", id="empty-salary",
        ),
        pytest.param(
            lambda s: s["plans"].append(["Анна", "Москва", "revenue", 1000]),
            "calc-error-plan-scope", "plans", 2, "manager", id="plan-for-both",
        ),
        pytest.param(
            lambda s: s["plans"].append(["Анна", None, "visits", 1000]),
            "calc-error-unknown-metric", "plans", 2, "metric", id="plan-unknown-metric",
        ),
        pytest.param(
            lambda s: s["plans"].append([None, "Казань", "revenue", 1000]),
            "calc-error-unknown-department", "plans", 2, "department", id="plan-unknown-department",
        ),
        pytest.param(
            lambda s: s["plans"].extend([["Анна", None, "revenue", 1000], ["Анна", None, "revenue", 2000]]),
            "calc-error-duplicate-plan", "plans", 3, "version", id="plan-version-twice",
        ),
        pytest.param(
            lambda s: s.__setitem__("criteria", [["manager", "criterion", "passed"], ["Анна", "smiles", "да"]]),
            "calc-error-unknown-criterion", "criteria", 2, "criterion", id="unknown-criterion",
        ),
        pytest.param(
            lambda s: s.__setitem__("deductions", [["manager", "code"], ["Анна", "fine"]]),
            "calc-error-unknown-deduction", "deductions", 2, "code", id="unknown-deduction",
        ),
        pytest.param(
            lambda s: s.__setitem__(
                "refunds",
                [["manager", "date", "deal_month", "amount", "rate"], ["Анна", date(2026, 8, 3), "2026-08", 100, 0.07]],
            ),
            "calc-error-deal-month-open", "refunds", 2, "deal_month", id="refund-open-month",
        ),
        pytest.param(
            lambda s: s.__setitem__(
                "refunds",
                [["manager", "date", "deal_month", "amount", "rate"], ["Анна", date(2026, 8, 3), "2026-07", 100, 7]],
            ),
            "calc-error-rate-above-100", "refunds", 2, "rate", id="refund-rate-as-percent-number",
        ),
        pytest.param(
            lambda s: s.__setitem__("absences", [["manager", "from", "to"], ["Анна", date(2026, 8, 10), date(2026, 8, 3)]]),
            "calc-error-range-reversed", "absences", 2, "to", id="absence-reversed",
        ),
    ],
)
def test_bad_workbook(tmp_path: Path, change, key: str, sheet: str, row: int | None, column: str | None) -> None:  # type: ignore[no-untyped-def]
    sheets = base_sheets()
    change(sheets)
    with pytest.raises(WorkbookError) as caught:
        read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, SCHEME)
    error = caught.value
    assert error.key == key
    assert error.params["sheet"] == sheet
    assert error.params.get("row") == row
    assert error.params.get("column") == column


def test_margin_scheme_needs_cost(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", base_sheets())), AUGUST, MARGIN)
    assert caught.value.key == "calc-error-column-missing"
    assert caught.value.params["column"] == "cost"


def test_formula_without_saved_value(tmp_path: Path) -> None:
    # openpyxl writes formulas without computing them, as a script-made workbook would be.
    sheets = base_sheets()
    set_cell(sheets, "reports", 2, "revenue", "=1000+2000")
    with pytest.raises(WorkbookError) as caught:
        read_tables(write_xlsx(tmp_path / "month.xlsx", sheets))
    assert caught.value.key == "calc-error-formula-without-value"
    assert (caught.value.params["sheet"], caught.value.params["row"]) == ("reports", 2)


def test_sheet_and_column_names_ignore_case(tmp_path: Path) -> None:
    sheets = {name.upper(): rows for name, rows in base_sheets().items()}
    sheets["TEAM"][0] = [" Manager ", "Department", "Hired_On", "SALARY"]
    data = read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, SCHEME)
    assert [manager.name for manager in data.managers] == ["Анна", "Борис"]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        pytest.param("missing.xlsx", "calc-error-data-not-found", id="not-found"),
        pytest.param("old.xls", "calc-error-format", id="xls"),
        pytest.param("broken.xlsx", "calc-error-not-a-workbook", id="not-a-zip"),
    ],
)
def test_unreadable_data(tmp_path: Path, name: str, key: str) -> None:
    path = tmp_path / name
    if name != "missing.xlsx":
        path.write_text("not a workbook")
    with pytest.raises(WorkbookError) as caught:
        read_tables(path)
    assert caught.value.key == key


def test_csv_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "month"
    folder.mkdir()
    (folder / "team.csv").write_bytes("manager;salary\nАнна;1\n".encode("cp1251"))
    with pytest.raises(WorkbookError) as caught:
        read_tables(folder)
    assert caught.value.key == "calc-error-csv-encoding"


def test_empty_rows_skipped(tmp_path: Path) -> None:
    sheets = base_sheets()
    sheets["reports"].insert(2, [None, None, None, None, None])
    path = write_xlsx(tmp_path / "month.xlsx", sheets)
    workbook = openpyxl.load_workbook(path)
    assert workbook["reports"].max_row == 4
    data = read_month(read_tables(path), AUGUST, SCHEME)
    assert data.managers[0].actual == Decimal("9567.50")


def test_criterion_needs_yes_or_no(tmp_path: Path) -> None:
    scheme = load_scheme(TWO_BONUSES + '[kpi]\npool = 1000\n[[kpi.criteria]]\ncode = "discipline"\nweight = "100 %"\n')
    sheets = base_sheets()
    sheets["criteria"] = [["manager", "criterion", "passed"], ["Анна", "discipline", "может быть"]]
    with pytest.raises(WorkbookError) as caught:
        read_month(read_tables(write_xlsx(tmp_path / "month.xlsx", sheets)), AUGUST, scheme)
    assert caught.value.key == "calc-error-not-yes-no"
    assert (caught.value.params["row"], caught.value.params["column"]) == (2, "passed")
