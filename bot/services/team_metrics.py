"""Use cases for the metrics a team defines: list, add, switch on and off, set the daily limit.

A scheme file's [[metrics]] become team metrics when the head publishes it, so reports, plans and
the scheme's KPI targets use the same codes.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Member, TeamMetric
from bot.metric_catalog import DEFAULT_DAILY_LIMITS, MetricCatalog, TeamMetricInfo
from bot.report_parser import BUILTIN_VOCABULARY, alias_key
from bot.services.errors import UserError
from kpi.metrics import METRICS, MetricKind
from kpi.scheme import INPUT_METRICS, RATIO_KPIS, Scheme

logger = logging.getLogger(__name__)

# Latin lower-case letters and underscores: a digit in a code would be read as a report's value.
CODE_PATTERN = re.compile(r"[a-z][a-z_]{1,19}")
MAX_TITLE_LENGTH = 40
# The guided form has one step per metric, so a longer list makes the daily report a chore.
MAX_TEAM_METRICS = 12


async def load_catalog(session: AsyncSession, team_id: int) -> MetricCatalog:
    rows = await session.scalars(
        select(TeamMetric).where(TeamMetric.team_id == team_id).order_by(TeamMetric.position, TeamMetric.id)
    )
    return MetricCatalog(tuple(_info(row) for row in rows))


async def add_metric(
    session: AsyncSession, head: Member, code: str, kind: MetricKind, title_ru: str, title_en: str | None, now: datetime
) -> TeamMetricInfo:
    """Add a metric to the head's team after checking that no report could confuse it with another."""
    catalog = await load_catalog(session, head.team_id)
    code = check_code(code, catalog)
    title_ru = _check_title(title_ru)
    title_en = _check_title(title_en) if title_en else None
    if len(catalog.custom) >= MAX_TEAM_METRICS:
        raise UserError("metrics-error-too-many", limit=MAX_TEAM_METRICS)
    info = TeamMetricInfo(code, title_ru, title_en, kind, DEFAULT_DAILY_LIMITS[kind])
    _check_names(catalog, info)
    session.add(_row(head.team_id, info, await _next_position(session, head.team_id), now))
    await session.commit()
    logger.info("Team %s: metric %s (%s) added by member %s", head.team_id, code, kind.value, head.id)
    return info


async def set_active(session: AsyncSession, head: Member, code: str, active: bool) -> TeamMetricInfo:
    """Switch a team metric on or off. Its stored report values stay either way."""
    row = await _find(session, head.team_id, code)
    if active and not row.active:
        # Names may have been taken by another metric while this one was off.
        catalog = await load_catalog(session, head.team_id)
        others = MetricCatalog(tuple(info for info in catalog.custom if info.code != row.code))
        _check_names(others, _info(row))
    row.active = active
    await session.commit()
    state = "on" if active else "off"
    logger.info("Team %s: metric %s switched %s by member %s", head.team_id, row.code, state, head.id)
    return _info(row)


# A day's limit above a trillion is a typo, and larger numbers overflow the database's 64-bit integer.
MAX_DAILY_LIMIT = 10**12


async def set_limit(session: AsyncSession, head: Member, code: str, limit: Decimal) -> TeamMetricInfo:
    """Set the most one manager may report of a team metric for one day (whole roubles for money)."""
    row = await _find(session, head.team_id, code)
    if limit <= 0 or limit != limit.to_integral_value() or limit > MAX_DAILY_LIMIT:
        raise UserError("metrics-error-limit", value=str(limit))
    row.daily_limit = int(limit)
    await session.commit()
    logger.info(
        "Team %s: metric %s daily limit set to %s by member %s", head.team_id, row.code, row.daily_limit, head.id
    )
    return _info(row)


async def adopt_scheme_metrics(session: AsyncSession, team_id: int, scheme: Scheme, now: datetime) -> list[str]:
    """Stage the scheme's [[metrics]] as team metrics without committing, and return the codes added.

    A metric the team already has is switched on and keeps its titles and limit. Every entry is
    checked before any row is staged, so a rejected scheme leaves the team's metrics unchanged.
    """
    catalog = await load_catalog(session, team_id)
    added: list[TeamMetricInfo] = []
    reactivated: list[str] = []
    for declared in scheme.metrics:
        existing = catalog.find(declared.code)
        if existing is not None:
            if existing.kind is not declared.kind:
                raise UserError(
                    "metrics-error-scheme-kind", code=declared.code, kind=existing.kind.value, declared=declared.kind.value
                )
            if not existing.active:
                reactivated.append(existing.code)
            continue
        if not CODE_PATTERN.fullmatch(declared.code):
            raise UserError("metrics-error-scheme-code", code=declared.code)
        title = declared.title.strip()[:MAX_TITLE_LENGTH]
        info = TeamMetricInfo(declared.code, title, None, declared.kind, DEFAULT_DAILY_LIMITS[declared.kind])
        _check_names(MetricCatalog((*catalog.custom, *added)), info, scheme=True)
        added.append(info)
    if len(catalog.custom) + len(added) > MAX_TEAM_METRICS:
        raise UserError("metrics-error-too-many", limit=MAX_TEAM_METRICS)

    for code in reactivated:
        (await _find(session, team_id, code)).active = True
    position = await _next_position(session, team_id)
    for offset, info in enumerate(added):
        session.add(_row(team_id, info, position + offset, now))
    await session.flush()
    if added or reactivated:
        codes = [info.code for info in added]
        logger.info("Team %s: scheme metrics added %s, switched on %s", team_id, codes, reactivated)
    return [info.code for info in added]


def check_code(code: str, catalog: MetricCatalog) -> str:
    """Return ``code`` in lower case if a new team metric may take it, or raise UserError."""
    code = code.strip().lower()
    if not CODE_PATTERN.fullmatch(code):
        raise UserError("metrics-error-bad-code", code=code)
    if code in METRICS or code in INPUT_METRICS or code in RATIO_KPIS or alias_key(code) in BUILTIN_VOCABULARY.aliases:
        raise UserError("metrics-error-builtin-code", code=code)
    if catalog.find(code) is not None:
        raise UserError("metrics-error-duplicate", code=code)
    return code


def _check_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise UserError("metrics-error-no-title")
    if len(title) > MAX_TITLE_LENGTH:
        raise UserError("metrics-error-title-too-long", limit=MAX_TITLE_LENGTH)
    return title


def _check_names(catalog: MetricCatalog, info: TeamMetricInfo, *, scheme: bool = False) -> None:
    """Raise UserError when the code or a title of ``info`` already names another metric in reports."""
    vocabulary = catalog.vocabulary
    for name in (info.code, *info.names):
        key = alias_key(name)
        if key is not None and key in vocabulary.aliases:
            taken_by = vocabulary.aliases[key]
            message_key = "metrics-error-scheme-name-taken" if scheme else "metrics-error-name-taken"
            raise UserError(message_key, name=name, code=taken_by)


async def _find(session: AsyncSession, team_id: int, code: str) -> TeamMetric:
    row = await session.scalar(
        select(TeamMetric).where(TeamMetric.team_id == team_id, TeamMetric.code == code.strip().lower())
    )
    if row is None:
        raise UserError("metrics-error-not-found", code=code.strip())
    return row


async def _next_position(session: AsyncSession, team_id: int) -> int:
    highest = await session.scalar(select(func.max(TeamMetric.position)).where(TeamMetric.team_id == team_id))
    return (highest or 0) + 1


def _row(team_id: int, info: TeamMetricInfo, position: int, now: datetime) -> TeamMetric:
    return TeamMetric(
        team_id=team_id, code=info.code, title_ru=info.title_ru, title_en=info.title_en, kind=info.kind.value,
        daily_limit=int(info.daily_limit), position=position, active=True, created_at=now,
    )


def _info(row: TeamMetric) -> TeamMetricInfo:
    return TeamMetricInfo(
        row.code, row.title_ru, row.title_en, MetricKind(row.kind), Decimal(row.daily_limit), active=row.active
    )
