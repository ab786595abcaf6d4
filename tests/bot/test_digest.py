"""The manager's private evening note: pay so far, pay at the current pace, and what is still needed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"
EVENING = datetime(2026, 11, 3, 19, 30, tzinfo=MOSCOW)


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[str]:
    return [item.get("text") or item.get("caption") or "" for item in sent if item["chat"]["id"] == chat_id]


def _digest(sent: list[dict[str, Any]], chat_id: int, header: str) -> str | None:
    return next((text for text in _to(sent, chat_id) if header in text), None)


async def _ivan_reports(team) -> None:
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")
    await team.say(IVAN, IVAN, "/report звонки 40 встречи 3 сделки 2 выручка 200к")


async def test_digest_goes_privately_after_board(team):
    await _ivan_reports(team)
    forecast_line = next(
        line for line in (await team.say_one(IVAN, IVAN, "/me")).splitlines() if "при нынешнем темпе" in line
    )

    sent = await team.sandbox.advance(EVENING)

    digest = _digest(sent, IVAN, "Ваши итоги на 03.11.2026")
    assert digest is not None
    assert f"Выплата за месяц сейчас: 60{NBSP}000,00{NBSP}₽" in digest
    # The forecast is the same number /me shows for the current pace.
    forecast = forecast_line.rsplit(": ", 1)[1]
    assert f"при нынешнем темпе к концу месяца: {forecast}." in digest
    assert f"До плана: ещё 800{NBSP}000,00{NBSP}₽" in digest
    assert "Ваши итоги" not in "\n".join(_to(sent, GROUP))
    assert "Выплата за месяц" not in "\n".join(_to(sent, GROUP))


async def test_digest_in_english_and_without_plan(team):
    await team.say(MARIA, MARIA, "/language en")

    sent = await team.sandbox.advance(EVENING)

    digest = _digest(sent, MARIA, "Where you stand on 3 Nov 2026")
    assert digest is not None
    assert "No revenue plan is set for this month yet" in digest
    assert "turn this summary off in /settings" in digest


async def test_digest_switched_off_or_away(team):
    await _ivan_reports(team)
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    buttons = {button["text"]: button["callback_data"] for row in shown["reply_markup"]["inline_keyboard"] for button in row}
    await team.sandbox.feed(team.sandbox.emulator.press_button(IVAN, IVAN, shown["message_id"], buttons["🔕 Не присылать вечернюю сводку"]))
    await team.say(MARIA, MARIA, "/vacation 03.11–05.11")

    sent = await team.sandbox.advance(EVENING)

    assert _digest(sent, IVAN, "Ваши итоги") is None
    assert _digest(sent, MARIA, "Ваши итоги") is None
    assert any("Доска продаж" in text for text in _to(sent, GROUP))


async def test_digest_sent_once_across_restart(team):
    await _ivan_reports(team)
    first = await team.sandbox.advance(EVENING)

    again = await team.sandbox.restart()
    later = await team.sandbox.advance(datetime(2026, 11, 3, 23, 0, tzinfo=MOSCOW))

    assert _digest(first, IVAN, "Ваши итоги") is not None
    assert _digest(again + later, IVAN, "Ваши итоги") is None
