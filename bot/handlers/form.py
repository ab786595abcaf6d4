"""The guided report form: one step per metric with back, skip and cancel, then a summary to confirm.

The form lives in the FSM storage (the database by default), so it survives a restart. Every
button carries the form's id and step; a press on an old keyboard, or on any keyboard after the
state was lost, gets an "expired" reply and never changes a value. A typed number always goes to
the step recorded in the state, never to a metric the user was not asked about.

The state stores the list of metric codes the form asks for (the built-in ones, then the team's
active metrics when the form opened), so a team metric added or switched off while a form is
open, or a restart, never shifts a step onto another metric.
"""

from __future__ import annotations

import logging
import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.context import AppContext
from bot.db.models import Member, Role, Team
from bot.metric_catalog import MetricCatalog
from bot.keyboards.form import BACK, CANCEL, RESTART, SAVE, SKIP, FormAction, restart_keyboard, step_keyboard, summary_keyboard
from bot.render.texts import Texts
from bot.render.views import metric_name, metric_value, render_report_saved
from bot.report_parser import BUILTIN_VOCABULARY, ReportParseError, Vocabulary, parse_report
from bot.scheduler.jobs import TeamScheduler
from bot.services.errors import UserError
from bot.services.month_locks import ensure_open
from bot.services.reports import check_report_day, day_values, submit_report
from bot.services.team_metrics import load_catalog
from kpi.metrics import METRICS, MetricKind

logger = logging.getLogger(__name__)

# The steps of a form stored before team metrics existed, which has no "steps" of its own.
STEPS = tuple(METRICS)


class ReportForm(StatesGroup):
    filling = State()


async def start_form(
    message: Message, state: FSMContext, session: AsyncSession, app: AppContext, member: Member, day: date | None,
    texts: Texts,
) -> None:
    """Open a new form for `day` (today when None), replacing any form left unfinished."""
    if member.role != Role.MANAGER:
        raise UserError("report-error-not-manager")
    team = await session.get(Team, member.team_id)
    assert team is not None
    day = check_report_day(team, app.clock.now(), day, app.settings.report_backdate_days)
    await ensure_open(session, team.id, day)
    catalog = await load_catalog(session, team.id)
    form = secrets.token_hex(3)
    data = {"form": form, "day": day.isoformat(), "step": 0, "values": {}, "steps": list(catalog.report_codes)}
    await state.set_state(ReportForm.filling)
    await state.set_data(data)
    logger.info("Report form %s opened by member %s for %s", form, member.id, day)
    text, keyboard = render_form(texts, data, catalog)
    await message.answer(text, reply_markup=keyboard)


async def typed_value(
    message: Message, state: FSMContext, session: AsyncSession, member: Member | None, texts: Texts
) -> None:
    """Store a typed number for the step recorded in the state, then show the next step."""
    data = await state.get_data()
    steps = form_steps(data)
    step = data["step"]
    if step >= len(steps):
        await message.answer(texts("form-use-buttons"))
        return
    metric = steps[step]
    catalog = await load_catalog(session, member.team_id) if member is not None else MetricCatalog()
    vocabulary = _step_vocabulary(catalog, metric)
    if vocabulary is None:
        # The team has no metric with this code, so its step takes no value.
        raise UserError("metrics-error-not-found", code=metric)
    try:
        # The metric code is a known name, so the value gets the same checks as a one-line report.
        parsed = parse_report(f"{metric} {message.text}", vocabulary)
    except ReportParseError as error:
        # The error handler names a built-in metric from its code; a team metric needs its title here.
        metric_label = metric if metric in METRICS else metric_name(texts, metric, catalog)
        params = {**error.params, "metric": metric_label}
        raise UserError(_form_error_key(error.key), **params) from error
    data["values"][metric] = str(parsed.values[metric])
    data["step"] = step + 1
    await state.set_data(data)
    text, keyboard = render_form(texts, data, catalog, await _kept_values(session, member, data))
    await message.answer(text, reply_markup=keyboard)


def form_steps(data: dict[str, Any]) -> list[str]:
    """Return the metric codes a stored form asks for, one per step."""
    return list(data.get("steps") or STEPS)


def _step_vocabulary(catalog: MetricCatalog, metric: str) -> Vocabulary | None:
    """Return a vocabulary that accepts ``metric`` by its code, even if it was switched off since."""
    if metric in METRICS:
        return BUILTIN_VOCABULARY
    custom = catalog.find(metric)
    if custom is None:
        return None
    return BUILTIN_VOCABULARY.extended([(custom.definition, ())])


async def press(
    callback: CallbackQuery,
    callback_data: FormAction,
    state: FSMContext,
    session: AsyncSession,
    app: AppContext,
    clock: Clock,
    member: Member | None,
    texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    message = callback.message if isinstance(callback.message, Message) else None
    if callback_data.action == RESTART:
        await callback.answer()
        if member is not None and message is not None:
            await start_form(message, state, session, app, member, None, texts)
        return

    data = await state.get_data()
    catalog = await load_catalog(session, member.team_id) if member is not None else MetricCatalog()
    live = await state.get_state() == ReportForm.filling.state
    if not live or data.get("form") != callback_data.form or data.get("step") != callback_data.step:
        logger.info("Stale form button %s from user %s", callback_data.pack(), callback.from_user.id)
        await callback.answer(texts("form-expired-alert"))
        if message is not None and (not live or data.get("form") != callback_data.form):
            await message.answer(texts("form-expired"), reply_markup=restart_keyboard(texts))
        return

    if callback_data.action == CANCEL:
        await state.clear()
        await callback.answer()
        if message is not None:
            await message.edit_text(texts("form-cancelled"))
        return

    if callback_data.action == SAVE:
        if not data["values"]:
            await callback.answer(texts("form-nothing-to-save"), show_alert=True)
            return
        if member is None:
            await callback.answer(texts("error-not-member"), show_alert=True)
            return
        values = {metric: Decimal(value) for metric, value in data["values"].items()}
        # A skipped metric keeps what the day already has, such as revenue sent by /report earlier.
        outcome = await submit_report(
            session, member, values, clock.now(), day=date.fromisoformat(data["day"]),
            backdate_days=app.settings.report_backdate_days, keep_unlisted=True,
        )
        await state.clear()
        await callback.answer()
        if message is not None:
            await message.edit_text(render_report_saved(texts, outcome))
        await scheduler.after_report(member, outcome)
        return

    steps = form_steps(data)
    step = data["step"]
    if callback_data.action == BACK:
        data["step"] = max(step - 1, 0)
    elif callback_data.action == SKIP and step < len(steps):
        data["values"].pop(steps[step], None)
        data["step"] = step + 1
    await state.set_data(data)
    await callback.answer()
    if message is not None:
        text, keyboard = render_form(texts, data, catalog, await _kept_values(session, member, data))
        await message.edit_text(text, reply_markup=keyboard)


async def _kept_values(session: AsyncSession, member: Member | None, data: dict[str, Any]) -> dict[str, Decimal]:
    """Return the day's stored values that saving keeps, read only when the form shows its summary."""
    if member is None or data["step"] < len(form_steps(data)):
        return {}
    stored = await day_values(session, member, date.fromisoformat(data["day"]))
    return {metric: value for metric, value in stored.items() if metric not in data["values"]}


def render_form(
    texts: Texts, data: dict[str, Any], catalog: MetricCatalog, kept: dict[str, Decimal] | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """Render the current step, or the summary with `kept`: the day's stored values the form leaves as they are."""
    day = texts.day(date.fromisoformat(data["day"]))
    steps = form_steps(data)
    # A value whose code the team has no metric for cannot be named or formatted, and saving rejects it.
    values = {metric: Decimal(value) for metric, value in data["values"].items() if metric in catalog}
    filled = [
        texts("line-metric", metric=metric_name(texts, metric, catalog), actual=metric_value(texts, metric, value, catalog))
        for metric, value in values.items()
    ]
    step = data["step"]
    if step >= len(steps):
        filled += [
            texts(
                "form-summary-kept-line",
                metric=metric_name(texts, metric, catalog),
                actual=metric_value(texts, metric, value, catalog),
            )
            for metric, value in (kept or {}).items()
            if metric in catalog
        ]
        lines = [texts("form-summary", date=day), *(filled or [texts("form-summary-empty")]), "", texts("form-summary-hint")]
        return "\n".join(lines), summary_keyboard(texts, data["form"], step)
    metric = steps[step]
    lines = [texts("form-step", date=day, number=step + 1, total=len(steps))]
    if filled:
        lines.extend(filled)
        lines.append("")
    lines.append(_question(texts, metric, catalog))
    if metric in values:
        lines.append(texts("form-current", value=metric_value(texts, metric, values[metric], catalog)))
    return "\n".join(lines), step_keyboard(texts, data["form"], step)


def _question(texts: Texts, metric: str, catalog: MetricCatalog) -> str:
    if metric in METRICS:
        return texts(f"form-question-{metric}")
    custom = catalog.find(metric)
    if custom is None:
        return texts("metrics-form-question-gone", code=metric)
    key = "metrics-form-question-money" if custom.kind is MetricKind.MONEY else "metrics-form-question-count"
    return texts(key, metric=custom.title(texts.locale))


def _form_error_key(key: str) -> str:
    # In the form the metric is already chosen, so "unknown metric" means the text was not a number.
    return "form-error-not-a-number" if key in ("report-error-unknown-metric", "report-error-empty") else key


def create_router() -> Router:
    router = Router(name=__name__)
    # A command typed in the middle of the form is a command, not a value for the current step.
    router.message.register(
        typed_value, StateFilter(ReportForm.filling), F.chat.type == ChatType.PRIVATE, F.text, ~F.text.startswith("/")
    )
    router.callback_query.register(press, FormAction.filter())
    return router
