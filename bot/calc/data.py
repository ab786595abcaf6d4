"""Turn the workbook's tables into one month of kpi inputs, checking every cell on the way.

Sheets (required ones first; the template writes each with an example row):

- team: manager, salary, and optionally department, hired_on, left_on.
- plans: metric, value, and manager or department (exactly one), optionally version, author,
  set_at. Several versions of one plan may be listed; the highest version is used.
- reports: date, manager, one column per metric code (calls, revenue, cost, payments, leads,
  custom metrics of the scheme…), optionally on_time (yes/no). Rows for the same manager and
  date are added up.
- absences (optional): manager, from, to. Days outside the month are ignored.
- criteria (optional): manager, criterion, passed (yes/no).
- deductions (optional): manager, code, and optionally date, note.
- refunds (optional): manager, date, deal_month, amount, rate, and optionally note.

Numbers may be number cells or text such as "1 250 000,50" or "1.250.000"; a text such as
"250.000" reads as 250 or as 250 000 and is rejected with both readings. Excel stores numbers as binary
doubles, so a number cell is read through its shortest decimal form (repr), which is what was
typed for up to 15 significant digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from zoneinfo import ZoneInfo

from bot.calc.workbook import Cell, Row, Table, WorkbookError
from bot.report_parser import AmbiguousAmountError, split_number
from kpi.metrics import MetricKind
from kpi.money import KOPECK
from kpi.payroll import Deduction, ManagerMonth, Refund
from kpi.period import Month
from kpi.plans import Plan
from kpi.scheme import RATIO_KPIS, Scheme

REQUIRED_SHEETS = ("team", "plans", "reports")
OPTIONAL_SHEETS = ("absences", "criteria", "deductions", "refunds")
_NUMBER = re.compile(r"(?P<sign>[+-])?\s*(?P<number>[0-9]+(?:[\s.,][0-9]+)*)")
_DOTTED_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_YES = {"yes", "y", "true", "1", "да", "д", "+"}
_NO = {"no", "n", "false", "0", "нет", "н", "-"}


@dataclass(frozen=True, slots=True)
class MonthData:
    """The kpi inputs of one month, in the order of the team sheet."""

    month: Month
    managers: tuple[ManagerMonth, ...]
    department_plans: Mapping[str, Mapping[str, Plan]]


def decimal_of(cell: Cell, *, whole: bool = False, money: bool = False, allow_negative: bool = False) -> Decimal:
    """Read a number cell or a numeric text; raise WorkbookError naming the cell otherwise."""
    value = cell.value
    if isinstance(value, bool):
        raise cell.error("calc-error-not-a-number")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        number = _decimal_of_text(cell, value)
    else:
        raise cell.error("calc-error-not-a-number")
    if not number.is_finite():
        raise cell.error("calc-error-not-a-number")
    if number < 0 and not allow_negative:
        raise cell.error("calc-error-negative")
    if whole and number != number.to_integral_value():
        raise cell.error("calc-error-not-whole")
    if money and number != number.quantize(KOPECK, rounding=ROUND_DOWN):
        raise cell.error("calc-error-too-precise")
    return number


def _decimal_of_text(cell: Cell, value: str) -> Decimal:
    """Read "1 250 000,50", "1.250.000" or "-12.5" with the report parser's rules for marks."""
    match = _NUMBER.fullmatch(value.strip().removesuffix("₽").strip())
    if match is None:
        raise cell.error("calc-error-not-a-number")
    try:
        whole, fraction = split_number(match["number"])
    except AmbiguousAmountError as error:
        raise cell.error("calc-error-ambiguous-thousands", decimal=error.as_decimal, thousands=error.as_thousands) from None
    except ValueError:
        raise cell.error("calc-error-not-a-number") from None
    sign = "-" if match["sign"] == "-" else ""
    return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")


def date_of(cell: Cell) -> date:
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        match = _DOTTED_DATE.fullmatch(text)
        if match is not None:
            try:
                return date(int(match[3]), int(match[2]), int(match[1]))
            except ValueError:
                pass
    raise cell.error("calc-error-not-a-date")


def _month_of(cell: Cell) -> Month:
    value = cell.value
    if isinstance(value, (datetime, date)):
        return Month(value.year, value.month)
    if isinstance(value, str):
        try:
            return Month.parse(value)
        except ValueError:
            pass
    raise cell.error("calc-error-not-a-month")


def _yes_no(cell: Cell) -> bool:
    value = cell.value
    if isinstance(value, bool):
        return value
    text = _text(cell).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise cell.error("calc-error-not-yes-no")


def _text(cell: Cell) -> str:
    if isinstance(cell.value, float) and cell.value.is_integer():
        return str(int(cell.value))
    return " ".join(str(cell.value).split()) if cell.value is not None else ""


def _required(row: Row, column: str) -> Cell:
    cell = row.get(column)
    if cell.is_empty:
        raise cell.error("calc-error-empty-cell")
    return cell


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Team:
    """The team sheet: managers by name, in order."""

    def __init__(self, table: Table) -> None:
        table.require_columns("manager", "salary")
        self.rows: list[Row] = []
        self.names: dict[str, str] = {}
        self.departments: set[str] = set()
        for row in table.rows:
            cell = _required(row, "manager")
            key = _name_key(_text(cell))
            if key in self.names:
                raise cell.error("calc-error-duplicate-manager")
            self.names[key] = _text(cell)
            self.rows.append(row)
            department = row.get("department")
            if not department.is_empty:
                self.departments.add(_text(department))

    def manager(self, cell: Cell) -> str:
        """Return the team sheet's spelling of the manager named in ``cell``."""
        name = self.names.get(_name_key(_text(_required_cell(cell))))
        if name is None:
            raise cell.error("calc-error-unknown-manager", known=", ".join(self.names.values()))
        return name


def _required_cell(cell: Cell) -> Cell:
    if cell.is_empty:
        raise cell.error("calc-error-empty-cell")
    return cell


def _metric_kind(scheme: Scheme, code: str) -> MetricKind | None:
    return scheme.metric_kind(code)


def _uses_margin(scheme: Scheme) -> bool:
    metrics = {scheme.department_metric}
    for rule in scheme.bonuses:
        metrics.update((rule.base.value, rule.plan_metric))
    return "margin" in metrics


def _read_reports(table: Table, team: _Team, month: Month, scheme: Scheme) -> dict[str, dict[str, Decimal]]:
    table.require_columns("date", "manager")
    if _uses_margin(scheme) and "margin" not in table.columns:
        # Margin is revenue minus cost, so one of the two columns must be there.
        table.require_columns("revenue", "cost")
    metric_columns = [column for column in table.columns if column not in ("date", "manager", "on_time")]
    for column in metric_columns:
        if _metric_kind(scheme, column) is None:
            raise WorkbookError(
                "calc-error-column-unknown",
                sheet=table.name,
                column=column,
                known=", ".join(sorted(scheme.metric_codes)),
            )
    totals: dict[str, dict[str, Decimal]] = {}
    for row in table.rows:
        day_cell = _required(row, "date")
        day = date_of(day_cell)
        if not month.contains(day):
            raise day_cell.error("calc-error-date-outside-month", month=str(month))
        name = team.manager(row.get("manager"))
        member = totals.setdefault(name, {})
        for column in metric_columns:
            cell = row.get(column)
            if cell.is_empty:
                continue
            kind = _metric_kind(scheme, column)
            value = decimal_of(cell, whole=kind is MetricKind.COUNT, money=kind is MetricKind.MONEY)
            member[column] = member.get(column, Decimal(0)) + value
        on_time = row.get("on_time")
        if not on_time.is_empty and _yes_no(on_time):
            member["on_time_reports"] = member.get("on_time_reports", Decimal(0)) + 1
    return totals


def _read_plans(
    table: Table, team: _Team, scheme: Scheme, zone: ZoneInfo
) -> tuple[dict[str, dict[str, Plan]], dict[str, dict[str, Plan]]]:
    table.require_columns("metric", "value")
    if "manager" not in table.columns and "department" not in table.columns:
        raise WorkbookError("calc-error-column-missing", sheet=table.name, column="manager")
    by_manager: dict[str, dict[str, Plan]] = {}
    by_department: dict[str, dict[str, Plan]] = {}
    for row in table.rows:
        manager_cell, department_cell = row.get("manager"), row.get("department")
        if manager_cell.is_empty == department_cell.is_empty:
            raise manager_cell.error("calc-error-plan-scope")
        metric_cell = _required(row, "metric")
        metric = _text(metric_cell)
        kind = _metric_kind(scheme, metric)
        if kind is None or metric in RATIO_KPIS:
            raise metric_cell.error("calc-error-unknown-metric", known=", ".join(sorted(scheme.metric_codes)))
        value = decimal_of(_required(row, "value"), whole=kind is MetricKind.COUNT, money=kind is MetricKind.MONEY)
        version_cell = row.get("version")
        version = 1 if version_cell.is_empty else int(decimal_of(version_cell, whole=True))
        if version < 1:
            raise version_cell.error("calc-error-not-a-version")
        author_cell = row.get("author")
        author = None if author_cell.is_empty else _text(author_cell)
        set_at = _moment(row.get("set_at"), zone)

        if manager_cell.is_empty:
            owner = _text(department_cell)
            if owner not in team.departments:
                raise department_cell.error("calc-error-unknown-department", known=", ".join(sorted(team.departments)))
            plans = by_department.setdefault(owner, {})
        else:
            plans = by_manager.setdefault(team.manager(manager_cell), {})
        previous = plans.get(metric)
        if previous is not None and previous.version == version:
            raise version_cell.error("calc-error-duplicate-plan", metric=metric, version=version)
        if previous is None or previous.version < version:
            plans[metric] = Plan(metric, value, version, author, set_at)
    return by_manager, by_department


def _moment(cell: Cell, zone: ZoneInfo) -> datetime | None:
    """Read a plan's set_at; a time without a timezone is taken in ``zone``."""
    if cell.is_empty:
        return None
    value = cell.value
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            value = datetime.combine(date_of(cell), datetime.min.time())
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, datetime.min.time())
    if not isinstance(value, datetime):
        raise cell.error("calc-error-not-a-date")
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _read_absences(table: Table | None, team: _Team, month: Month) -> dict[str, set[date]]:
    absences: dict[str, set[date]] = {}
    if table is None:
        return absences
    table.require_columns("manager", "from", "to")
    for row in table.rows:
        name = team.manager(row.get("manager"))
        start = date_of(_required(row, "from"))
        end_cell = _required(row, "to")
        end = date_of(end_cell)
        if end < start:
            raise end_cell.error("calc-error-range-reversed", start=start.isoformat())
        day = max(start, month.first_day)
        while day <= min(end, month.last_day):
            absences.setdefault(name, set()).add(day)
            day += timedelta(days=1)
    return absences


def _read_criteria(table: Table | None, team: _Team, scheme: Scheme) -> dict[str, dict[str, bool]]:
    scores: dict[str, dict[str, bool]] = {}
    if table is None:
        return scores
    table.require_columns("manager", "criterion", "passed")
    known = [criterion.code for criterion in scheme.kpi.criteria] if scheme.kpi is not None else []
    for row in table.rows:
        name = team.manager(row.get("manager"))
        code_cell = _required(row, "criterion")
        code = _text(code_cell)
        if code not in known:
            raise code_cell.error("calc-error-unknown-criterion", known=", ".join(known) or "—")
        scores.setdefault(name, {})[code] = _yes_no(_required(row, "passed"))
    return scores


def _read_deductions(table: Table | None, team: _Team, month: Month, scheme: Scheme) -> dict[str, list[Deduction]]:
    deductions: dict[str, list[Deduction]] = {}
    if table is None:
        return deductions
    table.require_columns("manager", "code")
    published = [rule.code for rule in scheme.deductions]
    for row in table.rows:
        name = team.manager(row.get("manager"))
        code_cell = _required(row, "code")
        code = _text(code_cell)
        if code not in published:
            raise code_cell.error("calc-error-unknown-deduction", known=", ".join(published) or "—")
        day_cell = row.get("date")
        day = None
        if not day_cell.is_empty:
            day = date_of(day_cell)
            if not month.contains(day):
                raise day_cell.error("calc-error-date-outside-month", month=str(month))
        note = _text(row.get("note")) or ""
        deductions.setdefault(name, []).append(Deduction(code, day, note))
    return deductions


def _read_refunds(table: Table | None, team: _Team, month: Month) -> dict[str, list[Refund]]:
    refunds: dict[str, list[Refund]] = {}
    if table is None:
        return refunds
    table.require_columns("manager", "date", "deal_month", "amount", "rate")
    for row in table.rows:
        name = team.manager(row.get("manager"))
        day_cell = _required(row, "date")
        day = date_of(day_cell)
        if not month.contains(day):
            raise day_cell.error("calc-error-date-outside-month", month=str(month))
        deal_cell = _required(row, "deal_month")
        deal_month = _month_of(deal_cell)
        if not deal_month < month:
            raise deal_cell.error("calc-error-deal-month-open", month=str(month))
        amount_cell = _required(row, "amount")
        amount = decimal_of(amount_cell, money=True)
        if amount == 0:
            raise amount_cell.error("calc-error-empty-cell")
        rate = _rate(_required(row, "rate"))
        refunds.setdefault(name, []).append(Refund(day, deal_month, amount, rate, _text(row.get("note"))))
    return refunds


def _rate(cell: Cell) -> Decimal:
    """Read a rate written as "7 %" or as a share such as 0.07."""
    if isinstance(cell.value, str) and cell.value.strip().endswith("%"):
        number = decimal_of(Cell(cell.sheet, cell.row, cell.column, cell.value.strip()[:-1]))
        share = number / 100
    else:
        share = decimal_of(cell)
    if share > 1:
        raise cell.error("calc-error-rate-above-100")
    return share


def _team_dates(row: Row) -> tuple[date | None, date | None]:
    hired_cell, left_cell = row.get("hired_on"), row.get("left_on")
    hired_on = None if hired_cell.is_empty else date_of(hired_cell)
    left_on = None if left_cell.is_empty else date_of(left_cell)
    if hired_on is not None and left_on is not None and left_on < hired_on:
        raise left_cell.error("calc-error-range-reversed", start=hired_on.isoformat())
    return hired_on, left_on


def read_month(
    tables: Mapping[str, Table], month: Month, scheme: Scheme, zone: ZoneInfo = ZoneInfo("Europe/Moscow")
) -> MonthData:
    """Check the tables and build each manager's month; raise WorkbookError at the first problem."""
    for name in REQUIRED_SHEETS:
        if name not in tables:
            raise WorkbookError("calc-error-sheet-missing", sheet=name, found=", ".join(tables) or "—")
    team = _Team(tables["team"])
    totals = _read_reports(tables["reports"], team, month, scheme)
    plans, department_plans = _read_plans(tables["plans"], team, scheme, zone)
    absences = _read_absences(tables.get("absences"), team, month)
    criteria = _read_criteria(tables.get("criteria"), team, scheme)
    deductions = _read_deductions(tables.get("deductions"), team, month, scheme)
    refunds = _read_refunds(tables.get("refunds"), team, month)

    managers: list[ManagerMonth] = []
    for member_id, row in enumerate(team.rows, start=1):
        name = team.manager(row.get("manager"))
        hired_on, left_on = _team_dates(row)
        salary = decimal_of(_required(row, "salary"), money=True)
        department = row.get("department")
        metrics = dict(totals.get(name, {}))
        revenue = metrics.pop("revenue", Decimal(0))
        managers.append(
            ManagerMonth(
                member_id=member_id,
                name=name,
                monthly_salary=salary,
                hired_on=hired_on,
                left_on=left_on,
                plan=None,
                actual=revenue,
                absences=frozenset(absences.get(name, ())),
                department=None if department.is_empty else _text(department),
                metrics=metrics,
                plans=plans.get(name, {}),
                criteria=criteria.get(name, {}),
                deductions=tuple(deductions.get(name, ())),
                refunds=tuple(refunds.get(name, ())),
            )
        )
    return MonthData(month, tuple(managers), department_plans)
