"""Injected faults and chat states that make Bot API calls fail, seen through aiogram's exceptions."""

from __future__ import annotations

import logging

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.emulator import BotAPIEmulator

from .conftest import GROUP_ID, USER_ID


async def test_fail_next_429_raises_retry_after(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)

    with pytest.raises(TelegramRetryAfter) as raised:
        await bot.send_message(GROUP_ID, "Доска продаж")

    assert raised.value.retry_after == 7
    assert emulator.sent() == []
    assert emulator.calls("sendMessage")[0]["status"] == 429
    await bot.send_message(GROUP_ID, "Доска продаж")
    assert len(emulator.sent()) == 1


async def test_fail_next_migrate_raises_migrate_to_chat(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.fail_next(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-1009876543210,
    )

    with pytest.raises(TelegramMigrateToChat) as raised:
        await bot.send_message(GROUP_ID, "Доска продаж")

    assert raised.value.migrate_to_chat_id == -1009876543210


async def test_fail_next_403_raises_forbidden(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")

    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(USER_ID, "Напоминание")


async def test_fail_next_500_raises_server_error(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.fail_next("sendDocument", 500, "Internal Server Error")

    with pytest.raises(TelegramServerError, match="Internal Server Error"):
        await bot.send_document(USER_ID, "any-file-id")


async def test_fail_next_times_and_method_case(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.fail_next("SENDMESSAGE", 502, "Bad Gateway", times=2)

    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await bot.send_message(USER_ID, "x")
    await bot.send_message(USER_ID, "x")

    assert [call["status"] for call in emulator.calls("sendMessage")] == [502, 502, 200]


async def test_fail_next_logs_fault(
    bot: Bot, emulator: BotAPIEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.emulator")
    emulator.fail_next("getMe", 429, "Too Many Requests: retry after 1", retry_after=1)

    with pytest.raises(TelegramRetryAfter):
        await bot.get_me()

    messages = [record.getMessage() for record in caplog.records]
    assert any("Injected fault for getMe: 429" in message for message in messages)
    assert not any(emulator.token in message for message in messages)


async def test_fail_next_invalid_arguments_rejected(emulator: BotAPIEmulator) -> None:
    with pytest.raises(ValueError, match="no method 'sendMesage'"):
        emulator.fail_next("sendMesage", 429, "Too Many Requests")
    with pytest.raises(ValueError, match="error_code must be 400-599"):
        emulator.fail_next("sendMessage", 200, "OK")


async def test_migrated_group_raises_migrate_to_chat(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.add_group(-77, "Старая группа")
    supergroup = emulator.migrate_group(-77, -1007700000000, USER_ID)

    with pytest.raises(TelegramMigrateToChat) as raised:
        await bot.send_message(-77, "Доска продаж")

    assert raised.value.migrate_to_chat_id == supergroup["id"]
    assert (await bot.send_message(supergroup["id"], "Доска продаж")).chat.type == "supergroup"
    updates = await bot.get_updates()
    assert [update.message.migrate_to_chat_id for update in updates if update.message][0] == supergroup["id"]


async def test_blocked_user_raises_forbidden(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.add_chat_member_update(USER_ID, USER_ID, "kicked")

    with pytest.raises(TelegramForbiddenError, match="Forbidden: bot was blocked by the user"):
        await bot.send_message(USER_ID, "Напоминание")


async def test_unknown_parse_mode_rejected(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="the emulator parses HTML only"):
        await bot.send_message(USER_ID, "*x*", parse_mode="MarkdownV2")
