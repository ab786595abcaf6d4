"""aiogram FSM storage in the bot's own database, so a half-filled form survives a restart."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, KeyBuilder, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.db.models import FsmState

logger = logging.getLogger(__name__)


class SqlStorage(BaseStorage):
    """One row per conversation key with the state name and the data as JSON text."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        clock: Clock,
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock
        self.key_builder = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = state.state if isinstance(state, State) else state
        await self._write(key, state=name)

    async def get_state(self, key: StorageKey) -> str | None:
        row = await self._read(key)
        return row.state if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = await self._read(key)
        return json.loads(row.data) if row else {}

    async def close(self) -> None:
        return None

    async def _read(self, key: StorageKey) -> FsmState | None:
        async with self.sessionmaker() as session:
            return await session.get(FsmState, self.key_builder.build(key))

    async def _write(self, key: StorageKey, *, state: str | None | object = ..., data: dict[str, Any] | None = None) -> None:
        """Change the state, the data or both; a row with neither is deleted."""
        row_key = self.key_builder.build(key)
        async with self.sessionmaker() as session:
            row = await session.get(FsmState, row_key)
            new_state = row.state if row is not None else None
            if state is not ...:
                new_state = state
            new_data = row.data if row is not None else "{}"
            if data is not None:
                new_data = json.dumps(data, ensure_ascii=False)
            if new_state is None and new_data == "{}":
                if row is not None:
                    await session.delete(row)
            else:
                if row is None:
                    row = FsmState(key=row_key)
                    session.add(row)
                row.state = new_state  # type: ignore[assignment]
                row.data = new_data
                row.updated_at = self.clock.now()
            await session.commit()
