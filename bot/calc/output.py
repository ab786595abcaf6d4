"""Write a computed payroll as text for a terminal, as JSON, or as an .xlsx workbook.

In JSON, money is a string with two decimals ("1046.20"). Other decimals (rates, factors,
bounds) are plain decimal strings ("0.07"). Exact ratios (attainment, fixed share) are decimal
strings truncated, not rounded, to six places, so 0.9999995 never reads as "1.000000".
"""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from math import floor
from pathlib import Path
from typing import Any

from bot.render.payroll_xlsx import payroll_workbook
from bot.render.rules import explain_line, share_text
from bot.render.texts import Texts
from kpi.health import PlanHealth
from kpi.payslip import PayLine, Payroll, Payslip
from kpi.period import Month
from kpi.scheme import Scheme

_MONEY_FIELDS = frozenset({"amount", "base", "monthly", "plan", "fixed", "cap", "uncapped", "pool", "requested"})
_RATIO_DIGITS = 6


def money_text(amount: Decimal) -> str:
    return f"{amount:.2f}"


def ratio_text(ratio: Fraction | None) -> str | None:
    """Write an exact ratio as a decimal string truncated toward zero to six places."""
    if ratio is None:
        return None
    scaled = floor(abs(ratio) * 10**_RATIO_DIGITS)
    sign = "-" if ratio < 0 else ""
    return f"{sign}{Decimal(scaled).scaleb(-_RATIO_DIGITS):.{_RATIO_DIGITS}f}"


def _json_value(name: str, value: Any) -> Any:
    if isinstance(value, Decimal):
        return money_text(value) if name in _MONEY_FIELDS else format(value.normalize(), "f")
    if isinstance(value, Fraction):
        return ratio_text(value)
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return getattr(value, "value", value)


def line_json(line: PayLine, texts: Texts, scheme: Scheme | None) -> dict[str, Any]:
    """Write every field the line sets, and its explanation in the chosen language."""
    data: dict[str, Any] = {}
    for field in fields(line):
        value = getattr(line, field.name)
        if value is not None:
            data[field.name] = _json_value(field.name, value)
    if line.requested is not None:
        data["not_deducted"] = money_text(line.not_deducted)
    data["text"] = explain_line(texts, line, scheme).removeprefix("• ")
    return data


def payslip_json(payslip: Payslip, texts: Texts, scheme: Scheme | None) -> dict[str, Any]:
    return {
        "manager": payslip.name,
        "department": payslip.department,
        "salary": money_text(payslip.salary),
        "bonus": money_text(payslip.bonus),
        "kpi_premium": money_text(payslip.kpi_premium),
        "deductions": money_text(payslip.deductions),
        "adjustments": money_text(payslip.adjustments),
        "total": money_text(payslip.total),
        "not_deducted": money_text(payslip.not_deducted),
        "attainment": ratio_text(payslip.attainment),
        "fixed_share": ratio_text(payslip.fixed_share),
        "plans": [
            {
                "metric": plan.metric,
                "value": format(plan.value.normalize(), "f"),
                "version": plan.version,
                "author": plan.author,
                "set_at": None if plan.set_at is None else plan.set_at.isoformat(),
            }
            for plan in payslip.plans_used
        ],
        "lines": [line_json(line, texts, scheme) for line in payslip.lines],
    }


def payroll_json(payroll: Payroll, health: PlanHealth, texts: Texts, scheme: Scheme | None) -> dict[str, Any]:
    flags = {share.member_id: share.flag for share in health.fixed_shares}
    managers = []
    for payslip in payroll.payslips:
        data = payslip_json(payslip, texts, scheme)
        flag = flags.get(payslip.member_id)
        data["fixed_share_flag"] = None if flag is None else flag.value
        managers.append(data)
    return {
        "month": str(payroll.month),
        "scheme": {
            "title": payroll.scheme_title,
            "effective_from": None if payroll.scheme_from is None else str(payroll.scheme_from),
        },
        "managers": managers,
        "departments": [
            {
                "name": department.name,
                "metric": department.metric,
                "actual": money_text(department.actual),
                "plan": None if department.plan is None else money_text(department.plan),
                "plan_version": department.plan_version,
                "attainment": ratio_text(department.attainment),
            }
            for department in payroll.departments
        ],
        "totals": {
            "salary": money_text(payroll.salary),
            "bonus": money_text(payroll.bonus),
            "kpi_premium": money_text(payroll.kpi_premium),
            "deductions": money_text(payroll.deductions),
            "adjustments": money_text(payroll.adjustments),
            "total": money_text(payroll.total),
            "not_deducted": money_text(payroll.not_deducted),
        },
        "health": {
            "best_variable": None if health.best_variable is None else money_text(health.best_variable),
            "worst_variable": None if health.worst_variable is None else money_text(health.worst_variable),
            "spread": ratio_text(health.spread),
            "spread_too_small": health.spread_too_small,
        },
    }


def write_json(payroll: Payroll, health: PlanHealth, texts: Texts, scheme: Scheme | None) -> str:
    return json.dumps(payroll_json(payroll, health, texts, scheme), ensure_ascii=False, indent=2) + "\n"


def _fixed_share_line(texts: Texts, payslip: Payslip, health: PlanHealth, scheme: Scheme) -> str:
    share = payslip.fixed_share
    flag = next((item.flag for item in health.fixed_shares if item.member_id == payslip.member_id), None)
    if share is None:
        return texts("calc-report-fixed-share-none")
    key = "calc-report-fixed-share" if flag is None else f"calc-report-fixed-share-{flag.value}"
    return texts(
        key,
        share=texts.percent(share),
        min=share_text(texts, scheme.health.fixed_share_min),
        max=share_text(texts, scheme.health.fixed_share_max),
    )


def write_text(payroll: Payroll, health: PlanHealth, texts: Texts, scheme: Scheme) -> str:
    """Write the payroll as the head reads it: each manager's lines with reasons, then the team."""
    month = payroll.month
    lines = [
        texts(
            "calc-report-header",
            month=texts.month_name(month.year, month.month),
            scheme=payroll.scheme_title or "",
            date=texts.day(payroll.scheme_from.first_day) if payroll.scheme_from else "—",
        )
    ]
    for number, payslip in enumerate(payroll.payslips, start=1):
        lines.append("")
        key = "calc-report-manager-department" if payslip.department else "calc-report-manager"
        lines.append(
            texts(key, number=number, name=payslip.name, department=payslip.department or "", total=texts.money(payslip.total))
        )
        lines.extend(explain_line(texts, line, scheme) for line in payslip.lines)
        for plan in payslip.plans_used:
            if plan.author is not None and plan.set_at is not None:
                lines.append(
                    texts(
                        "calc-report-plan-version",
                        metric=texts(f"rules-metric-{plan.metric}") if plan.metric in _BUILTIN else plan.metric,
                        version=plan.version,
                        author=plan.author,
                        date=texts.day(plan.set_at.date()),
                    )
                )
        lines.append(_fixed_share_line(texts, payslip, health, scheme))
    if not payroll.payslips:
        lines += ["", texts("calc-report-empty")]

    lines += [
        "",
        texts(
            "calc-report-total",
            total=texts.money(payroll.total),
            salary=texts.money(payroll.salary),
            bonus=texts.money(payroll.bonus),
            kpi=texts.money(payroll.kpi_premium),
            deductions=texts.money(payroll.deductions),
            adjustments=texts.money(payroll.adjustments),
        ),
    ]
    if payroll.not_deducted > 0:
        lines.append(texts("calc-report-not-deducted", amount=texts.money(payroll.not_deducted)))
    for department in payroll.departments:
        lines.append(
            texts(
                "calc-report-department",
                name=department.name,
                actual=texts.money(department.actual, kopecks=False),
                plan=texts.money(department.plan, kopecks=False) if department.plan is not None else "—",
                percent=texts.percent(department.attainment),
            )
        )
    if health.spread_too_small:
        if health.spread is None:
            lines.append(texts("calc-report-spread-none"))
        else:
            lines.append(
                texts(
                    "calc-report-spread-small",
                    spread=texts.percent(health.spread),
                    min=share_text(texts, scheme.health.min_spread),
                    best=texts.money(health.best_variable or Decimal(0)),
                    worst=texts.money(health.worst_variable or Decimal(0)),
                )
            )
    return "\n".join(lines) + "\n"


_BUILTIN = frozenset(
    {"calls", "proposals", "meetings", "new_clients", "deals", "revenue", "margin", "payments", "cost", "leads", "on_time_reports"}
)


def write_xlsx(payroll: Payroll, texts: Texts, scheme: Scheme, path: Path) -> None:
    """Write the same workbook as the bot's Excel button, with the scheme in place of the month's status."""
    status = texts(
        "xlsx-scheme",
        title=payroll.scheme_title or "",
        date=texts.day(payroll.scheme_from.first_day) if payroll.scheme_from else "—",
    )
    path.write_bytes(payroll_workbook(texts, payroll, status, scheme))
