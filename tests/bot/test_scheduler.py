"""Scheduled reminders, mentions, board posts and catch-up on a manual clock: the real triggers, no sleeping."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.db.models import PostLedger, PostStatus, Team
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team

BERLIN = ZoneInfo("Europe/Berlin")


def _to(items, chat_id):
    return [item.get("text") or item.get("caption", "") for item in items if item["chat"]["id"] == chat_id]


def _photos(items, chat_id):
    return [item for item in items if item["chat"]["id"] == chat_id and "photo" in item]


async def _ledger(sandbox: Sandbox, kind: str | None = None) -> list[PostLedger]:
    async with sandbox.app.app.sessionmaker() as session:
        query = select(PostLedger).order_by(PostLedger.id)
        if kind is not None:
            query = query.where(PostLedger.kind == kind)
        return list(await session.scalars(query))


async def test_reminder_only_to_managers_without_report(team):
    await team.say(IVAN, IVAN, "/report звонки 5")

    sent = await team.sandbox.advance(datetime(2026, 11, 3, 17, 30, tzinfo=MOSCOW))

    assert _to(sent, IVAN) == []
    assert len(_to(sent, MARIA)) == 1
    assert "отчёт за 03.11.2026 ещё не сдан" in _to(sent, MARIA)[0]
    assert _to(sent, GROUP) == []
    assert _to(sent, HEAD) == []


async def test_deadline_mention_then_head_note(team):
    await team.say(IVAN, IVAN, "/report звонки 5")

    at_deadline = await team.sandbox.advance(datetime(2026, 11, 3, 18, 0, tzinfo=MOSCOW))
    await team.say(MARIA, MARIA, "/report звонки 7")
    later = await team.sandbox.advance(datetime(2026, 11, 3, 18, 45, tzinfo=MOSCOW))

    mention = _to(at_deadline, GROUP)
    assert len(mention) == 1
    assert "Срок сдачи отчёта за 03.11.2026 прошёл" in mention[0]
    assert "Мария" in mention[0]
    assert "Иван" not in mention[0]
    entity = next(item for item in at_deadline if item["chat"]["id"] == GROUP)["entities"]
    assert any(e.get("url") == f"tg://user?id={MARIA}" for e in entity)
    # Maria reported after the mention, so no report is missing when the head's note is due.
    assert _to(later, HEAD) == []


async def test_head_note_lists_missing(team):
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 18, 30, tzinfo=MOSCOW))

    note = _to(sent, HEAD)
    assert len(note) == 1
    assert "Отчёт за 03.11.2026 до сих пор не сдали" in note[0]
    assert "Иван" in note[0]
    assert "Мария" in note[0]


async def test_board_post_text_then_chart(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(IVAN, IVAN, "/report выручка 50к")

    before = await team.sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
    at_post = await team.sandbox.advance(datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW))

    assert not any("Доска продаж" in text for text in _to(before, GROUP))
    group = [item for item in at_post if item["chat"]["id"] == GROUP]
    assert len(group) == 2
    assert "Доска продаж «Отдел продаж» — 03.11.2026" in group[0]["text"]
    assert "1. Иван — 50\u00a0%" in group[0]["text"]
    assert "Ждём отчёт: Мария" in group[0]["text"]
    assert "Оклад" not in group[0]["text"]
    photo = group[1]
    assert photo["photo"][0]["width"] == 1080
    assert "Выполнение плана на 03.11.2026" in photo["caption"]
    image = team.sandbox.emulator.file_bytes(photo["photo"][0]["file_id"])
    assert image.startswith(b"\x89PNG")


async def test_nothing_on_public_holiday():
    # 4 November 2026 is National Unity Day, a day off.
    async with Sandbox(datetime(2026, 11, 4, 8, 0, tzinfo=MOSCOW)) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        sent = await sandbox.advance(datetime(2026, 11, 4, 23, 0, tzinfo=MOSCOW))
        next_day = await sandbox.advance(datetime(2026, 11, 5, 19, 30, tzinfo=MOSCOW))

    assert sent == []
    assert len([text for text in _to(next_day, GROUP) if "Доска продаж" in text]) == 1
    # A reminder and the evening note with pay.
    firsts = [text.splitlines()[0] for text in _to(next_day, IVAN)]
    assert firsts[0].startswith("Иван, напоминаю: отчёт за 05.11.2026")
    assert firsts[1:] == ["📈 Ваши итоги на 05.11.2026"]


async def test_board_post_sent_once_when_job_runs_twice(team):
    await team.sandbox.advance(datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW))
    scheduler = team.sandbox.app.scheduler
    team_id = 1
    due = datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW)

    await scheduler.run(team_id, "board", due)
    await scheduler.fire(team_id, "board")

    boards = [text for text in _to(team.sandbox.emulator.sent(), GROUP) if "Доска продаж" in text]
    assert len(boards) == 1
    rows = await _ledger(team.sandbox, "board")
    assert [(row.status, row.chat_id, row.parts_sent) for row in rows] == [(PostStatus.SENT, GROUP, 2)]


async def test_board_in_team_timezone():
    async with Sandbox(
        datetime(2026, 11, 3, 8, 0, tzinfo=MOSCOW), default_timezone="Asia/Vladivostok"
    ) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        # 19:00 in Vladivostok (UTC+10) is 12:00 in Moscow (UTC+3).
        early = await sandbox.advance(datetime(2026, 11, 3, 11, 59, tzinfo=MOSCOW))
        sent = await sandbox.advance(datetime(2026, 11, 3, 12, 0, tzinfo=MOSCOW))

    assert not any("Доска продаж" in text for text in _to(early, GROUP))
    assert len([text for text in _to(sent, GROUP) if "Доска продаж" in text]) == 1


async def test_berlin_board_follows_summer_time():
    # Europe/Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026 at 02:00.
    async with Sandbox(datetime(2026, 3, 26, 8, 0, tzinfo=BERLIN), default_timezone="Europe/Berlin",
                       default_calendar="DE") as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        posts: list[datetime] = []

        def record(fire_time, items):
            if any("Доска продаж" in (item.get("text") or "") for item in items):
                posts.append(fire_time)

        await sandbox.advance(datetime(2026, 3, 31, 23, 0, tzinfo=BERLIN), record)

    utc = [(post.astimezone(ZoneInfo("UTC")).day, post.astimezone(ZoneInfo("UTC")).hour) for post in posts]
    # Thursday and Friday at 18:00 UTC (19:00 CET); Monday and Tuesday at 17:00 UTC (19:00 CEST).
    assert utc == [(26, 18), (27, 18), (30, 17), (31, 17)]
    assert all(post.astimezone(BERLIN).hour == 19 for post in posts)


async def test_berlin_autumn_fold_posts_once():
    # On 25 October 2026 02:30 happens twice in Berlin; a trigger at 02:30 fires twice.
    async with Sandbox(datetime(2026, 10, 24, 8, 0, tzinfo=BERLIN), default_timezone="Europe/Berlin",
                       default_calendar="DE") as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        await sandbox.send(HEAD, HEAD, "/workday 25.10.2026")
        await sandbox.send(HEAD, HEAD, "/times 01:00 02:00 02:30")
        sent = await sandbox.advance(datetime(2026, 10, 25, 4, 0, tzinfo=BERLIN))

    boards = [text for text in _to(sent, GROUP) if "Доска продаж" in text]
    assert len(boards) == 1
    assert "25.10.2026" in boards[0]


async def test_server_timezone_does_not_matter(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        async with Sandbox(datetime(2026, 11, 3, 8, 0, tzinfo=MOSCOW)) as sandbox:
            await make_team(sandbox, {IVAN: "Иван"})
            early = await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))
            sent = await sandbox.advance(datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()

    assert not any("Доска продаж" in text for text in _to(early, GROUP))
    assert any("Доска продаж «Отдел продаж» — 03.11.2026" in text for text in _to(sent, GROUP))


async def test_times_change_takes_effect_without_restart(team):
    reply = await team.say_one(HEAD, HEAD, "/times 12:00 13:00 14:00")
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 14, 0, tzinfo=MOSCOW))

    assert "доска продаж в 14:00" in reply
    assert any("Доска продаж" in text for text in _to(sent, GROUP))
    assert len([text for text in _to(sent, MARIA) if "напоминаю" in text]) == 1


async def test_timezone_change_takes_effect_without_restart(team):
    await team.say_one(HEAD, HEAD, "/timezone Asia/Yekaterinburg")
    # 19:00 in Yekaterinburg (UTC+5) is 17:00 in Moscow.
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 17, 0, tzinfo=MOSCOW))

    assert any("Доска продаж" in text for text in _to(sent, GROUP))


async def test_restart_just_after_post_time_sends_late_once(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 18, 59, tzinfo=MOSCOW))

    caught_up = await sandbox.restart(down_until=datetime(2026, 11, 3, 19, 20, tzinfo=MOSCOW))
    again = await sandbox.restart(down_until=datetime(2026, 11, 3, 19, 25, tzinfo=MOSCOW))
    rest = await sandbox.advance(datetime(2026, 11, 4, 8, 0, tzinfo=MOSCOW))

    boards = [text for text in _to(caught_up, GROUP) if "Доска продаж" in text]
    assert len(boards) == 1
    assert "— 03.11.2026" in boards[0]
    assert again == []
    assert not any("Доска продаж" in text for text in _to(rest, GROUP))
    row = (await _ledger(sandbox, "board"))[0]
    assert row.status == PostStatus.SENT
    assert row.scheduled_at == datetime(2026, 11, 3, 19, 0, tzinfo=MOSCOW)
    assert row.sent_at == datetime(2026, 11, 3, 19, 20, tzinfo=MOSCOW)


async def test_late_post_covers_its_scheduled_date(team):
    sandbox = team.sandbox
    await team.say(HEAD, HEAD, "/times 21:00 22:00 23:30")
    await team.say(IVAN, IVAN, "/report выручка 10к")
    await sandbox.advance(datetime(2026, 11, 3, 23, 0, tzinfo=MOSCOW))

    # Down over midnight: the 23:30 post of Tuesday goes out at 00:10 on Wednesday.
    caught_up = await sandbox.restart(down_until=datetime(2026, 11, 4, 0, 10, tzinfo=MOSCOW))

    board = next(text for text in _to(caught_up, GROUP) if "Доска продаж" in text)
    assert "— 03.11.2026" in board
    assert "Отчитались сегодня: 1 из 2" in board
    row = (await _ledger(sandbox, "board"))[0]
    assert row.business_date.isoformat() == "2026-11-03"


async def test_long_downtime_skips_and_tells_head(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 16, 0, tzinfo=MOSCOW))

    caught_up = await sandbox.restart(down_until=datetime(2026, 11, 3, 21, 30, tzinfo=MOSCOW))
    again = await sandbox.restart(down_until=datetime(2026, 11, 3, 21, 35, tzinfo=MOSCOW))

    assert not any("Доска продаж" in text for text in _to(caught_up, GROUP))
    assert _to(caught_up, MARIA) == []
    note = _to(caught_up, HEAD)
    assert len(note) == 1
    assert "не отправлены вовремя" in note[0]
    assert "доска продаж за 03.11.2026 (по плану в 19:00)" in note[0]
    assert "напоминания менеджерам за 03.11.2026 (по плану в 17:00)" in note[0]
    assert again == []
    statuses = {(row.kind, row.status) for row in await _ledger(sandbox)}
    assert ("board", PostStatus.SKIPPED) in statuses
    assert ("reminder", PostStatus.SKIPPED) in statuses


async def test_downtime_over_post_within_window_sends_the_rest(team):
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 3, 16, 0, tzinfo=MOSCOW))

    # Down from 16:00 to 19:30: reminder (17:00) and mention (18:00) are more than an hour late,
    # the head's note (18:30) and the board (19:00) are not.
    caught_up = await sandbox.restart(down_until=datetime(2026, 11, 3, 19, 30, tzinfo=MOSCOW))

    assert any("Доска продаж" in text for text in _to(caught_up, GROUP))
    assert not any("Срок сдачи" in text for text in _to(caught_up, GROUP))
    head = _to(caught_up, HEAD)
    assert any("до сих пор не сдали" in text for text in head)
    assert any("напоминание в группе за 03.11.2026" in text for text in head)


async def test_first_start_reports_nothing_missed():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        async with sandbox.app.app.sessionmaker() as session:
            await session.execute(PostLedger.__table__.delete())
            await session.commit()
        sent = await sandbox.restart(down_until=datetime(2026, 11, 3, 10, 5, tzinfo=MOSCOW))

    assert sent == []


async def test_weekly_standings_on_last_working_day(team):
    sandbox = team.sandbox
    await team.say(HEAD, HEAD, "/invite Опт")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(HEAD, HEAD, f"/plan @user{MARIA} выручка 200к")
    await team.say(IVAN, IVAN, "/report выручка 50к")

    thursday = await sandbox.advance(datetime(2026, 11, 5, 20, 0, tzinfo=MOSCOW))
    friday = await sandbox.advance(datetime(2026, 11, 6, 20, 0, tzinfo=MOSCOW))

    assert not any("Итоги недели" in text for text in _to(thursday, GROUP))
    weekly = [text for text in _to(friday, GROUP) if "Итоги недели" in text]
    assert len(weekly) == 1
    assert "Итоги недели 02.11.2026 — 06.11.2026" in weekly[0]
    assert "1. Иван — 50\u00a0%" in weekly[0]


async def test_vacation_silences_reminders(team):
    # The second message is the head's private note about the absence.
    reply = _to(await team.sandbox.send(MARIA, MARIA, "/vacation 03.11–05.11"), MARIA)[0]
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 18, 0, tzinfo=MOSCOW))

    assert "с 03.11.2026 по 05.11.2026" in reply
    assert "3 дня" in reply
    assert _to(sent, MARIA) == []
    assert len(_to(sent, IVAN)) == 1
    mention = _to(sent, GROUP)[0]
    assert "Мария" not in mention


async def test_head_sets_vacation_for_manager(team):
    reply = await team.say_one(HEAD, HEAD, f"/vacation @user{MARIA} 03.11.2026-04.11.2026")
    listing = await team.say_one(HEAD, HEAD, "/vacation")

    assert "Отсутствие Мария с 03.11.2026 по 04.11.2026" in reply
    assert "Мария: 03.11.2026 — 04.11.2026" in listing


async def test_vacation_bad_date_explains(team):
    reply = await team.say_one(MARIA, MARIA, "/vacation 35.12–40.12")

    assert "Не понял дату «35.12»" in reply


async def test_team_day_off_silences_jobs(team):
    reply = await team.say_one(HEAD, HEAD, "/dayoff 03.11.2026")
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 23, 0, tzinfo=MOSCOW))

    assert "03.11.2026 — выходной для команды" in reply
    assert sent == []


async def test_team_working_day_on_holiday(team):
    await team.say_one(HEAD, HEAD, "/workday 04.11.2026")
    sent = await team.sandbox.advance(datetime(2026, 11, 4, 19, 0, tzinfo=MOSCOW))

    assert any("Доска продаж «Отдел продаж» — 04.11.2026" in text for text in _to(sent, GROUP))


async def test_calendar_shows_and_switches_country(team):
    shown = await team.say_one(HEAD, HEAD, "/calendar")
    switched = await team.say_one(HEAD, HEAD, "/calendar kz")
    unknown = await team.say_one(HEAD, HEAD, "/calendar XX")

    assert "RU; ноябрь 2026 — 20 рабочих дней" in shown
    assert "Календарь команды: KZ" in switched
    assert "Нет производственного календаря для «XX»" in unknown
    async with team.sandbox.app.app.sessionmaker() as session:
        assert (await session.get(Team, 1)).calendar_country == "KZ"


async def test_plan_reached_note_once(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(IVAN, IVAN, "/report выручка 60к")
    sandbox = team.sandbox
    await sandbox.advance(datetime(2026, 11, 4, 10, 0, tzinfo=MOSCOW))

    crossed = await sandbox.send(IVAN, IVAN, "/report выручка 50к")
    again = await sandbox.send(IVAN, IVAN, "/report выручка 55к")

    notes = [text for text in _to(crossed, GROUP) if "выполняет месячный план" in text]
    assert len(notes) == 1
    assert "Иван выполняет месячный план по выручке: 110\u00a0%" in notes[0]
    assert not any("выполняет месячный план" in text for text in _to(again, GROUP))


async def test_team_record_note(team):
    await team.say(IVAN, IVAN, "/report выручка 60к")
    first = await team.sandbox.send(MARIA, MARIA, "/report выручка 40к")
    beaten = await team.sandbox.send(MARIA, MARIA, "/report выручка 75к")

    assert not any("рекорд" in text for text in _to(first, GROUP))
    records = [text for text in _to(beaten, GROUP) if "Новый рекорд команды" in text]
    assert len(records) == 1
    assert "Мария — выручка 75\u00a0000\u00a0₽ за день (прежний рекорд 60\u00a0000\u00a0₽)" in records[0]


async def test_bot_removed_from_group_tells_head_once(team):
    sandbox = team.sandbox
    await sandbox.feed(sandbox.emulator.add_chat_member_update(GROUP, HEAD, "kicked"))
    await sandbox.feed(sandbox.emulator.add_chat_member_update(GROUP, HEAD, "kicked"))
    sent = await sandbox.advance(datetime(2026, 11, 3, 20, 0, tzinfo=MOSCOW))

    head = [text for text in _to(sandbox.emulator.sent(), HEAD) if "удалили из группы" in text]
    assert len(head) == 1
    assert _to(sent, GROUP) == []
    # Private messages still go out: the reminder and the evening note.
    assert len(_to(sent, MARIA)) == 2


async def test_bot_added_back_posts_again(team):
    sandbox = team.sandbox
    await sandbox.feed(sandbox.emulator.add_chat_member_update(GROUP, HEAD, "left"))
    await sandbox.feed(sandbox.emulator.add_chat_member_update(GROUP, HEAD, "member"))
    sent = await sandbox.advance(datetime(2026, 11, 3, 20, 0, tzinfo=MOSCOW))

    assert any("снова в группе" in text for text in _to(sandbox.emulator.sent(), HEAD))
    assert any("Доска продаж" in text for text in _to(sent, GROUP))


async def test_board_skips_holiday_over_days(team):
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 8, 0, tzinfo=MOSCOW) + timedelta(days=3))

    boards = [text for text in _to(sent, GROUP) if "Доска продаж" in text]
    # From Tuesday morning to Friday morning; Wednesday 4 November is a public holiday.
    assert [text.split("— ")[1][:10] for text in boards] == ["03.11.2026", "05.11.2026"]
