"""Plans: versions, the manager's notice and confirmation, and the history a head reads."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from bot.db.models import Member, PlanVersion
from bot.services import teams
from bot.services.errors import UserError
from tests.bot.support import HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"


def _confirm_button(item: dict) -> str:
    return item["reply_markup"]["inline_keyboard"][0][0]["callback_data"]


async def test_new_plan_notifies_manager_who_confirms(team):
    sent = await team.sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")

    to_head = [item for item in sent if item["chat"]["id"] == HEAD]
    notice = next(item for item in sent if item["chat"]["id"] == IVAN)
    assert "(версия 1)" in to_head[0]["text"]
    assert f"Вам назначен план на ноябрь 2026: Выручка — 1{NBSP}000{NBSP}000{NBSP}₽" in notice["text"]

    await team.sandbox.advance(datetime(2026, 11, 3, 11, 30, tzinfo=MOSCOW))
    update = team.sandbox.emulator.press_button(IVAN, IVAN, notice["message_id"], _confirm_button(notice))
    await team.sandbox.feed(update)

    edited = next(item for item in team.sandbox.emulator.sent(IVAN) if item["message_id"] == notice["message_id"])
    assert "Подтверждено 03.11.2026" in edited["text"]
    async with team.sandbox.app.app.sessionmaker() as session:
        version = await session.scalar(select(PlanVersion))
    assert version.confirmed_at == datetime(2026, 11, 3, 11, 30, tzinfo=MOSCOW)


async def test_changed_plan_keeps_versions_and_old_button_is_outdated(team):
    first = [item for item in await team.sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн") if item["chat"]["id"] == IVAN][0]
    second = [item for item in await team.sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 1,2 млн") if item["chat"]["id"] == IVAN][0]
    same = await team.sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 200 000")

    assert f"(было 1{NBSP}000{NBSP}000{NBSP}₽)" in second["text"]
    assert len(same) == 1
    assert "Ничего не изменилось" in same[0]["text"]

    update = team.sandbox.emulator.press_button(IVAN, IVAN, first["message_id"], _confirm_button(first))
    replies = await team.sandbox.feed(update)
    assert any("Этот план уже изменён" in item["text"] for item in replies)

    history = await team.say_one(HEAD, HEAD, "/plan история")
    assert f"Выручка: 1{NBSP}000{NBSP}000{NBSP}₽ — версия 1 от 03.11.2026, поставил(а) Ольга Смирнова, не подтверждено" in history
    assert f"Выручка: 1{NBSP}200{NBSP}000{NBSP}₽ — версия 2" in history


async def test_manager_cannot_confirm_someone_elses_plan(team):
    await team.sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} звонки 400")
    async with team.sandbox.app.app.sessionmaker() as session:
        version = await session.scalar(select(PlanVersion))
        maria = await session.scalar(select(Member).where(Member.telegram_user_id == MARIA))
        with pytest.raises(UserError) as declined:
            await teams.confirm_plan(session, maria, version.id, team.sandbox.clock.now())

    assert declined.value.key == "plan-confirm-error-unknown"
