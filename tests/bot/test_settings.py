"""/settings through the real Dispatcher: language, reminders and the head's team switch."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import Member, Team
from tests.bot.support import GROUP, HEAD, IVAN, Team as SandboxTeam


def _buttons(item: dict) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _press(team: SandboxTeam, user_id: int, item: dict, label: str) -> dict:
    update = team.sandbox.emulator.press_button(user_id, user_id, item["message_id"], _buttons(item)[label])
    await team.sandbox.feed(update)
    return next(message for message in team.sandbox.emulator.sent(user_id) if message["message_id"] == item["message_id"])


async def test_manager_switches_language_and_reminders(team):
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    assert "Напоминания об отчёте: включены" in shown["text"]
    assert "Показывать прогноз выплат в группе" not in _buttons(shown)

    english = await _press(team, IVAN, shown, "English")
    assert "Language: English" in english["text"]
    quiet = await _press(team, IVAN, english, "🔕 Turn reminders off")
    assert "Report reminders: off" in quiet["text"]

    async with team.sandbox.app.app.sessionmaker() as session:
        member = await session.scalar(select(Member).where(Member.telegram_user_id == IVAN))
    assert (member.locale, member.notify_reminders) == ("en", False)
    assert "Report for" in await team.say_one(IVAN, IVAN, "/report calls 3")


async def test_head_turns_pay_in_group_on(team):
    shown = (await team.sandbox.send(HEAD, HEAD, "/settings"))[0]
    assert "не показывается" in shown["text"]
    assert "Часовой пояс: Europe/Moscow (UTC+3)" in shown["text"]
    assert "Напоминание об отчёте: 17:00" in shown["text"]

    turned = await _press(team, HEAD, shown, "Показывать прогноз выплат в группе")

    assert "Прогноз выплат в постах группы: показывается" in turned["text"]
    async with team.sandbox.app.app.sessionmaker() as session:
        assert await session.scalar(select(Team.show_pay_in_group)) is True


async def test_settings_in_group_declined(team):
    reply = await team.say_one(GROUP, IVAN, "/settings")
    assert "в личном чате" in reply


async def test_pay_in_group_only_when_turned_on(team):
    from datetime import datetime

    from tests.bot.support import MOSCOW

    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    hidden = await team.sandbox.advance(datetime(2026, 11, 3, 19, 1, tzinfo=MOSCOW))
    shown = (await team.sandbox.send(HEAD, HEAD, "/settings"))[0]
    await _press(team, HEAD, shown, "Показывать прогноз выплат в группе")
    visible = await team.sandbox.advance(datetime(2026, 11, 5, 19, 1, tzinfo=MOSCOW))

    def board(items):
        return next(item["text"] for item in items if item["chat"]["id"] == GROUP and "Доска продаж" in item.get("text", ""))

    assert "Прогноз выплат" not in board(hidden)
    assert "Прогноз выплат при нынешнем темпе" in board(visible)
    assert "Иван — 50\u00a0000,00\u00a0₽" in board(visible)
