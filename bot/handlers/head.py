"""Head-only commands: /team, /plan, /salary and /payroll."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.db import repo
from bot.db.models import Member, Team
from bot.handlers.filters import is_head
from bot.render.texts import Texts
from bot.render.views import render_payroll
from bot.report_parser import METRIC_ALIASES, normalize_alias, parse_amount
from bot.services import teams
from bot.services.errors import UserError
from bot.services.standings import load_team_month
from kpi.money import from_kopecks
from kpi.period import Month



def require_head(member: Member | None) -> Member:
    if member is None:
        raise UserError("error-not-member")
    if not is_head(member):
        raise UserError("error-head-only")
    return member


async def payroll(message: Message, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts) -> None:
    """Pay for the month so far; declined outside the private chat without revealing any amount."""
    if message.chat.type != ChatType.PRIVATE:
        raise UserError("payroll-error-private-only")
    head = require_head(member)
    team = await session.get(Team, head.team_id)
    assert team is not None
    month = await load_team_month(session, team, business_date(clock.now(), team.timezone))
    await message.answer(render_payroll(texts, month))


async def team_list(message: Message, session: AsyncSession, member: Member | None, texts: Texts) -> None:
    head = require_head(member)
    managers = await repo.members_of(session, head.team_id)
    departments = await repo.departments_of(session, head.team_id)
    private = message.chat.type == ChatType.PRIVATE
    lines = [texts("team-header")]
    for manager in managers:
        department = departments.get(manager.department_id) if manager.department_id else None
        lines.append(
            texts(
                "team-line-private" if private else "team-line",
                number=manager.id,
                name=manager.display_name,
                username=f"@{manager.username}" if manager.username else "—",
                department=department.name if department else "—",
                salary=texts.money(from_kopecks(manager.salary_kopecks), kopecks=False),
            )
        )
    if not managers:
        lines.append(texts("team-empty"))
    await message.answer("\n".join(lines))


async def salary(message: Message, command: CommandObject, session: AsyncSession, member: Member | None, texts: Texts) -> None:
    """`/salary <number or @username> <amount>` in the private chat."""
    head = require_head(member)
    if message.chat.type != ChatType.PRIVATE:
        raise UserError("salary-error-private-only")
    reference, _, amount_text = (command.args or "").strip().partition(" ")
    if not reference or not amount_text:
        raise UserError("salary-usage")
    try:
        amount = parse_amount(amount_text)
    except ValueError as error:
        raise UserError("salary-error-amount", value=amount_text) from error
    manager = await teams.set_salary(session, head, reference, amount)
    await message.answer(texts("salary-done", name=manager.display_name, amount=texts.money(amount)))


async def plan(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/plan <number or @username> <metric> <value>` for the current month."""
    head = require_head(member)
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) < 2:
        raise UserError("plan-usage")
    reference, rest = parts
    metric, value_text = _split_metric(rest)
    if metric is None:
        raise UserError("plan-error-unknown-metric", name=rest.split()[0])
    try:
        target = parse_amount(value_text)
    except ValueError as error:
        raise UserError("plan-error-amount", value=value_text) from error
    team = await session.get(Team, head.team_id)
    assert team is not None
    month = Month.of(business_date(clock.now(), team.timezone))
    manager = await teams.set_plan(session, head, reference, metric, month, target, clock.now())
    await message.answer(
        texts(
            "plan-done",
            name=manager.display_name,
            metric=texts(f"metric-{metric}"),
            month=texts.month_name(month.year, month.month),
            value=texts.number(target) if metric not in ("revenue", "margin", "payments") else texts.money(target),
        )
    )


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(payroll, Command("payroll"))
    router.message.register(team_list, Command("team"))
    router.message.register(salary, Command("salary"))
    router.message.register(plan, Command("plan"))
    return router


def _split_metric(text: str) -> tuple[str | None, str]:
    """Match the longest metric alias at the start of `text`; return (metric code, the rest)."""
    words = text.split()
    for length in range(min(3, len(words) - 1), 0, -1):
        alias = normalize_alias(" ".join(words[:length]))
        if alias in METRIC_ALIASES:
            return METRIC_ALIASES[alias], " ".join(words[length:])
    return None, text
