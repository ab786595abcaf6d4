"""Scheme rules and payslip lines in plain Russian and English (bot/render/rules.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from bot.calc.texts import PlainTexts, load_texts
from bot.render.rules import explain_line, render_rules, scheme_error_text, share_text, streak_warning_text
from bot.render.texts import Texts
from kpi.calendar import WorkingCalendar
from kpi.payroll import Deduction, LineKind, ManagerMonth, PayLine, Refund, compute_payroll, compute_payslip
from kpi.period import Month
from kpi.plans import Plan
from kpi.presets import PRESET_NAMES, load_preset
from kpi.scheme_toml import SchemeError, load_scheme
from kpi.streaks import streak_warning

NBSP = "\u00a0"
AUGUST = Month(2026, 8)
RUSSIA = WorkingCalendar()


@pytest.fixture(scope="module")
def ru() -> PlainTexts:
    return load_texts("ru")


@pytest.fixture(scope="module")
def en() -> PlainTexts:
    return load_texts("en")


def nbsp(text: str) -> str:
    """Write expected text with plain spaces inside numbers; Babel puts no-break spaces there."""
    return text.replace("_", NBSP)


def test_attainment_preset_in_russian(ru: PlainTexts) -> None:
    text = render_rules(ru, load_preset("by_attainment"))
    lines = text.splitlines()
    assert lines[0] == "Схема оплаты «Процент по выполнению плана» — действует с 01.01.2026."
    assert "• Ставка зависит от выполнения плана по показателю «выручка» и применяется ко всей сумме:" in lines
    assert nbsp("  — ниже 50_% плана — премии нет;") in lines
    assert nbsp("  — от 50_% до 100_% — 5_%;") in lines
    assert nbsp("  — от 100_% до 120_% — 7_%;") in lines
    assert nbsp("  — от 120_% — 10_%.") in lines
    assert nbsp("• Супербонус: при выполнении от 150_% плана — ещё 30_000_₽ сверх премии.") in lines
    assert nbsp("• Выполнение сравнивается с порогом точно, без округления: 99,995 % — это ещё не 100 %.") in lines


def test_flat_preset_in_russian(ru: PlainTexts) -> None:
    text = render_rules(ru, load_preset("flat_percent"))
    assert nbsp("• Ставка — 5_% с выручки, план на неё не влияет.") in text.splitlines()
    assert "ниже" not in text.split("Возвраты")[0].split("Премия с выручки")[1]


def test_department_preset_in_russian(ru: PlainTexts) -> None:
    lines = render_rules(ru, load_preset("personal_department")).splitlines()
    assert "• Премия умножается на коэффициент отдела по выполнению плана отдела (показатель «выручка»):" in lines
    assert nbsp("  — ниже 70_% — ×0,5;") in lines
    assert nbsp("  — от 70_% до 100_% — ×0,8;") in lines
    assert nbsp("  — от 120_% — ×1,2.") in lines


@pytest.mark.parametrize("name", PRESET_NAMES)
@pytest.mark.parametrize("locale", ["ru", "en"])
def test_presets_render_in_both_locales(name: str, locale: str) -> None:
    text = render_rules(load_texts(locale), load_preset(name))
    assert "{" not in text
    assert len(text.splitlines()) > 8


FULL = load_scheme(
    '''
title = "Полная схема"
description = "Для отдела корпоративных продаж"
effective_from = "2026-08"

[[metrics]]
code = "product_x"
title = "Продажи продукта X"
kind = "money"

[[bonus]]
base = "margin"
mode = "marginal"
cap = 150000
tiers = [{ from = "0 %", rate = "4 %" }, { from = "60 %", rate = "6 %" }, { from = "100 %", fixed = 20000 }]

[[bonus]]
title = "Бонус за поступления"
base = "payments"
tiers = [{ from = "0 %", rate = "2,5 %" }]

[kpi]
pool = 20000
[[kpi.targets]]
metric = "calls"
weight = "40 %"
target = 800
threshold = "80 %"
cap = "120 %"
[[kpi.targets]]
metric = "product_x"
weight = "20 %"
target = 100000
[[kpi.targets]]
metric = "lead_conversion"
weight = "20 %"
target = "25 %"
[[kpi.criteria]]
code = "no_complaints"
weight = "10 %"
[[kpi.criteria]]
code = "clean_crm"
title = "CRM в порядке"
weight = "10 %"

[[deductions]]
code = "late_report"
title = "Отчёт сдан не вовремя"
amount = 500
'''
)


def test_full_scheme_in_russian(ru: PlainTexts) -> None:
    lines = render_rules(ru, FULL).splitlines()
    assert lines[1] == "Для отдела корпоративных продаж"
    assert "Премия с маржи" in lines
    assert (
        "• Считается от маржи за месяц: выручка минус себестоимость. "
        "Если за месяц маржа отрицательная, она считается равной нулю."
    ) in lines
    assert nbsp("  — от 100_% — 20_000_₽ разово при достижении.") in lines
    assert nbsp("• Премия не больше 150_000_₽ в месяц.") in lines
    assert "Бонус за поступления" in lines
    assert nbsp("• Ставка — 2,5_% с оплат, план на неё не влияет.") in lines
    assert nbsp("• Фонд — 20_000_₽ в месяц. Он делится так:") in lines
    assert nbsp(
        "  — звонки: 40_% фонда, цель — 800 звонков в месяц, ниже 80_% цели не платится, сверх 120_% цели не учитывается;"
    ) in lines
    assert nbsp("  — Продажи продукта X: 20_% фонда, цель — 100_000_₽ в месяц, сверх 100_% цели не учитывается;") in lines
    assert nbsp("  — конверсия лидов в клиентов: 20_% фонда, цель — 25_%, сверх 100_% цели не учитывается;") in lines
    assert nbsp("  — «Нет жалоб клиентов» (да или нет — оценивает руководитель): 10_% фонда;") in lines
    assert nbsp("  — «CRM в порядке» (да или нет — оценивает руководитель): 10_% фонда;") in lines
    assert nbsp("  — Отчёт сдан не вовремя — 500_₽ за каждый случай.") in lines


def test_full_scheme_in_english(en: PlainTexts) -> None:
    text = render_rules(en, FULL)
    assert "Pay scheme “Полная схема”, in force from" in text
    assert "  — calls: 40% of the pool, target 800 calls a month, nothing below 80% of target" in text


def test_share_text_is_exact(ru: PlainTexts) -> None:
    assert share_text(ru, Decimal("0.99995")) == nbsp("99,995_%")
    assert share_text(ru, Decimal("0.025")) == nbsp("2,5_%")
    assert share_text(ru, Decimal("1.2")) == nbsp("120_%")


def month_of(**fields: object) -> ManagerMonth:
    values: dict[str, object] = {
        "member_id": 1,
        "name": "Анна",
        "monthly_salary": Decimal(50000),
        "hired_on": None,
        "left_on": None,
        "plan": Decimal(1000000),
        "actual": Decimal(1000000),
    }
    values.update(fields)
    return ManagerMonth(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("hired_on", "expected"),
    [
        pytest.param(None, "• Оклад: 50_000_₽ за полный месяц (21 рабочий день) = 50_000,00_₽", id="full-21"),
        pytest.param(date(2026, 8, 13), "• Оклад: 50_000_₽ × 13 рабочих дней из 21 = 30_952,38_₽", id="13-of-21"),
        # 28 and 31 August worked: 2 days.
        pytest.param(date(2026, 8, 28), "• Оклад: 50_000_₽ × 2 рабочих дня из 21 = 4_761,90_₽", id="2-of-21"),
    ],
)
def test_salary_line_plurals(ru: PlainTexts, hired_on: date | None, expected: str) -> None:
    payslip = compute_payslip(month_of(hired_on=hired_on), AUGUST, RUSSIA)
    assert explain_line(ru, payslip.lines[0]) == nbsp(expected)


def test_bonus_line_names_plan_version(ru: PlainTexts) -> None:
    plan = Plan("revenue", Decimal(1000000), version=3, author="Ольга")
    payslip = compute_payslip(month_of(plan=None, plans={"revenue": plan}), AUGUST, RUSSIA)
    assert explain_line(ru, payslip.lines[1]) == nbsp(
        "• Премия с выручки: 7_% от 1_000_000,00_₽; выполнение плана 100_% "
        "(план 1_000_000,00_₽, версия 3), ступень от 100_% = 70_000,00_₽"
    )


def test_bonus_line_pro_rated_plan(ru: PlainTexts) -> None:
    payslip = compute_payslip(month_of(hired_on=date(2026, 8, 13), actual=Decimal(0)), AUGUST, RUSSIA)
    assert explain_line(ru, payslip.lines[1]) == nbsp(
        "• Премия с выручки: выполнение плана 0_% (план 619_047,62_₽, версия 1), ступень нижняя — премии нет; "
        "план уменьшен пропорционально: 13 из 21 рабочего дня = 0,00_₽"
    )


def test_department_factor_line(ru: PlainTexts) -> None:
    managers = [month_of(department="Москва"), month_of(member_id=2, actual=Decimal(500000), department="Москва")]
    payroll = compute_payroll(managers, AUGUST, RUSSIA, scheme=load_preset("personal_department"))
    assert explain_line(ru, payroll.payslips[0].lines[1]) == nbsp(
        "• Премия с выручки: 7_% от 1_000_000,00_₽; выполнение плана 100_% (план 1_000_000,00_₽, версия 1), "
        "ступень от 100_%; коэффициент отдела «Москва» ×0,8 (план отдела выполнен на 75_%) = 56_000,00_₽"
    )


def test_every_full_scheme_line_explained(ru: PlainTexts, en: PlainTexts) -> None:
    refund = Refund(date(2026, 8, 20), Month(2026, 7), Decimal(100000), Decimal("0.06"), note="договор 17")
    payslip = compute_payslip(
        month_of(
            plan=None,
            actual=Decimal(900000),
            plans={"margin": Plan("margin", Decimal(200000))},
            metrics={
                "cost": Decimal(650000),
                "payments": Decimal(300000),
                "calls": Decimal(700),
                "product_x": Decimal(120000),
                "new_clients": Decimal(3),
                "leads": Decimal(0),
            },
            criteria={"no_complaints": True, "clean_crm": False},
            deductions=(Deduction("late_report", date(2026, 8, 5)),),
            refunds=(refund,),
        ),
        AUGUST,
        RUSSIA,
        scheme=FULL,
    )

    texts = {line.rule: explain_line(ru, line, FULL) for line in payslip.lines}
    assert set(texts) == {
        "salary", "bonus.margin", "bonus.payments", "kpi.calls", "kpi.product_x", "kpi.lead_conversion",
        "criterion.no_complaints", "criterion.clean_crm", "refund", "deduction.late_report",
    }
    # Margin 900 000 - 650 000 = 250 000 on a 200 000 plan (125 %): 120 000 x 4 % + 80 000 x 6 % + 20 000 fixed.
    assert texts["bonus.margin"] == nbsp(
        "• Премия с маржи: фиксированная сумма за ступень от 100_%; выполнение плана 125_% "
        "(план 200_000,00_₽, версия 1) = 29_600,00_₽"
    )
    assert texts["bonus.payments"] == nbsp("• Бонус за поступления: 2,5_% от 300_000,00_₽ = 7_500,00_₽")
    # 700 of 800 calls = 87.5 %: 8 000 x 0.875 = 7 000.
    assert texts["kpi.calls"] == nbsp(
        "• KPI: звонки: 700 звонков из цели 800 звонков (87,5_%) от доли 8_000,00_₽ (40_% фонда 20_000,00_₽)"
        " = 7_000,00_₽"
    )
    assert texts["kpi.product_x"].endswith(nbsp("; учтено не более 100_% = 4_000,00_₽"))
    assert texts["kpi.lead_conversion"] == nbsp(
        "• KPI: конверсия лидов в клиентов: нет данных для расчёта: 0 лидов = 0,00_₽"
    )
    assert texts["criterion.no_complaints"] == nbsp(
        "• Критерий «Нет жалоб клиентов»: да; 10_% фонда 20_000,00_₽ = 2_000,00_₽"
    )
    assert texts["criterion.clean_crm"] == nbsp("• Критерий «CRM в порядке»: нет = 0,00_₽")
    assert texts["refund"] == nbsp(
        "• Корректировка за июль 2026: возврат, оформленный 20.08.2026: 100_000,00_₽ × 6_%; договор 17 = -6_000,00_₽"
    )
    assert texts["deduction.late_report"] == nbsp(
        "• Депремирование: Отчёт сдан не вовремя, 05.08.2026 = -500,00_₽"
    )
    for line in payslip.lines:
        assert "{" not in explain_line(en, line, FULL)


def test_not_deducted_shown(ru: PlainTexts) -> None:
    line = PayLine(LineKind.DEDUCTION, Decimal("-100.00"), code="late", title="Опоздание", requested=Decimal("500.00"))
    assert explain_line(ru, line) == nbsp(
        "• Депремирование: Опоздание; не удержано 400,00_₽: премии не хватило = -100,00_₽"
    )


def test_names_escaped_for_telegram() -> None:
    plain = load_texts("ru")
    html = Texts(plain.core, "ru")
    line = PayLine(LineKind.DEDUCTION, Decimal("-1.00"), code="x", title="<b>Опоздание</b>", requested=Decimal("1.00"))
    assert "&lt;b&gt;Опоздание&lt;/b&gt;" in explain_line(html, line)
    assert "<b>Опоздание</b>" in explain_line(plain, line)


BAD_SCHEMES = [
    '[bonus\n',
    'title = "Т"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\n',
    'title = "Т"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 7 }]\n',
    'title = "Т"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "5 %" }, { from = "50 %", rate = 0.07 }]\n',
    'title = "Т"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "0 %" }, { from = "0 %", rate = "5 %" }]\n',
    'title = "Т"\neffective_from = "2026-11"\n[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "5 %" }]\n'
    '[kpi]\npool = 1\n[[kpi.targets]]\nmetric = "calls"\nweight = "90 %"\n',
]


@pytest.mark.parametrize("text", BAD_SCHEMES, ids=["syntax", "missing", "bare", "units", "bounds", "weights"])
@pytest.mark.parametrize("locale", ["ru", "en"])
def test_scheme_errors_render(text: str, locale: str) -> None:
    with pytest.raises(SchemeError) as caught:
        load_scheme(text)
    message = scheme_error_text(load_texts(locale), caught.value)
    assert "{ $" not in message
    if caught.value.params["path"]:
        assert caught.value.params["path"] in message


def test_scheme_error_in_russian(ru: PlainTexts) -> None:
    with pytest.raises(SchemeError) as caught:
        load_scheme(BAD_SCHEMES[2])
    assert scheme_error_text(ru, caught.value) == (
        'Ошибка в схеме оплаты, ключ bonus.tiers[0].rate: 7 без знака % читается как доля, то есть 7 × 100 %. '
        'Если имеется в виду 7 процентов, напишите "7 %".'
    )


def test_streak_warnings_mention_external_causes(ru: PlainTexts, en: PlainTexts) -> None:
    below = Fraction(9, 10)
    history = [(Month(2026, 9), below), (Month(2026, 10), below), (Month(2026, 11), below)]
    act = streak_warning(1, "Анна", history)
    watch = streak_warning(1, "Анна", history[1:])
    assert act is not None and watch is not None
    assert streak_warning_text(ru, watch).startswith(
        "Анна: план не выполнен 2 месяца подряд, последний из них — ноябрь 2026."
    )
    assert "внешние причины" in streak_warning_text(ru, watch)
    assert "3 месяца подряд" in streak_warning_text(ru, act)
    assert "внешние" in streak_warning_text(ru, act)
    assert "external" in streak_warning_text(en, act)
