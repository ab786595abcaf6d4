"""Form state storages: the database one by default, Redis for several processes."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from sqlalchemy import func, select

from bot.clock import ManualClock
from bot.db.engine import create_engine, create_sessionmaker
from bot.db.fsm import SqlStorage
from bot.db.migrate import upgrade
from bot.db.models import FsmState

KEY = StorageKey(bot_id=1, chat_id=42, user_id=42)
OTHER = StorageKey(bot_id=1, chat_id=43, user_id=43)


async def _round_trip(storage) -> None:
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}

    await storage.set_state(KEY, "ReportForm:filling")
    await storage.set_data(KEY, {"form": "ab12cd", "step": 2, "values": {"calls": "40"}})

    assert await storage.get_state(KEY) == "ReportForm:filling"
    assert await storage.get_data(KEY) == {"form": "ab12cd", "step": 2, "values": {"calls": "40"}}
    assert await storage.get_state(OTHER) is None

    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}


async def test_sql_storage_round_trip(sqlite_url):
    engine = create_engine(sqlite_url)
    await upgrade(engine)
    sessionmaker = create_sessionmaker(engine)
    await _round_trip(SqlStorage(sessionmaker, ManualClock(datetime(2026, 11, 3, tzinfo=UTC))))
    async with sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(FsmState)) == 0
    await engine.dispose()


async def test_redis_storage_round_trip():
    url = os.environ.get("SALESBOARD_TEST_REDIS_URL")
    if not url:
        pytest.skip("SALESBOARD_TEST_REDIS_URL is not set; .ci/run sets it to the local Redis server")
    from aiogram.fsm.storage.redis import RedisStorage

    storage = RedisStorage.from_url(url, key_builder=DefaultKeyBuilder(with_bot_id=True, with_destiny=True))
    try:
        await storage.redis.delete(*[key async for key in storage.redis.scan_iter("fsm:1:*")] or ["none"])
        await _round_trip(storage)
    finally:
        await storage.close()
