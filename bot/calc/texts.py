"""Localized texts for the terminal: the bot's Fluent files, without HTML escaping."""

from __future__ import annotations

from typing import Any

from aiogram_i18n.cores import FluentRuntimeCore

from bot.app import LOCALES_PATH
from bot.render.texts import DEFAULT_LOCALE, Markup, Texts


class PlainTexts(Texts):
    """Texts for a terminal or a file: arguments are passed through as they are, not HTML-escaped."""

    def __call__(self, key: str, **params: Any) -> str:
        plain = {name: str(value) if isinstance(value, Markup) else value for name, value in params.items()}
        return self.core.get(key, self.locale, **plain)


def load_texts(locale: str = DEFAULT_LOCALE) -> PlainTexts:
    """Load every .ftl file of the bot's locales and return texts in ``locale`` (ru or en)."""
    core = FluentRuntimeCore(path=LOCALES_PATH, default_locale=DEFAULT_LOCALE)
    core.locales.update(core.find_locales())
    return PlainTexts(core, locale)
