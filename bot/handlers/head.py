"""Commands of those who run the team: /team, /plan, /salary, /payroll, /role, /transfer, /deactivate.

Who may run each one is declared in `create_router` and checked by the access middleware.
"""

from __future__ import annotations

import logging
from datetime import datetime
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
from bot.handlers.arguments import parse_month
from bot.handlers.replies import answer_long
from bot.middlewares.access import HEAD_ONLY, PAY_READERS, TEAM_ADMINS, Access
from bot.context import AppContext
from bot.render.texts import Markup, Texts
from bot.metric_catalog import MetricCatalog
from bot.render.views import metric_name, metric_value, render_payroll
from bot.report_parser import Vocabulary, normalize_alias, parse_amount
from bot.render.payroll_xlsx import payroll_workbook
from bot.render.workbook_errors import workbook_error_text
from bot.calc.workbook import WorkbookError
from bot.services import months, plan_import, teams
from bot.services.team_metrics import load_catalog
from bot.services.errors import UserError
from kpi.money import from_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

HISTORY_WORDS = frozenset({"история", "history"})
TEMPLATE_WORDS = frozenset({"шаблон", "template"})


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
    month = parse_month(command.args, business_date(clock.now(), team.timezone))
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
    content = payroll_workbook(texts, result.payroll, result.as_of, result.closed_at is not None)
    await message.answer_document(
        BufferedInputFile(content, filename=f"payroll-{callback_data.month}.xlsx"),
        caption=texts("payroll-xlsx-caption", month=texts.month_name(result.payroll.month.year, result.payroll.month.month)),
    )


async def close(message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts) -> None:
    """`/close 2026-11`: lock a month that has ended; later changes arrive as adjustments."""
    if not (command.args or "").strip():
        raise UserError("close-usage")
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = parse_month(command.args, business_date(clock.now(), team.timezone))
    result = await months.close_month(session, member, month, clock.now())
    await message.answer(
        texts(
            "close-done",
            # The month opens the sentence: «Октябрь 2026 закрыт».
            month=texts.month_name(month.year, month.month).capitalize(),
            total=texts.money(result.payroll.total),
            managers=len(result.payroll.payslips),
        )
    )


async def team_list(message: Message, session: AsyncSession, member: Member, texts: Texts) -> None:
    """Members with their numbers; salaries only in the private chat."""
    members = await repo.members_of(session, member.team_id, role=None)
    departments = await repo.departments_of(session, member.team_id)
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
                salary=(
                    texts.money(from_kopecks(other.salary_kopecks), kopecks=False)
                    if other.salary_kopecks
                    else texts("salary-not-set")
                ),
            )
        )
    if len(lines) == 1:
        lines.append(texts("team-empty"))
    await answer_long(message, "\n".join(lines))


async def salary(message: Message, command: CommandObject, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/salary <number or @username> <amount>`."""
    reference, _, amount_text = (command.args or "").strip().partition(" ")
    if not reference or not amount_text:
        raise UserError("salary-usage")
    try:
        amount = parse_amount(amount_text)
    except ValueError as error:
        raise UserError("salary-error-amount", value=amount_text) from error
    manager = await teams.set_salary(session, member, reference, amount)
    await message.answer(texts("salary-done", name=manager.display_name, amount=texts.money(amount)))


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
    metric, value_text = _split_metric(rest, catalog.vocabulary)
    if metric is None:
        raise UserError("plan-error-unknown-metric", name=rest.split()[0])
    try:
        target = parse_amount(value_text)
    except ValueError as error:
        raise UserError("plan-error-amount", value=value_text) from error
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


async def hired(message: Message, command: CommandObject, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/hired <number or @username> 15.09.2026`: the hire date, for pro-rating and newcomer contests."""
    reference, _, date_text = (command.args or "").strip().partition(" ")
    try:
        hire_date = datetime.strptime(date_text.strip(), "%d.%m.%Y").date()
    except ValueError as error:
        raise UserError("hired-usage") from error
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


async def deactivate(message: Message, command: CommandObject, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/deactivate <number or @username>`: the member leaves; their history stays."""
    reference = (command.args or "").strip()
    if not reference:
        raise UserError("deactivate-usage")
    other = await teams.deactivate(session, member, reference)
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


def _split_metric(text: str, vocabulary: Vocabulary) -> tuple[str | None, str]:
    """Match the longest metric name at the start of `text`; return (metric code, the rest)."""
    words = text.split()
    for length in range(min(vocabulary.longest_alias_words, len(words) - 1), 0, -1):
        alias = normalize_alias(" ".join(words[:length]))
        if alias in vocabulary.aliases:
            return vocabulary.aliases[alias], " ".join(words[length:])
    return None, text
