"""The emulator's control API over HTTP, for tests that run the emulator in another process.

Every route takes and returns JSON, except the file download. A POST body contains
the keyword arguments of the BotAPIEmulator method listed next to the route.
Invalid arguments get 400 with ``{"error": "..."}``.

    POST /control/users                   add_user
    POST /control/private_chats           add_private_chat
    POST /control/groups                  add_group
    POST /control/messages                send_message
    POST /control/callback_queries        press_button
    POST /control/chat_member_updates     add_chat_member_update
    POST /control/group_migrations        migrate_group
    POST /control/faults                  fail_next
    GET  /control/bot                     {"bot_user": ...}
    GET  /control/sent?chat_id=&after_version=&timeout=
                                          {"version": ..., "messages": [...]}; with
                                          after_version, waits up to timeout seconds
                                          for a send or edit after that version
    GET  /control/commands                commands()
    GET  /control/pending_updates         {"count": ...}
    GET  /control/calls?method=           calls()
    GET  /control/files/{file_id}         the file's bytes
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from .server import BotAPIEmulator

_dumps = partial(json.dumps, ensure_ascii=False)
# The maximum wait of one GET /control/sent, so a lost client does not keep a
# request open for long. EmulatorClient.wait_for sends a new request after it.
MAX_SENT_WAIT_SECONDS = 30.0


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status, dumps=_dumps)


def _post_route(path: str, method: Callable[..., Any]) -> web.RouteDef:
    async def handle(request: web.Request) -> web.Response:
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "the request body must be a JSON object")
        if not isinstance(body, dict):
            return _error(400, "the request body must be a JSON object")
        try:
            inspect.signature(method).bind(**body)
        except TypeError as error:
            return _error(400, f"invalid arguments for {method.__name__}: {error}")
        try:
            result = method(**body)
        except ValueError as error:
            return _error(400, str(error))
        return web.json_response({"result": result}, dumps=_dumps)

    return web.post(path, handle)


def _int_query(request: web.Request, name: str) -> int | None:
    value = request.query.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise web.HTTPBadRequest(text=f"{name} must be an integer, got {value!r}") from None


def control_routes(emulator: BotAPIEmulator) -> list[web.RouteDef]:
    """Build the /control/ routes for ``emulator``."""

    async def get_bot(request: web.Request) -> web.Response:
        return web.json_response({"bot_user": emulator.bot_user}, dumps=_dumps)

    async def get_sent(request: web.Request) -> web.Response:
        chat_id = _int_query(request, "chat_id")
        after_version = _int_query(request, "after_version")
        try:
            timeout = min(float(request.query.get("timeout", "0")), MAX_SENT_WAIT_SECONDS)
        except ValueError:
            return _error(400, "timeout must be a number of seconds")
        version = emulator.sent_version
        if after_version is not None:
            version = await emulator.wait_sent_change(after_version, timeout)
        return web.json_response({"version": version, "messages": emulator.sent(chat_id)}, dumps=_dumps)

    async def get_commands(request: web.Request) -> web.Response:
        return web.json_response({"result": emulator.commands()}, dumps=_dumps)

    async def get_pending_updates(request: web.Request) -> web.Response:
        return web.json_response({"count": emulator.pending_updates()}, dumps=_dumps)

    async def get_calls(request: web.Request) -> web.Response:
        return web.json_response({"result": emulator.calls(request.query.get("method"))}, dumps=_dumps)

    async def get_file(request: web.Request) -> web.Response:
        try:
            data = emulator.file_bytes(request.match_info["file_id"])
        except ValueError as error:
            return _error(404, str(error))
        return web.Response(body=data, content_type="application/octet-stream")

    return [
        _post_route("/control/users", emulator.add_user),
        _post_route("/control/private_chats", emulator.add_private_chat),
        _post_route("/control/groups", emulator.add_group),
        _post_route("/control/messages", emulator.send_message),
        _post_route("/control/callback_queries", emulator.press_button),
        _post_route("/control/chat_member_updates", emulator.add_chat_member_update),
        _post_route("/control/group_migrations", emulator.migrate_group),
        _post_route("/control/faults", emulator.fail_next),
        web.get("/control/bot", get_bot),
        web.get("/control/sent", get_sent),
        web.get("/control/commands", get_commands),
        web.get("/control/pending_updates", get_pending_updates),
        web.get("/control/calls", get_calls),
        web.get("/control/files/{file_id}", get_file),
    ]
