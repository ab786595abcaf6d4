"""Split HTML message text into parts Telegram accepts, without breaking a tag or an entity."""

from __future__ import annotations

import html
import re

# Bot API limits for the text of one message and for a photo caption.
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

# A tag, a character reference such as &amp;, or one plain character.
_TOKEN = re.compile(r"<[^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[^<&]|[<&]", re.DOTALL)
# Separators at which an overlong line is cut, best first: between list items, then between words.
_SEPARATORS = (", ", " ")
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/)?\s*>")


def split_html(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split `text` into parts of at most `limit` characters, preferring line boundaries.

    Tags still open where a part ends are closed there and opened again at the start of the
    next part, so every part is valid HTML on its own. A line longer than the limit is cut after
    a comma between list items, else between words, else between tags and character references,
    never inside one. The length counts the markup,
    so a part is never longer than Telegram's limit, which counts only the visible text.
    """
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, opening tag as written), outermost first
    prefix = ""
    current = ""

    def fits(piece: str) -> bool:
        return len(current) + len(piece) + len(closing_after(open_tags, piece)) <= limit

    def flush() -> None:
        nonlocal current, prefix
        if current != prefix:
            parts.append(current.rstrip("\n") + _closing(open_tags))
        prefix = "".join(tag for _, tag in open_tags)
        current = prefix

    def add(piece: str, separators: tuple[str, ...]) -> None:
        nonlocal current
        if not fits(piece):
            flush()
        if fits(piece):
            current += piece
            _track(piece, open_tags)
            return
        if separators:
            for chunk in _chunks(piece, separators[0]):
                add(chunk, separators[1:])
            return
        for token in _TOKEN.findall(piece):
            if not fits(token):
                flush()
            current += token
            _track(token, open_tags)

    lines = text.split("\n")
    for number, line in enumerate(lines):
        add(line if number == len(lines) - 1 else line + "\n", _SEPARATORS)
    flush()
    return parts


def _chunks(piece: str, separator: str) -> list[str]:
    """Cut `piece` after each `separator` outside a tag, so the chunks join back to `piece`."""
    chunks: list[str] = []
    current = ""
    for token in _TOKEN.findall(piece):
        current += token
        if current.endswith(separator) and not token.startswith("<"):
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks


def _closing(open_tags: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(open_tags))


def closing_after(open_tags: list[tuple[str, str]], piece: str) -> str:
    """Return the closing tags needed after appending `piece` to text with `open_tags` open."""
    tags = list(open_tags)
    _track(piece, tags)
    return _closing(tags)


def _track(piece: str, open_tags: list[tuple[str, str]]) -> None:
    for match in _TAG.finditer(piece):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if self_closing:
            continue
        if closing:
            for index in range(len(open_tags) - 1, -1, -1):
                if open_tags[index][0] == name:
                    del open_tags[index:]
                    break
        else:
            open_tags.append((name, match.group(0)))


def strip_html(text: str) -> str:
    """Return the visible text of Telegram HTML: tags removed, character references decoded."""
    return html.unescape(re.sub(r"<[^<>]*>", "", text))
