"""Scheduled posts when Telegram misbehaves: 429, 5xx, 403, upgraded groups, forum topics, two schedulers."""

from __future__ import annotations

import asyncio
from datetime import datetime

from sqlalchemy import select

from bot.app import build_application, create_bot
from bot.db.models import Member, PostLedger, PostStatus, Team
from bot.delivery import VirtualTimer
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team

POST = datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW)


def _boards(items, chat_id=GROUP):
    return [item["text"] for item in items if item["chat"]["id"] == chat_id and "Доска продаж" in item.get("text", "")]


def _texts(items, chat_id):
    return [item.get("text", "") for item in items if item["chat"]["id"] == chat_id]


async def _ledger(sandbox: Sandbox, kind: str) -> list[PostLedger]:
    async with sandbox.app.app.sessionmaker() as session:
        return list(await session.scalars(select(PostLedger).where(PostLedger.kind == kind).order_by(PostLedger.id)))


async def _team(sandbox: Sandbox) -> Team:
    async with sandbox.app.app.sessionmaker() as session:
        team = await session.get(Team, 1)
        assert team is not None
        return team


async def test_board_429_waits_and_posts_once(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    sandbox.emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 5", retry_after=5)

    sent = await sandbox.advance(POST)

    assert len(_boards(sent)) == 1
    assert 5.0 in sandbox.timer.waits
    row = (await _ledger(sandbox, "board"))[0]
    assert (row.status, row.attempts) == (PostStatus.SENT, 1)


async def test_board_5xx_then_sent(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    sandbox.emulator.fail_next("sendMessage", 502, "Bad Gateway", times=2)

    sent = await sandbox.advance(POST)

    assert len(_boards(sent)) == 1


async def test_board_outage_retried_later_once(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    sandbox.emulator.fail_next("sendMessage", 500, "Internal Server Error", times=5)

    at_post = await sandbox.advance(POST)
    failed = await _ledger(sandbox, "board")
    later = await sandbox.advance(datetime(2026, 11, 3, 19, 45, tzinfo=MOSCOW))

    assert _boards(at_post) == []
    assert failed[0].status == PostStatus.FAILED
    assert len(_boards(later)) == 1
    assert "— 03.11.2026" in _boards(later)[0]
    row = (await _ledger(sandbox, "board"))[0]
    assert (row.status, row.attempts) == (PostStatus.SENT, 2)


async def test_outage_past_window_skipped_and_head_told(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    # Telegram asks to wait three hours: the retry would come two hours past the window.
    sandbox.emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 10800", retry_after=10800)

    await sandbox.advance(datetime(2026, 11, 3, 22, 30, tzinfo=MOSCOW))

    rows = await _ledger(sandbox, "board")
    assert rows[0].status == PostStatus.SKIPPED
    notes = [text for text in _texts(sandbox.emulator.sent(), HEAD) if "не отправлены вовремя" in text]
    assert len(notes) == 1
    assert "доска продаж за 03.11.2026" in notes[0]


async def test_upgrade_found_by_error():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        emulator = sandbox.emulator
        emulator.add_group(-500, "Отдел", type="group")
        emulator.add_private_chat(HEAD, "Ольга")
        await sandbox.send(-500, HEAD, "/setup")
        emulator.migrate_group(-500, -100500, HEAD)
        # The service messages are not fed: the bot learns of the move from the 400 error.

        first = await sandbox.advance(POST)
        second = await sandbox.advance(datetime(2026, 11, 5, 19, 0, tzinfo=MOSCOW))
        team = await _team(sandbox)
        rows = await _ledger(sandbox, "board")

    assert len(_boards(first, -100500)) == 1
    assert len(_boards(second, -100500)) == 1
    assert team.board_chat_id == -100500
    assert [row.chat_id for row in rows] == [-100500, -100500]
    calls_to_old = [call for call in emulator.calls("sendMessage") if call["params"]["chat_id"] == -500]
    # /setup's reply, the 18:00 mention that met the upgrade, and nothing after.
    assert len(calls_to_old) == 2


async def test_upgrade_found_by_service_message():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        emulator = sandbox.emulator
        emulator.add_group(-500, "Отдел", type="group")
        emulator.add_private_chat(HEAD, "Ольга")
        await sandbox.send(-500, HEAD, "/setup")
        emulator.migrate_group(-500, -100500, HEAD)
        for update in list(emulator._state.updates)[-2:]:
            await sandbox.feed(update)

        team = await _team(sandbox)
        sent = await sandbox.advance(POST)

    assert team.board_chat_id == -100500
    assert len(_boards(sent, -100500)) == 1
    assert [call for call in emulator.calls("sendMessage") if call["params"]["chat_id"] == -500][1:] == []


async def test_kicked_group_spares_other_teams():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        emulator = sandbox.emulator
        emulator.add_group(-100888, "Второй отдел", type="supergroup")
        emulator.add_private_chat(801, "Пётр")
        await sandbox.send(-100888, 801, "/setup")
        # Kicked without the bot hearing of it: the first post meets 403.
        emulator._state.chats[GROUP].bot_status = "kicked"

        day_one = await sandbox.advance(POST)
        day_two = await sandbox.advance(datetime(2026, 11, 5, 19, 0, tzinfo=MOSCOW))
        team = await _team(sandbox)

    assert _boards(day_one, GROUP) == []
    assert len(_boards(day_one, -100888)) == 1
    assert len(_boards(day_two, -100888)) == 1
    assert team.board_chat_active is False
    told = [text for text in _texts(emulator.sent(), HEAD) if "удалили из группы" in text]
    assert len(told) == 1
    assert _texts(day_one, 801) == [] or not any("удалили" in text for text in _texts(day_one, 801))
    group_calls = [call for call in emulator.calls("sendMessage") if call["params"]["chat_id"] == GROUP]
    # /setup's reply, then the 18:00 mention that met the 403; nothing was tried after it.
    assert len(group_calls) == 2


async def test_blocked_manager_head_told_once(team):
    sandbox = team.sandbox
    sandbox.emulator._state.chats[MARIA].bot_status = "kicked"

    first = await sandbox.advance(datetime(2026, 11, 3, 17, 0, tzinfo=MOSCOW))
    second = await sandbox.advance(datetime(2026, 11, 5, 17, 0, tzinfo=MOSCOW))

    assert len(_texts(first, IVAN)) == 1
    told = [text for text in _texts(sandbox.emulator.sent(), HEAD) if "заблокировал" in text]
    assert len(told) == 1
    assert "Мария" in told[0]
    async with sandbox.app.app.sessionmaker() as session:
        maria = await session.scalar(select(Member).where(Member.telegram_user_id == MARIA))
    assert maria.chat_active is False
    reminder_calls = [call for call in sandbox.emulator.calls("sendMessage") if call["params"]["chat_id"] == MARIA]
    # /start's welcome, and the one reminder that met the 403.
    assert len(reminder_calls) == 2
    assert len(_texts(second, IVAN)) >= 1


async def test_unblocked_manager_reminded_again(team):
    sandbox = team.sandbox
    await sandbox.feed(sandbox.emulator.add_chat_member_update(MARIA, MARIA, "kicked"))
    await sandbox.feed(sandbox.emulator.add_chat_member_update(MARIA, MARIA, "member"))

    sent = await sandbox.advance(datetime(2026, 11, 3, 17, 0, tzinfo=MOSCOW))

    assert len(_texts(sent, MARIA)) == 1
    assert len([text for text in _texts(sandbox.emulator.sent(), HEAD) if "заблокировал" in text]) == 1


async def test_board_goes_to_forum_topic(team):
    sandbox = team.sandbox
    update = sandbox.emulator.send_message(GROUP, HEAD, "/topic")
    update["message"]["message_thread_id"] = 77
    update["message"]["is_topic_message"] = True
    reply = await sandbox.feed(update)

    await sandbox.advance(POST)

    assert "в эту тему" in reply[0]["text"]
    board_calls = [
        call for call in sandbox.emulator.calls("sendMessage") + sandbox.emulator.calls("sendPhoto")
        if call["params"]["chat_id"] == GROUP and "Доска продаж" in str(call["params"].get("text", "Доска продаж"))
    ]
    assert board_calls
    assert all(call["params"].get("message_thread_id") == 77 for call in board_calls)


async def test_board_to_general_topic_omits_thread(team):
    sandbox = team.sandbox
    reply = await sandbox.send(GROUP, HEAD, "/topic")
    await sandbox.advance(POST)

    assert "в общий чат" in reply[0]["text"]
    group_calls = [call for call in sandbox.emulator.calls("sendMessage") if call["params"]["chat_id"] == GROUP]
    assert all("message_thread_id" not in call["params"] for call in group_calls)


async def test_two_schedulers_on_one_database_post_once(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW), database_url=url) as sandbox:
        await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        other_bot = create_bot(sandbox.settings)
        other = await build_application(sandbox.settings, other_bot, sandbox.clock, VirtualTimer())
        try:
            await other.app.text_core.startup()
            await other.scheduler.start(paused=True)
            await sandbox.advance(datetime(2026, 11, 3, 16, 59, tzinfo=MOSCOW))
            before = len(sandbox.emulator.sent())
            for job, hour in (("reminder", 17), ("mention", 18), ("board", 19)):
                due = datetime(2026, 11, 3, hour, 0, tzinfo=MOSCOW)
                sandbox.clock.set(due)
                # Both processes' triggers fire at once, and the second one twice.
                await asyncio.gather(
                    sandbox.app.scheduler.run(1, job, due), other.scheduler.run(1, job, due),
                    other.scheduler.run(1, job, due),
                )
            sent = sandbox.emulator.sent()[before:]
        finally:
            await other.scheduler.stop()
            await other.engine.dispose()
            await other_bot.session.close()

    assert len(_boards(sent)) == 1
    assert len([text for text in _texts(sent, GROUP) if "Срок сдачи" in text]) == 1
    # One reminder and one evening note each.
    assert len(_texts(sent, IVAN)) == 2
    assert len(_texts(sent, MARIA)) == 2
