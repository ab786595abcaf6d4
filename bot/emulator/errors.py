"""Errors that the emulator returns to Bot API clients."""

from __future__ import annotations

from typing import Any


class BotAPIError(Exception):
    """An error response: ``{"ok": false, "error_code": ..., "description": ...}``.

    ``parameters`` is the Bot API ResponseParameters object (``retry_after``,
    ``migrate_to_chat_id``). The HTTP status equals ``error_code``.
    """

    def __init__(self, error_code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(f"{error_code} {description}")
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def to_response(self) -> dict[str, Any]:
        """Build the JSON body of the error response."""
        body: dict[str, Any] = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str, parameters: dict[str, Any] | None = None) -> BotAPIError:
    """Build a 400 error with Telegram's "Bad Request: " prefix."""
    return BotAPIError(400, f"Bad Request: {reason}", parameters)


def forbidden(reason: str) -> BotAPIError:
    """Build a 403 error with Telegram's "Forbidden: " prefix."""
    return BotAPIError(403, f"Forbidden: {reason}")
