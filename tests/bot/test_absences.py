"""/vacation by managers: only from today on, with a note to the heads, and an absence can be taken back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db.models import Absence
from bot.sandbox import Sandbox
from tests.bot.support import HEAD, IVAN, MARIA, MOSCOW, make_team

NBSP = "\u00a0"
# Friday 27 November 2026.
LATE_NOVEMBER = datetime(2026, 11, 27, 12, 0, tzinfo=MOSCOW)


def _texts_in(items: list[dict], chat_id: int) -> list[str]:
    return [item.get("text", "") for item in items if item["chat"]["id"] == chat_id]


async def _stored(sandbox: Sandbox) -> list[tuple[str, str]]:
    async with sandbox.app.app.sessionmaker() as session:
        rows = await session.execute(select(Absence.first_day, Absence.last_day).order_by(Absence.first_day))
        return [(f"{first:%d.%m}", f"{last:%d.%m}") for first, last in rows]


async def test_manager_backdated_vacation_refused():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
        await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
        await team.say(IVAN, IVAN, "/report выручка 950 000")
        before = await team.say_one(HEAD, HEAD, "/payroll")

        refused = await sandbox.send(IVAN, IVAN, "/vacation 02.11–02.11")
        spanning = await sandbox.send(IVAN, IVAN, "/vacation 26.11–30.11")
        after = await team.say_one(HEAD, HEAD, "/payroll")
        stored = await _stored(sandbox)

    assert len(refused) == 1
    assert "Прошедшие дни отсутствия записывает руководитель" in refused[0]["text"]
    assert "начиная с сегодняшнего дня" in refused[0]["text"]
    assert "Прошедшие дни" in spanning[0]["text"]
    assert f"Итого по команде: 97{NBSP}500,00{NBSP}₽" in before
    assert after == before
    assert stored == []


async def test_manager_backdated_vacation_refused_in_english():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(IVAN, IVAN, "/language en")

        refused = await team.say_one(IVAN, IVAN, "/vacation 02.11–02.11")

    assert "Past days of absence are recorded by the head" in refused


async def test_head_records_past_absence():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})

        done = await team.say_one(HEAD, HEAD, f"/vacation @user{IVAN} 02.11–02.11")
        stored = await _stored(sandbox)

    assert "Отсутствие Иван с 02.11.2026 по 02.11.2026 записано" in done
    assert stored == [("02.11", "02.11")]


async def test_manager_vacation_from_today_tells_heads():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        moscow = (await team.say_one(HEAD, HEAD, "/invite Москва")).split("start=")[1].split()[0]
        await team.say(IVAN, IVAN, f"/start {moscow}")
        await team.say(MARIA, MARIA, f"/start {moscow}")
        await team.say(HEAD, HEAD, f"/role @user{MARIA} руководитель отдела")
        await team.say(MARIA, MARIA, "/language en")

        sent = await sandbox.send(IVAN, IVAN, "/vacation 27.11–04.12")

    assert "Отсутствие Иван с 27.11.2026 по 04.12.2026 записано" in _texts_in(sent, IVAN)[0]
    head_note = _texts_in(sent, HEAD)
    assert len(head_note) == 1
    assert "Иван записал(а) отсутствие с 27.11.2026 по 04.12.2026 (8 дней)" in head_note[0]
    assert "/vacation отмена" in head_note[0]
    department_note = _texts_in(sent, MARIA)
    assert len(department_note) == 1
    assert "Иван recorded an absence from 27 Nov 2026 to 4 Dec 2026 (8 days)" in department_note[0]


async def test_manager_cancels_own_upcoming_absence():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(IVAN, IVAN, "/vacation 10.12–20.12")

        sent = await sandbox.send(IVAN, IVAN, "/vacation отмена")
        stored = await _stored(sandbox)

    assert _texts_in(sent, IVAN) == ["Отсутствие Иван с 10.12.2026 по 20.12.2026 отменено."]
    assert "Иван отменил(а) отсутствие с 10.12.2026 по 20.12.2026" in _texts_in(sent, HEAD)[0]
    assert stored == []


async def test_manager_cancel_keeps_past_days():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/vacation @user{IVAN} 23.11–04.12")

        reply = _texts_in(await sandbox.send(IVAN, IVAN, "/vacation отмена 01.12"), IVAN)[0]
        stored = await _stored(sandbox)

    assert "отменено начиная с сегодняшнего дня" in reply
    assert "Дни до 26.11.2026 включительно остаются" in reply
    assert stored == [("23.11", "26.11")]


async def test_cancel_asks_which_of_several_and_explains_none():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        nothing = await team.say_one(IVAN, IVAN, "/vacation отмена")
        await team.say(IVAN, IVAN, "/vacation 10.12–20.12")
        await team.say(IVAN, IVAN, "/vacation 10.01.2027–20.01.2027")

        which = await team.say_one(IVAN, IVAN, "/vacation отмена")
        cancelled = _texts_in(await sandbox.send(IVAN, IVAN, "/vacation отмена 10.01.2027"), IVAN)
        stored = await _stored(sandbox)

    assert "Не нашёл отсутствия, которое можно отменить" in nothing
    assert "10.12.2026–20.12.2026, 10.01.2027–20.01.2027" in which
    assert "/vacation отмена 10.12" in which
    assert cancelled == ["Отсутствие Иван с 10.01.2027 по 20.01.2027 отменено."]
    assert stored == [("10.12", "20.12")]


async def test_head_cancels_managers_absence_in_english():
    async with Sandbox(LATE_NOVEMBER) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, "/language en")
        await team.say(HEAD, HEAD, f"/vacation @user{IVAN} 02.11–03.11")

        usage = await team.say_one(HEAD, HEAD, "/vacation cancel")
        done = await team.say_one(HEAD, HEAD, f"/vacation cancel @user{IVAN} 02.11")
        stored = await _stored(sandbox)

    assert "Name the manager" in usage
    assert done == "The absence of Иван from 2 Nov 2026 to 3 Nov 2026 is cancelled."
    assert stored == []
