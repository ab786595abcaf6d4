"""Contests: the head creates hungry games, department or custom contests; everyone reads the standings."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.db.models import Contest
from tests.bot.support import GROUP, HEAD, IVAN, MARIA

NBSP = "\u00a0"
ANNA = 504
BORIS = 505
EXAMPLE = "/contest 01.12–31.12 звонки приз 10 000"


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[str]:
    return [item["text"] for item in sent if item["chat"]["id"] == chat_id]


async def _contest_count(team) -> int:
    async with team.sandbox.app.app.sessionmaker() as session:
        return len(list(await session.scalars(select(Contest))))


async def _join_department(team, user_id: int, name: str, department: str) -> None:
    reply = await team.say_one(HEAD, HEAD, f"/invite {department}")
    token = reply.split("start=", 1)[1].split()[0]
    team.sandbox.emulator.add_private_chat(user_id, name, None, f"user{user_id}")
    await team.say(user_id, user_id, f"/start {token}")


async def test_hungry_games_announced_and_ranked(team):
    await team.say(HEAD, HEAD, f"/hired @user{IVAN} 01.10.2026")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")
    await team.say(HEAD, HEAD, f"/plan @user{MARIA} выручка 2 млн")
    await team.say(IVAN, IVAN, "/report выручка 500к")
    await team.say(MARIA, MARIA, "/report выручка 500к")

    sent = await team.sandbox.send(HEAD, HEAD, "/contest голодные игры")

    assert _to(sent, HEAD) == [
        "Соревнование создано и объявлено в группе: № 1. Голодные игры: новички против старожилов — ноябрь 2026"
    ]
    announcement = _to(sent, GROUP)[0]
    assert "🏁 Новое соревнование! № 1. Голодные игры" in announcement
    assert "работает меньше 3 месяцев, остальные — старожилы" in announcement
    assert "Таблица — по команде /contest." in announcement

    standings = await team.say_one(GROUP, MARIA, "/contest")
    assert "Новички — стаж меньше 3 месяцев на 1-е число месяца." in standings
    assert f"1. Новички — 50{NBSP}% (выручка 500{NBSP}000{NBSP}₽ из 1{NBSP}000{NBSP}000{NBSP}₽, 1 менеджер)" in standings
    assert f"2. Старожилы — 25{NBSP}% (выручка 500{NBSP}000{NBSP}₽ из 2{NBSP}000{NBSP}000{NBSP}₽, 1 менеджер)" in standings


async def test_department_contest_ranks_departments(team):
    await _join_department(team, ANNA, "Анна", "Север")
    await _join_department(team, BORIS, "Борис", "Юг")
    await team.say(HEAD, HEAD, f"/plan @user{ANNA} выручка 100к")
    await team.say(HEAD, HEAD, f"/plan @user{BORIS} выручка 400к")
    await team.say(ANNA, ANNA, "/report выручка 90к")
    await team.say(BORIS, BORIS, "/report выручка 200к")

    sent = await team.sandbox.send(HEAD, HEAD, "/contest отделы")
    standings = await team.say_one(HEAD, HEAD, "/contest")

    assert "у отдела с большими планами нет форы" in _to(sent, GROUP)[0]
    assert standings.startswith("№ 1. Соревнование отделов — ноябрь 2026")
    assert f"1. Север — 90{NBSP}% (выручка 90{NBSP}000{NBSP}₽ из 100{NBSP}000{NBSP}₽, 1 менеджер)" in standings
    assert f"2. Юг — 50{NBSP}%" in standings


async def test_department_contest_needs_two_departments(team):
    reply = await team.say_one(HEAD, HEAD, "/contest отделы")

    assert reply.startswith("Для соревнования отделов нужно хотя бы два отдела, а в команде 0.")
    assert await _contest_count(team) == 0


async def test_custom_contest_tied_places_share_prizes(team):
    await team.say(IVAN, IVAN, "/report звонки 40")
    await team.say(MARIA, MARIA, "/report звонки 40")

    sent = await team.sandbox.send(HEAD, HEAD, "/contest 01.11–30.11 звонки приз 10 000 / 5 000")
    standings = await team.say_one(IVAN, IVAN, "/contest")

    announcement = _to(sent, GROUP)[0]
    assert "№ 1. Кто больше: Звонки, 01.11.2026 – 30.11.2026" in announcement
    assert f"• 1 место — 10{NBSP}000{NBSP}₽" in announcement
    assert f"• 2 место — 5{NBSP}000{NBSP}₽" in announcement
    assert "делят место и призы занятых ими мест поровну" in announcement
    assert f"1. Иван — 40, приз 7{NBSP}500{NBSP}₽" in standings
    assert f"1. Мария — 40, приз 7{NBSP}500{NBSP}₽" in standings


async def test_upcoming_contest_listed_as_not_started(team):
    await team.say(HEAD, HEAD, "/contest 01.12–31.12 сделки")

    standings = await team.say_one(GROUP, IVAN, "/contest")

    assert "№ 1. Кто больше: Сделки, 01.12.2026 – 31.12.2026" in standings
    assert "Начнётся 01.12.2026." in standings


async def test_no_contests_message(team):
    reply = await team.say_one(GROUP, IVAN, "/contest")

    assert reply == "Сейчас соревнований нет. Руководитель запускает их командой /contest, подробности — в /help."


async def test_manager_cannot_create_contest(team):
    reply = await team.say_one(IVAN, IVAN, "/contest голодные игры")

    assert reply == "Создать соревнование может только руководитель команды. Идущие соревнования — /contest без слов."
    assert await _contest_count(team) == 0


async def test_creation_in_group_points_to_private(team):
    reply = await team.say_one(GROUP, HEAD, "/contest голодные игры")

    assert reply.startswith("Соревнования создаются в личном чате со мной. Напишите мне, например: " + EXAMPLE)
    assert await _contest_count(team) == 0


async def test_second_hungry_games_same_month_rejected(team):
    await team.say(HEAD, HEAD, "/contest голодные игры")

    reply = await team.say_one(HEAD, HEAD, "/contest голодные игры")

    assert reply == "Голодные игры на этот месяц уже идут (№ 1). Таблица — /contest."
    assert await _contest_count(team) == 1


async def test_custom_contest_bad_inputs(team):
    cases = {
        "/contest 01.12–31.12 обеды": "Не знаю показатель «обеды».",
        "/contest 31.12–01.12 звонки": "Конец периода (01.12) раньше начала (31.12).",
        "/contest 30.02–31.03 звонки": "Даты «30.02» не существует.",
        "/contest 01.01–31.01 звонки": "Период 01.01 – 31.01 уже прошёл. Для следующего года укажите год, например: /contest 01.01.2027–31.01.2027 звонки",
        "/contest 01.12–31.12": "Укажите показатель после дат",
        "/contest 01.12–31.12 звонки приз много": "Не понял приз «много».",
        "/contest кто больше": "Не понял, какое соревнование создать.",
    }
    for text, expected in cases.items():
        reply = await team.say_one(HEAD, HEAD, text)
        assert expected in reply, text
        assert EXAMPLE in reply or "/contest 01.01.2027" in reply or "приз 10 000 / 5 000" in reply, text

    assert await _contest_count(team) == 0


async def test_english_head_creates_contest(team):
    await team.say(HEAD, HEAD, "/language en")
    await team.say(IVAN, IVAN, "/language en")
    await team.say(IVAN, IVAN, "/report calls 12")

    sent = await team.sandbox.send(HEAD, HEAD, "/contest 01.11–30.11 calls prize 10 000")
    standings = await team.say_one(IVAN, IVAN, "/contest")
    bad = await team.say_one(HEAD, HEAD, "/contest 01.12–31.12 lunches")

    assert _to(sent, HEAD) == ["Contest created and announced in the group: No. 1. Most Calls, 1 Nov 2026 – 30 Nov 2026"]
    assert "Кто больше: Звонки" in _to(sent, GROUP)[0]
    assert standings.startswith("No. 1. Most Calls, 1 Nov 2026 – 30 Nov 2026")
    assert f"1. Иван — 12, prize RUB{NBSP}10,000" in standings
    assert "2. Мария — 0" in standings
    assert bad.startswith('Unknown metric “lunches”. Available: calls, proposals')
