"""Absences, the team's times and calendar, the board's forum topic, and chat events.

Chat events are the bot being removed from or added back to the board group, a user blocking or
unblocking it (my_chat_member), and a group upgraded to a supergroup (the migrate service
messages).
"""

from __future__ import annotations

import logging
import re
from datetime import date

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import ChatMemberUpdated, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.db.models import Member, Team
from bot.handlers.filters import GroupChat, is_head
from bot.handlers.replies import answer_long
from bot.render.texts import Texts
from bot.report_parser import normalize_alias
from bot.scheduler.jobs import TeamScheduler
from bot.services import absences, calendars, chats, team_settings, teams
from bot.services.errors import UserError
from kpi.period import Month

logger = logging.getLogger(__name__)

PRESENT = ("member", "administrator", "creator", "restricted")
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?")
CANCEL_WORDS = frozenset({"отмена", "отменить", "cancel"})
_RANGE_SEPARATORS = re.compile(r"\s*(?:–|—|-|по|to)\s*")


def parse_day(text: str, today: date) -> date:
    """Parse `dd.mm`, `dd.mm.yy` or `dd.mm.yyyy`; without a year, today's. Raises ValueError."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    day, month, year = int(match[1]), int(match[2]), match[3]
    if year is None:
        full_year = today.year
    elif len(year) == 2:
        full_year = 2000 + int(year)
    else:
        full_year = int(year)
    return date(full_year, month, day)


def parse_range(text: str, today: date) -> tuple[date, date]:
    """Parse `10.12–20.12`, `10.12.2026–20.12.2026` or one day; raise UserError on a bad date.

    Without a year, a date more than 60 days back is taken in the next year (a January vacation
    entered in December), and a range that wraps the new year ends in the next year.
    """
    pieces = _RANGE_SEPARATORS.split(text.strip(), maxsplit=1)
    first_text = pieces[0]
    last_text = pieces[1] if len(pieces) > 1 else pieces[0]
    first = _day_or_error(first_text, today)
    last = _day_or_error(last_text, today)
    if not _has_year(first_text) and (today - first).days > 60:
        first = first.replace(year=first.year + 1)
    if not _has_year(last_text) and last < first:
        last = last.replace(year=first.year)
        if last < first:
            last = last.replace(year=first.year + 1)
    return first, last


def _has_year(text: str) -> bool:
    match = _DATE.fullmatch(text.strip())
    return match is not None and match[3] is not None


def _day_or_error(text: str, today: date) -> date:
    try:
        return parse_day(text, today)
    except ValueError:
        raise UserError("vacation-error-date", value=text.strip()) from None


def _require_head(member: Member | None) -> Member:
    if member is None:
        raise UserError("error-not-member")
    if not is_head(member):
        raise UserError("error-head-only")
    return member


async def _team(session: AsyncSession, member: Member) -> Team:
    team = await session.get(Team, member.team_id)
    assert team is not None
    return team


async def vacation(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    """`/vacation 10.12–20.12` for oneself; a head adds `<number or @username>` first; no arguments lists them.

    `/vacation отмена [дата]` takes an absence back. A manager records and cancels only from today
    on, and the heads get a private note, because absence days cut the plan.
    """
    if member is None:
        raise UserError("error-not-member")
    team = await _team(session, member)
    today = business_date(clock.now(), team.timezone)
    args = (command.args or "").strip()
    if not args:
        await answer_long(message, await _absence_list(session, member, today, texts))
        return

    subject = member
    reference, _, rest = args.partition(" ")
    if normalize_alias(reference) in CANCEL_WORDS:
        await _cancel_absence(message, session, member, rest, today, texts, scheduler)
        return
    if not _DATE.match(reference):
        _require_head(member)
        subject = await teams.resolve_member(session, member, reference)
        args = rest
    elif is_head(member):
        raise UserError("vacation-usage")
    if not args.strip():
        raise UserError("vacation-usage")
    first, last = parse_range(args, today)
    await absences.add_absence(session, subject, first, last, member, clock.now(), today)
    days = (last - first).days + 1
    await message.answer(texts(
        "vacation-done", name=subject.display_name, first=texts.day(first), last=texts.day(last), days=days,
    ))
    if not is_head(member):
        await scheduler.tell_supervisors(member, lambda reader: reader(
            "vacation-head-notice", name=member.display_name, first=reader.day(first), last=reader.day(last),
            days=days, number=member.id, day=f"{first:%d.%m.%Y}",
        ))


async def _cancel_absence(
    message: Message, session: AsyncSession, member: Member, args: str, today: date, texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    """`/vacation отмена [дата]` for oneself. The head names the manager first: `/vacation отмена 12 [дата]`."""
    words = args.split()
    subject = member
    if is_head(member):
        if not words or _DATE.match(words[0]):
            raise UserError("vacation-cancel-usage-head")
        subject = await teams.resolve_member(session, member, words[0])
        words = words[1:]
    if len(words) > 1:
        raise UserError("vacation-cancel-usage")
    day = parse_range(words[0], today)[0] if words else None
    cancelled = await absences.cancel_absence(session, subject, day, member, today)
    first, last = texts.day(cancelled.first_day), texts.day(cancelled.last_day)
    if cancelled.kept_until is None:
        await message.answer(texts("vacation-cancelled", name=subject.display_name, first=first, last=last))
    else:
        await message.answer(texts(
            "vacation-cancelled-kept", name=subject.display_name, first=first, last=last,
            kept=texts.day(cancelled.kept_until),
        ))
    if not is_head(member):
        await scheduler.tell_supervisors(member, lambda reader: reader(
            "vacation-cancel-head-notice", name=member.display_name, first=reader.day(cancelled.first_day),
            last=reader.day(cancelled.last_day),
        ))


async def _absence_list(session: AsyncSession, member: Member, today: date, texts: Texts) -> str:
    rows = await absences.absences_of_team(session, member.team_id, today)
    if not is_head(member):
        rows = [(absence, owner) for absence, owner in rows if owner.id == member.id]
    if not rows:
        return texts("vacation-none")
    lines = [texts("vacation-list-header")]
    for absence, owner in rows:
        lines.append(texts(
            "vacation-line", name=owner.display_name, first=texts.day(absence.first_day),
            last=texts.day(absence.last_day),
        ))
    return "\n".join(lines)


async def times(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    """`/times 17:00 18:00 19:00`: reminder, report deadline and board post; no arguments shows them."""
    team = await _team(session, _require_head(member))
    args = (command.args or "").split()
    if not args:
        await message.answer(_times_text(texts, team, "times-show"))
        return
    parsed = [team_settings.parse_time(arg) for arg in args]
    if len(parsed) != 3 or None in parsed:
        raise UserError("times-usage")
    reminder, deadline, post = (value for value in parsed if value is not None)
    if not team_settings.times_in_order(reminder, deadline):
        raise UserError("times-usage")
    team.reminder_time, team.report_deadline, team.post_time = reminder, deadline, post
    await session.commit()
    await scheduler.schedule_team(team.id)
    logger.info("Team %s: times changed to %s, %s, %s", team.id, reminder, deadline, post)
    await message.answer(_times_text(texts, team, "times-done"))


def _times_text(texts: Texts, team: Team, key: str) -> str:
    return texts(
        key, timezone=team.timezone, reminder=team.reminder_time.strftime("%H:%M"),
        deadline=team.report_deadline.strftime("%H:%M"), post=team.post_time.strftime("%H:%M"),
    )


async def timezone(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    """`/timezone Europe/Moscow`: the IANA zone every trigger of the team runs in."""
    team = await _team(session, _require_head(member))
    typed = (command.args or "").strip()
    if not typed:
        raise UserError("timezone-usage")
    value = team_settings.normalize_timezone(typed)
    if value is None:
        raise UserError("timezone-error", value=typed)
    team.timezone = value
    await session.commit()
    await scheduler.schedule_team(team.id)
    logger.info("Team %s: timezone changed to %s", team.id, value)
    await message.answer(texts("timezone-done", timezone=value))


async def calendar(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/calendar` shows the team's calendar; `/calendar KZ` switches the country."""
    team = await _team(session, _require_head(member))
    if command.args and command.args.strip():
        code = await calendars.set_country(session, team, command.args)
        await message.answer(texts("calendar-done-country", country=code))
        return
    today = business_date(clock.now(), team.timezone)
    month = Month.of(today)
    working = len((await calendars.team_calendar(session, team)).working_days_in(month))
    lines = [texts(
        "calendar-show", country=team.calendar_country, month=texts.month_name(month.year, month.month), working=working,
    )]
    own = await calendars.own_days(session, team.id, today)
    if own:
        lines.append(texts("calendar-own-header"))
        for row in own:
            lines.append(texts("calendar-own-working" if row.working else "calendar-own-day-off", day=texts.day(row.day)))
    lines.append(texts("calendar-help"))
    await answer_long(message, "\n".join(lines))


async def _set_day(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock,
    texts: Texts, working: bool,
) -> None:
    team = await _team(session, _require_head(member))
    value = (command.args or "").strip()
    if not value:
        raise UserError("day-usage")
    try:
        day = parse_day(value, business_date(clock.now(), team.timezone))
    except ValueError:
        raise UserError("day-error-date", value=value) from None
    change = await calendars.set_day(session, team, day, working)
    if not change.override:
        await message.answer(texts("day-official", day=texts.day(day), working="yes" if working else "no"))
        return
    await message.answer(texts("working-day-done" if working else "day-off-done", day=texts.day(day)))


async def day_off(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/dayoff 31.12.2026`: a day off for this team only."""
    await _set_day(message, command, session, member, clock, texts, working=False)


async def working_day(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/workday 27.12.2026`: a working day for this team only."""
    await _set_day(message, command, session, member, clock, texts, working=True)


async def topic(message: Message, session: AsyncSession, member: Member | None, texts: Texts) -> None:
    """`/topic` in a forum topic of the board group: the board is posted there from now on."""
    head = _require_head(member)
    team = await _team(session, head)
    if message.chat.id != team.board_chat_id:
        raise UserError("topic-error-group-only")
    thread_id = message.message_thread_id if message.is_topic_message else None
    team.board_thread_id = thread_id
    await session.commit()
    logger.info("Team %s: board topic set to %s", team.id, thread_id)
    await message.answer(texts("topic-done-thread" if thread_id else "topic-done-general"))


async def group_migrated(message: Message, session: AsyncSession) -> None:
    """Move the board of a group upgraded to a supergroup, from either service message."""
    if message.migrate_to_chat_id is not None:
        await chats.move_board_chat(session, message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id is not None:
        await chats.move_board_chat(session, message.migrate_from_chat_id, message.chat.id)


async def bot_membership(event: ChatMemberUpdated, session: AsyncSession, scheduler: TeamScheduler) -> None:
    """Mark a group or private chat active or inactive as the bot is added, removed, blocked or unblocked."""
    present = event.new_chat_member.status in PRESENT
    if event.chat.type == ChatType.PRIVATE:
        changed = await chats.set_private_active(session, event.chat.id, present)
        for member in changed:
            if not present and not is_head(member):
                await scheduler.tell_heads(member.team_id, "chat-member-blocked", name=member.display_name)
        return
    team = await chats.set_group_active(session, event.chat.id, present)
    if team is not None:
        await scheduler.tell_heads(team.id, "chat-group-back" if present else "chat-group-removed", team=team.name)


def create_router() -> Router:
    router = Router(name=__name__)
    # The service message arrives in the new supergroup before the board has moved there.
    router.message.register(group_migrated, F.migrate_to_chat_id | F.migrate_from_chat_id, flags={"any_group": True})
    router.my_chat_member.register(bot_membership)
    router.message.register(vacation, Command("vacation"))
    router.message.register(times, Command("times"))
    router.message.register(timezone, Command("timezone"))
    router.message.register(calendar, Command("calendar"))
    router.message.register(day_off, Command("dayoff"))
    router.message.register(working_day, Command("workday"))
    router.message.register(topic, Command("topic"), GroupChat())
    router.message.register(topic_elsewhere, Command("topic"))
    return router


async def topic_elsewhere(message: Message) -> None:
    raise UserError("topic-error-group-only")

