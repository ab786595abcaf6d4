"""Scheduled reminders and board posts on a manual clock: the real triggers, no sleeping."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db.models import PostLedger, PostStatus
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team


def _to(items, chat_id):
    return [item["text"] for item in items if item["chat"]["id"] == chat_id]


async def test_reminder_only_to_managers_without_report(team):
    await team.say(IVAN, IVAN, "/report звонки 5")

    sent = await team.sandbox.advance(datetime(2026, 11, 3, 17, 30, tzinfo=MOSCOW))

    assert _to(sent, IVAN) == []
    assert len(_to(sent, MARIA)) == 1
    assert "отчёт за 03.11.2026 ещё не сдан" in _to(sent, MARIA)[0]
    assert _to(sent, GROUP) == []
    assert _to(sent, HEAD) == []


async def test_board_post_at_post_time(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(IVAN, IVAN, "/report выручка 50к")

    before = await team.sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    at_post = await team.sandbox.advance(datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW))

    assert _to(before, GROUP) == []
    board = _to(at_post, GROUP)
    assert len(board) == 1
    assert "Доска продаж «Отдел продаж» — 03.11.2026" in board[0]
    assert "1. Иван — 50\u00a0%" in board[0]
    assert "Ждём отчёт: Мария" in board[0]
    assert "Оклад" not in board[0]


async def test_nothing_on_public_holiday():
    # 4 November 2026 is National Unity Day, a day off.
    async with Sandbox(datetime(2026, 11, 4, 8, 0, tzinfo=MOSCOW)) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        sent = await sandbox.advance(datetime(2026, 11, 4, 23, 0, tzinfo=MOSCOW))
        next_day = await sandbox.advance(datetime(2026, 11, 5, 19, 30, tzinfo=MOSCOW))

    assert sent == []
    assert len(_to(next_day, GROUP)) == 1
    assert len(_to(next_day, IVAN)) == 1


async def test_board_post_sent_once_when_job_runs_twice(team):
    await team.sandbox.advance(datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW))
    scheduler = team.sandbox.app.scheduler
    team_id = 1

    await scheduler.post_board(team_id)
    await scheduler.post_board(team_id)

    assert len(_to(team.sandbox.emulator.sent(), GROUP)) == 2  # the /setup reply and one post
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = list(await session.scalars(select(PostLedger).where(PostLedger.kind == "board")))
    assert [(row.status, row.chat_id) for row in rows] == [(PostStatus.SENT, GROUP)]


async def test_team_in_other_timezone_posts_on_its_own_clock():
    async with Sandbox(
        datetime(2026, 11, 3, 8, 0, tzinfo=MOSCOW), default_timezone="Asia/Vladivostok"
    ) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        # 19:00 in Vladivostok (UTC+10) is 12:00 in Moscow (UTC+3).
        sent = await sandbox.advance(datetime(2026, 11, 3, 12, 0, tzinfo=MOSCOW))

    assert len(_to(sent, GROUP)) == 1
