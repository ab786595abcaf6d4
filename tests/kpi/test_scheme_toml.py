import re
from decimal import Decimal

import pytest

from kpi.period import Month
from kpi.presets import PRESET_NAMES, load_preset, preset_text
from kpi.scheme import BonusBase, BonusMode, SchemeHistory
from kpi.scheme_toml import SchemeError, load_scheme
from kpi.tiers import FactorTier, Tier

HEADER = 'title = "Тест"\neffective_from = "2026-11"\n'
TIERS = '''
[bonus]
base = "revenue"
tiers = [
    { from = "0 %", rate = "0 %" },
    { from = "50 %", rate = "5 %" },
]
'''


def scheme_text(body: str = TIERS, header: str = HEADER) -> str:
    return header + body


def test_presets_load() -> None:
    assert PRESET_NAMES == ("flat_percent", "by_attainment", "personal_department")
    for name in PRESET_NAMES:
        scheme = load_preset(name)
        assert scheme.effective_from == Month(2026, 1)
        assert scheme.title


def test_flat_preset_is_one_tier() -> None:
    scheme = load_preset("flat_percent")
    assert scheme.bonus.tiers.tiers == (Tier(Decimal(0), Decimal("0.05")),)
    assert scheme.bonus.tiers.is_flat


def test_attainment_preset_tiers() -> None:
    bonus = load_preset("by_attainment").bonus
    assert [(tier.lower_bound, tier.rate) for tier in bonus.tiers.tiers] == [
        (Decimal("0"), Decimal("0")),
        (Decimal("0.5"), Decimal("0.05")),
        (Decimal("1"), Decimal("0.07")),
        (Decimal("1.2"), Decimal("0.1")),
    ]
    assert bonus.super_bonus is not None
    assert bonus.super_bonus.lower_bound == Decimal("1.5")
    assert bonus.super_bonus.amount == Decimal("30000")
    assert bonus.mode is BonusMode.WHOLE


def test_department_preset_factor() -> None:
    factor = load_preset("personal_department").bonus.department_factor
    assert factor is not None
    assert factor.metric == "revenue"
    assert factor.tiers.tiers == (
        FactorTier(Decimal(0), Decimal("0.5")),
        FactorTier(Decimal("0.7"), Decimal("0.8")),
        FactorTier(Decimal(1), Decimal(1)),
        FactorTier(Decimal("1.2"), Decimal("1.2")),
    )


def test_commented_kpi_example_loads() -> None:
    # The attainment preset shows a KPI premium and a deduction in comments;
    # uncommented, they must load as written.
    text = preset_text("by_attainment")
    head, example = text.split("# Премию за KPI", 1)
    uncommented = "\n".join(re.sub(r"^# ?", "", line) for line in example.splitlines()[1:])
    scheme = load_scheme(head + uncommented)
    assert scheme.kpi is not None
    assert scheme.kpi.pool == Decimal("15000")
    assert [target.metric for target in scheme.kpi.targets] == ["calls", "meetings"]
    assert scheme.kpi.targets[0].threshold == Decimal("0.7")
    assert scheme.kpi.targets[0].cap == Decimal("1.2")
    assert scheme.deductions[0].amount == Decimal("500")


def test_unknown_preset() -> None:
    with pytest.raises(KeyError, match="flat_percent"):
        preset_text("nope")


def test_full_scheme() -> None:
    scheme = load_scheme(
        scheme_text(
            '''
description = "Для отдела продаж"

[[metrics]]
code = "product_x"
title = "Продукт X"
kind = "money"

[bonus]
base = "margin"
mode = "marginal"
cap = "150 000,50"
tiers = [
    { from = 0, rate = "4 %" },
    { from = "60 %", rate = "6 %" },
    { from = "100 %", fixed = 20000 },
]

[kpi]
pool = 20000
[[kpi.targets]]
metric = "calls"
weight = "50 %"
target = 800
threshold = "80 %"
cap = "120 %"
[[kpi.targets]]
metric = "lead_conversion"
weight = "25 %"
target = "25 %"
[[kpi.criteria]]
code = "crm_clean"
title = "CRM в порядке"
weight = "25 %"

[[deductions]]
code = "late_report"
title = "Отчёт не вовремя"
amount = "500"

[health]
fixed_share_min = "25 %"
fixed_share_max = "45 %"
min_spread = "40 %"
'''
        )
    )
    assert scheme.description == "Для отдела продаж"
    assert scheme.bonus.base is BonusBase.MARGIN
    assert scheme.bonus.mode is BonusMode.MARGINAL
    assert scheme.bonus.cap == Decimal("150000.50")
    assert scheme.bonus.tiers.tiers[2] == Tier(Decimal(1), Decimal(0), Decimal(20000))
    assert scheme.kpi is not None
    assert scheme.kpi.targets[1].target == Decimal("0.25")
    assert scheme.kpi.criteria[0].title == "CRM в порядке"
    assert scheme.deductions[0].code == "late_report"
    assert scheme.metrics[0].code == "product_x"
    assert "product_x" in scheme.metric_codes
    assert scheme.health.min_spread == Decimal("0.4")


def test_toml_float_read_as_decimal() -> None:
    # 0.07 in TOML is a float; it must arrive as Decimal("0.07"), not 0.07000000000000000666.
    scheme = load_scheme(scheme_text('[bonus]\nbase = "revenue"\ntiers = [ { from = 0, rate = 0.07 } ]\n'))
    assert scheme.bonus.tiers.tiers[0].rate == Decimal("0.07")


def test_several_bonus_rules() -> None:
    scheme = load_scheme(
        scheme_text(
            '''
[[bonus]]
base = "revenue"
tiers = [ { from = "0 %", rate = "7 %" } ]
[[bonus]]
title = "Бонус за оплаты"
base = "payments"
tiers = [ { from = "0 %", rate = "2,5 %" } ]
'''
        )
    )
    assert [rule.base for rule in scheme.bonuses] == [BonusBase.REVENUE, BonusBase.PAYMENTS]
    assert scheme.bonuses[1].tiers.tiers[0].rate == Decimal("0.025")
    assert scheme.bonuses[1].title == "Бонус за оплаты"


def error_of(text: str) -> SchemeError:
    with pytest.raises(SchemeError) as caught:
        load_scheme(text)
    return caught.value


@pytest.mark.parametrize(
    ("body", "key", "path", "value"),
    [
        pytest.param('[bonus\nbase = "revenue"', "rules-error-syntax", "", "", id="syntax"),
        pytest.param('[bonus]\nbase = "revenue"\n', "rules-error-missing", "bonus.tiers", "", id="no-tiers"),
        pytest.param(
            '[bonus]\nbase = "revenue"\nrates = []\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-unknown-key", "bonus.rates", "", id="typo-key",
        ),
        pytest.param(
            '[bonus]\nbase = "sales"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-choice", "bonus.base", '"sales"', id="unknown-base",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\nmode = "progressive"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-choice", "bonus.mode", '"progressive"', id="unknown-mode",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = []\n', "rules-error-tiers-empty", "bonus.tiers", "", id="empty-tiers",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "50 %", rate = "5 %" }]\n',
            "rules-error-first-tier-not-zero", "bonus.tiers[0].from", '"50 %"', id="first-not-zero",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "0 %" }, { from = "100 %", rate = "7 %" },'
            ' { from = "100 %", rate = "10 %" }]\n',
            "rules-error-bounds-not-increasing", "bonus.tiers[2].from", '"100 %"', id="equal-bounds",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "0 %" }, { from = "120 %", rate = "7 %" },'
            ' { from = "100 %", rate = "10 %" }]\n',
            "rules-error-bounds-not-increasing", "bonus.tiers[2].from", '"100 %"', id="decreasing-bounds",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "5 %" }, { from = "100 %", rate = 0.07 }]\n',
            "rules-error-mixed-units", "bonus.tiers[1].rate", "0.07", id="rates-in-two-units",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 0 }, { from = "50 %", rate = 0.05 },'
            ' { from = 1, rate = 0.07 }]\n',
            "rules-error-mixed-units", "bonus.tiers[2].from", "1", id="bounds-in-two-units",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 7 }]\n',
            "rules-error-bare-number", "bonus.tiers[0].rate", "7", id="percent-without-sign",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 0 }, { from = 50, rate = 0.05 }]\n',
            "rules-error-bare-number", "bonus.tiers[1].from", "50", id="bound-without-sign",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "150 %" }]\n',
            "rules-error-rate-above-100", "bonus.tiers[0].rate", '"150 %"', id="rate-above-100",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "пять" }]\n',
            "rules-error-not-percent", "bonus.tiers[0].rate", '"пять"', id="rate-not-percent",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "5 %", fixed = 100 }]\n',
            "rules-error-rate-and-fixed", "bonus.tiers[0]", "", id="rate-and-fixed",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %" }]\n',
            "rules-error-rate-or-fixed", "bonus.tiers[0]", "", id="no-rate",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "-5 %" }]\n',
            "rules-error-negative", "bonus.tiers[0].rate", '"-5 %"', id="negative-rate",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ncap = "сто тысяч"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-not-money", "bonus.cap", '"сто тысяч"', id="cap-not-money",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ncap = "100,005"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-too-precise", "bonus.cap", '"100,005"', id="cap-below-kopeck",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\nmode = "marginal"\nplan_metric = "margin"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-marginal-plan-metric", "bonus.plan_metric", '"margin"', id="marginal-other-plan",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\nplan_metric = "visits"\ntiers = [{ from = "0 %", rate = "5 %" }]\n',
            "rules-error-unknown-metric", "bonus.plan_metric", '"visits"', id="unknown-plan-metric",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.targets]]\nmetric = "calls"\nweight = "60 %"\n'
            '[[kpi.targets]]\nmetric = "meetings"\nweight = "30 %"\n',
            "rules-error-weights-sum", "kpi", '"90 %"', id="weights-not-100",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.targets]]\nmetric = "calls"\nweight = "100 %"\nthreshold = "90 %"\ncap = "80 %"\n',
            "rules-error-threshold-above-cap", "kpi.targets[0].threshold", '"90 %"', id="threshold-above-cap",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.targets]]\nmetric = "lead_conversion"\nweight = "100 %"\n',
            "rules-error-missing", "kpi.targets[0].target", "", id="ratio-needs-target",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.targets]]\nmetric = "lead_conversion"\nweight = "100 %"\ntarget = 25\n',
            "rules-error-target-needs-percent", "kpi.targets[0].target", "25", id="ratio-target-number",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.targets]]\nmetric = "calls"\nweight = "100 %"\ntarget = "80 %"\n',
            "rules-error-target-not-percent", "kpi.targets[0].target", '"80 %"', id="count-target-percent",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1000\n[[kpi.criteria]]\ncode = "smiles"\nweight = "100 %"\n',
            "rules-error-criterion-needs-title", "kpi.criteria[0].code", '"smiles"', id="custom-criterion-title",
        ),
        pytest.param(TIERS + "[kpi]\npool = 1000\n", "rules-error-kpi-empty", "kpi", "", id="kpi-empty"),
        pytest.param(
            TIERS + '[[deductions]]\ncode = "late"\ntitle = "А"\namount = 1\n[[deductions]]\ncode = "late"\ntitle = "Б"\namount = 2\n',
            "rules-error-duplicate-code", "deductions[1].code", '"late"', id="duplicate-deduction",
        ),
        pytest.param(
            TIERS + '[[deductions]]\ncode = "опоздание на час"\ntitle = "А"\namount = 1\n',
            "rules-error-bad-code", "deductions[0].code", '"опоздание на час"', id="code-with-spaces",
        ),
        pytest.param(
            TIERS + '[[metrics]]\ncode = "calls"\ntitle = "Звонки"\n',
            "rules-error-builtin-metric", "metrics[0].code", '"calls"', id="custom-metric-builtin",
        ),
        pytest.param(
            TIERS + '[health]\nfixed_share_min = "60 %"\nfixed_share_max = "50 %"\n',
            "rules-error-fixed-share-range", "health.fixed_share_max", '"50 %"', id="fixed-share-range",
        ),
        pytest.param(
            '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = true }]\n',
            "rules-error-not-percent", "bonus.tiers[0].rate", "true", id="bool-rate",
        ),
        pytest.param(
            TIERS + '[kpi]\npool = 1e300\n[[kpi.criteria]]\ncode = "no_complaints"\nweight = "100 %"\n',
            "rules-error-number-too-large", "kpi.pool", "1E+300", id="pool-1e300",
        ),
        pytest.param(
            TIERS + '[[deductions]]\ncode = "late"\ntitle = "Опоздание"\namount = 10000000000000\n',
            "rules-error-number-too-large", "deductions[0].amount", "10000000000000", id="deduction-above-trillion",
        ),
        pytest.param(
            TIERS + '[[deductions]]\ncode = "late"\ntitle = "' + "Я" * 101 + '"\namount = 1000\n',
            "rules-error-text-too-long", "deductions[0].title", '"' + "Я" * 60 + '…"', id="long-deduction-title",
        ),
        pytest.param(
            "x = " + "[" * 5000 + "]" * 5000 + "\n", "rules-error-too-deep", "", "", id="nested-arrays",
        ),
    ],
)
def test_scheme_error(body: str, key: str, path: str, value: str) -> None:
    error = error_of(scheme_text(body))
    assert error.key == key
    assert error.params["path"] == path
    assert error.params["value"] == value


def test_syntax_error_names_line() -> None:
    error = error_of('title = "Т"\neffective_from = "2026-11"\n[bonus\n')
    assert error.params["line"] == "3"
    assert error.params["column"].isdigit()


@pytest.mark.parametrize(
    ("header", "key", "path"),
    [
        pytest.param('effective_from = "2026-11"\n', "rules-error-missing", "title", id="no-title"),
        pytest.param('title = "Т"\n', "rules-error-missing", "effective_from", id="no-month"),
        pytest.param('title = "Т"\neffective_from = "ноябрь"\n', "rules-error-not-month", "effective_from", id="bad-month"),
        pytest.param('title = ""\neffective_from = "2026-11"\n', "rules-error-not-text", "title", id="empty-title"),
        pytest.param(
            'title = "' + "Т" * 3000 + '"\neffective_from = "2026-11"\n', "rules-error-text-too-long", "title",
            id="title-3000-chars",
        ),
        pytest.param('titel = "Т"\ntitle = "Т"\neffective_from = "2026-11"\n', "rules-error-unknown-key", "titel", id="typo"),
    ],
)
def test_header_error(header: str, key: str, path: str) -> None:
    error = error_of(scheme_text(TIERS, header))
    assert error.key == key
    assert error.params["path"] == path


def test_error_message_names_key_value_and_fix() -> None:
    error = error_of(scheme_text('[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 7 }]\n'))
    message = str(error)
    assert "bonus.tiers[0].rate" in message
    assert "7" in message
    assert '"7 %"' in message


def test_unknown_key_lists_known_keys() -> None:
    error = error_of(scheme_text('[bonus]\nbase = "revenue"\nrates = 1\ntiers = []\n'))
    assert "tiers" in error.params["known"]


def test_money_written_the_russian_way() -> None:
    scheme = load_scheme(
        scheme_text('[bonus]\nbase = "revenue"\ncap = "1 250 000,50 ₽"\ntiers = [{ from = "0 %", rate = "2,5 %" }]\n')
    )
    assert scheme.bonus.cap == Decimal("1250000.50")
    assert scheme.bonus.tiers.tiers[0].rate == Decimal("0.025")


def test_scheme_history_picks_version_in_force() -> None:
    november = load_scheme(scheme_text(TIERS))
    march = load_scheme(scheme_text(TIERS, 'title = "Март"\neffective_from = "2027-03"\n'))
    history = SchemeHistory((march, november))
    assert history.in_force(Month(2026, 11)) is november
    assert history.in_force(Month(2027, 2)) is november
    assert history.in_force(Month(2027, 3)) is march
    assert history.in_force(Month(2030, 1)) is march
    with pytest.raises(LookupError, match="2026-11"):
        history.in_force(Month(2026, 10))


def test_scheme_history_rejects_same_month() -> None:
    with pytest.raises(ValueError, match="same month"):
        SchemeHistory((load_scheme(scheme_text()), load_scheme(scheme_text())))
