"""The month close, streak warnings and the images: payroll draft to the head, awards, certificates."""

from __future__ import annotations

import io
import struct
from datetime import datetime
from fractions import Fraction

from bot.render.certificate import Certificate, render_certificate
from bot.render.charts import Bar, BoardChart, render_board_chart
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team

CLOSE = datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW)
# A heartbeat a day keeps a simulated month to a few dozen maintenance runs.
DAILY = 86_400


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def _by_chat(items, chat_id):
    return [item for item in items if item["chat"]["id"] == chat_id]


async def _month(sandbox: Sandbox) -> None:
    await sandbox.send(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
    await sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await sandbox.send(HEAD, HEAD, f"/plan @user{MARIA} выручка 100к")
    await sandbox.send(IVAN, IVAN, "/report выручка 130к")
    await sandbox.send(MARIA, MARIA, "/report выручка 40к")


async def test_month_close_posts():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW), maintenance_interval_seconds=DAILY) as sandbox:
        await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        await _month(sandbox)
        await sandbox.advance(datetime(2026, 12, 1, 9, 59, tzinfo=MOSCOW))
        sent = await sandbox.advance(CLOSE)
        emulator = sandbox.emulator
        group = _by_chat(sent, GROUP)
        head = _by_chat(sent, HEAD)
        ivan = _by_chat(sent, IVAN)
        certificate = emulator.file_bytes(group[1]["photo"][0]["file_id"])

    assert len(head) == 1
    assert "Черновик расчёта за ноябрь 2026" in head[0]["text"]
    # 60 000 salary for the full month and 10 % of 130 000 from the 120 % tier.
    assert "Иван — 73\u00a0000,00\u00a0₽" in head[0]["text"]
    assert "Итоги месяца: ноябрь 2026" in group[0]["text"]
    assert "Менеджер месяца — Иван, выполнение плана 130\u00a0%" in group[0]["text"]
    assert "₽" not in group[0]["text"]
    assert group[1]["caption"] == "🏅 Менеджер месяца: Иван"
    assert _png_size(certificate) == (1600, 1131)
    assert len(ivan) == 1
    assert "Ваша грамота «Менеджер месяца» за ноябрь 2026" in ivan[0]["caption"]
    assert _by_chat(sent, MARIA) == []


async def test_streak_warning_to_head_only():
    async with Sandbox(datetime(2026, 9, 1, 10, 0, tzinfo=MOSCOW), maintenance_interval_seconds=DAILY) as sandbox:
        await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        for month, day in ((9, 1), (10, 1)):
            sandbox.clock.set(datetime(2026, month, day, 10, 0, tzinfo=MOSCOW))
            await sandbox.send(HEAD, HEAD, f"/plan @user{MARIA} выручка 100к")
            await sandbox.send(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
            await sandbox.send(IVAN, IVAN, "/report выручка 150к")
            await sandbox.send(MARIA, MARIA, "/report выручка 40к")
        sent = await sandbox.advance(datetime(2026, 11, 1, 10, 0, tzinfo=MOSCOW))

    warnings = [item["text"] for item in _by_chat(sent, HEAD) if "Ниже плана" in item["text"]]
    assert len(warnings) == 1
    assert "Мария — 2 месяца подряд: 40\u00a0%, 40\u00a0%" in warnings[0]
    assert "Иван" not in warnings[0]
    assert not any("Ниже плана" in (item.get("text") or "") for item in _by_chat(sent, GROUP))


async def test_month_close_once_after_restart():
    async with Sandbox(datetime(2026, 11, 30, 10, 0, tzinfo=MOSCOW), maintenance_interval_seconds=DAILY) as sandbox:
        await make_team(sandbox, {IVAN: "Иван"})
        await sandbox.advance(datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW))
        again = await sandbox.restart(down_until=datetime(2026, 12, 1, 10, 30, tzinfo=MOSCOW))

    assert again == []


def test_chart_is_phone_width_and_draws_any_name():
    chart = BoardChart(
        title="Доска продаж «$Север & Co»",
        subtitle="на 03.11.2026",
        managers=(
            Bar("Иван $5 <b>", Fraction(3, 2) * 2, "300 % · 300 000 ₽"),
            Bar("Мария", None, "без плана · 0 ₽"),
        ),
        departments=(),
        pace=Fraction(1, 2),
        managers_heading="Менеджеры",
        departments_heading="Отделы",
        pace_label="темп 50 %",
    )

    width, height = _png_size(render_board_chart(chart))

    assert width == 1080
    assert 400 < height < 1200


def test_certificate_renders_long_name():
    image = render_certificate(Certificate(
        "Грамота", "Лучший новичок месяца", "Константинопольский Александр Александрович $",
        "за выполнение плана продаж на 132,5 %", "Команда", "ноябрь 2026", "Salesboard",
    ))

    assert _png_size(image) == (1600, 1131)
    assert io.BytesIO(image).getbuffer().nbytes > 10_000
