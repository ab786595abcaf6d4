"""The team setup wizard through the real Dispatcher: typed and button values, errors, navigation, expiry."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

from sqlalchemy import delete, select

from bot.db.models import FsmState, Team
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, OUTSIDER, START, Team as SandboxTeam, make_team

NBSP = "\u00a0"


def _buttons(item: dict) -> dict[str, str]:
    """Button text -> callback data (or URL) of a bot message."""
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button.get("callback_data") or button.get("url") for row in rows for button in row}


def _message(team: SandboxTeam, user_id: int, message_id: int) -> dict:
    return next(item for item in team.sandbox.emulator.sent(user_id) if item["message_id"] == message_id)


async def _press(team: SandboxTeam, user_id: int, item: dict, label: str) -> dict:
    """Press a button and return the same message as it reads afterwards."""
    update = team.sandbox.emulator.press_button(user_id, user_id, item["message_id"], _buttons(item)[label])
    await team.sandbox.feed(update)
    return _message(team, user_id, item["message_id"])


async def _type(team: SandboxTeam, text: str, user_id: int = HEAD) -> dict:
    replies = await team.sandbox.send(user_id, user_id, text)
    assert len(replies) == 1, replies
    return replies[0]


async def _team_row(team: SandboxTeam) -> Team:
    async with team.sandbox.app.app.sessionmaker() as session:
        row = await session.scalar(select(Team))
    assert row is not None
    return row


async def test_group_setup_offers_wizard_button(team):
    reply = (await team.sandbox.send(GROUP, HEAD, "/setup"))[0]

    assert f"start={team.invite}" in reply["text"]
    assert "нажмите «Настроить команду»" in reply["text"]
    assert _buttons(reply)["⚙️ Настроить команду"].endswith("?start=setup")


async def test_wizard_typed_values_saved(team):
    step = await _type(team, "/start setup")
    assert "шаг 1 из 7" in step["text"]
    assert "Сейчас: Отдел продаж" in step["text"]
    assert "« Назад" not in _buttons(step)

    step = await _type(team, "  Север  ")
    assert "шаг 2 из 7" in step["text"]
    assert "Москва (UTC+3)" in _buttons(step)
    step = await _type(team, "asia/yekaterinburg")
    assert "шаг 3 из 7" in step["text"]
    step = await _type(team, "kz")
    assert "До какого времени менеджеры сдают отчёт" in step["text"]
    step = await _type(team, "18:30")
    assert "раньше срока сдачи (18:30)" in step["text"]
    step = await _type(team, "17:45")
    step = await _type(team, "20:15")
    assert "шаг 7 из 7" in step["text"]
    summary = await _type(team, "byn")

    text = summary["text"]
    assert "Проверьте настройки команды" in text
    assert "Название: Север (было: Отдел продаж)" in text
    assert "Часовой пояс: Asia/Yekaterinburg (UTC+5) (было: Europe/Moscow (UTC+3))" in text
    assert "Производственный календарь: Казахстан (KZ) (было: Россия (RU))" in text
    assert "Срок сдачи отчёта: 18:30 (было: 18:00)" in text
    assert "Напоминание об отчёте: 17:45 (было: 17:00)" in text
    assert "Доска продаж в группе: 20:15 (было: 19:00)" in text
    assert "Валюта: BYN (белорусский рубль) (было: RUB (российский рубль))" in text
    assert "не пересчитываются по курсу" in text
    assert f"Суммы будут выглядеть так: 1{NBSP}250{NBSP}000,50{NBSP}BYN." in text
    assert (await _team_row(team)).name == "Отдел продаж"

    saved = await _press(team, HEAD, summary, "✅ Сохранить настройки")

    assert "Настройки команды сохранены" in saved["text"]
    assert "не пересчитываются по курсу" in saved["text"]
    row = await _team_row(team)
    assert (row.name, row.timezone, row.calendar_country, row.currency) == ("Север", "Asia/Yekaterinburg", "KZ", "BYN")
    assert (row.report_deadline, row.reminder_time, row.post_time) == (time(18, 30), time(17, 45), time(20, 15))
    # The state is gone: a typed text is no longer a wizard value.
    assert "Не понял сообщение" in (await _type(team, "Юг"))["text"]


async def test_wizard_buttons_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    step = await _type(team, "/setup")
    assert "step 1 of 7" in step["text"]

    step = await _press(team, HEAD, step, "Keep as is »")
    assert "Yekaterinburg (UTC+5)" in _buttons(step)
    step = await _press(team, HEAD, step, "Yekaterinburg (UTC+5)")
    step = await _press(team, HEAD, step, "Belarus (BY)")
    step = await _press(team, HEAD, step, "19:00")
    assert "before the deadline (19:00)" in step["text"]
    step = await _press(team, HEAD, step, "18:00")
    step = await _press(team, HEAD, step, "21:00")
    summary = await _press(team, HEAD, step, "KZT")

    assert "Name: Отдел продаж" in summary["text"]
    assert "(was:" in summary["text"]
    assert "Currency: KZT (Kazakhstani Tenge) (was: RUB (Russian Ruble))" in summary["text"]
    assert f"Amounts will look like this: KZT{NBSP}1,250,000.50." in summary["text"]
    saved = await _press(team, HEAD, summary, "✅ Save settings")
    assert "Team settings saved" in saved["text"]
    row = await _team_row(team)
    assert (row.timezone, row.calendar_country, row.currency) == ("Asia/Yekaterinburg", "BY", "KZT")
    assert (row.report_deadline, row.reminder_time, row.post_time) == (time(19), time(18), time(21))


async def test_wizard_bad_values_keep_step(team):
    await _type(team, "/setup")
    assert "от 1 до 128 символов" in (await _type(team, "Я" * 129))["text"]
    await _type(team, "Север")

    bad_zone = (await _type(team, "Europe/Atlantis"))["text"]
    assert "Не знаю часовой пояс «Europe/Atlantis»" in bad_zone
    await _type(team, "Europe/Moscow")
    assert "Нет производственного календаря для «XX»" in (await _type(team, "XX"))["text"]
    await _type(team, "RU")
    assert "«25:00» — не время" in (await _type(team, "25:00"))["text"]
    await _type(team, "18:00")
    late = (await _type(team, "18:30"))["text"]
    assert "Напоминание в 18:30 должно быть раньше срока сдачи отчёта (18:00)" in late
    step = await _type(team, "17:00")
    assert "шаг 6 из 7" in step["text"]
    await _type(team, "19:00")
    assert "Не знаю валюту «рубли»" in (await _type(team, "рубли"))["text"]
    assert "Проверьте настройки команды" in (await _type(team, "eur"))["text"]


async def test_wizard_bad_values_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    await _type(team, "/setup")
    await _type(team, "North")
    assert 'Unknown timezone “Mars/Olympus”' in (await _type(team, "Mars/Olympus"))["text"]
    await _type(team, "Moscow")
    assert 'no working calendar for “Narnia”' in (await _type(team, "Narnia"))["text"]
    await _type(team, "by")
    assert '“six pm” is not a time' in (await _type(team, "six pm"))["text"]
    await _type(team, "18:00")
    assert "must come before the report deadline (18:00)" in (await _type(team, "19:00"))["text"]
    await _type(team, "17:00")
    await _type(team, "19:00")
    assert 'Unknown currency “ZZZ”' in (await _type(team, "ZZZ"))["text"]

    summary = await _type(team, "usd")
    assert "Timezone: Europe/Moscow (UTC+3)" in summary["text"]
    assert "Working calendar: Belarus (BY) (was: Russia (RU))" in summary["text"]


async def test_wizard_back_skip_and_cancel(team):
    step = await _type(team, "/setup")
    step = await _press(team, HEAD, step, "Оставить как есть »")
    step = await _press(team, HEAD, step, "Екатеринбург (UTC+5)")
    assert "шаг 3 из 7" in step["text"]
    back = await _press(team, HEAD, step, "« Назад")
    assert "Сейчас: Asia/Yekaterinburg (UTC+5)" in back["text"]
    current = await _press(team, HEAD, back, "Оставить как есть »")
    for _ in range(5):
        current = await _press(team, HEAD, current, "Оставить как есть »")
    assert "Часовой пояс: Asia/Yekaterinburg (UTC+5) (было: Europe/Moscow (UTC+3))" in current["text"]
    assert "Название: Отдел продаж\n" in current["text"]
    assert "не пересчитываются" not in current["text"]

    cancelled = await _press(team, HEAD, current, "Отменить")

    assert "отменена, ничего не изменилось" in cancelled["text"]
    assert (await _team_row(team)).timezone == "Europe/Moscow"
    assert "Не понял сообщение" in (await _type(team, "Asia/Omsk"))["text"]


async def test_skip_reminder_after_earlier_deadline_declined(team):
    step = await _type(team, "/setup")
    for _ in range(3):
        step = await _press(team, HEAD, step, "Оставить как есть »")
    step = await _press(team, HEAD, step, "17:00")
    # The kept reminder (17:00) is no longer before the new deadline (17:00).
    await team.sandbox.feed(
        team.sandbox.emulator.press_button(HEAD, HEAD, step["message_id"], _buttons(step)["Оставить как есть »"])
    )
    assert "должно быть раньше срока сдачи отчёта (17:00)" in team.sandbox.emulator.sent(HEAD)[-1]["text"]
    assert "шаг 5 из 7" in _message(team, HEAD, step["message_id"])["text"]


async def test_wizard_change_reschedules_board(team):
    step = await _type(team, "/setup")
    for _ in range(5):
        step = await _press(team, HEAD, step, "Оставить как есть »")
    step = await _type(team, "14:00")
    summary = await _press(team, HEAD, step, "Оставить как есть »")
    await _press(team, HEAD, summary, "✅ Сохранить настройки")

    sent = await team.sandbox.advance(datetime(2026, 11, 3, 14, 0, tzinfo=MOSCOW))

    assert any("Доска продаж" in item.get("text", "") for item in sent if item["chat"]["id"] == GROUP)


async def test_old_keyboard_expired(team):
    first = await _type(team, "/setup")
    await _type(team, "/setup")

    expired = await _press(team, HEAD, first, "Оставить как есть »")

    assert "шаг 1 из 7" in expired["text"]
    notice = team.sandbox.emulator.sent(HEAD)[-1]
    assert "Настройка команды устарела" in notice["text"]
    reopened = await _press(team, HEAD, notice, "⚙️ Настроить команду")
    assert "шаг 1 из 7" in team.sandbox.emulator.sent(HEAD)[-1]["text"]
    assert reopened["message_id"] == notice["message_id"]


async def test_lost_state_expires_buttons_and_text(team):
    step = await _type(team, "/setup")
    async with team.sandbox.app.app.sessionmaker() as session:
        await session.execute(delete(FsmState))
        await session.commit()

    hint = (await _type(team, "Север"))["text"]
    await _press(team, HEAD, step, "Оставить как есть »")

    assert "Не понял сообщение" in hint
    assert "Настройка команды устарела" in team.sandbox.emulator.sent(HEAD)[-1]["text"]
    assert (await _team_row(team)).name == "Отдел продаж"


async def test_wizard_survives_restart(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}"
    async with Sandbox(START, database_url=url) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, "/setup")
        await team.say(HEAD, HEAD, "Север")

    async with Sandbox(START, database_url=url) as restarted:
        restarted.emulator.add_private_chat(HEAD, "Ольга", "Смирнова", "olga")
        reply = (await restarted.send(HEAD, HEAD, "Asia/Omsk"))[0]["text"]

    # The stored state has step 2 (timezone) open, so the text is a zone, not a name.
    assert "шаг 3 из 7" in reply


async def test_non_head_cannot_open_wizard(team):
    assert "только руководителю" in await team.say_one(IVAN, IVAN, "/setup")
    assert "только руководителю" in await team.say_one(IVAN, IVAN, "/start setup")
    assert "нужно отправить в группе" in await team.say_one(OUTSIDER, OUTSIDER, "/setup")

    shown = (await team.sandbox.send(IVAN, IVAN, "/settings"))[0]
    assert "⚙️ Настроить команду" not in _buttons(shown)
    assert "Часовой пояс" not in shown["text"]


async def test_former_head_cannot_go_on(team):
    settings = (await team.sandbox.send(HEAD, HEAD, "/settings"))[0]
    await _type(team, "/setup")
    step = await _type(team, "Север")
    await team.say(HEAD, HEAD, f"/transfer @user{MARIA} подтверждаю")

    await team.sandbox.feed(
        team.sandbox.emulator.press_button(HEAD, HEAD, step["message_id"], _buttons(step)["Москва (UTC+3)"])
    )
    assert "только руководителю" in team.sandbox.emulator.sent(HEAD)[-1]["text"]
    await _press(team, HEAD, settings, "⚙️ Настроить команду")
    assert "только руководителю" in team.sandbox.emulator.sent(HEAD)[-1]["text"]
    assert (await _team_row(team)).name == "Отдел продаж"
    assert "Не понял сообщение" in (await _type(team, "Asia/Omsk"))["text"]


async def test_settings_shows_team_and_opens_wizard(team):
    shown = (await team.sandbox.send(HEAD, HEAD, "/settings"))[0]
    assert "Команда «Отдел продаж»" in shown["text"]
    assert "Срок сдачи отчёта: 18:00" in shown["text"]
    assert "Валюта: RUB (российский рубль)" in shown["text"]
    assert "Прогноз выплат в постах группы: не показывается" in shown["text"]

    await _press(team, HEAD, shown, "⚙️ Настроить команду")

    assert "шаг 1 из 7" in team.sandbox.emulator.sent(HEAD)[-1]["text"]


async def _set_currency(team: SandboxTeam, code: str) -> None:
    step = await _type(team, "/setup")
    for _ in range(6):
        step = await _press(team, HEAD, step, step_label(step))
    summary = await _type(team, code)
    await _press(team, HEAD, summary, next(label for label in _buttons(summary) if label.startswith("✅")))


def step_label(item: dict) -> str:
    return next(label for label in _buttons(item) if label in ("Оставить как есть »", "Keep as is »"))


async def test_currency_change_shows_in_payroll_and_me(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 500к")
    await team.say(IVAN, IVAN, "/report выручка 300 000 BYN")

    await _set_currency(team, "BYN")

    payroll = await team.say_one(HEAD, HEAD, "/payroll")
    assert f"1. Иван — 65{NBSP}000,00{NBSP}BYN" in payroll
    assert "₽" not in payroll
    me = await team.say_one(IVAN, IVAN, "/me")
    assert f"300{NBSP}000{NBSP}BYN" in me
    await team.say(IVAN, IVAN, "/language en")
    me_english = await team.say_one(IVAN, IVAN, "/me")
    assert f"BYN{NBSP}300,000" in me_english

    # The scheduled board builds its own texts, from the team's row.
    sent = await team.sandbox.advance(datetime(2026, 11, 3, 19, 1, tzinfo=MOSCOW))
    board = next(item["text"] for item in sent if item["chat"]["id"] == GROUP and "Доска продаж" in item.get("text", ""))
    assert f"300{NBSP}000{NBSP}BYN" in board
    assert "₽" not in board


async def test_currency_in_payroll_workbook(team):
    import io

    from openpyxl import load_workbook

    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await _set_currency(team, "KZT")
    shown = (await team.sandbox.send(HEAD, HEAD, "/payroll"))[0]
    button = shown["reply_markup"]["inline_keyboard"][0][0]

    update = team.sandbox.emulator.press_button(HEAD, HEAD, shown["message_id"], button["callback_data"])
    sent = await team.sandbox.feed(update)

    book = load_workbook(io.BytesIO(team.sandbox.emulator.file_bytes(sent[-1]["document"]["file_id"])))
    amounts = [row[3] for row in book.active.iter_rows(min_row=4) if row[3].value is not None]
    assert amounts
    formats = {cell.number_format for cell in amounts}
    assert formats == {'#,##0.00" KZT"'}


async def test_commands_share_wizard_rules(team):
    assert "Часовой пояс команды — Asia/Novosibirsk" in await team.say_one(HEAD, HEAD, "/timezone novosibirsk")
    assert "Не знаю часовой пояс «Mars/Olympus»" in await team.say_one(HEAD, HEAD, "/timezone Mars/Olympus")
    assert "Нет производственного календаря для «XX»" in await team.say_one(HEAD, HEAD, "/calendar XX")
    assert "Срок должен быть позже напоминания" in await team.say_one(HEAD, HEAD, "/times 18:00 17:00 19:00")
    assert (await _team_row(team)).timezone == "Asia/Novosibirsk"


async def test_wizard_keeps_changes_made_while_open(team):
    step = await _type(team, "/setup")
    await team.say(HEAD, HEAD, "/timezone Asia/Yekaterinburg")
    for _ in range(7):
        step = await _press(team, HEAD, step, "Оставить как есть »")
    await _press(team, HEAD, step, "✅ Сохранить настройки")

    assert (await _team_row(team)).timezone == "Asia/Yekaterinburg"
