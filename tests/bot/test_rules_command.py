"""/rules through the real Dispatcher: reading the scheme, presets, scheme files, pay under them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.db.models import TeamScheme
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team

NBSP = "\u00a0"

FLAT_FROM_DECEMBER = """
title = "Пять процентов с выручки"
effective_from = "2026-12"
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "5 %" }]
"""


async def _send_file(team, name: str, data: bytes, caption: str | None = None) -> list[dict]:
    update = team.sandbox.emulator.send_document(HEAD, HEAD, name, data, caption=caption)
    return await team.sandbox.feed(update)


async def test_default_rules_readable_by_manager(team):
    rules = await team.say_one(IVAN, IVAN, "/rules")

    assert "Схема оплаты «Схема по умолчанию»" in rules
    assert f"ниже 50{NBSP}% плана — премии нет" in rules
    assert "Оклад" in rules


async def test_scheme_file_applies_from_its_month():
    async with Sandbox(datetime(2026, 11, 20, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
        sent = await _send_file(team, "scheme.toml", FLAT_FROM_DECEMBER.encode())

        assert any("сохранена и начнёт действовать с декабря 2026" in item["text"] for item in sent)
        announcement = [item["text"] for item in sent if item["chat"]["id"] == GROUP]
        assert announcement == [
            "📣 Руководитель опубликовал правила оплаты «Пять процентов с выручки». "
            "Они действуют с декабря 2026. Прочитать их можно командой /rules 2026-12."
        ]
        now_rules = await team.say_one(IVAN, IVAN, "/rules")
        assert "С декабря 2026 начнёт действовать новая версия «Пять процентов с выручки»" in now_rules

        await team.say(IVAN, IVAN, "/report выручка 300 000")
        november = await team.say_one(HEAD, HEAD, "/payroll")
        # November, default tiers: 30 % of plan is below 50 %, no bonus.
        assert f"Иван — 0,00{NBSP}₽" in november

        await sandbox.advance(datetime(2026, 12, 2, 10, 0, tzinfo=MOSCOW))
        await team.say(IVAN, IVAN, "/report выручка 300 000")
        december = await team.say_one(HEAD, HEAD, "/payroll")
        # December, the flat scheme: 5 % of 300 000 = 15 000, with or without a plan.
        assert f"Иван — 15{NBSP}000,00{NBSP}₽" in december


async def test_scheme_file_mistake_names_key_and_fix(team):
    broken = FLAT_FROM_DECEMBER.replace('rate = "5 %"', 'rate = "пять"').encode()
    reply = (await _send_file(team, "scheme.toml", broken))[0]["text"]

    assert "bonus.tiers" in reply
    assert "пять" in reply
    assert "Схема оплаты" not in reply


async def test_preset_for_next_month_and_refusals(team):
    done = await team.sandbox.send(HEAD, HEAD, "/rules preset by_attainment")
    assert any("начнёт действовать с декабря 2026" in item["text"] for item in done)

    assert "Шаблона «lottery» нет" in await team.say_one(HEAD, HEAD, "/rules preset lottery")
    assert "задним числом" in await team.say_one(HEAD, HEAD, "/rules preset flat_percent 2026-10")
    assert "только руководителю" in await team.say_one(IVAN, IVAN, "/rules preset flat_percent")
    assert "в личном чате" in await team.say_one(GROUP, HEAD, "/rules preset flat_percent")


async def test_large_or_binary_scheme_file_refused(team):
    large = (await _send_file(team, "scheme.toml", b"#" * (65 * 1024)))[0]["text"]
    binary = (await _send_file(team, "scheme.toml", b"\xff\xfe\x00garbage"))[0]["text"]

    assert "больше 64 КБ" in large
    assert "не в кодировке UTF-8" in binary


async def test_manager_scheme_file_refused(team):
    update = team.sandbox.emulator.send_document(IVAN, IVAN, "scheme.toml", FLAT_FROM_DECEMBER.encode())
    reply = (await team.sandbox.feed(update))[0]["text"]
    assert "только руководителю" in reply


_SCHEME_HEAD = 'title = "T"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "5 %" }]\n'


async def test_scheme_with_absurd_values_gets_polite_answers(team):
    huge_pool = _SCHEME_HEAD + '[kpi]\npool = 1e300\n[[kpi.criteria]]\ncode = "no_complaints"\nweight = "100 %"\n'
    nested = 'title = "T"\nx = ' + "[" * 5000 + "]" * 5000 + "\n"
    long_title = _SCHEME_HEAD.replace('title = "T"', 'title = "' + "Т" * 3000 + '"')

    pool_reply = (await _send_file(team, "scheme.toml", huge_pool.encode()))[0]["text"]
    nested_reply = (await _send_file(team, "scheme.toml", nested.encode()))[0]["text"]
    await team.say(HEAD, HEAD, "/language en")
    title_reply = (await _send_file(team, "scheme.toml", long_title.encode()))[0]["text"]
    async with team.sandbox.app.app.sessionmaker() as session:
        stored = list(await session.scalars(select(TeamScheme)))

    assert "ключ kpi.pool: 1E+300 — больше 1 000 000 000 000" in pool_reply
    assert "слишком глубоко вложены" in nested_reply
    assert "key title: the text is longer than 100 characters" in title_reply
    assert stored == []
