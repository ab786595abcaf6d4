"""Updates: long polling, offsets, and a real Dispatcher polling the emulator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramConflictError, TelegramForbiddenError
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.emulator import BotAPIEmulator

from .conftest import GROUP_ID, USER_ID


async def test_long_poll_returns_when_update_injected(bot: Bot, emulator: BotAPIEmulator) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await emulator.wait_for_call("getUpdates")

    emulator.send_message(USER_ID, USER_ID, "звонки 5")
    # Far below the 30 s long-polling timeout: the poll must end because of the update.
    updates = await asyncio.wait_for(poll, timeout=5)

    assert [update.message.text for update in updates if update.message] == ["звонки 5"]


async def test_get_updates_honours_offset_and_limit(bot: Bot, emulator: BotAPIEmulator) -> None:
    ids = [emulator.send_message(USER_ID, USER_ID, f"сообщение {n}")["update_id"] for n in range(3)]

    assert [update.update_id for update in await bot.get_updates(limit=2)] == ids[:2]
    assert [update.update_id for update in await bot.get_updates(offset=ids[1])] == ids[1:]
    assert emulator.pending_updates() == 2
    assert await bot.get_updates(offset=ids[2] + 1) == []
    assert emulator.pending_updates() == 0


async def test_get_updates_negative_offset_keeps_last(bot: Bot, emulator: BotAPIEmulator) -> None:
    ids = [emulator.send_message(USER_ID, USER_ID, f"сообщение {n}")["update_id"] for n in range(3)]

    assert [update.update_id for update in await bot.get_updates(offset=-1)] == ids[2:]
    assert emulator.pending_updates() == 1


async def test_get_updates_without_updates_returns_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=0) == []


async def test_second_poller_ends_first_with_conflict(bot: Bot, emulator: BotAPIEmulator) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await emulator.wait_for_call("getUpdates")

    second = asyncio.create_task(bot.get_updates(timeout=30))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await asyncio.wait_for(first, timeout=5)

    emulator.send_message(USER_ID, USER_ID, "после конфликта")
    assert len(await asyncio.wait_for(second, timeout=5)) == 1


async def test_delete_webhook_drops_pending_updates(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.send_message(USER_ID, USER_ID, "старое")

    assert await bot.delete_webhook(drop_pending_updates=True)
    assert emulator.pending_updates() == 0


async def test_injected_message_parses_as_aiogram_update(emulator: BotAPIEmulator) -> None:
    raw = emulator.send_message(GROUP_ID, USER_ID, "😀 /report@salesboard_bot звонки 5")

    update = Update.model_validate(raw)

    assert update.message is not None
    assert update.message.chat.id == GROUP_ID
    assert update.message.from_user is not None and update.message.from_user.first_name == "Иван"
    assert update.message.entities is not None
    command = update.message.entities[0]
    assert command.type == "bot_command"
    assert (command.offset, command.length) == (3, 22)
    assert command.extract_from(update.message.text or "") == "/report@salesboard_bot"


async def test_injected_edit_becomes_edited_message(emulator: BotAPIEmulator) -> None:
    original = emulator.send_message(USER_ID, USER_ID, "/report звонки 5")

    edited = emulator.send_message(USER_ID, USER_ID, "/report звонки 6", edit_of=original["message"]["message_id"])

    assert "message" not in edited
    assert edited["edited_message"]["message_id"] == original["message"]["message_id"]
    assert edited["edited_message"]["text"] == "/report звонки 6"
    assert "edit_date" in edited["edited_message"]


async def test_injected_reply_carries_bot_message(bot: Bot, emulator: BotAPIEmulator) -> None:
    question = await bot.send_message(USER_ID, "Сколько звонков?")

    update = emulator.send_message(USER_ID, USER_ID, "5", reply_to=question.message_id)

    assert update["message"]["reply_to_message"]["text"] == "Сколько звонков?"
    assert update["message"]["reply_to_message"]["from"]["is_bot"] is True


async def test_control_rejects_unknown_chat_and_user(emulator: BotAPIEmulator) -> None:
    with pytest.raises(ValueError, match="chat -42 not found"):
        emulator.send_message(-42, USER_ID, "x")
    with pytest.raises(ValueError, match="user 9 not found"):
        emulator.send_message(GROUP_ID, 9, "x")


async def test_my_chat_member_update_changes_bot_status(bot: Bot, emulator: BotAPIEmulator) -> None:
    emulator.add_group(-5, "Новая группа", bot_status="left")
    added = emulator.add_chat_member_update(-5, USER_ID, "member")

    update = Update.model_validate(added)
    assert update.my_chat_member is not None
    assert update.my_chat_member.old_chat_member.status == "left"
    assert update.my_chat_member.new_chat_member.status == "member"
    await bot.send_message(-5, "Привет, группа")

    emulator.add_chat_member_update(-5, USER_ID, "kicked")
    with pytest.raises(TelegramForbiddenError, match="bot was kicked from the group chat"):
        await bot.send_message(-5, "Ещё раз")


class ReportBot:
    """A Dispatcher with a /report handler, polling the emulator in a task."""

    def __init__(self) -> None:
        self.reports: list[tuple[str | None, str | None, str]] = []
        self.unmatched: list[str] = []
        self.dispatcher = Dispatcher()
        router = Router(name="reports")

        @router.message(Command("report"))
        async def report(message: Message, command: CommandObject) -> None:
            entity = (message.entities or [])[0]
            self.reports.append((command.args, command.mention, entity.extract_from(message.text or "")))
            await message.answer(f"принято: {command.args}")

        @router.callback_query(F.data == "confirm")
        async def confirm(query: CallbackQuery) -> None:
            await query.answer("Сохранено")
            assert isinstance(query.message, Message)
            await query.message.edit_text("Отчёт сохранён")

        @router.message()
        async def anything_else(message: Message) -> None:
            self.unmatched.append(message.text or "")
            await message.answer(f"не команда: {message.text}")

        self.dispatcher.include_router(router)


@pytest.fixture
async def report_bot(bot: Bot) -> AsyncIterator[ReportBot]:
    report_bot = ReportBot()
    # Sequential handling: when a reply to one update is seen, earlier updates are done.
    polling = asyncio.create_task(
        report_bot.dispatcher.start_polling(bot, handle_signals=False, handle_as_tasks=False, polling_timeout=30)
    )
    yield report_bot
    await report_bot.dispatcher.stop_polling()
    await asyncio.wait_for(polling, timeout=10)


async def test_dispatcher_receives_report_command(report_bot: ReportBot, emulator: BotAPIEmulator) -> None:
    emulator.send_message(USER_ID, USER_ID, "/report звонки 5")
    emulator.send_message(GROUP_ID, USER_ID, "/report@salesboard_bot звонки 5")
    emulator.send_message(GROUP_ID, USER_ID, "/report@other_bot звонки 5")
    last = emulator.send_message(GROUP_ID, USER_ID, "конец")["update_id"]

    await emulator.wait_for(lambda message: message.get("text") == "не команда: конец")
    # The next poll confirms everything up to the last update.
    await emulator.wait_for_call("getUpdates", lambda call: call["params"].get("offset") == last + 1)

    assert report_bot.reports == [
        ("звонки 5", None, "/report"),
        ("звонки 5", "salesboard_bot", "/report@salesboard_bot"),
    ]
    assert report_bot.unmatched == ["/report@other_bot звонки 5", "конец"]
    assert [message["text"] for message in emulator.sent(USER_ID)] == ["принято: звонки 5"]
    assert emulator.pending_updates() == 0


async def test_dispatcher_handles_button_press(report_bot: ReportBot, bot: Bot, emulator: BotAPIEmulator) -> None:
    keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Да", callback_data="confirm")]])
    question = await bot.send_message(USER_ID, "Сохранить отчёт?", reply_markup=keyboard)

    emulator.press_button(USER_ID, USER_ID, question.message_id, "confirm")
    edited = await emulator.wait_for(lambda message: message.get("text") == "Отчёт сохранён")

    assert edited["message_id"] == question.message_id
    assert "reply_markup" not in edited
    answers = emulator.calls("answerCallbackQuery")
    assert [call["params"].get("text") for call in answers] == ["Сохранено"]
    assert answers[0]["status"] == 200


async def test_press_button_without_such_button_rejected(bot: Bot, emulator: BotAPIEmulator) -> None:
    keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Да", callback_data="confirm")]])
    question = await bot.send_message(USER_ID, "Сохранить?", reply_markup=keyboard)

    with pytest.raises(ValueError, match="no button with callback_data 'cancel'"):
        emulator.press_button(USER_ID, USER_ID, question.message_id, "cancel")


async def test_wait_for_timeout_lists_sent(bot: Bot, emulator: BotAPIEmulator) -> None:
    await bot.send_message(USER_ID, "что-то другое")

    with pytest.raises(TimeoutError, match="что-то другое"):
        await emulator.wait_for(lambda message: message.get("text") == "нужное", timeout=0.05)


async def test_wait_for_after_skips_earlier_messages(bot: Bot, emulator: BotAPIEmulator) -> None:
    await bot.send_message(USER_ID, "готово")
    after = len(emulator.sent())

    waiter = asyncio.create_task(emulator.wait_for(lambda message: message.get("text") == "готово", after=after))
    await bot.send_message(GROUP_ID, "готово")
    found = await asyncio.wait_for(waiter, timeout=5)

    assert found["chat"]["id"] == GROUP_ID


async def test_stop_ends_waiting_poll() -> None:
    emulator = BotAPIEmulator()
    await emulator.start()
    session = AiohttpSession(api=TelegramAPIServer.from_base(emulator.base_url))
    async with Bot(emulator.token, session=session) as bot:
        poll = asyncio.create_task(bot.get_updates(timeout=30))
        await emulator.wait_for_call("getUpdates")

        await asyncio.wait_for(emulator.stop(), timeout=5)

        assert await asyncio.wait_for(poll, timeout=5) == []
