"""The head's team setup wizard: name, timezone, calendar, report deadline, reminder and board times, currency.

The head opens it in the private chat: with the button under the /setup reply in the group (a
`/start setup` deep link), with /setup in the private chat, or from /settings. Like the report
form, the wizard lives in the FSM storage, so it survives a restart. Every button carries the
run's id and step. A press on an old keyboard, or on any keyboard after the state was lost, gets
an "expired" reply and changes nothing. Nothing is saved until the head presses Save on the
summary, and then every value is saved in one transaction and the team is rescheduled.
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, time
from decimal import Decimal
from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.db.models import Member, Role, Team
from bot.keyboards.team_setup import (
    BACK,
    CANCEL,
    OPEN,
    PICK,
    SAVE,
    SKIP,
    SetupAction,
    open_button,
    step_keyboard,
    summary_keyboard,
)
from bot.render.team_settings import (
    FIELDS,
    country_button,
    currency_button,
    field_value,
    settings_lines,
    timezone_button,
)
from bot.render.texts import Texts
from bot.scheduler.jobs import TeamScheduler
from bot.services import team_settings
from bot.services.errors import UserError
from bot.services.team_settings import COUNTRIES, CURRENCIES, TIMEZONES, TeamSettings

logger = logging.getLogger(__name__)

# The parameter of the deep link https://t.me/<bot>?start=setup. Invite tokens are 16 characters,
# so they never equal it.
DEEP_LINK = "setup"
STEPS = tuple(FIELDS)
TIME_CHOICES = {
    "deadline": ("17:00", "18:00", "18:30", "19:00"),
    "reminder": ("16:00", "17:00", "17:30", "18:00"),
    "post": ("18:00", "19:00", "20:00", "21:00"),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "name": (),
    "timezone": TIMEZONES,
    "calendar": COUNTRIES,
    **TIME_CHOICES,
    "currency": CURRENCIES,
}
COLUMNS = {"timezone": 2, "calendar": 3, "currency": 3}


class TeamSetup(StatesGroup):
    editing = State()


async def open_wizard(
    message: Message, state: FSMContext, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """Start a new run with the team's current settings, replacing any run left unfinished."""
    if member is None:
        raise UserError("error-not-member")
    if member.role != Role.HEAD:
        raise UserError("error-head-only")
    team = await session.get(Team, member.team_id)
    assert team is not None
    current = _as_data(team_settings.settings_of(team))
    data = {"wizard": secrets.token_hex(3), "team_id": team.id, "step": 0, "values": current, "initial": dict(current)}
    await state.set_state(TeamSetup.editing)
    await state.set_data(data)
    logger.info("Setup wizard %s opened by member %s for team %s", data["wizard"], member.id, team.id)
    text, keyboard = render_wizard(texts, data, clock.now())
    await message.answer(text, reply_markup=keyboard)


async def setup_in_private(
    message: Message, state: FSMContext, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/setup` in the private chat, or `/start setup` from the group's button: the head's wizard."""
    if member is None:
        raise UserError("setup-error-group-only")
    await open_wizard(message, state, session, member, clock, texts)


async def typed_value(
    message: Message, state: FSMContext, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """Check a typed value for the step recorded in the state, then show the next step."""
    data = await state.get_data()
    await _require_head_of_team(state, member, data)
    step = data["step"]
    if step >= len(STEPS):
        await message.answer(texts("setup-use-buttons"))
        return
    data["values"][STEPS[step]] = _checked(STEPS[step], message.text or "", data["values"])
    data["step"] = step + 1
    await state.set_data(data)
    text, keyboard = render_wizard(texts, data, clock.now())
    await message.answer(text, reply_markup=keyboard)


async def press(
    callback: CallbackQuery,
    callback_data: SetupAction,
    state: FSMContext,
    session: AsyncSession,
    clock: Clock,
    member: Member | None,
    texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    message = callback.message if isinstance(callback.message, Message) else None
    if callback_data.action == OPEN:
        # open_wizard raises UserError for a non-head before answerCallbackQuery is sent, and then
        # the error router sends it.
        if message is not None:
            await open_wizard(message, state, session, member, clock, texts)
        await callback.answer()
        return

    data = await state.get_data()
    live = await state.get_state() == TeamSetup.editing.state
    if not live or data.get("wizard") != callback_data.wizard or data.get("step") != callback_data.step:
        logger.info("Stale setup button %s from user %s", callback_data.pack(), callback.from_user.id)
        await callback.answer(texts("setup-expired-alert"))
        if message is not None and (not live or data.get("wizard") != callback_data.wizard):
            reopen = InlineKeyboardMarkup(inline_keyboard=[[open_button(texts)]])
            await message.answer(texts("setup-expired"), reply_markup=reopen)
        return
    await _require_head_of_team(state, member, data)
    assert member is not None

    if callback_data.action == CANCEL:
        await state.clear()
        await callback.answer()
        logger.info("Setup wizard %s cancelled by member %s", data["wizard"], member.id)
        if message is not None:
            await message.edit_text(texts("setup-cancelled"))
        return

    if callback_data.action == SAVE:
        await _save(callback, message, state, session, member, data, clock.now(), texts, scheduler)
        return

    step = data["step"]
    if callback_data.action == BACK:
        data["step"] = max(step - 1, 0)
    elif callback_data.action == SKIP and step < len(STEPS):
        if STEPS[step] == "reminder":
            # The deadline may have moved before the kept reminder time.
            _checked("reminder", data["values"]["reminder"], data["values"])
        data["step"] = step + 1
    elif callback_data.action == PICK and step < len(STEPS):
        choices = CHOICES[STEPS[step]]
        if not 0 <= callback_data.choice < len(choices):
            await callback.answer(texts("setup-expired-alert"))
            return
        data["values"][STEPS[step]] = _checked(STEPS[step], choices[callback_data.choice], data["values"])
        data["step"] = step + 1
    await state.set_data(data)
    await callback.answer()
    if message is not None:
        text, keyboard = render_wizard(texts, data, clock.now())
        await message.edit_text(text, reply_markup=keyboard)


async def _save(
    callback: CallbackQuery, message: Message | None, state: FSMContext, session: AsyncSession, member: Member,
    data: dict[str, Any], now: datetime, texts: Texts, scheduler: TeamScheduler,
) -> None:
    # Only what the head changed in this run is written over the team's settings as they are now,
    # so a /times or /timezone sent while the wizard was open is kept.
    team = await session.get(Team, member.team_id)
    assert team is not None
    changed = {key: value for key, value in data["values"].items() if data["initial"].get(key) != value}
    requested = _from_data({**_as_data(team_settings.settings_of(team)), **changed})
    saved = await team_settings.apply_settings(session, member, requested)
    await state.clear()
    await callback.answer(texts("settings-saved"))
    await scheduler.schedule_team(member.team_id)
    initial = _from_data(data["initial"])
    lines = [texts("setup-saved"), "", *settings_lines(texts, saved, now, previous=initial)]
    if saved.currency != initial.currency:
        lines.extend(["", _currency_note(texts, saved.currency)])
    if message is not None:
        await message.edit_text("\n".join(lines))


async def _require_head_of_team(state: FSMContext, member: Member | None, data: dict[str, Any]) -> None:
    """Only the head of the team the run was opened for may go on; anyone else's run is closed."""
    if member is None or member.role != Role.HEAD or member.team_id != data.get("team_id"):
        await state.clear()
        raise UserError("error-head-only")


def _checked(step: str, text: str, values: dict[str, str]) -> str:
    """Return the canonical value for `step`, or raise UserError saying what was wrong."""
    typed = text.strip()
    value: str | None
    if step == "name":
        value = team_settings.normalize_team_name(typed)
        error = "setup-error-name"
    elif step == "timezone":
        value = team_settings.normalize_timezone(typed)
        error = "setup-error-timezone"
    elif step == "calendar":
        value = team_settings.normalize_country(typed)
        error = "setup-error-country"
    elif step == "currency":
        value = team_settings.normalize_currency(typed)
        error = "setup-error-currency"
    else:
        parsed = team_settings.parse_time(typed)
        if parsed is None:
            raise UserError("setup-error-time", value=typed)
        if step == "reminder":
            deadline = _time(values["deadline"])
            if not team_settings.times_in_order(parsed, deadline):
                raise UserError("setup-error-reminder-late", reminder=_clock(parsed), deadline=_clock(deadline))
        return _clock(parsed)
    if value is None:
        raise UserError(error, value=typed)
    return value


def render_wizard(texts: Texts, data: dict[str, Any], now: datetime) -> tuple[str, InlineKeyboardMarkup]:
    step = data["step"]
    values = data["values"]
    if step >= len(STEPS):
        lines = [
            texts("setup-summary"),
            "",
            *settings_lines(texts, _from_data(values), now, previous=_from_data(data["initial"])),
        ]
        if values["currency"] != data["initial"]["currency"]:
            lines.extend(["", _currency_note(texts, values["currency"])])
        lines.extend(["", texts("setup-summary-hint")])
        return "\n".join(lines), summary_keyboard(texts, data["wizard"], step)

    name = STEPS[step]
    current = field_value(texts, name, getattr(_from_data(values), FIELDS[name]), now)
    lines = [
        texts("setup-step", number=step + 1, total=len(STEPS)),
        "",
        texts(f"setup-question-{name}", deadline=values["deadline"]),
        texts("setup-current", value=current),
    ]
    labels = [_button_label(texts, name, choice, now) for choice in CHOICES[name]]
    return "\n".join(lines), step_keyboard(texts, data["wizard"], step, labels, COLUMNS.get(name, 4))


def _currency_note(texts: Texts, currency: str) -> str:
    """Warn that amounts are not converted, with a sample amount in the new currency."""
    example = texts.with_currency(currency).money(Decimal("1250000.50"))
    return texts("setup-currency-note", example=example)


def _button_label(texts: Texts, step: str, choice: str, now: datetime) -> str:
    if step == "timezone":
        return timezone_button(texts, choice, now)
    if step == "calendar":
        return country_button(texts, choice)
    if step == "currency":
        return currency_button(texts, choice)
    return choice


def _as_data(settings: TeamSettings) -> dict[str, str]:
    """Convert the settings to JSON-friendly strings keyed by step, as the FSM data stores them."""
    values = {}
    for step, field in FIELDS.items():
        value = getattr(settings, field)
        values[step] = _clock(value) if isinstance(value, time) else value
    return values


def _from_data(values: dict[str, str]) -> TeamSettings:
    return TeamSettings(
        name=values["name"], timezone=values["timezone"], calendar_country=values["calendar"],
        report_deadline=_time(values["deadline"]), reminder_time=_time(values["reminder"]),
        post_time=_time(values["post"]), currency=values["currency"],
    )


def _time(value: str) -> time:
    return time.fromisoformat(value)


def _clock(value: time) -> str:
    return value.strftime("%H:%M")


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(setup_in_private, Command("setup"), F.chat.type == ChatType.PRIVATE)
    router.message.register(
        setup_in_private, CommandStart(deep_link=True, magic=F.args == DEEP_LINK), F.chat.type == ChatType.PRIVATE
    )
    router.message.register(
        typed_value, StateFilter(TeamSetup.editing), F.chat.type == ChatType.PRIVATE, F.text, ~F.text.startswith("/")
    )
    router.callback_query.register(press, SetupAction.filter())
    return router
