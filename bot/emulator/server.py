"""A local Telegram Bot API emulator: an aiohttp server plus a control API for tests and the demo.

The bot connects through ``TelegramAPIServer.from_base(emulator.base_url)``.
Tests and the demo play the users through the control methods of
``BotAPIEmulator`` in the same event loop, or over HTTP under ``/control/``
(routes in ``control_http.py``, client in ``client.py``).
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import mimetypes
import re
import time
from collections import deque
from collections.abc import Callable
from functools import partial
from types import TracebackType
from typing import Any

from aiohttp import web

from .content import MESSAGE_TEXT_MAX_LENGTH
from .control_http import control_routes
from .entities import find_bot_commands
from .errors import BotAPIError
from .methods import BotAPIMethods
from .params import read_params
from .state import BOT_STATUSES, PRESENT_STATUSES, ChatState, EmulatorState, Fault, StoredFile, now

logger = logging.getLogger(__name__)

_TOKEN_PATTERN = re.compile(r"(\d+):[A-Za-z0-9_-]+")
# Large enough for a 50 MB document, the Bot API upload limit, plus form overhead.
_MAX_REQUEST_BYTES = 64 * 1024 * 1024
_SHUTDOWN_TIMEOUT_SECONDS = 5.0
_dumps = partial(json.dumps, ensure_ascii=False)


def mask_token(token: str) -> str:
    """Return the token with its secret part hidden, for logs: "123456:***"."""
    bot_id, _, _secret = token.partition(":")
    return f"{bot_id}:***"


class BotAPIEmulator:
    """An emulated Telegram Bot API for one bot, bound to 127.0.0.1 on a port the OS picks.

    Chats exist only once created with ``add_private_chat`` or ``add_group``. Users
    act through ``send_message``, ``press_button`` and ``add_chat_member_update``,
    and ``fail_next`` makes the next calls of a method fail. Call the control
    methods from the event loop that runs the emulator, because they are not
    thread-safe.

    With ``strict_html_references`` (the default), an "&" in HTML text that does not
    start &lt; &gt; &amp; &quot; or a numeric reference is rejected. Telegram
    keeps such an "&" as text, but it nearly always means a name was not escaped.
    """

    def __init__(
        self,
        token: str = "123456:TEST",
        bot_username: str = "salesboard_bot",
        bot_name: str = "Salesboard",
        *,
        strict_html_references: bool = True,
    ) -> None:
        match = _TOKEN_PATTERN.fullmatch(token)
        if match is None:
            raise ValueError('token must look like "<bot id>:<secret>", e.g. "123456:TEST"')
        self._token = token
        bot_user = {
            "id": int(match.group(1)),
            "is_bot": True,
            "first_name": bot_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self._state = EmulatorState(bot_user=bot_user)
        self._methods = BotAPIMethods(self._state, strict_html_references=strict_html_references)
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None
        self._next_callback_query = 1

    @property
    def base_url(self) -> str:
        """Base URL such as "http://127.0.0.1:41234", for TelegramAPIServer.from_base."""
        if self._base_url is None:
            raise RuntimeError("the emulator is not started; call start() first")
        return self._base_url

    @property
    def token(self) -> str:
        """Bot token the emulator accepts."""
        return self._token

    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot's User object, as getMe returns it."""
        return dict(self._state.bot_user)

    # Lifecycle

    async def start(self) -> str:
        """Start serving on 127.0.0.1 and return the base URL."""
        if self._runner is not None:
            raise RuntimeError("the emulator is already started")
        app = web.Application(client_max_size=_MAX_REQUEST_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_bot_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.add_routes(control_routes(self))

        # handler_cancellation ends a long-polling getUpdates as soon as its client
        # disconnects, as Telegram does, instead of keeping it until the timeout.
        runner = web.AppRunner(
            app,
            handle_signals=False,
            access_log=None,
            handler_cancellation=True,
            shutdown_timeout=_SHUTDOWN_TIMEOUT_SECONDS,
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._methods.reopen()
        host, port = runner.addresses[0][:2]
        self._runner = runner
        self._base_url = f"http://{host}:{port}"
        logger.info("Bot API emulator started at %s for bot %s", self._base_url, mask_token(self._token))
        return self._base_url

    async def stop(self) -> None:
        """Stop serving, after waiting getUpdates calls return an empty list."""
        if self._runner is None:
            return
        self._methods.close()
        await self._runner.cleanup()
        self._runner = None
        logger.info("Bot API emulator at %s stopped", self._base_url)

    async def __aenter__(self) -> BotAPIEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # Bot API over HTTP

    async def _handle_bot_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        call: dict[str, Any] = {
            "number": len(self._state.calls) + 1,
            "method": method,
            "content_type": request.content_type,
            "params": {},
            "files": {},
            "time": time.time(),
        }
        self._state.calls.append(call)
        self._state.calls_changed.notify()
        try:
            if request.match_info["token"] != self._token:
                raise BotAPIError(401, "Unauthorized")
            handler = self._methods.handlers.get(method.lower())
            if handler is None:
                raise BotAPIError(404, "Not Found: method not found")
            try:
                params, files = await read_params(request)
            except web.HTTPRequestEntityTooLarge:
                raise BotAPIError(413, "Request Entity Too Large") from None
            call["params"] = copy.deepcopy(params)
            call["files"] = {
                name: {"filename": upload.filename, "content_type": upload.content_type, "size": len(upload.data)}
                for name, upload in files.items()
            }
            self._state.calls_changed.notify()
            self._raise_fault(method)
            result = await handler(params, files)
        except BotAPIError as error:
            call["status"] = error.error_code
            call["description"] = error.description
            logger.info("%s failed with %s: %s", method, error.error_code, error.description)
            return web.json_response(error.to_response(), status=error.error_code, dumps=_dumps)
        call["status"] = 200
        return web.json_response({"ok": True, "result": result}, dumps=_dumps)

    def _raise_fault(self, method: str) -> None:
        faults = self._state.faults.get(method.lower())
        if not faults:
            return
        fault = faults[0]
        fault.remaining -= 1
        if fault.remaining == 0:
            faults.popleft()
        logger.warning("Injected fault for %s: %s %s", method, fault.error_code, fault.description)
        raise BotAPIError(fault.error_code, fault.description, fault.parameters)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self._token:
            error = BotAPIError(401, "Unauthorized")
            return web.json_response(error.to_response(), status=401)
        path = request.match_info["path"]
        for stored in self._state.files.values():
            if stored.file_path == path:
                return web.Response(body=stored.data, content_type=stored.mime_type or "application/octet-stream")
        error = BotAPIError(404, "Not Found")
        return web.json_response(error.to_response(), status=404)

    # Control API: users and chats

    def add_user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> dict[str, Any]:
        """Register a user who has not started the bot and return the User object.

        The bot gets 403 when it writes to such a user. ``add_private_chat`` starts
        the conversation.
        """
        if user_id <= 0:
            raise ValueError(f"user_id must be positive, got {user_id}")
        if not first_name:
            raise ValueError("first_name must not be empty")
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        if language_code:
            user["language_code"] = language_code
        self._state.users[user_id] = user
        return dict(user)

    def add_private_chat(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> dict[str, Any]:
        """Register a user with a private chat with the bot and return the Chat object.

        As in Telegram, the private chat has the user's id.
        """
        self.add_user(user_id, first_name, last_name, username, language_code)
        chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
        if last_name:
            chat["last_name"] = last_name
        if username:
            chat["username"] = username
        existing = self._state.chats.get(user_id)
        if existing is not None:
            existing.chat = chat
        else:
            self._state.chats[user_id] = ChatState(chat=chat)
        return dict(chat)

    def add_group(
        self, chat_id: int, title: str, type: str = "group", *, bot_status: str = "member"
    ) -> dict[str, Any]:
        """Register a group or supergroup and return the Chat object.

        ``bot_status`` is the bot's membership. Use "left" and then
        ``add_chat_member_update`` to play the bot being added.
        """
        if chat_id >= 0:
            raise ValueError(f"group chat ids are negative, got {chat_id}")
        if type not in ("group", "supergroup"):
            raise ValueError(f'type must be "group" or "supergroup", got {type!r}')
        if bot_status not in BOT_STATUSES:
            raise ValueError(f"bot_status must be one of {sorted(BOT_STATUSES)}, got {bot_status!r}")
        if chat_id in self._state.chats:
            raise ValueError(f"chat {chat_id} already exists")
        chat = {"id": chat_id, "type": type, "title": title}
        self._state.chats[chat_id] = ChatState(chat=chat, bot_status=bot_status)
        return dict(chat)

    def _chat(self, chat_id: int) -> ChatState:
        chat = self._state.chats.get(chat_id)
        if chat is None:
            raise ValueError(f"chat {chat_id} not found; create it with add_private_chat or add_group")
        return chat

    def _user(self, user_id: int) -> dict[str, Any]:
        user = self._state.users.get(user_id)
        if user is None:
            raise ValueError(f"user {user_id} not found; create them with add_user or add_private_chat")
        return user

    # Control API: updates

    def send_message(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        *,
        reply_to: int | None = None,
        edit_of: int | None = None,
    ) -> dict[str, Any]:
        """Queue a message from a user, or an edited_message for ``edit_of``, and return the update.

        Bot commands in the text ("/report", "/report@salesboard_bot", "/start abc")
        get bot_command entities with UTF-16 offsets, as Telegram adds them.
        """
        chat = self._chat(chat_id)
        user = self._user(user_id)
        if chat.type == "private" and chat_id != user_id:
            raise ValueError(f"only user {chat_id} writes in private chat {chat_id}, not user {user_id}")
        if chat.bot_status not in PRESENT_STATUSES:
            raise ValueError(
                f"the bot is {chat.bot_status!r} in chat {chat_id} and would not get the message; "
                "call add_chat_member_update first"
            )
        if not text.strip():
            raise ValueError("text must not be empty")
        if len(text) > MESSAGE_TEXT_MAX_LENGTH:
            raise ValueError(f"text is {len(text)} characters, Telegram allows {MESSAGE_TEXT_MAX_LENGTH}")
        entities = find_bot_commands(text)

        if edit_of is not None:
            message = chat.messages.get(edit_of)
            if message is None or message["from"]["id"] != user_id:
                raise ValueError(f"user {user_id} has no message {edit_of} in chat {chat_id} to edit")
            message["text"] = text
            message.pop("entities", None)
            if entities:
                message["entities"] = entities
            message["edit_date"] = now()
            return self._state.queue_update("edited_message", copy.deepcopy(message))

        message = {
            "message_id": chat.take_message_id(),
            "from": dict(user),
            "chat": dict(chat.chat),
            "date": now(),
        }
        if reply_to is not None:
            target = chat.messages.get(reply_to)
            if target is None:
                raise ValueError(f"chat {chat_id} has no message {reply_to} to reply to")
            target = copy.deepcopy(target)
            target.pop("reply_to_message", None)
            message["reply_to_message"] = target
        message["text"] = text
        if entities:
            message["entities"] = entities
        chat.messages[message["message_id"]] = message
        return self._state.queue_update("message", copy.deepcopy(message))

    def press_button(self, chat_id: int, user_id: int, message_id: int, data: str) -> dict[str, Any]:
        """Queue a callback_query for an inline button of a message the bot sent and return the update."""
        chat = self._chat(chat_id)
        user = self._user(user_id)
        message = chat.messages.get(message_id)
        if message is None or message["from"]["id"] != self._state.bot_user["id"]:
            raise ValueError(f"the bot sent no message {message_id} in chat {chat_id}")
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        button_data = [button.get("callback_data") for row in rows for button in row]
        if data not in button_data:
            raise ValueError(
                f"message {message_id} has no button with callback_data {data!r}; its buttons have {button_data}"
            )

        query_id = str(self._next_callback_query)
        self._next_callback_query += 1
        query = {
            "id": query_id,
            "from": dict(user),
            "message": copy.deepcopy(message),
            "chat_instance": f"emulator-{chat_id}",
            "data": data,
        }
        self._state.callback_queries[query_id] = {"query": query}
        return self._state.queue_update("callback_query", copy.deepcopy(query))

    def send_document(
        self, chat_id: int, user_id: int, filename: str, data: bytes, *, caption: str | None = None
    ) -> dict[str, Any]:
        """Queue a message in which a user sends a file; the bot can fetch it with getFile.

        ``file_size`` is the real size, so a bot can refuse a large file before downloading it.
        """
        chat = self._chat(chat_id)
        user = self._user(user_id)
        if chat.type == "private" and chat_id != user_id:
            raise ValueError(f"only user {chat_id} writes in private chat {chat_id}, not user {user_id}")
        number = len(self._state.files) + 1
        stored = StoredFile(
            file_id=f"emulator-upload-{number}",
            file_unique_id=f"emulator-upload-unique-{number}",
            file_path=f"documents/upload_{number}_{filename}",
            file_name=filename,
            mime_type=mimetypes.guess_type(filename)[0],
            data=data,
        )
        self._state.files[stored.file_id] = stored
        message: dict[str, Any] = {
            "message_id": chat.take_message_id(),
            "from": dict(user),
            "chat": dict(chat.chat),
            "date": now(),
            "document": {
                "file_id": stored.file_id,
                "file_unique_id": stored.file_unique_id,
                "file_name": filename,
                "mime_type": stored.mime_type or "application/octet-stream",
                "file_size": len(data),
            },
        }
        if caption:
            message["caption"] = caption
        chat.messages[message["message_id"]] = message
        return self._state.queue_update("message", copy.deepcopy(message))

    def add_chat_member_update(self, chat_id: int, user_id: int, status: str) -> dict[str, Any]:
        """Change the bot's status in a chat, queue the my_chat_member update and return it.

        ``status`` is member, administrator, left or kicked. In a private chat
        "kicked" means the user blocked the bot and "member" that they unblocked it.
        """
        chat = self._chat(chat_id)
        user = self._user(user_id)
        if status not in BOT_STATUSES:
            raise ValueError(f"status must be one of {sorted(BOT_STATUSES)}, got {status!r}")
        if chat.type == "private" and status not in ("member", "kicked"):
            raise ValueError(f'in a private chat the status is "member" or "kicked", got {status!r}')
        old_status = chat.bot_status
        chat.bot_status = status
        payload = {
            "chat": dict(chat.chat),
            "from": dict(user),
            "date": now(),
            "old_chat_member": self._bot_member(old_status),
            "new_chat_member": self._bot_member(status),
        }
        return self._state.queue_update("my_chat_member", payload)

    def _bot_member(self, status: str) -> dict[str, Any]:
        member: dict[str, Any] = {"status": status, "user": dict(self._state.bot_user)}
        if status == "kicked":
            member["until_date"] = 0
        elif status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
                can_send_welcome_messages=False,
                can_pin_messages=True,
            )
        return member

    def migrate_group(self, chat_id: int, supergroup_id: int, user_id: int) -> dict[str, Any]:
        """Upgrade a group to a supergroup, as a user does in Telegram, and return the new Chat object.

        The group's service message with migrate_to_chat_id and the supergroup's with
        migrate_from_chat_id are queued, and from then on sending to the old id fails
        with 400 and ``parameters.migrate_to_chat_id``.
        """
        group = self._chat(chat_id)
        user = self._user(user_id)
        if group.type != "group" or group.migrated_to_chat_id is not None:
            raise ValueError(f"chat {chat_id} is not a group that can be upgraded")
        supergroup_chat = self.add_group(supergroup_id, group.chat["title"], "supergroup", bot_status=group.bot_status)
        supergroup = self._state.chats[supergroup_id]
        group.migrated_to_chat_id = supergroup_id

        for chat, field, value in (
            (group, "migrate_to_chat_id", supergroup_id),
            (supergroup, "migrate_from_chat_id", chat_id),
        ):
            message = {
                "message_id": chat.take_message_id(),
                "from": dict(user),
                "chat": dict(chat.chat),
                "date": now(),
                field: value,
            }
            chat.messages[message["message_id"]] = message
            self._state.queue_update("message", copy.deepcopy(message))
        return supergroup_chat

    # Control API: faults

    def fail_next(
        self,
        method: str,
        error_code: int,
        description: str,
        *,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` return this error instead of running.

        ``retry_after`` and ``migrate_to_chat_id`` go into the response's
        ``parameters``, as Telegram sends them with 429 and with 400 for an
        upgraded group. Faults for one method are served in the order added.
        """
        if method.lower() not in self._methods.handlers:
            raise ValueError(f"the emulator has no method {method!r}")
        if not 400 <= error_code <= 599:
            raise ValueError(f"error_code must be 400-599, got {error_code}")
        if times < 1:
            raise ValueError(f"times must be at least 1, got {times}")
        parameters: dict[str, Any] = {}
        if retry_after is not None:
            parameters["retry_after"] = retry_after
        if migrate_to_chat_id is not None:
            parameters["migrate_to_chat_id"] = migrate_to_chat_id
        fault = Fault(error_code, description, parameters or None, times)
        self._state.faults.setdefault(method.lower(), deque()).append(fault)
        logger.info("Fault added: next %s call(s) of %s fail with %s %s", times, method, error_code, description)

    # Control API: what the bot did

    def sent(self, chat_id: int | None = None, *, since: int = 0) -> list[dict[str, Any]]:
        """Return the bot's messages (text, photos, documents) in the order sent, edits applied.

        ``since`` is a mark from ``sent_mark``: only messages sent after it are returned.
        """
        return self._state.sent_messages(chat_id, since)

    def sent_mark(self) -> int:
        """Return a mark for ``sent(since=…)``: the number of messages the bot has sent so far."""
        return len(self._state.sent)

    @property
    def sent_version(self) -> int:
        """Counter that grows with every message the bot sends or edits."""
        return self._state.sent_changed.version

    async def wait_sent_change(self, after_version: int, timeout: float) -> int:
        """Wait until ``sent_version`` exceeds ``after_version`` or ``timeout`` seconds pass, and return it."""
        try:
            async with asyncio.timeout(timeout):
                while self._state.sent_changed.version <= after_version:
                    await self._state.sent_changed.event().wait()
        except TimeoutError:
            pass
        return self._state.sent_changed.version

    async def wait_for(
        self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 10.0, *, after: int = 0
    ) -> dict[str, Any]:
        """Return the first sent message that matches ``predicate``, waiting for it up to ``timeout`` seconds.

        The first ``after`` messages of ``sent()`` are skipped, so ``after=len(sent())``
        waits for a new message. Edits count: a message that matches after an edit
        is returned then. Raise TimeoutError, listing what the bot did send, if none
        matches in time.
        """
        try:
            async with asyncio.timeout(timeout):
                while True:
                    changed = self._state.sent_changed.event()
                    for message in self._state.sent_messages()[after:]:
                        if predicate(message):
                            return message
                    await changed.wait()
        except TimeoutError:
            raise TimeoutError(
                f"no sent message matched within {timeout} s; the bot sent {describe_sent(self.sent())}"
            ) from None

    def commands(self) -> list[dict[str, Any]]:
        """Return what setMyCommands stored: one {"scope", "language_code", "commands"} per scope and language."""
        return copy.deepcopy(list(self._state.commands.values()))

    def pending_updates(self) -> int:
        """Return the number of queued updates that the bot has not confirmed."""
        return len(self._state.updates)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        """Return every Bot API request received, optionally of one method (case-insensitive).

        Each is {"number", "method", "content_type", "params", "files", "time",
        "status"} and, for errors, "description". "number" counts requests from 1.
        "files" has the name, type and size of each uploaded file. "status" is
        missing until the response is ready.
        """
        calls = self._state.calls
        if method is not None:
            calls = [call for call in calls if call["method"].lower() == method.lower()]
        return copy.deepcopy(calls)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[dict[str, Any]], bool] | None = None,
        timeout: float = 10.0,
    ) -> dict[str, Any]:
        """Return the first request of ``method`` (matching ``predicate``), waiting up to ``timeout`` seconds.

        The request is returned as soon as it arrives, before its response is
        ready. For getUpdates that means the bot is polling.
        """
        try:
            async with asyncio.timeout(timeout):
                while True:
                    changed = self._state.calls_changed.event()
                    for call in self.calls(method):
                        if predicate is None or predicate(call):
                            return call
                    await changed.wait()
        except TimeoutError:
            raise TimeoutError(f"no {method} request arrived within {timeout} s") from None

    def file_bytes(self, file_id: str) -> bytes:
        """Return the bytes of a file the bot uploaded, by the file_id in the sent message."""
        stored = self._state.files.get(file_id)
        if stored is None:
            raise ValueError(f"no file with file_id {file_id!r}")
        return stored.data


def describe_sent(messages: list[dict[str, Any]], last: int = 5) -> str:
    """Summarize the last sent messages for a failure message."""
    if not messages:
        return "nothing"
    summaries = []
    for message in messages[-last:]:
        if "text" in message:
            summary = repr(message["text"][:80])
        elif "document" in message:
            summary = f"document {message['document'].get('file_name')!r}"
        elif "photo" in message:
            summary = "photo"
        else:
            summary = "message"
        summaries.append(f"chat {message['chat']['id']}: {summary}")
    return f"{len(messages)}, the last: " + "; ".join(summaries)
