"""Message text processing as the Telegram Bot API does it: HTML parsing, cleanup, entities.

The rules follow TDLib's td/telegram/MessageEntity.cpp (``parse_html``,
``decode_html_entity``, ``match_bot_commands``, ``fix_formatted_text``), which the
Bot API server runs on every text it receives. Offsets and lengths of entities are
counted in UTF-16 code units, as in the Bot API; text length limits are counted in
Unicode code points, as TDLib's ``utf8_length`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

ALLOWED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
    }
)

_SIMPLE_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "blockquote": "blockquote",
}

_NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

# TDLib's is_space() also counts NUL, which ends its C string. `_at()` below returns
# NUL past the end of the text, so the loops stop as TDLib's do.
_SPACES = frozenset(" \t\r\n\0\v")

# Characters that TDLib's clean_input_string removes from message text:
# U+2028..U+202E (line/paragraph separators and bidi overrides) and three
# combining vertical lines.
_REMOVED_CHARACTERS = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u0333\u033f\u030a")


# Entities that TDLib keeps even when they cover only whitespace.
_HIDDEN_DATA_TYPES = frozenset({"text_link", "text_mention", "custom_emoji"})


class EntityParseError(ValueError):
    """Text that the Bot API rejects with "Bad Request: can't parse entities: ..."."""


class EmptyTextError(ValueError):
    """Text that is empty or whitespace-only after parsing and cleanup."""


@dataclass
class FormattedText:
    """Message text after parsing, with its entities as Bot API MessageEntity dicts."""

    text: str
    entities: list[dict[str, Any]]


def utf16_length(text: str) -> int:
    """Return the length of ``text`` in UTF-16 code units, the unit of entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _utf16_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _at(text: str, index: int) -> str:
    return text[index] if index < len(text) else "\0"


def _decode_reference(text: str, pos: int) -> tuple[str, int] | None:
    """Decode the character reference at ``text[pos] == "&"``.

    Return the decoded character and the index after the reference, or None when
    TDLib would keep the "&" as a literal character.
    """
    end = pos + 1
    if _at(text, end) == "#":
        end += 1
        if _at(text, end) == "x":
            end += 1
            digits_begin = end
            while _at(text, end) in "0123456789abcdefABCDEF":
                end += 1
            code = int(text[digits_begin:end], 16) if end > digits_begin else 0
        else:
            digits_begin = end
            while _at(text, end).isascii() and _at(text, end).isdigit():
                end += 1
            code = int(text[digits_begin:end]) if end > digits_begin else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        character = chr(code)
    else:
        while _at(text, end).isascii() and _at(text, end).isalpha():
            end += 1
        character = _NAMED_REFERENCES.get(text[pos + 1 : end])
        if character is None:
            return None

    if _at(text, end) == ";":
        end += 1
    return character, end


def _describe_unknown_reference(text: str, pos: int) -> str:
    end = pos + 1
    while end < len(text) and end - pos < 12 and (text[end].isalnum() or text[end] == "#"):
        end += 1
    if _at(text, end) == ";":
        end += 1
    return text[pos:end]


@dataclass
class _OpenTag:
    name: str
    argument: str
    utf16_offset: int
    text_index: int


def parse_html(html: str, *, strict_references: bool = True) -> FormattedText:
    """Parse Bot API HTML into plain text and entities, or raise EntityParseError.

    The messages of EntityParseError are TDLib's, byte offsets included. With
    ``strict_references``, an "&" that does not start one of the references Telegram
    decodes (&lt; &gt; &amp; &quot; and numeric ones) is an error too.
    """
    output: list[str] = []
    entities: list[dict[str, Any]] = []
    open_tags: list[_OpenTag] = []
    utf16_offset = 0
    i = 0

    while i < len(html):
        char = html[i]
        if char == "&":
            decoded = _decode_reference(html, i)
            if decoded is not None:
                character, i = decoded
                output.append(character)
                utf16_offset += _utf16_width(character)
                continue
            # NOTE: Telegram itself keeps such an "&" as literal text (TDLib's
            # decode_html_entity returns 0). The emulator rejects it by default,
            # because it nearly always means a name was not escaped.
            if strict_references:
                raise EntityParseError(
                    f'Unsupported HTML entity "{_describe_unknown_reference(html, i)}" '
                    f"at byte offset {_byte_offset(html, i)}"
                )
        if char != "<":
            output.append(char)
            utf16_offset += _utf16_width(char)
            i += 1
            continue

        begin = i
        i += 1
        if _at(html, i) != "/":
            i = _parse_start_tag(html, begin, i, output, open_tags, utf16_offset)
        else:
            i = _parse_end_tag(html, begin, i, output, open_tags, entities, utf16_offset)

    if open_tags:
        raise EntityParseError(f"Can't find end tag corresponding to start tag {open_tags[-1].name}")

    text = "".join(output)
    try:
        # Pairs of numeric references to surrogates (&#xD83D;&#xDE00;) join into one
        # character, and a lone surrogate fails the round trip.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        raise EntityParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        ) from None
    for entity in entities:
        if entity["type"] == "code":
            entity.pop("language", None)
    return FormattedText(text, sort_entities(entities))


def _parse_start_tag(
    html: str,
    begin: int,
    i: int,
    output: list[str],
    open_tags: list[_OpenTag],
    utf16_offset: int,
) -> int:
    """Parse the start tag at ``html[begin] == "<"`` and return the index after its ">"."""
    offset = _byte_offset(html, begin)
    while _at(html, i) not in _SPACES and _at(html, i) != ">":
        i += 1
    if _at(html, i) == "\0":
        raise EntityParseError(f"Unclosed start tag at byte offset {offset}")

    tag_name = html[begin + 1 : i].lower()
    if tag_name not in ALLOWED_TAGS:
        raise EntityParseError(f'Unsupported start tag "{tag_name}" at byte offset {offset}')

    argument = ""
    while _at(html, i) != ">":
        while _at(html, i) != "\0" and _at(html, i) in _SPACES:
            i += 1
        if _at(html, i) == ">":
            break
        attribute_begin = i
        while _at(html, i) not in _SPACES and _at(html, i) != "=":
            i += 1
        attribute_name = html[attribute_begin:i]
        if not attribute_name:
            raise EntityParseError(f'Empty attribute name in the tag "{tag_name}" at byte offset {offset}')
        while _at(html, i) != "\0" and _at(html, i) in _SPACES:
            i += 1
        if _at(html, i) != "=":
            raise EntityParseError(
                f'Expected equal sign in declaration of an attribute of the tag "{tag_name}" '
                f"at byte offset {offset}"
            )
        i += 1
        while _at(html, i) != "\0" and _at(html, i) in _SPACES:
            i += 1
        if _at(html, i) == "\0":
            raise EntityParseError(f'Unclosed start tag "{tag_name}" at byte offset {offset}')

        if _at(html, i) not in "'\"":
            # An unquoted value is an HTML name token: letters, digits, "." and "-".
            token_begin = i
            while _at(html, i).isascii() and (_at(html, i).isalnum() or _at(html, i) in ".-"):
                i += 1
            attribute_value = html[token_begin:i].lower()
            if _at(html, i) not in _SPACES and _at(html, i) != ">":
                raise EntityParseError(
                    f"Unexpected end of name token at byte offset {_byte_offset(html, token_begin)}"
                )
        else:
            quote = html[i]
            i += 1
            value_chars: list[str] = []
            while _at(html, i) != quote and _at(html, i) != "\0":
                if html[i] == "&":
                    decoded = _decode_reference(html, i)
                    if decoded is not None:
                        character, i = decoded
                        value_chars.append(character)
                        continue
                value_chars.append(html[i])
                i += 1
            if _at(html, i) == quote:
                i += 1
            attribute_value = "".join(value_chars)
        if _at(html, i) == "\0":
            raise EntityParseError(f"Unclosed start tag at byte offset {offset}")

        if tag_name == "a" and attribute_name == "href":
            argument = attribute_value
        elif tag_name == "code" and attribute_name == "class" and attribute_value.startswith("language-"):
            argument = attribute_value[len("language-") :]
        elif tag_name == "span" and attribute_name == "class" and attribute_value.startswith("tg-"):
            argument = attribute_value[len("tg-") :]
        elif tag_name == "tg-emoji" and attribute_name == "emoji-id":
            argument = attribute_value

    if tag_name == "span" and argument != "spoiler":
        raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')

    open_tags.append(_OpenTag(tag_name, argument, utf16_offset, len(output)))
    return i + 1


def _parse_end_tag(
    html: str,
    begin: int,
    i: int,
    output: list[str],
    open_tags: list[_OpenTag],
    entities: list[dict[str, Any]],
    utf16_offset: int,
) -> int:
    """Parse the end tag at ``html[begin:begin+2] == "</"`` and return the index after its ">"."""
    offset = _byte_offset(html, begin)
    if not open_tags:
        raise EntityParseError(f"Unexpected end tag at byte offset {offset}")

    while _at(html, i) not in _SPACES and _at(html, i) != ">":
        i += 1
    end_tag_name = html[begin + 2 : i].lower()
    while _at(html, i) != "\0" and _at(html, i) in _SPACES:
        i += 1
    if _at(html, i) != ">":
        raise EntityParseError(f"Unclosed end tag at byte offset {offset}")

    tag = open_tags[-1]
    if end_tag_name and end_tag_name != tag.name:
        raise EntityParseError(
            f'Unmatched end tag at byte offset {offset}, expected "</{tag.name}>", found "</{end_tag_name}>"'
        )

    if utf16_offset > tag.utf16_offset:
        entity = _entity_for_tag(tag, utf16_offset - tag.utf16_offset, "".join(output[tag.text_index :]))
        if entity is not None:
            _append_entity(entities, entity)
    open_tags.pop()
    return i + 1


def _entity_for_tag(tag: _OpenTag, length: int, content: str) -> dict[str, Any] | None:
    entity: dict[str, Any] = {"offset": tag.utf16_offset, "length": length}
    if tag.name in _SIMPLE_TAG_TYPES:
        entity["type"] = _SIMPLE_TAG_TYPES[tag.name]
    elif tag.name == "span":
        entity["type"] = "spoiler"
    elif tag.name == "tg-emoji":
        if not tag.argument.isdigit() or int(tag.argument) == 0:
            raise EntityParseError("Invalid custom emoji identifier specified")
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = tag.argument
    elif tag.name == "a":
        url = tag.argument or content
        if not url:
            return None
        # NOTE: Telegram turns tg://user?id=N into a text_mention and drops links it
        # considers invalid (TDLib's LinkManager::get_checked_link). The emulator
        # keeps every non-empty href as a text_link.
        entity["type"] = "text_link"
        entity["url"] = url
    elif tag.name == "pre":
        entity["type"] = "pre"
    elif tag.name == "code":
        entity["type"] = "code"
        if tag.argument:
            entity["language"] = tag.argument
    return entity


def _append_entity(entities: list[dict[str, Any]], entity: dict[str, Any]) -> None:
    """Append an entity, merging <pre><code class="language-x"> into one pre entity."""
    previous = entities[-1] if entities else None
    same_span = (
        previous is not None
        and previous["offset"] == entity["offset"]
        and previous["length"] == entity["length"]
    )
    if same_span and entity["type"] == "pre" and previous["type"] == "code" and previous.get("language"):
        previous["type"] = "pre"
        return
    if same_span and entity["type"] == "code" and previous["type"] == "pre" and entity.get("language"):
        previous["language"] = entity["language"]
        return
    entities.append(entity)


def sort_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sort entities by offset, the longer one first at the same offset."""
    return sorted(entities, key=lambda entity: (entity["offset"], -entity["length"]))


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_command_character(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def find_bot_commands(text: str) -> list[dict[str, Any]]:
    """Find bot commands such as "/report" or "/report@salesboard_bot" anywhere in ``text``.

    This is TDLib's match_bot_commands: a "/" not preceded by a word character, "/",
    "<" or ">", then 1-64 of [A-Za-z0-9_], optionally "@" and a 3-32 character
    username, and no word character, "/", "<" or ">" right after.
    """
    commands: list[dict[str, Any]] = []
    position = 0
    while True:
        slash = text.find("/", position)
        if slash == -1:
            return commands
        position = slash + 1
        if slash > 0:
            previous = text[slash - 1]
            if _is_word_character(previous) or previous in "/<>":
                continue

        end = slash + 1
        while end < len(text) and _is_command_character(text[end]):
            end += 1
        if not 1 <= end - slash - 1 <= 64:
            position = end
            continue
        if end < len(text) and text[end] == "@":
            mention_begin = end + 1
            end = mention_begin
            while end < len(text) and _is_command_character(text[end]):
                end += 1
            if not 3 <= end - mention_begin <= 32:
                position = end
                continue
        position = end

        following = text[end] if end < len(text) else ""
        if following and (_is_word_character(following) or following in "/<>"):
            continue
        commands.append(
            {
                "type": "bot_command",
                "offset": utf16_length(text[:slash]),
                "length": utf16_length(text[slash:end]),
            }
        )


def clean_text(text: str, entities: list[dict[str, Any]]) -> FormattedText:
    """Clean message text the way Telegram stores it, or raise EmptyTextError.

    This follows TDLib's fix_formatted_text. Control characters other than "\\n"
    become spaces. "\\r" and the characters in ``_REMOVED_CHARACTERS`` are removed.
    Entities lose leading whitespace, and those with nothing else are dropped.
    Spaces and newlines are trimmed at the end, and at the start up to the first
    entity. Entity offsets move with the text.
    """
    kept: list[str] = []
    # new_offsets[k] is the UTF-16 offset in the cleaned text of old UTF-16 offset k.
    new_offsets: list[int] = []
    new_offset = 0
    for char in text:
        width = _utf16_width(char)
        for _ in range(width):
            new_offsets.append(new_offset)
        if char == "\r" or char in _REMOVED_CHARACTERS:
            continue
        if ord(char) < 32 and char != "\n":
            char = " "
        kept.append(char)
        new_offset += width
    new_offsets.append(new_offset)

    cleaned = "".join(kept)
    if not cleaned.strip(" \n"):
        raise EmptyTextError("text is empty after cleanup")

    moved: list[dict[str, Any]] = []
    for entity in entities:
        begin = new_offsets[min(entity["offset"], len(new_offsets) - 1)]
        end = new_offsets[min(entity["offset"] + entity["length"], len(new_offsets) - 1)]
        moved.append({**entity, "offset": begin, "length": end - begin})
    moved = [entity for entity in map(partial(_skip_leading_whitespace, cleaned), moved) if entity]

    stripped_end = cleaned.rstrip(" \n")
    end_offset = utf16_length(stripped_end)
    trimmed: list[dict[str, Any]] = []
    for entity in moved:
        if entity["offset"] >= end_offset:
            continue
        trimmed.append({**entity, "length": min(entity["length"], end_offset - entity["offset"])})

    # The start is trimmed only up to the first entity, as in TDLib.
    first_entity = min((entity["offset"] for entity in trimmed), default=end_offset)
    left = 0
    while left < first_entity and stripped_end[left] in " \n":
        left += 1
    result_entities = [{**entity, "offset": entity["offset"] - left} for entity in trimmed]
    return FormattedText(stripped_end[left:], sort_entities(result_entities))


def _skip_leading_whitespace(text: str, entity: dict[str, Any]) -> dict[str, Any] | None:
    """Move the start of an entity past spaces and newlines, or return None if nothing else is left.

    Entities that carry data (links, mentions, custom emoji) stay as they are.
    """
    if entity["length"] <= 0:
        return None
    if entity["type"] in _HIDDEN_DATA_TYPES:
        return entity
    units = text.encode("utf-16-le")
    offset, end = entity["offset"], entity["offset"] + entity["length"]
    while offset < end and units[offset * 2 : offset * 2 + 2] in (b" \x00", b"\n\x00"):
        offset += 1
    if offset == end:
        return None
    return {**entity, "offset": offset, "length": end - offset}
