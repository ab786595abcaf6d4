"""Checks on what the bot sends: text and captions, keyboards, commands and images."""

from __future__ import annotations

import re
import struct
from typing import Any

from .entities import EmptyTextError, EntityParseError, FormattedText, clean_text, parse_html, utf16_length
from .errors import bad_request

# Bot API limits, counted in Unicode code points after entity parsing.
MESSAGE_TEXT_MAX_LENGTH = 4096
CAPTION_MAX_LENGTH = 1024
CALLBACK_DATA_MAX_BYTES = 64
CALLBACK_ANSWER_MAX_LENGTH = 200
MAX_COMMANDS = 100

_COMMAND_PATTERN = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE_CODE_PATTERN = re.compile(r"[a-z]{2}")
_BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_SCOPES_WITH_CHAT = frozenset({"chat", "chat_administrators", "chat_member"})
SCOPE_TYPES = frozenset(
    {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"} | _SCOPES_WITH_CHAT
)


def format_text(
    params: dict[str, Any],
    *,
    text_key: str,
    entities_key: str,
    strict_references: bool,
) -> FormattedText | None:
    """Parse ``params[text_key]`` by parse_mode or explicit entities and clean it.

    Return None when the text is missing or empty after cleanup. Raise BotAPIError
    when the markup is invalid.
    """
    text = params.get(text_key)
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        text = str(text)

    entities = params.get(entities_key)
    parse_mode = params.get("parse_mode")
    try:
        if entities is not None:
            # The Bot API ignores parse_mode when entities are given.
            formatted = FormattedText(text, _checked_entities(text, entities))
        elif parse_mode:
            formatted = _parse(text, str(parse_mode), strict_references)
        else:
            formatted = FormattedText(text, [])
        return clean_text(formatted.text, formatted.entities)
    except EntityParseError as error:
        raise bad_request(f"can't parse entities: {error}") from None
    except EmptyTextError:
        return None


def _parse(text: str, parse_mode: str, strict_references: bool) -> FormattedText:
    mode = parse_mode.lower()
    if mode == "html":
        return parse_html(text, strict_references=strict_references)
    if mode in ("markdown", "markdownv2"):
        # NOTE: Telegram accepts these modes, but the emulator implements only HTML,
        # the mode Salesboard uses, and rejects the others so none pass unchecked.
        raise bad_request(f'unsupported parse_mode "{parse_mode}": the emulator parses HTML only')
    raise bad_request("unsupported parse_mode")


def _checked_entities(text: str, entities: Any) -> list[dict[str, Any]]:
    if not isinstance(entities, list):
        raise EntityParseError("entities must be an array")
    text_length = utf16_length(text)
    checked = []
    for entity in entities:
        if not isinstance(entity, dict) or not isinstance(entity.get("type"), str):
            raise EntityParseError("each entity must be an object with a type")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            raise EntityParseError(f"invalid offset or length in entity {entity}")
        if offset + length > text_length:
            raise EntityParseError(
                f"Entity beginning at UTF-16 offset {offset} ends after the end of the text "
                f"at UTF-16 offset {offset + length}"
            )
        checked.append(dict(entity))
    return checked


def message_text(params: dict[str, Any], *, strict_references: bool) -> FormattedText:
    """Return the formatted text of sendMessage or editMessageText, or raise BotAPIError if invalid."""
    formatted = format_text(params, text_key="text", entities_key="entities", strict_references=strict_references)
    if formatted is None:
        raise bad_request("message text is empty")
    if len(formatted.text) > MESSAGE_TEXT_MAX_LENGTH:
        raise bad_request("message is too long")
    return formatted


def caption(params: dict[str, Any], *, strict_references: bool) -> FormattedText | None:
    """Return the formatted caption of a media message, or None without one."""
    formatted = format_text(
        params, text_key="caption", entities_key="caption_entities", strict_references=strict_references
    )
    if formatted is not None and len(formatted.text) > CAPTION_MAX_LENGTH:
        raise bad_request("message caption is too long")
    return formatted


def text_fields(formatted: FormattedText, *, text_key: str, entities_key: str) -> dict[str, Any]:
    """Return the Message fields for a formatted text, with entities only when there are any."""
    fields: dict[str, Any] = {text_key: formatted.text}
    if formatted.entities:
        fields[entities_key] = formatted.entities
    return fields


def inline_keyboard(markup: Any) -> dict[str, Any] | None:
    """Check reply_markup and return it if it is an inline keyboard, which messages echo back.

    Reply keyboards, keyboard removal and force_reply are accepted but not echoed,
    because a Bot API Message carries only inline keyboards.
    """
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return None

    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup JSON object")
    for row in rows:
        for button in row:
            _check_button(button)
    return markup


def _check_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Field \"text\" must be of type String")
    if not _BUTTON_ACTIONS & button.keys():
        raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode("utf-8")) <= CALLBACK_DATA_MAX_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")


def command_scope_key(scope: Any, language_code: Any) -> tuple[str, int | None, int | None, str]:
    """Return the key under which setMyCommands stores commands, or raise BotAPIError if invalid."""
    if scope is None:
        scope = {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in SCOPE_TYPES:
        raise bad_request("unsupported bot command scope type")
    scope_type = scope["type"]
    chat_id = scope.get("chat_id") if scope_type in _SCOPES_WITH_CHAT else None
    user_id = scope.get("user_id") if scope_type == "chat_member" else None
    if scope_type in _SCOPES_WITH_CHAT and chat_id is None:
        raise bad_request("chat_id is empty")
    if scope_type == "chat_member" and user_id is None:
        raise bad_request("user_id is empty")

    language = "" if language_code is None else str(language_code)
    if language and not _LANGUAGE_CODE_PATTERN.fullmatch(language):
        raise bad_request("invalid language code specified")
    return scope_type, chat_id, user_id, language


def checked_commands(commands: Any) -> list[dict[str, str]]:
    """Check the commands of setMyCommands and return them as BotCommand dicts.

    The rules are the Bot API documentation's: 1-32 lowercase letters, digits or
    underscores, and a 1-256 character description.
    NOTE: the error descriptions for broken rules are a guess at Telegram's wording.
    """
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > MAX_COMMANDS:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    checked = []
    for command in commands:
        if not isinstance(command, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name, description = command.get("command"), command.get("description")
        if not isinstance(name, str) or not _COMMAND_PATTERN.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        checked.append({"command": name, "description": description})
    return checked


def image_size(data: bytes) -> tuple[int, int] | None:
    """Return (width, height) of a PNG, GIF or JPEG image, or None for anything else.

    NOTE: Telegram also accepts WebP and other formats for photos, but the
    emulator reads only these three headers and rejects the rest.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    # Walk the JPEG segments up to a start-of-frame marker (SOF0..SOF15 except
    # DHT 0xC4, JPG 0xC8 and DAC 0xCC). Its payload contains height and width.
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        (segment_length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if position + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + segment_length
    return None
