"""EmulatorClient: the emulator's control API over HTTP, for an emulator in another process."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Any

import aiohttp

from .control_http import MAX_SENT_WAIT_SECONDS
from .server import describe_sent


class EmulatorControlError(Exception):
    """A control request that the emulator rejected."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class EmulatorClient:
    """Drive a BotAPIEmulator through its /control/ routes, with the emulator's method names.

    Use as ``async with EmulatorClient(base_url) as client: ...``.
    """

    def __init__(self, base_url: str) -> None:
        self._base_url = base_url.rstrip("/")
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> EmulatorClient:
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        if self._session is None:
            raise RuntimeError("use EmulatorClient as an async context manager")
        async with self._session.request(method, f"{self._base_url}/control/{path}", **kwargs) as response:
            if response.content_type != "application/json":
                if response.status >= 400:
                    raise EmulatorControlError(response.status, await response.text())
                return await response.read()
            body = await response.json()
            if response.status >= 400:
                raise EmulatorControlError(response.status, body.get("error", str(body)))
            return body

    async def _post(self, path: str, **arguments: Any) -> Any:
        body = await self._request("POST", path, json=arguments)
        return body["result"]

    async def bot_user(self) -> dict[str, Any]:
        """Return the bot's User object."""
        return (await self._request("GET", "bot"))["bot_user"]

    async def add_user(self, user_id: int, first_name: str, **fields: Any) -> dict[str, Any]:
        """See BotAPIEmulator.add_user."""
        return await self._post("users", user_id=user_id, first_name=first_name, **fields)

    async def add_private_chat(self, user_id: int, first_name: str, **fields: Any) -> dict[str, Any]:
        """See BotAPIEmulator.add_private_chat."""
        return await self._post("private_chats", user_id=user_id, first_name=first_name, **fields)

    async def add_group(self, chat_id: int, title: str, type: str = "group", **fields: Any) -> dict[str, Any]:
        """See BotAPIEmulator.add_group."""
        return await self._post("groups", chat_id=chat_id, title=title, type=type, **fields)

    async def send_message(
        self, chat_id: int, user_id: int, text: str, *, reply_to: int | None = None, edit_of: int | None = None
    ) -> dict[str, Any]:
        """See BotAPIEmulator.send_message."""
        return await self._post(
            "messages", chat_id=chat_id, user_id=user_id, text=text, reply_to=reply_to, edit_of=edit_of
        )

    async def press_button(self, chat_id: int, user_id: int, message_id: int, data: str) -> dict[str, Any]:
        """See BotAPIEmulator.press_button."""
        return await self._post(
            "callback_queries", chat_id=chat_id, user_id=user_id, message_id=message_id, data=data
        )

    async def add_chat_member_update(self, chat_id: int, user_id: int, status: str) -> dict[str, Any]:
        """See BotAPIEmulator.add_chat_member_update."""
        return await self._post("chat_member_updates", chat_id=chat_id, user_id=user_id, status=status)

    async def migrate_group(self, chat_id: int, supergroup_id: int, user_id: int) -> dict[str, Any]:
        """See BotAPIEmulator.migrate_group."""
        return await self._post("group_migrations", chat_id=chat_id, supergroup_id=supergroup_id, user_id=user_id)

    async def fail_next(self, method: str, error_code: int, description: str, **options: Any) -> None:
        """See BotAPIEmulator.fail_next."""
        await self._post("faults", method=method, error_code=error_code, description=description, **options)

    async def sent(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        """See BotAPIEmulator.sent."""
        params = {} if chat_id is None else {"chat_id": str(chat_id)}
        return (await self._request("GET", "sent", params=params))["messages"]

    async def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 10.0, *, after: int = 0
    ) -> dict[str, Any]:
        """See BotAPIEmulator.wait_for. The server keeps each request open until the bot sends or edits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        body = await self._request("GET", "sent")
        while True:
            for message in body["messages"][after:]:
                if predicate(message):
                    return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    f"no sent message matched within {timeout} s; the bot sent {describe_sent(body['messages'])}"
                )
            wait = min(remaining, MAX_SENT_WAIT_SECONDS)
            params = {"after_version": str(body["version"]), "timeout": str(wait)}
            body = await self._request("GET", "sent", params=params)

    async def commands(self) -> list[dict[str, Any]]:
        """See BotAPIEmulator.commands."""
        return (await self._request("GET", "commands"))["result"]

    async def pending_updates(self) -> int:
        """See BotAPIEmulator.pending_updates."""
        return (await self._request("GET", "pending_updates"))["count"]

    async def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        """See BotAPIEmulator.calls."""
        params = {} if method is None else {"method": method}
        return (await self._request("GET", "calls", params=params))["result"]

    async def file_bytes(self, file_id: str) -> bytes:
        """See BotAPIEmulator.file_bytes."""
        return await self._request("GET", f"files/{file_id}")
