"""/deduct and /score under a published scheme: pay lines, private notices, refusals."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import AppliedDeduction, CriterionScore
from tests.bot.support import GROUP, HEAD, IVAN

NBSP = "\u00a0"

SCHEME = """
title = "Премия с KPI"
effective_from = "2026-11"
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "10 %" }]
[kpi]
pool = 10000
[[kpi.criteria]]
code = "no_complaints"
weight = "100 %"
[[deductions]]
code = "late_report"
title = "Отчёт сдан не вовремя"
amount = 500
"""


async def _publish(team) -> None:
    update = team.sandbox.emulator.send_document(HEAD, HEAD, "scheme.toml", SCHEME.encode())
    await team.sandbox.feed(update)


async def test_deduction_and_score_reach_payslip_and_manager(team):
    await _publish(team)
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(IVAN, IVAN, "/report выручка 100к")

    deducted = await team.sandbox.send(HEAD, HEAD, f"/deduct @user{IVAN} late_report Отчёт в 23:40")
    scored = await team.sandbox.send(HEAD, HEAD, f"/score @user{IVAN} no_complaints да Жалоб не было")

    notice = next(item["text"] for item in deducted if item["chat"]["id"] == IVAN)
    assert f"«Отчёт сдан не вовремя» — 500{NBSP}₽. Причина: Отчёт в 23:40" in notice
    assert "оклад не затрагивает" in notice
    assert any("оценил критерий" in item["text"] for item in scored if item["chat"]["id"] == IVAN)

    payroll = await team.say_one(HEAD, HEAD, "/payroll")
    # 50 000 salary + 10 % of 100 000 = 10 000 bonus + 10 000 KPI pool for "yes" - 500 = 69 500.
    assert f"Иван — 69{NBSP}500,00{NBSP}₽" in payroll
    assert f"-500,00{NBSP}₽" in payroll or f"−500,00{NBSP}₽" in payroll


async def test_deduction_never_below_zero_variable_pay(team):
    await _publish(team)
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/deduct @user{IVAN} late_report")

    payroll = await team.say_one(HEAD, HEAD, "/payroll")

    # No revenue and no KPI score: nothing variable to deduct from, and the salary stays whole.
    assert f"Иван — 50{NBSP}000,00{NBSP}₽" in payroll


async def test_unpublished_codes_and_wrong_places_refused(team):
    assert "нет списка депремирований" in await team.say_one(HEAD, HEAD, f"/deduct @user{IVAN} late_report")
    await _publish(team)
    assert "Доступны: late_report" in await team.say_one(HEAD, HEAD, f"/deduct @user{IVAN} smoking")
    assert "Доступны: no_complaints" in await team.say_one(HEAD, HEAD, f"/score @user{IVAN} crm да")
    assert "/score 12 no_complaints да" in await team.say_one(HEAD, HEAD, f"/score @user{IVAN} no_complaints может")
    assert "только руководителю" in await team.say_one(IVAN, IVAN, f"/deduct @user{IVAN} late_report")
    assert "в личном чате" in await team.say_one(GROUP, HEAD, f"/deduct @user{IVAN} late_report")


async def _stored_deductions(team) -> list[tuple[str, int | None, int | None]]:
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = await session.execute(
            select(AppliedDeduction.code, AppliedDeduction.source_chat_id, AppliedDeduction.source_message_id)
        )
        return [tuple(row) for row in rows]


async def test_redelivered_deduct_applied_once(team):
    await _publish(team)
    await team.say(IVAN, IVAN, "/report выручка 100к")
    first = await team.sandbox.send(HEAD, HEAD, f"/deduct @user{IVAN} late_report опоздал")
    update = team.sandbox.last_update

    again = await team.sandbox.feed(update)

    assert [item["text"] for item in again] == [item["text"] for item in first if item["chat"]["id"] == HEAD]
    assert not any(item["chat"]["id"] == IVAN for item in again)
    stored = await _stored_deductions(team)
    assert len(stored) == 1
    assert stored[0][1] == HEAD
    payroll = await team.say_one(HEAD, HEAD, "/payroll")
    assert payroll.count("Отчёт сдан не вовремя") == 1


async def test_second_deduct_message_applies_again(team):
    await _publish(team)
    await team.say(HEAD, HEAD, f"/deduct @user{IVAN} late_report первый раз")
    await team.say(HEAD, HEAD, f"/deduct @user{IVAN} late_report второй раз")

    assert len(await _stored_deductions(team)) == 2


async def test_redelivered_old_score_keeps_newer_verdict(team):
    await _publish(team)
    await team.say(IVAN, IVAN, "/report выручка 100к")
    await team.say(HEAD, HEAD, f"/score @user{IVAN} no_complaints да Жалоб не было")
    first_update = team.sandbox.last_update
    await team.say(HEAD, HEAD, f"/score @user{IVAN} no_complaints нет Жалоба от клиента")

    again = await team.sandbox.feed(first_update)

    assert not any(item["chat"]["id"] == IVAN for item in again)
    async with team.sandbox.app.app.sessionmaker() as session:
        score = await session.scalar(select(CriterionScore))
    assert score.passed is False
    assert score.reason == "Жалоба от клиента"
