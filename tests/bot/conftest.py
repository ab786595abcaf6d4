from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.sandbox import Sandbox
from tests.bot.support import IVAN, MARIA, START, Team, make_team


@pytest.fixture
async def team() -> AsyncIterator[Team]:
    async with Sandbox(START) as sandbox:
        yield await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
