"""The control API over HTTP, through EmulatorClient, as a test in another process would use it."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramRetryAfter
from aiogram.types import BufferedInputFile

from bot.emulator import BotAPIEmulator, EmulatorClient, EmulatorControlError

from .conftest import USER_ID


@pytest.fixture
async def client(emulator: BotAPIEmulator) -> AsyncIterator[EmulatorClient]:
    async with EmulatorClient(emulator.base_url) as client:
        yield client


async def test_client_plays_user_and_reads_replies(bot: Bot, client: EmulatorClient) -> None:
    chat = await client.add_private_chat(600, "Анна", username="anna")
    update = await client.send_message(600, 600, "/start invite")

    updates = await bot.get_updates()
    assert chat == {"id": 600, "type": "private", "first_name": "Анна", "username": "anna"}
    assert [u.update_id for u in updates] == [update["update_id"]]
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]

    waiter = asyncio.create_task(client.wait_for(lambda message: message.get("text") == "Добро пожаловать"))
    await bot.send_message(600, "Добро пожаловать")
    found = await asyncio.wait_for(waiter, timeout=5)

    assert found["chat"]["id"] == 600
    assert [message["text"] for message in await client.sent(600)] == ["Добро пожаловать"]
    assert await client.pending_updates() == 1


async def test_client_fault_and_calls(bot: Bot, client: EmulatorClient) -> None:
    await client.fail_next("sendMessage", 429, "Too Many Requests: retry after 3", retry_after=3)

    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(USER_ID, "x")

    calls = await client.calls("sendMessage")
    assert [(call["status"], call["params"]["text"]) for call in calls] == [(429, "x")]


async def test_client_commands_files_and_bot(bot: Bot, client: EmulatorClient) -> None:
    await bot.set_my_commands([{"command": "report", "description": "Отчёт"}], language_code="ru")
    document = await bot.send_document(USER_ID, BufferedInputFile(b"a;b\n", "r.csv"))
    assert document.document is not None

    assert (await client.commands())[0]["commands"] == [{"command": "report", "description": "Отчёт"}]
    assert await client.file_bytes(document.document.file_id) == b"a;b\n"
    assert (await client.bot_user())["username"] == "salesboard_bot"


async def test_client_invalid_arguments_rejected(client: EmulatorClient) -> None:
    with pytest.raises(EmulatorControlError, match="chat -1 not found") as raised:
        await client.send_message(-1, USER_ID, "x")
    assert raised.value.status == 400

    with pytest.raises(EmulatorControlError, match="invalid arguments for add_group"):
        await client.add_group(-2, "Группа", colour="red")


async def test_client_wait_for_times_out(client: EmulatorClient) -> None:
    with pytest.raises(TimeoutError, match="the bot sent nothing"):
        await client.wait_for(lambda message: True, timeout=0.05)


async def test_standalone_emulator_process() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.emulator",
        "--token",
        "42:PROCESS",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        url_line = (await asyncio.wait_for(process.stdout.readline(), timeout=20)).decode().strip()
        token_line = (await asyncio.wait_for(process.stdout.readline(), timeout=5)).decode().strip()
        assert url_line.startswith("TELEGRAM_API_URL=http://127.0.0.1:")
        assert token_line == "BOT_TOKEN=42:PROCESS"
        url = url_line.removeprefix("TELEGRAM_API_URL=")

        async with EmulatorClient(url) as client:
            await client.add_private_chat(USER_ID, "Иван")
            session = AiohttpSession(api=TelegramAPIServer.from_base(url))
            async with Bot("42:PROCESS", session=session) as bot:
                await bot.send_message(USER_ID, "из другого процесса")
            assert [message["text"] for message in await client.sent()] == ["из другого процесса"]
    finally:
        process.send_signal(signal.SIGINT)
        _stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=20)

    assert process.returncode == 0
    log = stderr.decode()
    assert "Bot API emulator started" in log
    assert "stopped" in log
    assert "PROCESS" not in log
