"""The emulator's Bot API methods, called through a real aiogram Bot."""

from __future__ import annotations

import struct
import zlib

import aiohttp
import pytest
from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from bot.emulator import BotAPIEmulator

from .conftest import GROUP_ID, USER_ID


def png_bytes(width: int, height: int) -> bytes:
    """Build a minimal valid PNG of the given size (one grey pixel row per line)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


async def test_get_me_returns_bot_user(bot: Bot, emulator: BotAPIEmulator) -> None:
    me = await bot.get_me()

    assert me.id == 123456
    assert me.is_bot
    assert me.username == "salesboard_bot"
    assert me.first_name == "Salesboard"
    assert emulator.bot_user["username"] == "salesboard_bot"


async def test_send_message_escaped_html_accepted(bot: Bot, emulator: BotAPIEmulator) -> None:
    message = await bot.send_message(USER_ID, "<b>Иван &lt;Top&gt; &amp; Co</b>: 5", parse_mode=ParseMode.HTML)

    assert message.text == "Иван <Top> & Co: 5"
    assert message.entities is not None
    assert [(entity.type, entity.offset, entity.length) for entity in message.entities] == [("bold", 0, 15)]
    assert message.from_user is not None and message.from_user.id == 123456
    assert message.chat.id == USER_ID
    assert message.html_text == "<b>Иван &lt;Top&gt; &amp; Co</b>: 5"
    assert emulator.sent(USER_ID)[0]["text"] == "Иван <Top> & Co: 5"


async def test_message_ids_increase_per_chat(bot: Bot) -> None:
    first = await bot.send_message(USER_ID, "раз")
    second = await bot.send_message(USER_ID, "два")
    in_group = await bot.send_message(GROUP_ID, "в группе")

    assert second.message_id == first.message_id + 1
    assert in_group.message_id == 1


async def test_entity_offsets_count_utf16(bot: Bot) -> None:
    message = await bot.send_message(USER_ID, "😀 <i>итого</i>", parse_mode=ParseMode.HTML)

    assert message.entities is not None
    assert (message.entities[0].offset, message.entities[0].length) == (3, 5)
    assert message.entities[0].extract_from(message.text or "") == "итого"


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("<b>итого", "Can't find end tag corresponding to start tag b"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("Иван &foo; Co", 'Unsupported HTML entity "&foo;" at byte offset 9'),
        ("план < факт", 'Unsupported start tag "" at byte offset 9'),
        ("итог <", "Unclosed start tag at byte offset 9"),
        ('<span class="red">x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ],
    ids=["unknown-tag", "unclosed-tag", "unmatched-end-tag", "unknown-entity", "bare-less-than", "tag-at-end", "span"],
)
async def test_send_message_malformed_html_rejected(
    bot: Bot, emulator: BotAPIEmulator, html: str, reason: str
) -> None:
    with pytest.raises(TelegramBadRequest) as raised:
        await bot.send_message(USER_ID, html, parse_mode=ParseMode.HTML)

    assert raised.value.message == f"Bad Request: can't parse entities: {reason}"
    assert emulator.sent() == []


async def test_send_message_allowed_tags_accepted(bot: Bot) -> None:
    html = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
        '<del>d</del><span class="tg-spoiler">p</span><tg-spoiler>q</tg-spoiler>'
        '<a href="https://example.com/?a=1&amp;b=2">a</a><code>c</code>'
        '<pre><code class="language-python">x = 1</code></pre><blockquote>q</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )

    message = await bot.send_message(USER_ID, html, parse_mode=ParseMode.HTML)

    assert message.entities is not None
    types = [entity.type for entity in message.entities]
    assert types.count("bold") == 2
    assert "spoiler" in types
    assert "custom_emoji" in types
    pre = next(entity for entity in message.entities if entity.type == "pre")
    assert pre.language == "python"
    link = next(entity for entity in message.entities if entity.type == "text_link")
    assert link.url == "https://example.com/?a=1&b=2"


async def test_send_message_length_limit_after_parsing(bot: Bot) -> None:
    accepted = await bot.send_message(USER_ID, "<b>" + "я" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    assert len(accepted.text or "") == 4096

    with pytest.raises(TelegramBadRequest, match="Bad Request: message is too long"):
        await bot.send_message(USER_ID, "я" * 4097)


@pytest.mark.parametrize("text", ["", "   \n ", "<b></b>"], ids=["empty", "whitespace", "empty-after-parsing"])
async def test_send_message_empty_text_rejected(bot: Bot, text: str) -> None:
    with pytest.raises(TelegramBadRequest, match="Bad Request: message text is empty"):
        await bot.send_message(USER_ID, text, parse_mode=ParseMode.HTML)


async def test_send_message_text_trimmed_like_telegram(bot: Bot) -> None:
    message = await bot.send_message(USER_ID, "\n  итого: 5\r\n  ")

    assert message.text == "итого: 5"


async def test_send_message_unknown_chat_rejected(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="Bad Request: chat not found"):
        await bot.send_message(-100999, "привет")


async def test_send_message_to_user_without_chat_forbidden(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.add_user(777, "Пётр")

    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation with a user"):
        await bot.send_message(777, "привет")


async def test_send_message_echoes_inline_keyboard(bot: Bot, emulator: BotAPIEmulator) -> None:
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Да", callback_data="yes")]])

    message = await bot.send_message(USER_ID, "Подтвердить?", reply_markup=markup)

    assert message.reply_markup is not None
    assert message.reply_markup.inline_keyboard[0][0].callback_data == "yes"
    assert emulator.sent()[0]["reply_markup"] == {"inline_keyboard": [[{"text": "Да", "callback_data": "yes"}]]}


async def test_callback_data_over_64_bytes_rejected(bot: Bot) -> None:
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="я" * 33)]])

    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER_ID, "x", reply_markup=markup)


async def test_send_message_reply_to_user_message(bot: Bot, emulator: BotAPIEmulator) -> None:
    update = emulator.send_message(USER_ID, USER_ID, "звонки 5")
    user_message_id = update["message"]["message_id"]

    reply = await bot.send_message(USER_ID, "Принято", reply_to_message_id=user_message_id)

    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "звонки 5"
    assert reply.message_id == user_message_id + 1
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(USER_ID, "Принято", reply_to_message_id=999)


async def test_edit_message_text_updates_sent_message(bot: Bot, emulator: BotAPIEmulator) -> None:
    sent = await bot.send_message(USER_ID, "Считаю…")

    edited = await bot.edit_message_text("<b>Готово</b>", chat_id=USER_ID, message_id=sent.message_id, parse_mode="HTML")

    assert edited.text == "Готово"
    assert edited.edit_date is not None
    assert [message["text"] for message in emulator.sent()] == ["Готово"]


async def test_edit_message_text_errors(bot: Bot) -> None:
    sent = await bot.send_message(USER_ID, "Готово")

    with pytest.raises(TelegramBadRequest, match="Bad Request: message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER_ID, message_id=sent.message_id + 10)
    with pytest.raises(TelegramBadRequest, match="Bad Request: message is not modified: "):
        await bot.edit_message_text("Готово", chat_id=USER_ID, message_id=sent.message_id)


async def test_edit_message_text_of_user_message_rejected(bot: Bot, emulator: BotAPIEmulator) -> None:
    update = emulator.send_message(USER_ID, USER_ID, "звонки 5")

    with pytest.raises(TelegramBadRequest, match="Bad Request: message can't be edited"):
        await bot.edit_message_text("x", chat_id=USER_ID, message_id=update["message"]["message_id"])


async def test_send_document_keeps_bytes_name_caption(bot: Bot, emulator: BotAPIEmulator) -> None:
    data = "Менеджер;Звонки\nИван;5\n".encode()

    message = await bot.send_document(
        GROUP_ID, BufferedInputFile(data, "отчёт.csv"), caption="<b>Неделя</b> 45", parse_mode="HTML"
    )

    assert message.document is not None
    assert message.document.file_name == "отчёт.csv"
    assert message.document.file_size == len(data)
    assert message.document.mime_type == "text/csv"
    assert message.caption == "Неделя 45"
    assert emulator.file_bytes(message.document.file_id) == data
    assert emulator.sent(GROUP_ID)[0]["document"]["file_name"] == "отчёт.csv"
    assert emulator.calls("sendDocument")[0]["content_type"] == "multipart/form-data"


async def test_sent_document_downloadable_through_get_file(bot: Bot) -> None:
    data = b"\x00\x01binary\xff"
    message = await bot.send_document(USER_ID, BufferedInputFile(data, "data.bin"))
    assert message.document is not None

    downloaded = await bot.download(message.document.file_id)

    assert downloaded is not None
    assert downloaded.read() == data


async def test_send_photo_reads_png_size(bot: Bot, emulator: BotAPIEmulator) -> None:
    message = await bot.send_photo(USER_ID, BufferedInputFile(png_bytes(3, 2), "chart.png"), caption="График")

    assert message.photo is not None
    assert (message.photo[-1].width, message.photo[-1].height) == (3, 2)
    assert message.caption == "График"
    assert emulator.file_bytes(message.photo[-1].file_id) == png_bytes(3, 2)


async def test_send_photo_not_an_image_rejected(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(USER_ID, BufferedInputFile(b"not an image", "chart.png"))


async def test_send_document_by_file_id_reuses_file(bot: Bot) -> None:
    first = await bot.send_document(USER_ID, BufferedInputFile(b"1;2", "a.csv"))
    assert first.document is not None

    again = await bot.send_document(GROUP_ID, first.document.file_id)

    assert again.document is not None
    assert again.document.file_id == first.document.file_id
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_document(GROUP_ID, "no-such-file")


async def test_set_my_commands_stored_per_language(bot: Bot, emulator: BotAPIEmulator) -> None:
    await bot.set_my_commands([BotCommand(command="report", description="Отправить отчёт")], language_code="ru")
    await bot.set_my_commands([BotCommand(command="report", description="Send a report")], language_code="en")
    await bot.set_my_commands(
        [BotCommand(command="setup", description="Настроить команду")],
        scope=BotCommandScopeChat(chat_id=GROUP_ID),
    )

    stored = {(entry["scope"]["type"], entry["language_code"]): entry["commands"] for entry in emulator.commands()}
    assert stored[("default", "ru")] == [{"command": "report", "description": "Отправить отчёт"}]
    assert stored[("default", "en")] == [{"command": "report", "description": "Send a report"}]
    assert stored[("chat", "")] == [{"command": "setup", "description": "Настроить команду"}]
    english = await bot.get_my_commands(language_code="en")
    assert [command.description for command in english] == ["Send a report"]
    assert await bot.get_my_commands() == []

    await bot.delete_my_commands(language_code="en")
    assert await bot.get_my_commands(language_code="en") == []


async def test_set_my_commands_invalid_command_rejected(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Report", description="x")])


async def test_send_chat_action_and_get_chat(bot: Bot) -> None:
    assert await bot.send_chat_action(GROUP_ID, "typing")

    chat = await bot.get_chat(GROUP_ID)

    assert chat.title == "Отдел продаж"
    assert chat.type == "supergroup"


async def test_answer_callback_query_unknown_id_rejected(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query("12345")


async def test_raw_requests_like_telegram(emulator: BotAPIEmulator) -> None:
    base = f"{emulator.base_url}/bot{emulator.token}"
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{emulator.base_url}/bot123456:WRONG/getMe") as response:
            assert response.status == 401
            assert await response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        async with session.post(f"{base}/getMeNow") as response:
            assert response.status == 404
            assert (await response.json())["description"] == "Not Found: method not found"
        async with session.post(f"{base}/SENDMESSAGE", json={"chat_id": USER_ID, "text": "json"}) as response:
            assert response.status == 200
            assert (await response.json())["result"]["text"] == "json"
        async with session.get(f"{base}/sendMessage", params={"chat_id": str(USER_ID), "text": "query"}) as response:
            assert (await response.json())["result"]["text"] == "query"
        form = {"chat_id": str(USER_ID), "text": "form", "reply_markup": '{"inline_keyboard": []}'}
        async with session.post(f"{base}/sendMessage", data=form) as response:
            assert (await response.json())["result"]["text"] == "form"
        async with session.post(f"{base}/sendMessage", json={"chat_id": USER_ID, "text": ""}) as response:
            assert response.status == 400
            assert await response.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message text is empty",
            }
