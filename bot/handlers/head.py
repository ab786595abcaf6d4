"""Commands of those who run the team: /team, /plan, /salary, /payroll, /role, /transfer, /deactivate.

Who may run each one is declared in `create_router` and checked by the access middleware.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters.callback_data import CallbackData
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.db import repo
from bot.db.models import Member, Role, Team
from bot.handlers.arguments import check_hire_date, parse_month, parse_past_month, read_amount, split_metric
from bot.handlers.replies import answer_long
from bot.middlewares.access import HEAD_ONLY, PAY_READERS, TEAM_ADMINS, Access
from bot.context import AppContext
from bot.render.texts import Markup, Texts
from bot.metric_catalog import MetricCatalog
from bot.render.views import metric_name, metric_value, render_payroll
from bot.report_parser import normalize_alias
from bot.render.payroll_xlsx import payroll_workbook
from bot.render.workbook_errors import workbook_error_text
from bot.calc.workbook import WorkbookError
from bot.services import months, plan_import, salaries, teams
from bot.services.team_metrics import load_catalog
from bot.services.errors import UserError
from kpi.period import Month

logger = logging.getLogger(__name__)

HISTORY_WORDS = frozenset({"история", "history"})
TEMPLATE_WORDS = frozenset({"шаблон", "template"})
# `/close <month> досрочно` closes a month while late reports for it are still accepted.
CLOSE_EARLY_WORDS = frozenset({"досрочно", "now"})


class PayrollExport(CallbackData, prefix="px"):
    """The "Excel" button under /payroll; `month` is "2026-11"."""

    month: str


class PlanConfirm(CallbackData, prefix="pc"):
    """The manager's "I have seen my plan" button for one plan version."""

    version_id: int


# Role names a head may type after /role, in Russian and English.
ROLE_NAMES = {
    "менеджер": Role.MANAGER,
    "manager": Role.MANAGER,
    "наблюдатель": Role.OBSERVER,
    "бухгалтер": Role.OBSERVER,
    "observer": Role.OBSERVER,
    "руководитель отдела": Role.DEPARTMENT_HEAD,
    "руководитель группы": Role.DEPARTMENT_HEAD,
    "рг": Role.DEPARTMENT_HEAD,
    "department head": Role.DEPARTMENT_HEAD,
    "department_head": Role.DEPARTMENT_HEAD,
}


async def payroll(
    message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts
) -> None:
    """`/payroll [2026-11]`: pay for a month, each line explained, with a button for the Excel file."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = parse_past_month(command.args, business_date(clock.now(), team.timezone))
    result = await months.month_payroll(session, member, month, clock.now())
    button = InlineKeyboardButton(text=texts("payroll-button-xlsx"), callback_data=PayrollExport(month=str(month)).pack())
    await answer_long(
        message,
        render_payroll(texts, result.payroll, result.as_of, result.closed_at, result.scheme),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def export_payroll(
    callback: CallbackQuery, callback_data: PayrollExport, session: AsyncSession, member: Member | None, clock: Clock,
    texts: Texts,
) -> None:
    """Send the month's payroll as an .xlsx file, to those who may read pay, in the private chat."""
    message = callback.message if isinstance(callback.message, Message) else None
    if member is None or member.role not in PAY_READERS or message is None or message.chat.type != ChatType.PRIVATE:
        await callback.answer(texts("payroll-error-private-only"), show_alert=True)
        return
    await callback.answer()
    result = await months.month_payroll(session, member, Month.parse(callback_data.month), clock.now())
    status = texts("xlsx-closed") if result.closed_at is not None else texts("xlsx-open", date=texts.day(result.as_of))
    content = payroll_workbook(texts, result.payroll, status, result.scheme)
    await message.answer_document(
        BufferedInputFile(content, filename=f"payroll-{callback_data.month}.xlsx"),
        caption=texts("payroll-xlsx-caption", month=texts.month_name(result.payroll.month.year, result.payroll.month.month)),
    )


async def close(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    app: AppContext,
    member: Member,
    clock: Clock,
    texts: Texts,
) -> None:
    """`/close 2026-11 [досрочно]`: lock a month once late reports for it are no longer accepted."""
    month_text, _, flag = (command.args or "").strip().partition(" ")
    if not month_text:
        raise UserError("close-usage")
    early = bool(flag.strip())
    if early and normalize_alias(flag) not in CLOSE_EARLY_WORDS:
        raise UserError("close-usage")
    team = await session.get(Team, member.team_id)
    assert team is not None
    today = business_date(clock.now(), team.timezone)
    month = parse_past_month(month_text, today)
    backdate_days = app.settings.report_backdate_days
    result = await months.close_month(session, member, month, clock.now(), backdate_days=backdate_days, early=early)
    month_name = texts.month_name(month.year, month.month)
    lines = [
        texts(
            "close-done",
            # The month opens the sentence: «Октябрь 2026 закрыт».
            month=month_name.capitalize(),
            total=texts.money(result.payroll.total),
            managers=len(result.payroll.payslips),
        )
    ]
    if today <= month.last_day + timedelta(days=backdate_days):
        lines.append(texts("close-early-warning", month=month_name))
    await message.answer("\n".join(lines))


async def team_list(message: Message, session: AsyncSession, member: Member, clock: Clock, texts: Texts) -> None:
    """Members with their numbers; salaries only in the private chat."""
    members = await repo.members_of(session, member.team_id, role=None)
    departments = await repo.departments_of(session, member.team_id)
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = Month.of(business_date(clock.now(), team.timezone))
    salary_views = await salaries.team_salaries(session, member.team_id, month)
    private = message.chat.type == ChatType.PRIVATE
    lines = [texts("team-header")]
    for other in members:
        if other.role == Role.HEAD or not teams.may_see(member, other):
            continue
        department = departments.get(other.department_id) if other.department_id else None
        lines.append(
            texts(
                "team-line-private" if private and other.role == Role.MANAGER else "team-line",
                number=other.id,
                name=other.display_name,
                username=f"@{other.username}" if other.username else "—",
                department=department.name if department else "—",
                role=texts(f"role-{other.role}"),
                salary=Markup(_salary_text(texts, salary_views.get(other.id))),
            )
        )
    if len(lines) == 1:
        lines.append(texts("team-empty"))
    await answer_long(message, "\n".join(lines))


def _salary_text(texts: Texts, view: salaries.SalaryView | None) -> str:
    """Write the salary in force this month, and the change already set for a later month."""
    current = texts.money(view.current, kopecks=False) if view and view.current else texts("salary-not-set")
    if view is None or view.upcoming is None:
        return current
    month, amount = view.upcoming
    upcoming = texts.money(amount, kopecks=False) if amount else texts("salary-not-set")
    return texts("salary-with-upcoming", current=Markup(current), month=texts.month_since(month.year, month.month), upcoming=Markup(upcoming))


# "60 000", "60 000 с 2026-12", "60k from 12.2026"
_SALARY_ARGUMENTS = re.compile(r"(?P<amount>.+?)(?:\s+(?:с|со|c|from)\s+(?P<month>\S+))?", re.IGNORECASE)


async def salary(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/salary <number or @username> <amount> [с 2026-12]`: a salary in force from this or the given month."""
    reference, _, rest = (command.args or "").strip().partition(" ")
    match = _SALARY_ARGUMENTS.fullmatch(rest.strip())
    if not reference or match is None:
        raise UserError("salary-usage")
    amount_text = match["amount"].strip()
    amount = read_amount(amount_text, "salary-error-amount")
    team = await session.get(Team, member.team_id)
    assert team is not None
    today = business_date(clock.now(), team.timezone)
    effective_from = parse_salary_month(match["month"], today) if match["month"] else None
    result = await salaries.set_salary(session, member, reference, amount, effective_from, today, clock.now())
    month = texts.month_since(result.effective_from.year, result.effective_from.month)
    reply = texts("salary-set", name=result.member.display_name, amount=texts.money(result.amount), month=month)
    if not await notify_salary(bot, app, result, texts.currency):
        reply += "\n" + texts("salary-notice-undelivered")
    await message.answer(reply)


def parse_salary_month(text: str, today: date) -> Month:
    try:
        return parse_month(text, today)
    except UserError as error:
        if error.key != "payroll-error-month":
            raise
        raise UserError("salary-error-month", value=text) from error


async def notify_salary(bot: Bot, app: AppContext, result: salaries.SalarySet, currency: str) -> bool:
    """Tell the manager privately of the new salary and its first month; return whether it was delivered."""
    manager = result.member
    texts = app.texts(manager.locale, currency)
    month = texts.month_since(result.effective_from.year, result.effective_from.month)
    key = "salary-notice" if result.amount else "salary-notice-none"
    try:
        await bot.send_message(manager.telegram_user_id, texts(key, amount=texts.money(result.amount), month=month))
    except TelegramAPIError as error:
        logger.warning("Salary notice to member %s not delivered: %s", manager.id, error)
        return False
    return True


async def plan(
    message: Message,
    command: CommandObject,
    bot: Bot,
    session: AsyncSession,
    app: AppContext,
    member: Member,
    clock: Clock,
    texts: Texts,
) -> None:
    """`/plan <number or @username> <metric> <value>` for the current month; `/plan история` lists versions."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = Month.of(business_date(clock.now(), team.timezone))
    catalog = await load_catalog(session, team.id)
    if normalize_alias(command.args or "") in HISTORY_WORDS:
        entries = await teams.plan_history(session, member, month)
        await answer_long(message, render_plan_history(texts, entries, month, catalog))
        return
    if normalize_alias(command.args or "") in TEMPLATE_WORDS:
        content = await plan_import.team_template(session, member, month)
        await message.answer_document(
            BufferedInputFile(content, filename=f"plans-{month}.xlsx"),
            caption=texts("plan-template-caption", month=texts.month_name(month.year, month.month)),
        )
        return
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) < 2:
        raise UserError("plan-usage")
    reference, rest = parts
    metric, value_text = split_metric(rest, catalog.vocabulary)
    if metric is None:
        raise UserError("plan-error-unknown-metric", name=rest.split()[0])
    target = read_amount(value_text, "plan-error-amount")
    change = await teams.set_plan(session, member, reference, metric, month, target, clock.now())
    value = metric_value(texts, metric, target, catalog)
    month_name = texts.month_name(month.year, month.month)
    name = texts.in_sentence(metric_name(texts, metric, catalog))
    if not change.changed:
        await message.answer(texts("plan-unchanged", name=change.manager_name, metric=name, value=value))
        return
    await message.answer(
        texts(
            "plan-done",
            name=change.manager_name,
            metric=name,
            month=month_name,
            value=value,
            version=change.version,
        )
    )
    await notify_plan(bot, app, change, metric, target, month, catalog, texts.currency)


async def plan_file(
    message: Message, bot: Bot, session: AsyncSession, app: AppContext, member: Member, clock: Clock, texts: Texts
) -> None:
    """Set this month's plans from an .xlsx or .csv file the head sends in the private chat, all or none."""
    document = message.document
    assert document is not None
    if (document.file_size or 0) > plan_import.MAX_PLAN_FILE_BYTES:
        raise UserError("plan-import-error-too-large", limit=str(plan_import.MAX_PLAN_FILE_BYTES // 1024))
    content = await bot.download(document)
    assert content is not None
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = Month.of(business_date(clock.now(), team.timezone))
    try:
        result = await plan_import.import_plans(
            session, member, document.file_name or "plans.xlsx", content.read(), month, clock.now()
        )
    except WorkbookError as error:
        logger.info("Plan file from member %s rejected: %s", member.id, error.key)
        await message.answer(texts("plan-import-error", problem=Markup(workbook_error_text(texts, error))))
        return
    await message.answer(
        texts(
            "plan-import-done",
            month=texts.month_name(month.year, month.month),
            changed=len(result.changes),
            unchanged=result.unchanged,
        )
    )
    catalog = await load_catalog(session, team.id)
    for change, metric, target in result.changes:
        await notify_plan(bot, app, change, metric, target, month, catalog, texts.currency)


async def notify_plan(
    bot: Bot, app: AppContext, change: teams.PlanChange, metric: str, target: Decimal, month: Month,
    catalog: MetricCatalog, currency: str,
) -> None:
    """Tell the manager about a new or changed plan, with a button to confirm it."""
    texts = app.texts(change.manager_locale, currency)
    previous = metric_value(texts, metric, change.previous, catalog) if change.previous is not None else None
    text = texts(
        "plan-notice-changed" if previous else "plan-notice-new",
        metric=metric_name(texts, metric, catalog),
        month=texts.month_name(month.year, month.month),
        value=metric_value(texts, metric, target, catalog),
        previous=previous or "",
    )
    button = InlineKeyboardButton(
        text=texts("plan-button-confirm"), callback_data=PlanConfirm(version_id=change.version_id).pack()
    )
    try:
        await bot.send_message(change.manager_user_id, text, reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]))
    except TelegramAPIError as error:
        logger.warning("Plan notice to member %s not delivered: %s", change.manager_id, error)


async def confirm_plan(
    callback: CallbackQuery, callback_data: PlanConfirm, session: AsyncSession, member: Member | None, clock: Clock,
    texts: Texts,
) -> None:
    if member is None:
        await callback.answer(texts("error-not-member"), show_alert=True)
        return
    version = await teams.confirm_plan(session, member, callback_data.version_id, clock.now())
    assert version.confirmed_at is not None
    await callback.answer(texts("plan-confirmed-alert"))
    if isinstance(callback.message, Message):
        confirmed = texts("plan-confirmed", date=texts.day(version.confirmed_at.date()))
        await callback.message.edit_text(f"{callback.message.html_text}\n\n{confirmed}")


def render_plan_history(
    texts: Texts, entries: list[teams.PlanHistoryEntry], month: Month, catalog: MetricCatalog
) -> str:
    lines = [texts("plan-history-header", month=texts.month_name(month.year, month.month))]
    for entry in entries:
        confirmed = (
            texts("plan-history-confirmed", date=texts.day(entry.confirmed_at.date()))
            if entry.confirmed_at
            else texts("plan-history-unconfirmed")
        )
        lines.append(
            texts(
                "plan-history-line",
                name=entry.manager_name,
                metric=metric_name(texts, entry.metric, catalog),
                version=entry.version,
                value=metric_value(texts, entry.metric, entry.target, catalog),
                date=texts.day(entry.set_at.date()),
                author=entry.set_by or "—",
                confirmed=Markup(confirmed),
            )
        )
    if not entries:
        lines.append(texts("plan-history-empty"))
    return "\n".join(lines)


async def hired(
    message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts
) -> None:
    """`/hired <number or @username> 15.09.2026`: the hire date, for pro-rating and newcomer contests."""
    reference, _, date_text = (command.args or "").strip().partition(" ")
    try:
        hire_date = datetime.strptime(date_text.strip(), "%d.%m.%Y").date()
    except ValueError as error:
        raise UserError("hired-usage") from error
    team = await session.get(Team, member.team_id)
    assert team is not None
    check_hire_date(hire_date, business_date(clock.now(), team.timezone))
    other = await teams.set_hire_date(session, member, reference, hire_date)
    await message.answer(texts("hired-done", name=other.display_name, date=texts.day(hire_date)))


async def set_role(message: Message, command: CommandObject, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/role <number or @username> менеджер | наблюдатель | руководитель отдела`."""
    reference, _, role_text = (command.args or "").strip().partition(" ")
    role = ROLE_NAMES.get(normalize_alias(role_text))
    if not reference or role is None:
        raise UserError("role-usage")
    other = await teams.set_role(session, member, reference, role)
    await message.answer(texts("role-done", name=other.display_name, role=texts(f"role-{role}")))


async def transfer(message: Message, command: CommandObject, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/transfer <number or @username> подтверждаю`: hand the team over; the old head becomes an observer."""
    reference, _, confirmation = (command.args or "").strip().partition(" ")
    if not reference:
        raise UserError("transfer-usage")
    if normalize_alias(confirmation) not in ("подтверждаю", "confirm"):
        raise UserError("transfer-confirm", reference=reference)
    new_head = await teams.transfer_team(session, member, reference)
    await message.answer(texts("transfer-done", name=new_head.display_name))


async def deactivate(
    message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts
) -> None:
    """`/deactivate <number or @username>`: the member leaves; their history stays."""
    reference = (command.args or "").strip()
    if not reference:
        raise UserError("deactivate-usage")
    other = await teams.deactivate(session, member, reference, clock.now())
    await message.answer(texts("deactivate-done", name=other.display_name))


def create_router() -> Router:
    router = Router(name=__name__)
    pay = Access(roles=PAY_READERS, private_key="payroll-error-private-only", denied_key="payroll-error-private-only")
    router.message.register(payroll, Command("payroll"), flags={"access": pay})
    router.callback_query.register(export_payroll, PayrollExport.filter())
    head_private = Access(roles=HEAD_ONLY, private_key="payroll-error-private-only")
    router.message.register(close, Command("close"), flags={"access": head_private})
    router.message.register(team_list, Command("team"), flags={"access": Access(roles=PAY_READERS)})
    router.message.register(
        salary, Command("salary"), flags={"access": Access(roles=HEAD_ONLY, private_key="salary-error-private-only")}
    )
    router.message.register(plan, Command("plan"), flags={"access": Access(roles=TEAM_ADMINS)})
    router.callback_query.register(confirm_plan, PlanConfirm.filter())
    plan_files = F.document.file_name.lower().regexp(r".*\.(xlsx|csv)$")
    admins_private = Access(roles=TEAM_ADMINS, private_key="plan-import-error-private-only")
    router.message.register(plan_file, plan_files, F.chat.type == ChatType.PRIVATE, flags={"access": admins_private})
    router.message.register(set_role, Command("role"), flags={"access": Access(roles=HEAD_ONLY)})
    router.message.register(hired, Command("hired"), flags={"access": Access(roles=HEAD_ONLY)})
    router.message.register(transfer, Command("transfer"), flags={"access": Access(roles=HEAD_ONLY)})
    router.message.register(deactivate, Command("deactivate"), flags={"access": Access(roles=HEAD_ONLY)})
    return router

