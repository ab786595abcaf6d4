"""`salesboard demo` plays the sample week and ends with the payroll, the same on every run."""

from __future__ import annotations

import io
import re

from bot.demo import run_demo

NBSP = "\u00a0"


async def _transcript() -> str:
    out = io.StringIO()
    assert await run_demo(out) == 0
    return out.getvalue()


async def test_demo_week_ends_with_payroll():
    text = await _transcript()

    assert "Среда, 4 ноября — День народного единства, выходной" in text
    assert text.count("📊 Доска продаж") == 4  # 2, 3, 5 and 6 November; not the holiday
    assert "Рабочих дней прошло 4 из 20" in text
    # Ivan 1 105 000 of 1 200 000 (92 %, the 5 % tier): 60 000 + 55 250; Maria 890 000 of
    # 1 000 000: 55 000 + 44 500; Alexey and Daria stay under 50 %: salary only.
    assert f"1. Иван Петров — 115{NBSP}250,00{NBSP}₽" in text
    assert f"Итого по команде: 304{NBSP}750,00{NBSP}₽" in text
    assert "«сорок» — не число" in text
    assert "слишком много для одного дня" in text


async def test_demo_is_deterministic():
    first = re.sub(r"\[картинка[^\]]*\]", "", await _transcript())
    second = re.sub(r"\[картинка[^\]]*\]", "", await _transcript())
    assert first == second
