"""Contests end to end: a title, cancelling, standings on the board, and results posted once by the scheduler."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.db.models import Contest, PostLedger, PostStatus
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"
# 3–4 November 2026: 4 November is a public holiday in Russia, so the results go out on a day off.
CALLS = "/contest 03.11–04.11 звонки приз 10 000 / 5 000 название Звонкая неделя"


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[str]:
    return [item.get("text", item.get("caption", "")) for item in sent if item["chat"]["id"] == chat_id]


def _buttons(item: dict[str, Any]) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _ledger(team, kind: str) -> list[PostLedger]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return list(await session.scalars(select(PostLedger).where(PostLedger.kind == kind)))


async def test_titled_contest_shown_and_announced(team):
    sent = await team.sandbox.send(HEAD, HEAD, CALLS)

    title = "№ 1. «Звонкая неделя» — Звонки, 03.11.2026 – 04.11.2026"
    assert _to(sent, HEAD) == [f"Соревнование создано и объявлено в группе: {title}"]
    assert f"🏁 Новое соревнование! {title}" in _to(sent, GROUP)[0]
    assert (await team.say_one(GROUP, IVAN, "/contest")).startswith(title)


async def test_title_errors(team):
    empty = await team.say_one(HEAD, HEAD, "/contest голодные игры название")
    long = await team.say_one(HEAD, HEAD, "/contest голодные игры название " + "я" * 101)

    assert empty.startswith("После слова «название» напишите само название")
    assert long.startswith("Название слишком длинное: 101 символ, можно не больше 100.")
    async with team.sandbox.app.app.sessionmaker() as session:
        assert await session.scalar(select(Contest)) is None


async def test_head_cancels_contest(team):
    await team.sandbox.send(HEAD, HEAD, CALLS)

    sent = await team.sandbox.send(HEAD, HEAD, "/contest отменить 1")

    assert _to(sent, HEAD) == [
        "Соревнование отменено, группа об этом узнала: № 1. «Звонкая неделя» — Звонки, "
        "03.11.2026 – 04.11.2026"
    ]
    assert "❌ Руководитель отменил соревнование № 1. «Звонкая неделя»" in _to(sent, GROUP)[0]
    assert (await team.say_one(GROUP, IVAN, "/contest")).startswith("Сейчас соревнований нет.")
    assert await team.say_one(HEAD, HEAD, "/contest отменить 1") == "Соревнование № 1 уже отменено."
    assert (await team.say_one(HEAD, HEAD, "/contest отменить 7")).startswith("Соревнования № 7 в вашей команде нет.")
    assert (await team.say_one(HEAD, HEAD, "/contest отменить")).startswith("Укажите номер соревнования")
    assert (await team.say_one(IVAN, IVAN, "/contest отменить 1")).startswith("Создать соревнование может только")

    await team.say(IVAN, IVAN, "/report звонки 40")
    after = await team.sandbox.advance(datetime(2026, 11, 5, 20, 0, tzinfo=MOSCOW))
    assert not [text for text in _to(after, GROUP) if "Итоги соревнования" in text]
    assert await _ledger(team, "contest:1") == []


async def test_ended_contest_cannot_be_cancelled(team):
    await team.sandbox.send(HEAD, HEAD, CALLS)
    await team.sandbox.advance(datetime(2026, 11, 5, 10, 0, tzinfo=MOSCOW))

    reply = await team.say_one(HEAD, HEAD, "/contest отменить 1")

    assert reply == "Соревнование № 1 уже закончилось, его итоги подведены, поэтому отменить его нельзя."


async def test_results_posted_once_with_winners_told(team):
    await team.sandbox.send(HEAD, HEAD, CALLS)
    await team.say(IVAN, IVAN, "/report звонки 40")
    await team.say(MARIA, MARIA, "/report звонки 30")

    tuesday = await team.sandbox.advance(datetime(2026, 11, 3, 20, 0, tzinfo=MOSCOW))
    board = next(text for text in _to(tuesday, GROUP) if "🏁 Соревнования" in text)
    assert f"1. Иван — 40, приз 10{NBSP}000{NBSP}₽" in board
    assert f"2. Мария — 30, приз 5{NBSP}000{NBSP}₽" in board
    assert not [text for text in _to(tuesday, GROUP) if "Итоги соревнования" in text]

    holiday = await team.sandbox.advance(datetime(2026, 11, 4, 20, 0, tzinfo=MOSCOW))
    results = [text for text in _to(holiday, GROUP) if "Итоги соревнования" in text]
    assert len(results) == 1
    assert "🏆 Итоги соревнования № 1. «Звонкая неделя»" in results[0]
    assert f"1-е место: Иван — 40 (Звонки), приз 10{NBSP}000{NBSP}₽" in results[0]
    assert f"2-е место: Мария — 30 (Звонки), приз 5{NBSP}000{NBSP}₽" in results[0]
    assert _to(holiday, IVAN) == [
        "🏆 Поздравляю! Вы заняли 1-е место в соревновании № 1. «Звонкая неделя» — Звонки, "
        f"03.11.2026 – 04.11.2026: 40 (Звонки). Ваш приз — 10{NBSP}000{NBSP}₽."
    ]
    assert "Вы заняли 2-е место" in _to(holiday, MARIA)[0]

    later = await team.sandbox.advance(datetime(2026, 11, 10, 20, 0, tzinfo=MOSCOW))
    assert not [text for text in _to(later, GROUP) if "Итоги соревнования" in text]
    assert not [text for text in _to(later, IVAN) + _to(later, MARIA) if "Поздравляю" in text]
    rows = await _ledger(team, "contest:1")
    assert sorted(row.recipient for row in rows) == sorted(["group", "member:2", "member:3"])
    assert all(row.status == PostStatus.SENT for row in rows)


async def test_english_winner_and_switched_off_winner(team):
    await team.sandbox.send(HEAD, HEAD, CALLS)
    await team.say(IVAN, IVAN, "/report звонки 40")
    await team.say(MARIA, MARIA, "/report calls 30")
    await team.say(MARIA, MARIA, "/language en")
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    update = team.sandbox.emulator.press_button(
        IVAN, IVAN, shown["message_id"], _buttons(shown)["🔕 Не сообщать о победах в соревнованиях"]
    )
    await team.sandbox.feed(update)

    holiday = await team.sandbox.advance(datetime(2026, 11, 4, 20, 0, tzinfo=MOSCOW))

    assert [text for text in _to(holiday, GROUP) if "Итоги соревнования" in text]
    # The evening note of 3 November also arrives privately; only contest notes matter here.
    assert [text for text in _to(holiday, IVAN) if "соревновани" in text] == []
    assert [text for text in _to(holiday, MARIA) if "contest" in text] == [
        '🏆 Congratulations! You took place 2 in the contest No. 1. “Звонкая неделя” — Calls, '
        f"3 Nov 2026 – 4 Nov 2026: 30 (Calls). Your prize: RUB{NBSP}5,000."
    ]


async def test_hungry_games_results_name_winning_side(team):
    await team.say(HEAD, HEAD, f"/hired @user{IVAN} 01.10.2026")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")
    await team.say(HEAD, HEAD, f"/plan @user{MARIA} выручка 2 млн")
    await team.say(HEAD, HEAD, "/contest голодные игры")
    await team.say(IVAN, IVAN, "/report выручка 800к")
    await team.say(MARIA, MARIA, "/report выручка 500к")

    month_end = await team.sandbox.advance(datetime(2026, 11, 30, 20, 0, tzinfo=MOSCOW))

    results = [text for text in _to(month_end, GROUP) if "Итоги соревнования" in text]
    assert len(results) == 1
    assert "Победила команда: Новички" in results[0]
    assert f"1. Новички — 80{NBSP}%" in results[0]
    notes = [text for text in _to(month_end, IVAN) if "Поздравляю" in text]
    assert notes == [
        "🏆 Поздравляю! «Новички» — победители соревнования № 1. Голодные игры: новички против старожилов — "
        "ноябрь 2026, и вы в этой команде."
    ]
    assert not [text for text in _to(month_end, MARIA) if "Поздравляю" in text]


async def test_english_head_names_and_cancels(team):
    await team.say(HEAD, HEAD, "/language en")

    created = await team.sandbox.send(HEAD, HEAD, "/contest 03.11–04.11 calls title Calls week")
    cancelled = await team.sandbox.send(HEAD, HEAD, "/contest cancel 1")
    missing = await team.say_one(HEAD, HEAD, "/contest cancel")

    assert _to(created, HEAD) == [
        'Contest created and announced in the group: No. 1. “Calls week” — Calls, 3 Nov 2026 – 4 Nov 2026'
    ]
    assert "🏁 Новое соревнование! № 1. «Calls week» — Звонки, 03.11.2026 – 04.11.2026" in _to(created, GROUP)[0]
    assert _to(cancelled, HEAD)[0].startswith('Contest cancelled, and the group was told: No. 1. “Calls week”')
    assert "❌ Руководитель отменил соревнование № 1. «Calls week»" in _to(cancelled, GROUP)[0]
    assert missing.startswith("Give the contest's number, for example: /contest cancel 3.")
