"""The guided report form through the real Dispatcher: buttons, typed values, expiry, restarts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select

from bot.db.models import FsmState, ReportValue, ReportVersion
from bot.sandbox import Sandbox
from tests.bot.support import IVAN, MOSCOW, Team, make_team

NBSP = "\u00a0"


def _buttons(item: dict) -> dict[str, str]:
    """Button text -> callback data of a bot message."""
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _press(team: Team, item: dict, label: str) -> list[dict]:
    data = _buttons(item)[label]
    update = team.sandbox.emulator.press_button(IVAN, IVAN, item["message_id"], data)
    return await team.sandbox.feed(update)


async def _stored(team: Team) -> dict[str, int]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())


async def test_form_walks_steps_and_saves(team):
    prompt = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    assert "шаг 1 из 8" in prompt["text"]
    assert "Сколько звонков" in prompt["text"]
    assert "« Назад" not in _buttons(prompt)

    step2 = (await team.sandbox.send(IVAN, IVAN, "40"))[0]
    assert "шаг 2 из 8" in step2["text"]
    assert "Звонки: 40" in step2["text"]

    await _press(team, step2, "Пропустить »")
    step3 = team.sandbox.emulator.sent(IVAN)[-1]
    assert "Сколько встреч" in step3["text"]
    step4 = (await team.sandbox.send(IVAN, IVAN, "3"))[0]
    await _press(team, step4, "« Назад")
    back = team.sandbox.emulator.sent(IVAN)[-1]
    assert "Сейчас указано: 3" in back["text"]

    # Back on step 3 (meetings): six skips pass steps 3 to 8, and skipping drops the 3 meetings.
    current = back
    for _ in range(6):
        await _press(team, current, "Пропустить »")
        current = team.sandbox.emulator.sent(IVAN)[-1]
    assert "Проверьте отчёт за 03.11.2026" in current["text"]
    assert "Звонки: 40" in current["text"]
    assert "Встречи" not in current["text"]

    assert await _stored(team) == {}
    await _press(team, current, "✅ Сохранить отчёт")
    saved = team.sandbox.emulator.sent(IVAN)[-1]["text"]
    assert "Отчёт за 03.11.2026 сохранён" in saved
    assert await _stored(team) == {"calls": 40}


async def test_form_bad_number_keeps_step(team):
    await team.sandbox.send(IVAN, IVAN, "/report")
    reply = (await team.sandbox.send(IVAN, IVAN, "сорок"))[0]["text"]
    assert "«сорок» — не число" in reply
    assert "Звонки" in reply
    step = (await team.sandbox.send(IVAN, IVAN, "-5"))[0]["text"]
    assert "не может быть отрицательным" in step
    ok = (await team.sandbox.send(IVAN, IVAN, "45"))[0]["text"]
    assert "шаг 2 из 8" in ok


async def test_old_keyboard_is_expired(team):
    first = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    await team.sandbox.send(IVAN, IVAN, "/report")
    sent = await _press(team, first, "Пропустить »")

    assert any("Форма отчёта устарела" in item.get("text", "") for item in sent)
    assert "Заполнить заново" in _buttons(sent[-1])
    answers = team.sandbox.emulator.calls("answerCallbackQuery")
    assert answers


async def test_cancel_stores_nothing(team):
    prompt = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    await team.sandbox.send(IVAN, IVAN, "40")
    step2 = team.sandbox.emulator.sent(IVAN)[-1]
    await _press(team, step2, "Отменить")
    assert "отменено" in team.sandbox.emulator.sent(IVAN)[-1]["text"]
    assert prompt["message_id"] != step2["message_id"]
    assert await _stored(team) == {}
    hint = (await team.sandbox.send(IVAN, IVAN, "5"))[0]["text"]
    assert "Не понял сообщение" in hint


async def test_lost_state_never_stores_typed_number(team):
    prompt = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    async with team.sandbox.app.app.sessionmaker() as session:
        await session.execute(delete(FsmState))
        await session.commit()

    hint = (await team.sandbox.send(IVAN, IVAN, "40"))[0]["text"]
    pressed = await _press(team, prompt, "Пропустить »")

    assert "Не понял сообщение" in hint
    assert "Форма отчёта устарела" in pressed[-1]["text"]
    assert await _stored(team) == {}


async def test_form_survives_restart(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}"
    start = datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)
    async with Sandbox(start, database_url=url) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.sandbox.send(IVAN, IVAN, "/report")
        await team.sandbox.send(IVAN, IVAN, "40")

    async with Sandbox(start, database_url=url) as restarted:
        restarted.emulator.add_private_chat(IVAN, "Иван", None, f"user{IVAN}")
        reply = (await restarted.send(IVAN, IVAN, "5"))[0]["text"]

    # The state says step 2 is open, so "5" is the number of proposals, not of calls.
    assert "Звонки: 40" in reply
    assert "КП: 5" in reply
    assert "шаг 3 из 8" in reply


async def test_form_keeps_values_reported_earlier_that_day(team):
    await team.say(IVAN, IVAN, "/report выручка 250к звонки 10")
    current = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    current = (await team.sandbox.send(IVAN, IVAN, "40"))[0]
    for _ in range(7):
        await _press(team, current, "Пропустить »")
        current = team.sandbox.emulator.sent(IVAN)[-1]
    assert "Звонки: 40" in current["text"]
    assert f"Выручка: 250{NBSP}000{NBSP}₽ (без изменений)" in current["text"]
    assert "остаются такими, какими уже были" in current["text"]

    await _press(team, current, "✅ Сохранить отчёт")

    assert await _stored_versions(team) == [{"revenue": 25_000_000, "calls": 10}, {"revenue": 25_000_000, "calls": 40}]
    me = await team.say_one(IVAN, IVAN, "/me")
    assert f"Выручка: 250{NBSP}000{NBSP}₽" in me


async def test_form_summary_marks_kept_values_in_english(team):
    await team.say(IVAN, IVAN, "/language en")
    await team.say(IVAN, IVAN, "/report revenue 100k")
    current = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    current = (await team.sandbox.send(IVAN, IVAN, "5"))[0]
    for _ in range(7):
        skip = next(label for label in _buttons(current) if "Skip" in label)
        await _press(team, current, skip)
        current = team.sandbox.emulator.sent(IVAN)[-1]

    assert f"Revenue: RUB{NBSP}100,000 (unchanged)" in current["text"]
    assert "keep the values the day's report already has" in current["text"]


async def _stored_versions(team: Team) -> list[dict[str, int]]:
    """The values of every stored version of the day, oldest first."""
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = (
            await session.execute(
                select(ReportVersion.version, ReportValue.metric, ReportValue.value)
                .join(ReportValue, ReportValue.version_id == ReportVersion.id)
                .order_by(ReportVersion.version)
            )
        ).all()
    versions: dict[int, dict[str, int]] = {}
    for version, metric, value in rows:
        versions.setdefault(version, {})[metric] = value
    return list(versions.values())
