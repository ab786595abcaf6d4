"""/metrics and the team's own metrics in /report, the guided form, /me, /plan and pay."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from bot.db.models import Plan, ReportValue, TeamMetric
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, Team, make_team

NBSP = "\u00a0"


async def _metrics(team: Team) -> dict[str, tuple[str, str, bool]]:
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = await session.scalars(select(TeamMetric).order_by(TeamMetric.position))
        return {row.code: (row.title_ru, row.kind, row.active) for row in rows}


async def _stored(team: Team) -> dict[str, int]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())


def _buttons(item: dict) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


async def _press(team: Team, item: dict, label: str, user: int = IVAN) -> dict:
    data = _buttons(item)[label]
    update = team.sandbox.emulator.press_button(user, user, item["message_id"], data)
    await team.sandbox.feed(update)
    return team.sandbox.emulator.sent(user)[-1]


async def test_head_adds_and_lists_metric(team):
    added = await team.say_one(HEAD, HEAD, "/metrics add units_a шт Линейка А / Line A")
    listed = await team.say_one(HEAD, HEAD, "/metrics")

    assert "Показатель «Линейка А» (units_a) добавлен." in added
    assert "/report линейка а 3" in added
    assert "• units_a — Линейка А, штуки, до 1" in listed
    assert await _metrics(team) == {"units_a": ("Линейка А", "count", True)}


async def test_head_adds_metric_in_english(team):
    assert "English" in await team.say_one(HEAD, HEAD, "/language en")
    added = await team.say_one(HEAD, HEAD, "/metrics add service money Сервис / Service contracts")
    listed = await team.say_one(HEAD, HEAD, "/metrics")

    assert "Metric “Service contracts” (service) added." in added
    assert "service — Service contracts, money, up to RUB\u00a01,000,000,000" in listed
    assert await _metrics(team) == {"service": ("Сервис", "money", True)}


async def test_empty_list_names_builtin_metrics(team):
    listed = await team.say_one(HEAD, HEAD, "/metrics")
    assert "У команды пока нет своих показателей" in listed
    assert "/metrics add units_a" in listed


async def test_bad_codes_rejected(team):
    digits = await team.say_one(HEAD, HEAD, "/metrics add line2 шт Линейка 2")
    cyrillic = await team.say_one(HEAD, HEAD, "/metrics add линейка шт Линейка")
    builtin = await team.say_one(HEAD, HEAD, "/metrics add calls шт Мои звонки")
    builtin_alias = await team.say_one(HEAD, HEAD, "/metrics add sales шт Продажи Б")
    kind = await team.say_one(HEAD, HEAD, "/metrics add units_a литры Линейка А")
    no_title = await team.say_one(HEAD, HEAD, "/metrics add units_a шт")

    assert "Код «line2» не подходит" in digits
    assert "Код «линейка» не подходит" in cyrillic
    assert "Код «calls» уже означает встроенный показатель" in builtin
    assert "Код «sales» уже означает встроенный показатель" in builtin_alias
    assert "«литры» — неизвестный тип показателя" in kind
    assert "Как управлять показателями команды" in no_title
    assert await _metrics(team) == {}


async def test_bad_code_rejected_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    reply = await team.say_one(HEAD, HEAD, "/metrics add Line-2 count Line")
    assert "The code “line-2” is invalid" in reply
    assert await _metrics(team) == {}


async def test_duplicates_rejected(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
    same_code = await team.say_one(HEAD, HEAD, "/metrics add UNITS_A шт Другая линейка")
    same_title = await team.say_one(HEAD, HEAD, "/metrics add units_b шт линейка а")
    builtin_title = await team.say_one(HEAD, HEAD, "/metrics add units_c шт Звонки")

    assert "Показатель с кодом «units_a» у команды уже есть" in same_code
    assert "Название «линейка а» уже означает показатель units_a" in same_title
    assert "Название «Звонки» уже означает показатель calls" in builtin_title
    assert list(await _metrics(team)) == ["units_a"]


async def test_title_is_escaped(team):
    reply = await team.say_one(HEAD, HEAD, "/metrics add units_a шт Линейка <b>А</b>")
    listed = await team.say_one(HEAD, HEAD, "/metrics")
    assert "Линейка <b>А</b>" in reply
    assert "Линейка <b>А</b>" in listed


async def test_manager_cannot_manage_metrics(team):
    reply = await team.say_one(IVAN, IVAN, "/metrics add units_a шт Линейка А")
    assert reply == "Это действие доступно только руководителю."
    assert await _metrics(team) == {}


async def test_metrics_private_only(team):
    reply = await team.say_one(GROUP, HEAD, "/metrics add units_a шт Линейка А")
    assert "в личном чате со мной" in reply
    assert await _metrics(team) == {}


async def test_metrics_private_only_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    reply = await team.say_one(GROUP, HEAD, "/metrics")
    assert "in a private chat with me" in reply


async def test_report_takes_custom_metric(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А / Line A")
    saved = await team.say_one(IVAN, IVAN, "/report звонки 40, линейка А 3")
    by_code = await team.say_one(MARIA, MARIA, "/report units_a 2")

    assert "Звонки: 40" in saved
    assert "Линейка А: 3" in saved
    assert "Линейка А: 2" in by_code
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = (await session.execute(select(ReportValue.metric, ReportValue.value))).all()
    assert sorted(tuple(row) for row in rows) == [("calls", 40), ("units_a", 2), ("units_a", 3)]


async def test_report_custom_metric_in_english(team):
    await team.say(HEAD, HEAD, "/metrics add units_a count Линейка А / Line A")
    await team.say(IVAN, IVAN, "/language en")
    saved = await team.say_one(IVAN, IVAN, "/report calls 40 line a 3")
    unknown = await team.say_one(IVAN, IVAN, "/report line b 3")

    assert "Line A: 3" in saved
    assert "Calls: 40" in saved
    assert "I do not know the metric “line”" in unknown
    assert "the team's own: Line A (units_a)" in unknown


async def test_report_custom_limit_and_unknown_name(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
    limited = await team.say_one(HEAD, HEAD, "/metrics limit units_a 20")
    over = await team.say_one(IVAN, IVAN, "/report линейка а 21")
    unknown = await team.say_one(IVAN, IVAN, "/report линейка Б 3")

    assert "не больше 20" in limited
    assert "21" in over
    assert "линейка а" in over
    assert "Не знаю показатель «линейка»" in unknown
    assert "показатели команды: Линейка А (units_a)" in unknown
    assert "Например: /report звонки 40, units_a 3" in unknown
    assert await _stored(team) == {}


async def test_switched_off_metric_keeps_history(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
    await team.say(IVAN, IVAN, "/report линейка а 3")
    off = await team.say_one(HEAD, HEAD, "/metrics off units_a")
    refused = await team.say_one(IVAN, IVAN, "/report вчера линейка а 2")
    me = await team.say_one(IVAN, IVAN, "/me")
    listed = await team.say_one(HEAD, HEAD, "/metrics")
    on = await team.say_one(HEAD, HEAD, "/metrics on units_a")

    assert "выключен" in off
    assert "Не знаю показатель «линейка»" in refused
    assert "Линейка А: 3" in me
    assert "units_a — Линейка А, штуки, выключен" in listed
    assert "снова принимается" in on
    assert await _stored(team) == {"units_a": 3}
    assert await _metrics(team) == {"units_a": ("Линейка А", "count", True)}


async def test_plan_and_me_show_custom_metric(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
    plan = await team.say(HEAD, HEAD, f"/plan @user{IVAN} линейка а 30")
    saved = await team.say_one(IVAN, IVAN, "/report линейка а 6")
    me = await team.say_one(IVAN, IVAN, "/me")
    history = await team.say_one(HEAD, HEAD, "/plan история")

    assert any("линейка А" in text and "30" in text for text in plan)
    assert f"Линейка А: 6 из 30 (20{NBSP}%)" in saved
    assert f"Линейка А: 6 из 30 (20{NBSP}%)" in me
    assert "Линейка А" in history


async def test_plan_rejects_unknown_custom_code(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} units_a 30")
    assert "units_a" in reply


async def test_form_asks_custom_metrics_after_builtin(team):
    await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
    await team.say(HEAD, HEAD, "/metrics add service руб Сервис")
    prompt = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    assert "шаг 1 из 10" in prompt["text"]

    current = await _press(team, prompt, "Пропустить »")
    for _ in range(7):
        current = await _press(team, current, "Пропустить »")
    assert "шаг 9 из 10" in current["text"]
    assert "Сколько за день: Линейка А?" in current["text"]

    over = (await team.sandbox.send(IVAN, IVAN, "60 000"))[0]["text"]
    assert "60 000" in over
    step10 = (await team.sandbox.send(IVAN, IVAN, "4"))[0]
    assert "Какая сумма за день: Сервис?" in step10["text"]
    back = await _press(team, step10, "« Назад")
    assert "Сейчас указано: 4" in back["text"]
    step10 = (await team.sandbox.send(IVAN, IVAN, "5"))[0]
    summary = (await team.sandbox.send(IVAN, IVAN, "120к"))[0]
    assert "Линейка А: 5" in summary["text"]
    assert f"Сервис: 120{NBSP}000{NBSP}₽" in summary["text"]

    saved = await _press(team, summary, "✅ Сохранить отчёт")
    assert "Линейка А: 5" in saved["text"]
    assert await _stored(team) == {"units_a": 5, "service": 12_000_000}


async def test_form_in_english_with_custom_metric(team):
    await team.say(HEAD, HEAD, "/metrics add units_a count Линейка А / Line A")
    await team.say(IVAN, IVAN, "/language en")
    current = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
    for _ in range(8):
        current = await _press(team, current, "Skip »")
    assert "How many today: Line A?" in current["text"]
    bad = (await team.sandbox.send(IVAN, IVAN, "lots"))[0]["text"]
    assert "lots" in bad
    summary = (await team.sandbox.send(IVAN, IVAN, "2"))[0]
    assert "Line A: 2" in summary["text"]


async def test_form_keeps_steps_when_metrics_change(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}"
    start = datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)
    async with Sandbox(start, database_url=url) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, "/metrics add units_a шт Линейка А")
        current = (await team.sandbox.send(IVAN, IVAN, "/report"))[0]
        for _ in range(8):
            current = await _press(team, current, "Пропустить »")
        assert "Линейка А" in current["text"]
        # A metric added while the form is open is not a step of it, so numbers cannot shift.
        await team.say(HEAD, HEAD, "/metrics add units_b шт Линейка Б")

    async with Sandbox(start, database_url=url) as restarted:
        restarted.emulator.add_private_chat(IVAN, "Иван", None, f"user{IVAN}")
        summary = (await restarted.send(IVAN, IVAN, "7"))[0]["text"]
        async with restarted.app.app.sessionmaker() as session:
            stored = dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())

    assert "Проверьте отчёт" in summary
    assert "Линейка А: 7" in summary
    assert "Линейка Б" not in summary
    assert stored == {}


SCHEME_WITH_METRIC = """
title = "Премия и KPI по линейке"
effective_from = "2026-11"
[[metrics]]
code = "units_a"
title = "Линейка А"
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "10 %" }]
[kpi]
pool = 10000
[[kpi.targets]]
metric = "units_a"
weight = "100 %"
target = 10
"""


async def _send_scheme(team: Team, text: str) -> list[str]:
    update = team.sandbox.emulator.send_document(HEAD, HEAD, "scheme.toml", text.encode())
    return [item.get("text", "") for item in await team.sandbox.feed(update) if item["chat"]["id"] == HEAD]


async def test_scheme_metrics_become_team_metrics_and_pay(team):
    replies = await _send_scheme(team, SCHEME_WITH_METRIC)
    assert any("Показатели схемы теперь принимаются в отчётах и планах: Линейка А (units_a)" in text for text in replies)
    assert await _metrics(team) == {"units_a": ("Линейка А", "count", True)}

    await team.say(IVAN, IVAN, "/report выручка 100к, линейка а 5")
    payroll = await team.say_one(HEAD, HEAD, "/payroll")
    me = await team.say_one(IVAN, IVAN, "/me")

    # KPI: 5 units of the target 10 is 50 % of the 10 000 pool; bonus: 10 % of 100 000.
    kpi_line = f"• KPI: Линейка А: 5 из цели 10 (50{NBSP}%) от доли 10{NBSP}000,00{NBSP}₽"
    assert f"1. Иван — 15{NBSP}000,00{NBSP}₽" in payroll
    assert f"{kpi_line} (100{NBSP}% фонда 10{NBSP}000,00{NBSP}₽) = 5{NBSP}000,00{NBSP}₽" in payroll
    assert "• Линейка А: 5" in me
    assert kpi_line in me


async def test_scheme_metric_kind_conflict_rejected(team):
    await team.say(HEAD, HEAD, "/metrics add units_a руб Линейка А")
    replies = await _send_scheme(team, SCHEME_WITH_METRIC)
    rules = await team.say_one(HEAD, HEAD, "/rules")

    assert any("Схема не опубликована: показатель units_a" in text for text in replies)
    assert "Премия и KPI по линейке" not in rules
    assert await _metrics(team) == {"units_a": ("Линейка А", "money", True)}


async def test_scheme_metric_code_with_digits_rejected(team):
    replies = await _send_scheme(team, SCHEME_WITH_METRIC.replace("units_a", "units2"))
    assert any("код показателя «units2»" in text for text in replies)
    assert await _metrics(team) == {}


async def test_plan_file_takes_custom_metric(team):
    await team.say(HEAD, HEAD, "/metrics add service руб Сервис")
    sent = await team.sandbox.send(HEAD, HEAD, "/plan шаблон")
    template = load_workbook(io.BytesIO(team.sandbox.emulator.file_bytes(sent[0]["document"]["file_id"])))
    assert list(template["metrics"].iter_rows(values_only=True)) == [("code", "title", "kind"), ("service", "Сервис", "money")]

    book = Workbook()
    book.active.title = "plans"
    for row in (["manager", "metric", "value"], [f"@user{IVAN}", "service", 300_000], [f"@user{MARIA}", "сервис", 150_000]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    update = team.sandbox.emulator.send_document(HEAD, HEAD, "plans.xlsx", buffer.getvalue())
    replies = await team.sandbox.feed(update)
    notice = next(item["text"] for item in replies if item["chat"]["id"] == IVAN)

    assert "Сервис" in notice
    assert f"300{NBSP}000{NBSP}₽" in notice
    async with team.sandbox.app.app.sessionmaker() as session:
        plans = sorted((await session.execute(select(Plan.metric, Plan.target))).all())
    assert [tuple(plan) for plan in plans] == [("service", 15_000_000), ("service", 30_000_000)]
