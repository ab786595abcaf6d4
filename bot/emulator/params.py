"""Reading Bot API request parameters from the query string, forms and JSON bodies.

The Bot API accepts the same parameters as a query string,
application/x-www-form-urlencoded, multipart/form-data or a JSON object. In the
first three every value is a string and objects such as reply_markup arrive as
JSON text, so values are converted here by parameter name, as the Bot API server
converts them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .errors import bad_request

INTEGER_PARAMS = frozenset(
    {
        "offset",
        "limit",
        "timeout",
        "message_id",
        "user_id",
        "reply_to_message_id",
        "message_thread_id",
        "cache_time",
    }
)
BOOLEAN_PARAMS = frozenset(
    {
        "disable_notification",
        "protect_content",
        "allow_sending_without_reply",
        "show_alert",
        "drop_pending_updates",
        "disable_web_page_preview",
        "disable_content_type_detection",
        "has_spoiler",
        "show_caption_above_media",
    }
)
JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
        "reply_parameters",
        "link_preview_options",
    }
)

_TRUE_VALUES = frozenset({"true", "1", "yes", "on"})
_FALSE_VALUES = frozenset({"false", "0", "no", "off", ""})


@dataclass(frozen=True)
class UploadedFile:
    """A file sent as a multipart/form-data part."""

    field: str
    filename: str
    content_type: str | None
    data: bytes


async def read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Read and convert the parameters of a Bot API request, or raise BotAPIError when invalid."""
    raw: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}

    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise bad_request("JSON request body must be an object")
        raw.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = UploadedFile(key, value.filename, value.content_type, value.file.read())
            else:
                raw[key] = value

    return convert_params(raw), files


def convert_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Convert string values to the types the Bot API gives these parameters."""
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "chat_id":
            params[key] = _convert_chat_id(value)
        elif key in INTEGER_PARAMS:
            params[key] = _convert_integer(key, value)
        elif key in BOOLEAN_PARAMS:
            params[key] = _convert_boolean(key, value)
        elif key in JSON_PARAMS and isinstance(value, str):
            try:
                params[key] = json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {key} JSON object") from None
        else:
            params[key] = value
    return params


def _convert_chat_id(value: Any) -> int | str:
    if isinstance(value, bool):
        raise bad_request("chat not found")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        return text


def _convert_integer(key: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise bad_request(f"invalid {key} specified") from None


def _convert_boolean(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE_VALUES:
        return True
    if text in _FALSE_VALUES:
        return False
    raise bad_request(f"invalid {key} specified")
