"""Roles: observer and department head, handing the team over, switching a member off."""

from __future__ import annotations

from sqlalchemy import select, update

from bot.db.models import Member, Role
from tests.bot.support import GROUP, HEAD, IVAN, MARIA

NBSP = "\u00a0"


async def test_observer_reads_payroll_but_changes_nothing(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    assert "теперь наблюдатель" in await team.say_one(HEAD, HEAD, f"/role @user{MARIA} наблюдатель")

    payroll = await team.say_one(MARIA, MARIA, "/payroll")
    assert f"Иван — 50{NBSP}000,00{NBSP}₽" in payroll
    assert "Мария" not in payroll

    assert "только руководителю" in await team.say_one(MARIA, MARIA, f"/salary @user{IVAN} 90 000")
    assert "только руководителю" in await team.say_one(MARIA, MARIA, f"/plan @user{IVAN} выручка 1 млн")
    assert "Отчёты сдают менеджеры" in await team.say_one(MARIA, MARIA, "/report звонки 5")


async def test_observer_payroll_in_group_declined(team):
    await team.say(HEAD, HEAD, f"/role @user{MARIA} наблюдатель")
    reply = await team.say_one(GROUP, MARIA, "/payroll")
    assert "только в личном чате" in reply


async def test_department_head_sees_own_department_only(team):
    corporate = (await team.say_one(HEAD, HEAD, "/invite Корпоративный")).split("start=")[1].split()[0]
    retail = (await team.say_one(HEAD, HEAD, "/invite Розница")).split("start=")[1].split()[0]
    await team.say(IVAN, IVAN, f"/start {corporate}")
    await team.say(MARIA, MARIA, f"/start {retail}")
    await team.say(HEAD, HEAD, f"/role @user{MARIA} руководитель отдела")

    payroll = await team.say_one(MARIA, MARIA, "/payroll")
    assert "Иван" not in payroll

    declined = await team.say_one(MARIA, MARIA, f"/plan @user{IVAN} выручка 1 млн")
    assert "работает в другом отделе" in declined


async def test_transfer_needs_confirmation_then_hands_over(team):
    warning = await team.say_one(HEAD, HEAD, f"/transfer @user{MARIA}")
    assert f"/transfer @user{MARIA} подтверждаю" in warning

    done = await team.say_one(HEAD, HEAD, f"/transfer @user{MARIA} подтверждаю")
    assert "руководитель команды теперь Мария" in done

    assert "только руководителю" in await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 1000")
    # The new head's reply, and the manager's private note of the salary.
    salary_set, salary_notice = sorted(await team.say(MARIA, MARIA, f"/salary @user{IVAN} 1000"), reverse=True)
    assert "Оклад установлен: Иван — 1\u00a0000,00" in salary_set
    assert "Ваш оклад с ноября 2026: 1\u00a0000,00" in salary_notice
    assert "Расчёт выплат" in await team.say_one(HEAD, HEAD, "/payroll")


async def test_deactivated_member_keeps_history_and_can_return(team):
    await team.say(IVAN, IVAN, "/report звонки 5")
    assert "отключён" in await team.say_one(HEAD, HEAD, f"/deactivate @user{IVAN}")

    assert "не состоите ни в одной команде" in await team.say_one(IVAN, IVAN, "/report звонки 6")
    # He reported this month, so this month's payroll still pays him, up to Tuesday 3 November.
    payroll = await team.say_one(HEAD, HEAD, "/payroll")
    assert "Иван — 0,00" in payroll
    assert "2 рабочих дня из 20" in payroll
    assert "Иван" not in await team.say_one(HEAD, HEAD, "/top")

    assert "Добро пожаловать" in await team.say_one(IVAN, IVAN, f"/start {team.invite}")
    assert "Звонки: 5" in await team.say_one(IVAN, IVAN, "/me")


async def test_manager_cannot_change_roles(team):
    reply = await team.say_one(IVAN, IVAN, f"/role @user{MARIA} наблюдатель")
    assert "только руководителю" in reply


async def test_role_usage_on_unknown_role(team):
    reply = await team.say_one(HEAD, HEAD, f"/role @user{MARIA} директор")
    assert "Роли: менеджер, наблюдатель" in reply


async def _department_link(team, name: str) -> str:
    return (await team.say_one(HEAD, HEAD, f"/invite {name}")).split("start=")[1].split()[0]


async def test_department_head_role_needs_a_department(team):
    moscow = await _department_link(team, "Москва")
    await team.say(IVAN, IVAN, f"/start {moscow}")
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 80 000")

    refused = await team.say_one(HEAD, HEAD, f"/role @user{MARIA} руководитель отдела")

    assert "Мария пока не состоит ни в одном отделе" in refused
    assert "/invite Название отдела" in refused
    async with team.sandbox.app.app.sessionmaker() as session:
        maria = await session.scalar(select(Member).where(Member.telegram_user_id == MARIA))
    assert maria.role == Role.MANAGER
    # Maria stays a manager: pay stays closed to her.
    assert "показываю только руководителю" in await team.say_one(MARIA, MARIA, "/payroll")


async def test_department_head_role_refused_in_english(team):
    await team.say(HEAD, HEAD, "/language en")

    refused = await team.say_one(HEAD, HEAD, f"/role @user{MARIA} department head")

    assert "Мария is not in any department yet" in refused
    assert "/invite Department name" in refused


async def test_department_head_after_joining_department(team):
    moscow = await _department_link(team, "Москва")
    await team.say(MARIA, MARIA, f"/start {moscow}")

    assert "теперь руководитель отдела" in await team.say_one(HEAD, HEAD, f"/role @user{MARIA} руководитель отдела")


async def test_department_head_without_department_sees_only_self(team):
    """A department head left without a department (stored before the role check) reads nobody's pay."""
    moscow = await _department_link(team, "Москва")
    await team.say(IVAN, IVAN, f"/start {moscow}")
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 80 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 2 млн")
    async with team.sandbox.app.app.sessionmaker() as session:
        await session.execute(update(Member).where(Member.telegram_user_id == MARIA).values(role=Role.DEPARTMENT_HEAD))
        await session.commit()

    payroll = await team.say_one(MARIA, MARIA, "/payroll")
    members = await team.say_one(MARIA, MARIA, "/team")
    history = await team.say_one(MARIA, MARIA, "/plan история")
    refused = await team.say_one(MARIA, MARIA, f"/plan @user{IVAN} выручка 1 млн")

    assert "Иван" not in payroll
    assert f"80{NBSP}000" not in payroll
    assert "Иван" not in members
    assert "Мария" in members
    assert "Иван" not in history
    assert "работает в другом отделе" in refused
