"""The sender against the emulator: splitting, pacing, 429, 5xx, 403, upgraded groups, forum topics."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.app import create_bot
from bot.config import Settings
from bot.delivery import (
    ChatUnavailable,
    DeliveryFailed,
    DeliveryRejected,
    Pacer,
    PhotoPart,
    RateLimit,
    Sender,
    TextPart,
    VirtualTimer,
    split_html,
    text_parts,
)
from bot.emulator import BotAPIEmulator

GROUP = -100200
OLD_GROUP = -300
USER = 42
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        emulator.add_group(GROUP, "Отдел", type="supergroup")
        emulator.add_private_chat(USER, "Иван")
        yield emulator


@pytest.fixture
async def bot(emulator) -> AsyncIterator[Bot]:
    settings = Settings(_env_file=None, bot_token=emulator.token, telegram_api_url=emulator.base_url)
    bot = create_bot(settings)
    yield bot
    await bot.session.close()


@pytest.fixture
def timer() -> VirtualTimer:
    return VirtualTimer()


@pytest.fixture
def sender(bot, timer) -> Sender:
    return Sender(bot, timer)


# Splitting

def test_split_short_text_unchanged():
    assert split_html("<b>Доска</b>\nстрока") == ["<b>Доска</b>\nстрока"]


def test_split_at_line_boundaries():
    lines = [f"{number}. Менеджер &amp; Co — <i>{number} %</i>" for number in range(300)]
    parts = split_html("\n".join(lines), 1000)

    assert len(parts) > 1
    assert all(len(part) <= 1000 for part in parts)
    assert "\n".join(parts).split("\n") == lines


def test_split_closes_and_reopens_tags():
    text = "<b>" + "\n".join(f"строка {number}" for number in range(200)) + "</b>"
    parts = split_html(text, 500)

    assert len(parts) > 1
    for part in parts:
        assert part.startswith("<b>")
        assert part.endswith("</b>")
        assert len(part) <= 500


def test_split_long_line_never_inside_tag_or_reference():
    text = "<a href=\"https://example.com/x\">" + "слово &amp; " * 400 + "</a>"
    parts = split_html(text, 700)

    assert len(parts) > 1
    for part in parts:
        assert len(part) <= 700
        assert part.startswith('<a href="https://example.com/x">')
        assert part.endswith("</a>")
        assert part.count("&") == part.count("&amp;")


async def test_long_text_arrives_in_parts(sender, emulator):
    text = "\n".join(f"{number}. <b>Иван</b> &lt;Top&gt; — 50 %" for number in range(400))

    messages = await sender.send(GROUP, text_parts(text))

    sent = emulator.sent(GROUP)
    assert len(messages) == len(sent) > 1
    assert all(len(item["text"]) <= 4096 for item in sent)
    assert "\n".join(item["text"] for item in sent).count("<Top>") == 400


# Pacing

async def test_pacer_one_per_second_per_chat(timer):
    pacer = Pacer(timer)
    for _ in range(3):
        await pacer.acquire(USER)

    assert timer.now == pytest.approx(2.0)


async def test_pacer_twenty_per_minute_in_group(timer):
    pacer = Pacer(timer)
    for _ in range(21):
        await pacer.acquire(GROUP)

    # 20 messages one second apart fill the minute; the 21st waits for the first to age out.
    assert timer.now == pytest.approx(60.0)


async def test_pacer_thirty_per_second_in_all(timer):
    pacer = Pacer(timer, total=RateLimit(30, 1.0))
    for user in range(1, 32):
        await pacer.acquire(user)

    assert timer.now == pytest.approx(1.0)


async def test_pacer_spaces_board_posts_of_one_group(sender, emulator, timer):
    await sender.send(GROUP, [TextPart("доска"), PhotoPart(PNG, "chart.png", "график")])

    assert timer.slept == pytest.approx(1.0)
    assert [("photo" in item) for item in emulator.sent(GROUP)] == [False, True]


# Faults

async def test_429_waits_retry_after(sender, emulator, timer):
    emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)

    await sender.send(USER, text_parts("привет"))

    assert [item["text"] for item in emulator.sent(USER)] == ["привет"]
    assert timer.slept == pytest.approx(7.0)


async def test_429_too_long_fails_for_later(sender, emulator):
    emulator.fail_next("sendMessage", 429, "Too Many Requests: retry after 900", retry_after=900)

    with pytest.raises(DeliveryFailed) as caught:
        await sender.send(USER, text_parts("привет"))

    assert caught.value.retry_after == 900
    assert emulator.sent(USER) == []


async def test_5xx_retried_with_backoff(sender, emulator, timer):
    emulator.fail_next("sendMessage", 502, "Bad Gateway", times=3)

    await sender.send(USER, text_parts("привет"))

    assert len(emulator.sent(USER)) == 1
    assert timer.waits == [1.0, 2.0, 4.0]


async def test_5xx_gives_up_after_attempts(sender, emulator):
    emulator.fail_next("sendMessage", 500, "Internal Server Error", times=10)

    with pytest.raises(DeliveryFailed):
        await sender.send(USER, text_parts("привет"))

    assert len(emulator.calls("sendMessage")) == 5


async def test_403_blocked_user(sender, emulator):
    emulator.add_chat_member_update(USER, USER, "kicked")

    with pytest.raises(ChatUnavailable) as caught:
        await sender.send(USER, text_parts("привет"))

    assert caught.value.chat_id == USER


async def test_400_migrate_follows_new_chat(sender, emulator):
    emulator.add_group(OLD_GROUP, "Старая группа", type="group")
    emulator.add_private_chat(7, "Ольга")
    emulator.migrate_group(OLD_GROUP, -1009999, 7)
    moves: list[tuple[int, int]] = []

    async def on_migrate(old: int, new: int) -> None:
        moves.append((old, new))

    messages = await sender.send(OLD_GROUP, text_parts("доска"), on_migrate=on_migrate)

    assert moves == [(OLD_GROUP, -1009999)]
    assert messages[0].chat.id == -1009999
    assert [item["text"] for item in emulator.sent(-1009999)] == ["доска"]


async def test_bad_html_resent_as_plain_text(sender, emulator):
    await sender.send(USER, text_parts("Иван <Top> & Co — <b>50 %</b>"))

    assert [item["text"] for item in emulator.sent(USER)] == ["Иван  & Co — 50 %"]


async def test_other_400_rejected(sender, emulator):
    emulator.fail_next("sendMessage", 400, "Bad Request: message is too long")

    with pytest.raises(DeliveryRejected):
        await sender.send(USER, text_parts("привет"))


# Forum topics

async def test_topic_thread_id_sent(sender, emulator):
    await sender.send(GROUP, text_parts("доска"), thread_id=15)

    assert emulator.calls("sendMessage")[-1]["params"]["message_thread_id"] == 15


@pytest.mark.parametrize("thread_id", [None, 1], ids=["no-topic", "general-topic"])
async def test_general_topic_omits_thread_id(sender, emulator, thread_id):
    await sender.send(GROUP, [TextPart("доска"), PhotoPart(PNG, "chart.png")], thread_id=thread_id)

    for call in emulator.calls("sendMessage") + emulator.calls("sendPhoto"):
        assert "message_thread_id" not in call["params"]


async def test_missing_topic_falls_back_to_general(sender, emulator):
    emulator.fail_next("sendMessage", 400, "Bad Request: message thread not found")

    await sender.send(GROUP, text_parts("доска"), thread_id=15)

    calls = emulator.calls("sendMessage")
    assert calls[0]["params"]["message_thread_id"] == 15
    assert "message_thread_id" not in calls[1]["params"]
    assert len(emulator.sent(GROUP)) == 1


async def test_unreachable_server_retried(timer):
    # Nothing listens on this port: the connection is refused before any request is sent.
    session = AiohttpSession(api=TelegramAPIServer.from_base("http://127.0.0.1:9"))
    bot = Bot("123456:TEST", session=session)
    try:
        with pytest.raises(DeliveryFailed):
            await Sender(bot, timer).send(USER, text_parts("привет"))
    finally:
        await bot.session.close()

    assert timer.waits == [1.0, 2.0, 4.0, 8.0]
