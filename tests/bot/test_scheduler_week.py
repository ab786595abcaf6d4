"""A week of three teams in three timezones, with faults and a restart: every post once, on time, in order."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.db.models import PostLedger, PostStatus
from bot.sandbox import Sandbox

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")
VLADIVOSTOK = ZoneInfo("Asia/Vladivostok")
UTC = ZoneInfo("UTC")

# (group, head, managers, timezone, calendar); the Berlin group starts as a basic group.
TEAMS = {
    1: (-100101, 1101, (1102, 1103), "Europe/Moscow", "RU"),
    2: (-202, 2101, (2102, 2103), "Europe/Berlin", "DE"),
    3: (-100303, 3101, (3102, 3103), "Asia/Vladivostok", "RU"),
}
BERLIN_SUPERGROUP = -100202
ZONES = {1: MOSCOW, 2: BERLIN, 3: VLADIVOSTOK}
# Working days of 2-8 November 2026: 4 November is a holiday in Russia, not in Germany.
WORKING = {
    1: [date(2026, 11, day) for day in (2, 3, 5, 6)],
    2: [date(2026, 11, day) for day in (2, 3, 4, 5, 6)],
    3: [date(2026, 11, day) for day in (2, 3, 5, 6)],
}


async def _setup(sandbox: Sandbox) -> None:
    emulator = sandbox.emulator
    for team_id, (group, head, managers, zone, country) in TEAMS.items():
        emulator.add_group(group, f"Команда {team_id}", type="group" if group == -202 else "supergroup")
        emulator.add_private_chat(head, f"Руководитель {team_id}")
        reply = (await sandbox.send(group, head, "/setup"))[0]["text"]
        invite = reply.split("start=", 1)[1].split()[0]
        await sandbox.send(head, head, f"/timezone {zone}")
        await sandbox.send(head, head, f"/calendar {country}")
        for number, manager in enumerate(managers, start=1):
            emulator.add_private_chat(manager, f"Менеджер {team_id}.{number}", None, f"m{manager}")
            await sandbox.send(manager, manager, f"/start {invite}")
            await sandbox.send(head, head, f"/plan @m{manager} выручка 1 млн")


async def _report_all(sandbox: Sandbox, day: date) -> None:
    """Every manager reports at 12:00 of their team's day; one per team skips Wednesdays."""
    # Noon comes first in Vladivostok, then Moscow, then Berlin.
    for team_id in (3, 1, 2):
        managers = TEAMS[team_id][2]
        noon = datetime(day.year, day.month, day.day, 12, 0, tzinfo=ZONES[team_id])
        if sandbox.clock.now() < noon:
            await sandbox.advance(noon)
        for manager in managers:
            if day.weekday() == 2 and manager == managers[1]:
                continue
            await sandbox.send(manager, manager, "/report звонки 30 выручка 60к")


async def test_week_of_three_teams_with_faults():
    async with Sandbox(datetime(2026, 11, 1, 23, 0, tzinfo=VLADIVOSTOK)) as sandbox:
        await _setup(sandbox)
        emulator = sandbox.emulator

        # Monday: Telegram asks to slow down at the first board post of the day (Vladivostok's).
        await _report_all(sandbox, date(2026, 11, 2))
        await sandbox.advance(datetime(2026, 11, 2, 18, 59, 30, tzinfo=VLADIVOSTOK))
        emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)
        await sandbox.advance(datetime(2026, 11, 2, 23, 59, tzinfo=BERLIN))

        # Tuesday: a burst of server errors at Moscow's post, then one longer outage at Berlin's.
        await _report_all(sandbox, date(2026, 11, 3))
        await sandbox.advance(datetime(2026, 11, 3, 18, 59, 30, tzinfo=MOSCOW))
        emulator.fail_next("sendMessage", 502, "Bad Gateway", times=2)
        await sandbox.advance(datetime(2026, 11, 3, 18, 59, 30, tzinfo=BERLIN))
        emulator.fail_next("sendMessage", 500, "Internal Server Error", times=5)
        await sandbox.advance(datetime(2026, 11, 3, 23, 59, tzinfo=BERLIN))

        # Wednesday: the Berlin group is upgraded to a supergroup; the bot learns of it from a 400.
        await _report_all(sandbox, date(2026, 11, 4))
        emulator.migrate_group(-202, BERLIN_SUPERGROUP, TEAMS[2][1])
        await sandbox.advance(datetime(2026, 11, 4, 23, 59, tzinfo=BERLIN))

        # Thursday: the bot goes down before Moscow's post and comes back ten minutes after it.
        await _report_all(sandbox, date(2026, 11, 5))
        await sandbox.advance(datetime(2026, 11, 5, 18, 58, tzinfo=MOSCOW))
        await sandbox.restart(down_until=datetime(2026, 11, 5, 19, 10, tzinfo=MOSCOW))
        await sandbox.advance(datetime(2026, 11, 5, 23, 59, tzinfo=BERLIN))

        # Friday: no faults; the weekly standings follow each board.
        await _report_all(sandbox, date(2026, 11, 6))
        await sandbox.advance(datetime(2026, 11, 8, 23, 0, tzinfo=BERLIN))

        async with sandbox.app.app.sessionmaker() as session:
            rows = list(await session.scalars(select(PostLedger).order_by(PostLedger.id)))
        sent = emulator.sent()
        statuses = [call.get("status") for call in emulator.calls()]

    # Every injected fault was met: one 429, 2 + 5 server errors, one 400 for the upgraded group.
    assert statuses.count(429) == 1
    assert statuses.count(502) == 2
    assert statuses.count(500) == 5
    assert statuses.count(400) == 1

    boards = [row for row in rows if row.kind == "board"]
    for team_id, days in WORKING.items():
        team_boards = [row for row in boards if row.team_id == team_id]
        assert [row.business_date for row in team_boards] == days, f"team {team_id}"
        assert all(row.status == PostStatus.SENT for row in team_boards), f"team {team_id}"
        for row in team_boards:
            assert row.scheduled_at is not None and row.sent_at is not None
            local = row.scheduled_at.astimezone(ZONES[team_id])
            assert (local.date(), local.hour, local.minute) == (row.business_date, 19, 0)
            # On time, except the post the restart delayed by ten minutes and the outage retry.
            assert row.sent_at - row.scheduled_at <= timedelta(minutes=30), f"team {team_id} {row.business_date}"

    moscow_thursday = next(row for row in boards if row.team_id == 1 and row.business_date == date(2026, 11, 5))
    assert moscow_thursday.sent_at == datetime(2026, 11, 5, 19, 10, tzinfo=MOSCOW)
    assert all(row.chat_id == BERLIN_SUPERGROUP for row in boards if row.team_id == 2 and row.business_date.day >= 4)

    weekly = [(row.team_id, row.business_date) for row in rows if row.kind == "weekly"]
    assert sorted(weekly) == [(1, date(2026, 11, 6)), (2, date(2026, 11, 6)), (3, date(2026, 11, 6))]

    # What the groups saw: each board once, in date order, each followed by its chart.
    for team_id, days in WORKING.items():
        chats = {TEAMS[team_id][0], BERLIN_SUPERGROUP} if team_id == 2 else {TEAMS[team_id][0]}
        texts = [item.get("text", "") for item in sent if item["chat"]["id"] in chats]
        seen = [text.split("— ", 1)[1][:10] for text in texts if text.startswith("📊")]
        assert seen == [day.strftime("%d.%m.%Y") for day in days], f"team {team_id}"
        photos = [item for item in sent if item["chat"]["id"] in chats and "photo" in item]
        assert len(photos) == len(days)

    # The reminders: one per manager without a report, on Wednesday for the teams that work then.
    reminders = [(row.team_id, row.business_date) for row in rows if row.kind == "reminder"]
    assert reminders == [(2, date(2026, 11, 4))]
    assert not [row for row in rows if row.status not in (PostStatus.SENT,)]
