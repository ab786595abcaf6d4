"""Disputes reach the department head too: either head may answer, the other learns it was answered."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.db.models import Dispute, DisputeStatus, Member
from bot.services import disputes
from bot.services.errors import UserError
from tests.bot.support import HEAD

ANNA = 504
DINA = 505
BORIS = 506


def _buttons(item: dict[str, Any]) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[dict[str, Any]]:
    return [item for item in sent if item["chat"]["id"] == chat_id]


async def _press(team, user_id: int, item: dict[str, Any], text: str) -> list[dict[str, Any]]:
    update = team.sandbox.emulator.press_button(user_id, user_id, item["message_id"], _buttons(item)[text])
    return await team.sandbox.feed(update)


async def _join(team, user_id: int, name: str, department: str) -> None:
    reply = await team.say_one(HEAD, HEAD, f"/invite {department}")
    token = reply.split("start=", 1)[1].split()[0]
    team.sandbox.emulator.add_private_chat(user_id, name, None, f"user{user_id}")
    await team.say(user_id, user_id, f"/start {token}")


async def _departments(team) -> None:
    """Anna and Dina in Север with Dina as its department head; Boris in Юг, which has none."""
    await _join(team, ANNA, "Анна", "Север")
    await _join(team, DINA, "Дина", "Север")
    await _join(team, BORIS, "Борис", "Юг")
    await team.say(HEAD, HEAD, f"/role @user{DINA} руководитель отдела")
    for user_id in (ANNA, BORIS):
        await team.say(HEAD, HEAD, f"/salary @user{user_id} 60 000")
        await team.say(user_id, user_id, "/report звонки 40 выручка 250к")


async def _dispute(team, user_id: int, button: str, reason: str) -> list[dict[str, Any]]:
    me = (await team.sandbox.send(user_id, user_id, "/me"))[0]
    await _press(team, user_id, me, button)
    return await team.sandbox.send(user_id, user_id, reason)


async def test_department_head_answers_and_head_is_told(team):
    await _departments(team)

    sent = await _dispute(team, ANNA, "Оспорить: Оклад", "Оклад не за все дни")

    assert "Спор № 1 отправлен руководителю команды и руководителю вашего отдела" in _to(sent, ANNA)[0]["text"]
    head_notice = _to(sent, HEAD)
    dina_notice = _to(sent, DINA)
    assert len(head_notice) == 1
    assert len(dina_notice) == 1
    assert "Спор № 1: Анна оспаривает строку расчёта за ноябрь 2026:" in dina_notice[0]["text"]
    assert list(_buttons(dina_notice[0])) == ["Ответить и закрыть", "Исправлено"]

    await _press(team, DINA, dina_notice[0], "Ответить и закрыть")
    answered = await team.sandbox.send(DINA, DINA, "Оклад посчитан с даты приёма")

    assert "Ответ отправлен. Спор № 1: закрыт с ответом." in _to(answered, DINA)[0]["text"]
    outcome = _to(answered, ANNA)[0]["text"]
    assert "Статус: закрыт с ответом." in outcome
    assert "Ответ: Оклад посчитан с даты приёма" in outcome
    told = _to(answered, HEAD)
    assert len(told) == 1
    assert "Спор № 1 (Анна) закрыт: ответ дал(а) Дина, статус «закрыт с ответом»." in told[0]["text"]
    assert "Ответ: Оклад посчитан с даты приёма" in told[0]["text"]

    late = await _press(team, HEAD, head_notice[0], "Исправлено")
    assert _to(late, HEAD)[0]["text"] == "Спор № 1 уже закрыт: закрыт с ответом."
    assert "закрыт с ответом" in await team.say_one(ANNA, ANNA, "/disputes")
    async with team.sandbox.app.app.sessionmaker() as session:
        dispute = await session.scalar(select(Dispute))
        dina = await session.scalar(select(Member).where(Member.telegram_user_id == DINA))
    assert (dispute.status, dispute.resolved_by_member_id) == (DisputeStatus.RESOLVED, dina.id)


async def test_head_answers_and_department_head_is_told(team):
    await _departments(team)
    sent = await _dispute(team, ANNA, "Оспорить: Премия", "Где премия?")
    head_notice = _to(sent, HEAD)[0]

    await _press(team, HEAD, head_notice, "Исправлено")
    answered = await team.sandbox.send(HEAD, HEAD, "План задан, премия пересчитана")

    assert "Статус: расчёт исправлен." in _to(answered, ANNA)[0]["text"]
    told = _to(answered, DINA)
    assert len(told) == 1
    assert "Спор № 1 (Анна) закрыт: ответ дал(а) Ольга Смирнова, статус «расчёт исправлен»." in told[0]["text"]


async def test_department_without_head_goes_to_head_only(team):
    await _departments(team)

    sent = await _dispute(team, BORIS, "Оспорить: Оклад", "Проверьте оклад")

    assert "Спор № 1 отправлен руководителю. Ответ придёт сюда" in _to(sent, BORIS)[0]["text"]
    assert len(_to(sent, HEAD)) == 1
    assert _to(sent, DINA) == []
    assert await team.say_one(DINA, DINA, "/disputes") == "Открытые споры по расчёту\nОткрытых споров нет."
    assert "Борис" in (await team.say(HEAD, HEAD, "/disputes"))[0]

    async with team.sandbox.app.app.sessionmaker() as session:
        dina = await session.scalar(select(Member).where(Member.telegram_user_id == DINA))
        with pytest.raises(UserError) as declined:
            await disputes.open_for_answer(session, dina, 1)
    assert declined.value.key == "dispute-error-head-only"


async def test_department_head_lists_department_disputes(team):
    await _departments(team)
    await _dispute(team, ANNA, "Оспорить: Оклад", "Оклад не за все дни")
    await _dispute(team, BORIS, "Оспорить: Оклад", "Проверьте оклад")

    listed = await team.say(DINA, DINA, "/disputes")

    assert "№ 1 от 03.11.2026 · Анна · ноябрь 2026" in listed[0]
    assert "Борис" not in listed[0]
    assert listed[1] == "Спор № 1 (Анна): выберите, как его закрыть, и напишите ответ."


async def test_english_department_head_answers(team):
    await _departments(team)
    await team.say(ANNA, ANNA, "/language en")
    await team.say(DINA, DINA, "/language en")

    sent = await _dispute(team, ANNA, "Dispute: Salary", "Salary is short")

    assert "Dispute No. 1 was sent to the team's head and to your department's head." in _to(sent, ANNA)[0]["text"]
    dina_notice = _to(sent, DINA)[0]
    assert "Dispute No. 1: Анна disputes a payslip line for November 2026:" in dina_notice["text"]
    assert "Анна оспаривает строку расчёта" in _to(sent, HEAD)[0]["text"]

    await _press(team, DINA, dina_notice, "Corrected")
    answered = await team.sandbox.send(DINA, DINA, "Fixed the hire date")

    assert "Status: pay corrected." in _to(answered, ANNA)[0]["text"]
    assert "Спор № 1 (Анна) закрыт: ответ дал(а) Дина, статус «расчёт исправлен»." in _to(answered, HEAD)[0]["text"]
