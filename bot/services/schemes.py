"""Use cases for pay schemes: the version in force for a month, and publishing a new version.

A scheme is stored as the TOML text the head sent, with the month it takes effect from; it is
parsed again whenever it is needed, so the text is the single source of truth.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db.models import Member, Team, TeamScheme
from bot.services.errors import UserError
from bot.services.team_metrics import adopt_scheme_metrics
from kpi.period import Month
from kpi.presets import PRESET_NAMES, load_preset, preset_text
from kpi.scheme import Scheme
from kpi.scheme_toml import SchemeError, load_scheme
from kpi.tiers import DEFAULT_TIERS

logger = logging.getLogger(__name__)

# A scheme file larger than this is not a scheme someone wrote by hand.
MAX_SCHEME_BYTES = 64 * 1024


class SchemeRejected(Exception):
    """A scheme file with a mistake; `error` names the key, the value and the fix."""

    def __init__(self, error: SchemeError) -> None:
        super().__init__(str(error))
        self.error = error


def default_scheme() -> Scheme:
    """Return the scheme a team has before its head publishes one: the default tiers on revenue."""
    return Scheme.from_tiers(DEFAULT_TIERS, title="default")


async def versions(session: AsyncSession, team_id: int) -> list[Scheme]:
    rows = await session.scalars(
        select(TeamScheme).where(TeamScheme.team_id == team_id).order_by(TeamScheme.effective_from)
    )
    return [_parse(row) for row in rows]


async def scheme_for(session: AsyncSession, team_id: int, month: Month) -> Scheme:
    """Return the version in force in `month`: the latest one starting in or before it."""
    chosen = default_scheme()
    for scheme in await versions(session, team_id):
        if scheme.effective_from is not None and scheme.effective_from <= month:
            chosen = scheme
    return chosen


async def upcoming(session: AsyncSession, team_id: int, month: Month) -> list[Scheme]:
    return [scheme for scheme in await versions(session, team_id) if scheme.effective_from and scheme.effective_from > month]


async def publish(
    session: AsyncSession, head: Member, text: str, now: datetime, effective_from: Month | None = None
) -> Scheme:
    """Validate and store a scheme version; it may start this month at the earliest.

    `effective_from` overrides the month in the file, as when a preset is chosen for next month.
    A closed or past month is never recomputed with new rules. The scheme's [[metrics]] become
    team metrics in the same transaction, so managers can report what its KPI targets measure.
    """
    if len(text.encode("utf-8")) > MAX_SCHEME_BYTES:
        raise UserError("rules-error-too-large", limit=str(MAX_SCHEME_BYTES // 1024))
    try:
        scheme = load_scheme(text)
    except SchemeError as error:
        raise SchemeRejected(error) from error
    team = await session.get(Team, head.team_id)
    assert team is not None
    current = Month.of(business_date(now, team.timezone))
    start = effective_from or scheme.effective_from or current
    if start < current:
        raise UserError("rules-error-past", month=str(start), current=str(current))
    row = await session.scalar(
        select(TeamScheme).where(TeamScheme.team_id == team.id, TeamScheme.effective_from == str(start))
    )
    if row is None:
        row = TeamScheme(team_id=team.id, effective_from=str(start), source=text, created_at=now)
        session.add(row)
    row.source = text
    row.created_at = now
    row.created_by_member_id = head.id
    await adopt_scheme_metrics(session, team.id, scheme, now)
    await session.commit()
    logger.info("Team %s: scheme %r published from %s by member %s", team.id, scheme.title, start, head.id)
    return dataclasses.replace(scheme, effective_from=start)


@functools.cache
def preset_names_by_title() -> dict[str, str]:
    """Map each preset's title, as its file gives it, to the preset's name."""
    return {load_preset(name).title: name for name in PRESET_NAMES}


def preset_source(name: str) -> str:
    if name not in PRESET_NAMES:
        raise UserError("rules-error-preset", name=name, presets=", ".join(PRESET_NAMES))
    return preset_text(name)


def _parse(row: TeamScheme) -> Scheme:
    return dataclasses.replace(load_scheme(row.source), effective_from=Month.parse(row.effective_from))
