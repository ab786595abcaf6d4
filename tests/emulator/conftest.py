"""Fixtures: a started emulator and a real aiogram Bot pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.emulator import BotAPIEmulator

USER_ID = 501
GROUP_ID = -1001234567890


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        emulator.add_private_chat(USER_ID, "Иван", "Петров", "ivan")
        emulator.add_group(GROUP_ID, "Отдел продаж", type="supergroup")
        yield emulator


@pytest.fixture
async def bot(emulator: BotAPIEmulator) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    bot = Bot(emulator.token, session=session)
    yield bot
    await bot.session.close()
