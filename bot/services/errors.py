"""Errors a user can cause and fix, carrying a message key instead of text."""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A request the bot declines; `key` names the Fluent message that explains the fix."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
