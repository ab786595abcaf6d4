"""Disputes: a manager objects to a payslip line from /me, the head answers, both see the status."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.db.models import Dispute, Member
from bot.services import disputes
from bot.services.errors import UserError
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"


def _buttons(item: dict[str, Any]) -> dict[str, str]:
    """Map each inline button's text to its callback data."""
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


def _to(sent: list[dict[str, Any]], chat_id: int) -> list[dict[str, Any]]:
    return [item for item in sent if item["chat"]["id"] == chat_id]


async def _press(team, chat_id: int, user_id: int, item: dict[str, Any], text: str) -> list[dict[str, Any]]:
    update = team.sandbox.emulator.press_button(chat_id, user_id, item["message_id"], _buttons(item)[text])
    return await team.sandbox.feed(update)


async def _me(team, user_id: int) -> dict[str, Any]:
    sent = await team.sandbox.send(user_id, user_id, "/me")
    assert len(sent) == 1, sent
    return sent[0]


async def _salary_and_report(team) -> None:
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
    await team.say(IVAN, IVAN, "/report звонки 40 выручка 250к")


async def _open_dispute(team, reason: str) -> list[dict[str, Any]]:
    me = await _me(team, IVAN)
    await _press(team, IVAN, IVAN, me, "Оспорить: Оклад")
    return await team.sandbox.send(IVAN, IVAN, reason)


async def test_me_has_button_per_payslip_line(team):
    await _salary_and_report(team)

    me = await _me(team, IVAN)

    assert list(_buttons(me)) == ["Оспорить: Оклад", "Оспорить: Премия"]
    assert _buttons(me)["Оспорить: Оклад"] == "dl:2026-11:0:salary"


async def test_dispute_reaches_head_and_outcome_reaches_manager(team):
    await _salary_and_report(team)
    me = await _me(team, IVAN)

    prompt = await _press(team, IVAN, IVAN, me, "Оспорить: Оклад")
    assert "Вы оспариваете строку расчёта за ноябрь 2026:" in prompt[0]["text"]
    assert f"• Оклад: 60{NBSP}000{NBSP}₽ за полный месяц (20 рабочих дней) = 60{NBSP}000,00{NBSP}₽" in prompt[0]["text"]
    assert list(_buttons(prompt[0])) == ["Отмена"]

    sent = await team.sandbox.send(IVAN, IVAN, "Я работал и 2 ноября, прошу учесть <этот> день")
    to_ivan = _to(sent, IVAN)
    notice = _to(sent, HEAD)
    assert "Спор № 1 отправлен руководителю" in to_ivan[0]["text"]
    assert len(notice) == 1
    assert "Спор № 1: Иван оспаривает строку расчёта за ноябрь 2026:" in notice[0]["text"]
    assert "• Оклад: 60" in notice[0]["text"]
    assert "Причина: Я работал и 2 ноября, прошу учесть <этот> день" in notice[0]["text"]
    assert list(_buttons(notice[0])) == ["Ответить и закрыть", "Исправлено"]

    asked = await _press(team, HEAD, HEAD, notice[0], "Исправлено")
    assert "Напишите ответ по спору № 1 (Иван)" in asked[0]["text"]
    assert "«расчёт исправлен»" in asked[0]["text"]

    await team.sandbox.advance(datetime(2026, 11, 4, 9, 0, tzinfo=MOSCOW))
    answered = await team.sandbox.send(HEAD, HEAD, "Добавил день, проверьте /me")
    assert "Ответ отправлен. Спор № 1: расчёт исправлен." in _to(answered, HEAD)[0]["text"]
    outcome = _to(answered, IVAN)[0]["text"]
    assert "Руководитель рассмотрел ваш спор № 1 по строке расчёта за ноябрь 2026:" in outcome
    assert "Статус: расчёт исправлен." in outcome
    assert "Ответ: Добавил день, проверьте /me" in outcome

    async with team.sandbox.app.app.sessionmaker() as session:
        dispute = await session.scalar(select(Dispute))
    assert dispute.status == "corrected"
    assert dispute.line_kind == "salary"
    assert dispute.amount_kopecks == 6_000_000
    assert dispute.answer == "Добавил день, проверьте /me"
    assert dispute.resolved_at == datetime(2026, 11, 4, 9, 0, tzinfo=MOSCOW)


async def test_disputes_lists_open_for_head_and_own_for_manager(team):
    await _salary_and_report(team)
    await _open_dispute(team, "Оклад посчитан не за все дни")

    head_list = await team.say(HEAD, HEAD, "/disputes")
    assert "Открытые споры по расчёту" in head_list[0]
    assert "№ 1 от 03.11.2026 · Иван · ноябрь 2026" in head_list[0]
    assert "Причина: Оклад посчитан не за все дни" in head_list[0]
    assert "Спор № 1 (Иван): выберите, как его закрыть" in head_list[1]

    mine = await team.say_one(IVAN, IVAN, "/disputes")
    assert "№ 1 от 03.11.2026 · ноябрь 2026 — на рассмотрении" in mine

    others = await team.say_one(MARIA, MARIA, "/disputes")
    assert "Вы ещё ничего не оспаривали" in others


async def test_resolved_dispute_shows_answer_and_empties_head_list(team):
    await _salary_and_report(team)
    sent = await _open_dispute(team, "Почему премия ноль?")
    notice = _to(sent, HEAD)[0]
    await _press(team, HEAD, HEAD, notice, "Ответить и закрыть")
    await team.sandbox.send(HEAD, HEAD, "План ещё не задан, премия появится после него")

    mine = await team.say_one(IVAN, IVAN, "/disputes")
    assert "закрыт с ответом" in mine
    assert "Ответ руководителя: План ещё не задан, премия появится после него" in mine
    assert "Открытых споров нет." in await team.say_one(HEAD, HEAD, "/disputes")


async def test_closed_dispute_button_is_stale(team):
    await _salary_and_report(team)
    notice = _to(await _open_dispute(team, "Проверьте оклад"), HEAD)[0]
    await _press(team, HEAD, HEAD, notice, "Ответить и закрыть")
    await team.sandbox.send(HEAD, HEAD, "Всё верно")

    again = await _press(team, HEAD, HEAD, notice, "Исправлено")

    assert _to(again, HEAD)[0]["text"] == "Спор № 1 уже закрыт: закрыт с ответом."


async def test_second_dispute_on_same_line_declined(team):
    await _salary_and_report(team)
    await _open_dispute(team, "Первая причина")

    me = await _me(team, IVAN)
    replies = await _press(team, IVAN, IVAN, me, "Оспорить: Оклад")

    assert "уже есть открытый спор № 1" in replies[0]["text"]


async def test_button_from_last_month_is_stale(team):
    await _salary_and_report(team)
    me = await _me(team, IVAN)
    await team.sandbox.advance(datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW))

    replies = await _press(team, IVAN, IVAN, me, "Оспорить: Оклад")

    assert "Эта строка расчёта уже изменилась или начался новый месяц" in replies[-1]["text"]
    follow_up = await team.say_one(IVAN, IVAN, "просто текст")
    assert "Не понял сообщение" in follow_up


async def test_manager_cannot_answer_dispute(team):
    await _salary_and_report(team)
    await _open_dispute(team, "Проверьте оклад")

    async with team.sandbox.app.app.sessionmaker() as session:
        maria = await session.scalar(select(Member).where(Member.telegram_user_id == MARIA))
        with pytest.raises(UserError) as declined:
            await disputes.open_for_answer(session, maria, 1)

    assert declined.value.key == "dispute-error-head-only"


async def test_head_cannot_dispute_a_line(team):
    async with team.sandbox.app.app.sessionmaker() as session:
        head = await session.scalar(select(Member).where(Member.telegram_user_id == HEAD))
        with pytest.raises(UserError) as declined:
            await disputes.find_line(session, head, team.sandbox.clock.now(), "2026-11", 0, "salary")

    assert declined.value.key == "dispute-error-not-manager"


async def test_cancel_sends_nothing(team):
    await _salary_and_report(team)
    me = await _me(team, IVAN)
    prompt = (await _press(team, IVAN, IVAN, me, "Оспорить: Премия"))[0]

    await _press(team, IVAN, IVAN, prompt, "Отмена")
    after = await team.say_one(IVAN, IVAN, "передумал")

    edited = next(item for item in team.sandbox.emulator.sent(IVAN) if item["message_id"] == prompt["message_id"])
    assert edited["text"] == "Хорошо, ничего не отправлено."
    assert "Не понял сообщение" in after
    async with team.sandbox.app.app.sessionmaker() as session:
        assert await session.scalar(select(Dispute)) is None


async def test_too_long_reason_can_be_typed_again(team):
    await _salary_and_report(team)
    me = await _me(team, IVAN)
    await _press(team, IVAN, IVAN, me, "Оспорить: Оклад")

    too_long = await team.say_one(IVAN, IVAN, "а" * 1001)
    sent = await team.sandbox.send(IVAN, IVAN, "Коротко: не учтён день")

    assert too_long == (
        f"Текст слишком длинный: 1{NBSP}001 символ, можно не больше 1{NBSP}000. Сократите его и отправьте ещё раз."
    )
    assert "Спор № 1 отправлен" in _to(sent, IVAN)[0]["text"]


async def test_disputes_in_group_points_to_private(team):
    reply = await team.say_one(GROUP, IVAN, "/disputes")

    assert reply == "Споры по расчёту показываю только в личном чате: напишите мне /disputes там."


async def test_english_manager_disputes_and_reads_outcome(team):
    await _salary_and_report(team)
    await team.say(IVAN, IVAN, "/language en")
    me = await _me(team, IVAN)
    assert list(_buttons(me)) == ["Dispute: Salary", "Dispute: Bonus"]

    prompt = await _press(team, IVAN, IVAN, me, "Dispute: Bonus")
    assert "You are disputing a payslip line for November 2026:" in prompt[0]["text"]
    sent = await team.sandbox.send(IVAN, IVAN, "Where is my bonus?")
    assert "Dispute No. 1 was sent to the head" in _to(sent, IVAN)[0]["text"]
    notice = _to(sent, HEAD)[0]
    assert "Иван оспаривает строку расчёта" in notice["text"]
    assert "• Премия с выручки: план не задан" in notice["text"]

    await _press(team, HEAD, HEAD, notice, "Ответить и закрыть")
    answered = await team.sandbox.send(HEAD, HEAD, "The plan is not set yet")

    outcome = _to(answered, IVAN)[0]["text"]
    assert "The head reviewed your dispute No. 1" in outcome
    assert "Status: closed with an answer." in outcome
    assert "Answer: The plan is not set yet" in outcome
    mine = await team.say_one(IVAN, IVAN, "/disputes")
    assert "Your payslip disputes" in mine
    assert "closed with an answer" in mine


async def test_many_long_disputes_listed_in_parts():
    from bot.sandbox import Sandbox
    from tests.bot.support import START, make_team

    managers = [IVAN, MARIA, 504]
    reason = "Не согласен с расчётом. " * 40
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {user: f"Менеджер {user}" for user in managers})
        for user in managers:
            await team.say(HEAD, HEAD, f"/salary @user{user} 60 000")
            await team.say(user, user, "/report выручка 100к")
            for line in ("Оспорить: Оклад", "Оспорить: Премия"):
                await _press(team, user, user, await _me(team, user), line)
                await team.sandbox.send(user, user, reason)
        replies = await team.say(HEAD, HEAD, "/disputes")

    listed = [text for text in replies if "Причина:" in text]
    prompts = [text for text in replies if "выберите, как его закрыть" in text]
    assert len(listed) > 1
    assert all(len(text) <= 4096 for text in replies)
    assert sum(text.count("Причина:") for text in listed) == 6
    assert len(prompts) == 6
