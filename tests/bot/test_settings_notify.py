"""/settings switches for optional private messages, and the scheduler honouring them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.db.models import Member
from bot.services import notifications
from tests.bot.support import HEAD, IVAN, MARIA, MOSCOW


def _buttons(item: dict[str, Any]) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _press(team, user_id: int, item: dict[str, Any], label: str) -> dict[str, Any]:
    update = team.sandbox.emulator.press_button(user_id, user_id, item["message_id"], _buttons(item)[label])
    await team.sandbox.feed(update)
    return next(message for message in team.sandbox.emulator.sent(user_id) if message["message_id"] == item["message_id"])


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[str]:
    return [item.get("text", item.get("caption", "")) for item in sent if item["chat"]["id"] == chat_id]


async def test_manager_sees_switches_and_pay_messages_note(team):
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]

    assert "Напоминания об отчёте: включены" in shown["text"]
    assert "Личное сообщение о победе в соревновании: включено" in shown["text"]
    assert "Грамота за месяц в личном чате: включена" in shown["text"]
    assert "Вечерняя сводка: прогноз выплаты и сколько осталось до плана — включена" in shown["text"]
    assert "Вечерний список" not in shown["text"]
    assert "депремирования, оценки KPI и ответы на споры касаются вашей оплаты, поэтому приходят всегда" in shown["text"]
    assert list(_buttons(shown)) == [
        "Русский", "English", "🔕 Выключить напоминания", "🔕 Не присылать вечернюю сводку",
        "🔕 Не сообщать о победах в соревнованиях",
        "🔕 Не присылать грамоты",
    ]

    off = await _press(team, IVAN, shown, "🔕 Не присылать грамоты")

    assert "Грамота за месяц в личном чате: выключена" in off["text"]
    assert "🔔 Присылать грамоты" in _buttons(off)
    async with team.sandbox.app.app.sessionmaker() as session:
        ivan = await session.scalar(select(Member).where(Member.telegram_user_id == IVAN))
    assert (ivan.notify_reminders, ivan.notify_contests, ivan.notify_awards) == (True, True, False)


async def test_english_manager_switches_contests_off(team):
    await team.say(MARIA, MARIA, "/language en")
    shown = (await team.sandbox.send(MARIA, MARIA, "/settings"))[0]
    assert "Plan changes, deductions, KPI scores and dispute answers concern your pay, so they always arrive." in shown["text"]

    off = await _press(team, MARIA, shown, "🔕 Don't tell me about contest wins")

    assert "Private message when you win a contest: off" in off["text"]
    assert "Report reminders: on" in off["text"]
    async with team.sandbox.app.app.sessionmaker() as session:
        maria = await session.scalar(select(Member).where(Member.telegram_user_id == MARIA))
    assert maria.notify_contests is False


async def test_head_switches_missing_report_note(team):
    shown = (await team.sandbox.send(HEAD, HEAD, "/settings"))[0]
    assert "Вечерний список тех, кто не сдал отчёт: включён" in shown["text"]
    assert "Напоминания об отчёте" not in shown["text"]
    assert "Новые споры и расчёт выплат при закрытии месяца касаются оплаты команды" in shown["text"]

    tuesday = await team.sandbox.advance(datetime(2026, 11, 3, 20, 0, tzinfo=MOSCOW))
    assert [text for text in _to(tuesday, HEAD) if "Отчёт за 03.11.2026 до сих пор не сдали" in text]

    await _press(team, HEAD, shown, "🔕 Не присылать список не сдавших отчёт")
    thursday = await team.sandbox.advance(datetime(2026, 11, 5, 20, 0, tzinfo=MOSCOW))

    assert not [text for text in _to(thursday, HEAD) if "до сих пор не сдали" in text]


async def test_switch_for_other_role_ignored(team):
    async with team.sandbox.app.app.sessionmaker() as session:
        ivan = await session.scalar(select(Member).where(Member.telegram_user_id == IVAN))
        changed = await notifications.set_notification(session, ivan, "headnote", False)
        unknown = await notifications.set_notification(session, ivan, "weather", False)

    assert (changed, unknown) == (False, False)
    assert ivan.notify_head_notes is True


async def test_reminders_off_honoured_by_scheduler(team):
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    await _press(team, IVAN, shown, "🔕 Выключить напоминания")

    reminders = await team.sandbox.advance(datetime(2026, 11, 3, 17, 30, tzinfo=MOSCOW))

    assert _to(reminders, IVAN) == []
    assert len(_to(reminders, MARIA)) == 1
    assert "Мария" in _to(reminders, MARIA)[0]


async def test_awards_off_keeps_certificate_private_copy_away(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(IVAN, IVAN, "/report выручка 150к")
    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    await _press(team, IVAN, shown, "🔕 Не присылать грамоты")

    close = await team.sandbox.advance(datetime(2026, 12, 1, 12, 0, tzinfo=MOSCOW))

    group_photos = [item for item in close if item["chat"]["id"] < 0 and "photo" in item]
    assert group_photos, "the group still gets the manager of the month's certificate"
    assert [item for item in close if item["chat"]["id"] == IVAN and "photo" in item] == []
