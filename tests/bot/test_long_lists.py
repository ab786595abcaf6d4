"""Scheduled posts that list many managers: every name arrives, split into parts when needed."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from bot.calc.texts import load_texts
from bot.db.models import PostLedger, PostStatus
from bot.delivery import TEXT_LIMIT, split_html
from bot.render.texts import Markup, Texts
from bot.sandbox import Sandbox
from bot.scheduler import planners
from tests.bot.support import GROUP, HEAD, MOSCOW, START, make_team

MENTION_AT = datetime(2026, 11, 3, 18, 5, tzinfo=MOSCOW)
HEAD_NOTE_AT = datetime(2026, 11, 3, 18, 35, tzinfo=MOSCOW)
BOARD_AT = datetime(2026, 11, 3, 19, 5, tzinfo=MOSCOW)
FIRST_USER = 7_000_000_000


def _managers(count: int) -> dict[int, str]:
    # Real user ids have ten digits. The last name needs HTML escaping.
    names = {FIRST_USER + index: f"Менеджер{index:02d} Константинопольский" for index in range(count)}
    names[FIRST_USER + count - 1] = "Менеджер <Топ> & Co"
    return names


def _texts(items: list[dict], chat_id: int) -> list[str]:
    return [item.get("text", "") for item in items if item["chat"]["id"] == chat_id]


def _between(items: list[dict], chat_id: int, first: str, last: str) -> str:
    """Join the messages of one split post: from the one containing `first` to the one containing `last`."""
    texts = _texts(items, chat_id)
    start = next(index for index, text in enumerate(texts) if first in text)
    end = next(index for index, text in enumerate(texts) if index >= start and last in text)
    return "".join(texts[start : end + 1])


async def _ledger(sandbox: Sandbox, kind: str) -> list[PostLedger]:
    async with sandbox.app.app.sessionmaker() as session:
        return list(await session.scalars(select(PostLedger).where(PostLedger.kind == kind)))


async def test_deadline_mention_lists_forty_managers():
    managers = _managers(40)
    async with Sandbox(START) as sandbox:
        await make_team(sandbox, managers)
        sent = await sandbox.advance(MENTION_AT)
        rows = await _ledger(sandbox, planners.MENTION)

    group = [item for item in sent if item["chat"]["id"] == GROUP]
    post = _between(sent, GROUP, "Срок сдачи отчёта за 03.11.2026", "Отправьте его одной строкой")
    # The emulator keeps tg://user?id= links as text_link entities; Telegram makes them text_mention.
    mentioned = {
        int(entity["url"].removeprefix("tg://user?id="))
        for item in group
        for entity in item.get("entities", [])
        if entity["type"] == "text_link"
    }
    assert all(len(item["text"]) <= TEXT_LIMIT for item in group)
    for name in managers.values():
        assert name in post
    assert mentioned == set(managers)
    assert [row.status for row in rows] == [PostStatus.SENT]


async def test_head_note_lists_ninety_managers():
    managers = _managers(90)
    async with Sandbox(START) as sandbox:
        await make_team(sandbox, managers)
        sent = await sandbox.advance(HEAD_NOTE_AT)

    note = _between(sent, HEAD, "Отчёт за 03.11.2026 до сих пор не сдали", "В группе им уже напомнили")
    for name in managers.values():
        assert name in note


async def test_board_lists_eighty_missing_managers():
    managers = _managers(80)
    async with Sandbox(START) as sandbox:
        await make_team(sandbox, managers)
        sent = await sandbox.advance(BOARD_AT)
        rows = await _ledger(sandbox, planners.BOARD)

    board = _between(sent, GROUP, "Доска продаж", "Ждём отчёт")
    waiting = board.split("Ждём отчёт:", 1)[1]
    assert all(len(text) <= TEXT_LIMIT for text in _texts(sent, GROUP))
    for name in managers.values():
        assert name in waiting
    assert [row.status for row in rows] == [PostStatus.SENT]


async def test_board_render_failure_told_once(monkeypatch):
    def broken_board(texts, month):
        raise RuntimeError("board cannot be drawn")

    async with Sandbox(START) as sandbox:
        await make_team(sandbox, {FIRST_USER: "Иван"})
        monkeypatch.setattr(planners, "render_board", broken_board)
        at_post = await sandbox.advance(BOARD_AT)
        later = await sandbox.advance(datetime(2026, 11, 3, 21, 0, tzinfo=MOSCOW))
        rows = await _ledger(sandbox, planners.BOARD)

    head_notes = [text for text in _texts(at_post + later, HEAD) if "Не удалось подготовить" in text]
    assert not any("Доска продаж" in text for text in _texts(at_post + later, GROUP))
    assert len(head_notes) == 1
    assert "«доска продаж» за 03.11.2026" in head_notes[0]
    assert f"запись № {rows[0].id}" in head_notes[0]
    assert (rows[0].status, rows[0].attempts) == (PostStatus.REJECTED, 1)
    assert "render failed" in (rows[0].error or "")


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_texts_long_argument_inserted_whole(locale):
    texts = Texts(load_texts().core, locale)
    names = texts.join([f"Менеджер{index:03d} <Топ>" for index in range(300)])

    text = texts("board-missing", names=names)

    assert len(names) > 2500
    assert text.count("Менеджер") == 300
    assert text.count("&lt;Топ&gt;") == 300
    assert "<Топ>" not in text


def test_texts_join_keeps_markup_escapes_text():
    texts = Texts(load_texts().core, "ru")

    joined = texts.join([Markup('<a href="tg://user?id=1">Иван</a>'), "Мария <Топ>"])

    assert joined == '<a href="tg://user?id=1">Иван</a>, Мария &lt;Топ&gt;'


def test_split_long_list_between_items():
    # Names of different lengths, so a part never happens to end at an item boundary by itself.
    items = [f'<a href="tg://user?id={index}">Менеджер{index} Конст{"а" * (index % 7)}нтинопольский</a>' for index in range(100)]
    text = "Ждём отчёт: " + ", ".join(items) + "."

    parts = split_html(text, 1000)

    assert len(parts) > 1
    assert all(len(part) <= 1000 for part in parts)
    assert "".join(parts) == text
    assert all(part.endswith(("</a>, ", "</a>.")) for part in parts)
