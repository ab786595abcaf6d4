"""Money in the team's currency and the reader's locale, the team setting rules, and currency words in reports."""

from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest

from bot.calc.texts import load_texts
from bot.render.texts import Texts
from bot.report_parser import parse_amount, parse_report
from bot.services import team_settings

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("locale", "currency", "expected"),
    [
        pytest.param("ru", "RUB", "1 250 000,50 ₽", id="ru-rub"),
        pytest.param("ru", "BYN", "1 250 000,50 BYN", id="ru-byn"),
        pytest.param("ru", "KZT", "1 250 000,50 KZT", id="ru-kzt"),
        pytest.param("ru", "USD", "1 250 000,50 $", id="ru-usd"),
        pytest.param("en", "RUB", "RUB 1,250,000.50", id="en-rub"),
        pytest.param("en", "UZS", "UZS 1,250,000.50", id="en-uzs"),
        pytest.param("en", "USD", "$1,250,000.50", id="en-usd"),
        pytest.param("en", "EUR", "€1,250,000.50", id="en-eur"),
    ],
)
def test_money_in_team_currency(locale: str, currency: str, expected: str) -> None:
    texts = Texts(load_texts().core, locale, currency)
    assert texts.money(Decimal("1250000.50")) == expected.replace(" ", NBSP)


def test_money_whole_and_negative() -> None:
    ru = Texts(load_texts().core, "ru", "BYN")
    en = Texts(load_texts().core, "en", "RUB")
    assert ru.money(Decimal("250000"), kopecks=False) == f"250{NBSP}000{NBSP}BYN"
    assert ru.money(Decimal("250000.40"), kopecks=False) == f"250{NBSP}000,40{NBSP}BYN"
    assert en.money(Decimal("-100"), kopecks=False) == f"-RUB{NBSP}100"


def test_money_default_currency_is_rubles() -> None:
    assert Texts(load_texts().core, "ru").money(Decimal("5")) == f"5,00{NBSP}₽"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("250 000 BYN", "250000", id="code"),
        pytest.param("1,2 млн тг", "1200000", id="multiplier-and-word"),
        pytest.param("300к ₸", "300000", id="tenge-sign"),
        pytest.param("5000 $", "5000", id="dollar-sign"),
        pytest.param("250 000 ₽", "250000", id="rubles-still"),
    ],
)
def test_amount_with_currency_word(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


def test_report_with_currency_code() -> None:
    assert parse_report("выручка 250 000 uzs звонки 5").values["revenue"] == Decimal("250000.00")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        pytest.param("Europe/Moscow", "Europe/Moscow", id="iana"),
        pytest.param("asia/yekaterinburg", "Asia/Yekaterinburg", id="lower-case"),
        pytest.param("Novosibirsk", "Asia/Novosibirsk", id="city"),
        pytest.param("Europe/Atlantis", None, id="unknown"),
        pytest.param("../etc/passwd", None, id="path"),
        pytest.param("", None, id="empty"),
    ],
)
def test_normalize_timezone(typed: str, expected: str | None) -> None:
    assert team_settings.normalize_timezone(typed) == expected


def test_setting_rules() -> None:
    assert team_settings.normalize_country(" kz ") == "KZ"
    assert team_settings.normalize_country("XX") is None
    assert team_settings.normalize_currency("byn") == "BYN"
    assert team_settings.normalize_currency("рубли") is None
    assert team_settings.normalize_team_name("  Отдел \n Север ") == "Отдел Север"
    assert team_settings.normalize_team_name("   ") is None
    assert team_settings.normalize_team_name("Я" * 129) is None
    assert team_settings.parse_time("9:05") == time(9, 5)
    assert team_settings.parse_time("24:00") is None
    assert team_settings.times_in_order(time(17), time(18))
    assert not team_settings.times_in_order(time(18), time(18))
