"""HTML parsing, bot command detection and text cleanup, checked against TDLib's rules."""

from __future__ import annotations

import pytest

from bot.emulator.entities import (
    EmptyTextError,
    EntityParseError,
    clean_text,
    find_bot_commands,
    parse_html,
    utf16_length,
)


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        ("plain", "plain", []),
        ("&lt;&gt;&amp;&quot;", '<>&"', []),
        ("&amp без точки с запятой", "& без точки с запятой", []),
        ("&#1055;&#x440;", "Пр", []),
        ("&#x1F600;", "😀", []),
        ("&#xD83D;&#xDE00;", "😀", []),
        ("<B>x</B>", "x", [{"type": "bold", "offset": 0, "length": 1}]),
        ("<b>x</>", "x", [{"type": "bold", "offset": 0, "length": 1}]),
        ("<b></b>x", "x", []),
        (
            "<b>a<i>b</i></b>",
            "ab",
            [{"type": "bold", "offset": 0, "length": 2}, {"type": "italic", "offset": 1, "length": 1}],
        ),
        ("<a href=X.ru>x</a>", "x", [{"type": "text_link", "offset": 0, "length": 1, "url": "x.ru"}]),
        ("<a>https://x.ru</a>", "https://x.ru", [{"type": "text_link", "offset": 0, "length": 12, "url": "https://x.ru"}]),
        ('<code class="language-py">x</code>', "x", [{"type": "code", "offset": 0, "length": 1}]),
        ('<pre><code class="language-py">x</code></pre>', "x", [{"type": "pre", "offset": 0, "length": 1, "language": "py"}]),
        ("😀<u>я</u>", "😀я", [{"type": "underline", "offset": 2, "length": 1}]),
    ],
    ids=[
        "plain",
        "named-references",
        "reference-without-semicolon",
        "numeric-references",
        "astral-reference",
        "surrogate-pair-references",
        "uppercase-tag",
        "empty-end-tag",
        "empty-entity-dropped",
        "nested",
        "unquoted-href-lowercased",
        "href-from-content",
        "code-drops-language",
        "pre-code-language",
        "utf16-offset",
    ],
)
def test_parse_html_valid(html: str, text: str, entities: list[dict[str, object]]) -> None:
    parsed = parse_html(html)

    assert parsed.text == text
    assert parsed.entities == entities


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<x>", 'Unsupported start tag "x" at byte offset 0'),
        ("я <x>", 'Unsupported start tag "x" at byte offset 3'),
        ("a <", "Unclosed start tag at byte offset 2"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<a href="x', "Unclosed start tag at byte offset 0"),
        ("<a href>x</a>", 'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0'),
        ("<a href=x/y>x</a>", "Unexpected end of name token at byte offset 8"),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("<b>x", "Can't find end tag corresponding to start tag b"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ('<tg-emoji emoji-id="abc">x</tg-emoji>', "Invalid custom emoji identifier specified"),
        ("&#xD83D;", "Text contains invalid Unicode characters after decoding HTML entities"),
        ("AT&T", 'Unsupported HTML entity "&T" at byte offset 2'),
        ("a & b", 'Unsupported HTML entity "&" at byte offset 2'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;" at byte offset 0'),
    ],
    ids=[
        "unknown-tag",
        "byte-offset-after-cyrillic",
        "bare-less-than-at-end",
        "tag-without-end",
        "unclosed-attribute",
        "attribute-without-value",
        "bad-name-token",
        "unexpected-end-tag",
        "unclosed-end-tag",
        "crossed-tags",
        "unclosed-tag",
        "span-without-class",
        "bad-emoji-id",
        "lone-surrogate",
        "unknown-reference-letters",
        "bare-ampersand",
        "unsupported-named-reference",
    ],
)
def test_parse_html_invalid(html: str, error: str) -> None:
    with pytest.raises(EntityParseError) as raised:
        parse_html(html)

    assert str(raised.value).startswith(error)


def test_parse_html_lenient_references_kept_as_text() -> None:
    assert parse_html("AT&T &foo; &nbsp;", strict_references=False).text == "AT&T &foo; &nbsp;"


@pytest.mark.parametrize(
    ("text", "commands"),
    [
        ("/report звонки 5", [(0, 7)]),
        ("/report@salesboard_bot звонки 5", [(0, 22)]),
        ("/start abc", [(0, 6)]),
        ("😀 /report", [(3, 7)]),
        ("итог /report, потом /help", [(5, 7), (20, 5)]),
        ("a/report", []),
        ("/report/x", []),
        ("/report@ab", []),
        ("/отчёт", []),
        ("/" + "a" * 65, []),
        ("", []),
    ],
    ids=[
        "command-with-args",
        "command-with-mention",
        "start-with-payload",
        "after-emoji",
        "two-commands",
        "after-word",
        "followed-by-slash",
        "short-mention",
        "cyrillic",
        "too-long",
        "empty",
    ],
)
def test_find_bot_commands(text: str, commands: list[tuple[int, int]]) -> None:
    found = find_bot_commands(text)

    assert [(entity["offset"], entity["length"]) for entity in found] == commands
    assert all(entity["type"] == "bot_command" for entity in found)


def test_utf16_length_counts_surrogate_pairs() -> None:
    assert utf16_length("я😀") == 3


@pytest.mark.parametrize(
    ("text", "entities", "clean", "clean_entities"),
    [
        ("  x  ", [], "x", []),
        ("a\r\nb", [], "a\nb", []),
        ("a\tb", [], "a b", []),
        ("a\u2028b", [], "ab", []),
        (" <b>", [{"type": "bold", "offset": 1, "length": 3}], "<b>", [{"type": "bold", "offset": 0, "length": 3}]),
        ("x  ", [{"type": "bold", "offset": 0, "length": 3}], "x", [{"type": "bold", "offset": 0, "length": 1}]),
        ("x   y", [{"type": "bold", "offset": 1, "length": 3}], "x   y", []),
        ("x \ry", [{"type": "bold", "offset": 3, "length": 1}], "x y", [{"type": "bold", "offset": 2, "length": 1}]),
    ],
    ids=[
        "trim",
        "carriage-return-removed",
        "tab-to-space",
        "line-separator-removed",
        "leading-trim-moves-entities",
        "trailing-trim-shortens-entity",
        "whitespace-entity-dropped",
        "removed-character-moves-entity",
    ],
)
def test_clean_text(
    text: str, entities: list[dict[str, object]], clean: str, clean_entities: list[dict[str, object]]
) -> None:
    cleaned = clean_text(text, entities)  # type: ignore[arg-type]

    assert cleaned.text == clean
    assert cleaned.entities == clean_entities


@pytest.mark.parametrize("text", ["", " \n ", "\t\r"], ids=["empty", "spaces-and-newlines", "control-characters"])
def test_clean_text_empty_rejected(text: str) -> None:
    with pytest.raises(EmptyTextError):
        clean_text(text, [])
