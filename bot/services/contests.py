"""Use cases for contests: parse and store a head's contest, and compute the standings of running ones.

Hungry games and department contests run for the current month on revenue attainment, as
`kpi.contests` scores them. A custom contest ranks managers by the sum of one metric over its
period and splits prizes between tied places.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db import repo
from bot.db.models import Contest, ContestKind, DailyReport, Member, ReportValue, Role, Team
from bot.report_parser import METRIC_ALIASES, normalize_alias, parse_amount
from bot.services.errors import UserError
from bot.services.standings import BONUS_METRIC, load_team_month
from bot.services.units import from_storage
from kpi import contests as kpi_contests
from kpi.metrics import DailyReport as ReportDay
from kpi.money import from_kopecks, to_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

HUNGRY_GAMES_WORDS = frozenset({"голодные игры", "новички против старожилов", "hungry games"})
DEPARTMENTS_WORDS = frozenset({"отделы", "соревнование отделов", "departments", "department contest"})
PRIZE_WORDS = frozenset({"приз", "призы", "prize", "prizes"})
# Places with a prize; ten amounts of up to 15 digits fit the 200-character column.
MAX_PRIZES = 10

# "01.12–31.12", "01.12.2026 - 31.01.2027": a dash, en dash or em dash between the dates.
_PERIOD = re.compile(
    r"(?P<start>\d{1,2}\.\d{1,2}(?:\.\d{4})?)\s*[-–—]\s*(?P<end>\d{1,2}\.\d{1,2}(?:\.\d{4})?)(?:\s+(?P<rest>.*))?",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class ContestSpec:
    """A contest as the head typed it, before it is stored."""

    kind: ContestKind
    metric: str
    start: date
    end: date
    prizes: tuple[Decimal, ...] = ()


@dataclass(frozen=True, slots=True)
class ContestInfo:
    id: int
    kind: ContestKind
    metric: str
    start: date
    end: date
    prizes: tuple[Decimal, ...]


@dataclass(frozen=True, slots=True)
class CreatedContest:
    contest: ContestInfo
    # The announcement's chat: the team's board group, or None when the team has no live group.
    board_chat_id: int | None
    board_thread_id: int | None
    team_locale: str


@dataclass(frozen=True, slots=True)
class ContestStandings:
    """One contest with its results so far: `groups` for group contests, `places` for a custom one."""

    contest: ContestInfo
    started: bool
    groups: tuple[kpi_contests.GroupStanding, ...] = ()
    places: tuple[kpi_contests.ContestPlace, ...] = ()


def parse_contest(text: str, today: date) -> ContestSpec:
    """Read the /contest argument: "голодные игры", "отделы" or "01.12–31.12 звонки приз 10 000 / 5 000".

    A date without a year is in the year of `today`. Raises UserError with an example on bad input.
    """
    keyword = normalize_alias(text)
    month = Month.of(today)
    if keyword in HUNGRY_GAMES_WORDS:
        return ContestSpec(ContestKind.HUNGRY_GAMES, BONUS_METRIC, month.first_day, month.last_day)
    if keyword in DEPARTMENTS_WORDS:
        return ContestSpec(ContestKind.DEPARTMENTS, BONUS_METRIC, month.first_day, month.last_day)

    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        raise UserError("contest-usage")
    start = _parse_day(match["start"], today.year)
    end = _parse_day(match["end"], today.year)
    if end < start:
        raise UserError("contest-error-order", start=match["start"], end=match["end"])
    if end < today:
        raise UserError("contest-error-past", start=match["start"], end=match["end"], year=str(today.year + 1))

    words = (match["rest"] or "").split()
    prize_at = next((index for index, word in enumerate(words) if normalize_alias(word) in PRIZE_WORDS), len(words))
    metric_text = " ".join(words[:prize_at])
    if not metric_text:
        raise UserError("contest-error-metric-missing")
    metric = METRIC_ALIASES.get(normalize_alias(metric_text))
    if metric is None:
        raise UserError("contest-error-metric", name=metric_text)
    prizes = _parse_prizes(" ".join(words[prize_at + 1 :])) if prize_at < len(words) else ()
    return ContestSpec(ContestKind.CUSTOM, metric, start, end, prizes)


def _parse_day(text: str, default_year: int) -> date:
    parts = [int(part) for part in text.split(".")]
    day, month = parts[0], parts[1]
    year = parts[2] if len(parts) == 3 else default_year
    try:
        return date(year, month, day)
    except ValueError as error:
        raise UserError("contest-error-date", value=text) from error


def _parse_prizes(text: str) -> tuple[Decimal, ...]:
    """Read "10 000" or "10 000 / 5 000 / 3 000": prizes for places 1, 2, 3 in rubles."""
    amounts = [part.strip() for part in text.split("/")]
    if len(amounts) > MAX_PRIZES:
        raise UserError("contest-error-prize-count", max=MAX_PRIZES)
    prizes = []
    for amount_text in amounts:
        try:
            prize = parse_amount(amount_text)
            to_kopecks(prize)
        except ValueError as error:
            raise UserError("contest-error-prize", value=amount_text) from error
        if prize < 0:
            raise UserError("contest-error-prize", value=amount_text)
        prizes.append(prize)
    return tuple(prizes)


async def create_contest(session: AsyncSession, head: Member, spec: ContestSpec, now: datetime) -> CreatedContest:
    """Store the contest; a second hungry games or department contest for the same month is rejected."""
    if head.role != Role.HEAD:
        raise UserError("contest-error-head-only")
    team = await session.get(Team, head.team_id)
    assert team is not None
    if spec.kind is not ContestKind.CUSTOM:
        existing = await session.scalar(
            select(Contest.id).where(
                Contest.team_id == team.id, Contest.kind == spec.kind, Contest.start_date == spec.start
            )
        )
        if existing is not None:
            raise UserError("contest-error-duplicate", kind=str(spec.kind), number=existing)
    if spec.kind is ContestKind.DEPARTMENTS:
        departments = await repo.departments_of(session, team.id)
        if len(departments) < 2:
            raise UserError("contest-error-no-departments", count=len(departments))

    contest = Contest(
        team_id=team.id,
        kind=spec.kind,
        metric=spec.metric,
        start_date=spec.start,
        end_date=spec.end,
        prizes_kopecks=" ".join(str(to_kopecks(prize)) for prize in spec.prizes),
        created_by_member_id=head.id,
        created_at=now,
    )
    session.add(contest)
    await session.commit()
    logger.info("Contest %s (%s) created in team %s by member %s", contest.id, spec.kind, team.id, head.id)
    board = team.board_chat_id if team.board_chat_active else None
    return CreatedContest(_info(contest), board, team.board_thread_id, team.locale)


async def running_contests(
    session: AsyncSession, member: Member, now: datetime, newcomer_months: int
) -> list[ContestStandings]:
    """Return the team's contests that have not ended, with standings as of today, oldest first."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    today = business_date(now, team.timezone)
    rows = await session.scalars(
        select(Contest).where(Contest.team_id == team.id, Contest.end_date >= today).order_by(Contest.id)
    )
    contests = [_info(row) for row in rows]
    if not contests:
        return []

    month = await load_team_month(session, team, today)
    entrants = [
        kpi_contests.Entrant(
            member_id=view.member_id,
            name=view.name,
            actual=view.totals.get(BONUS_METRIC, Decimal(0)),
            plan=view.plans.get(BONUS_METRIC),
            hired_on=view.hire_date,
            department=view.department,
        )
        for view in month.managers
    ]
    names = {view.member_id: view.name for view in month.managers}

    results = []
    for contest in contests:
        started = contest.start <= today
        if not started:
            results.append(ContestStandings(contest, started=False))
        elif contest.kind is ContestKind.HUNGRY_GAMES:
            games = kpi_contests.hungry_games(entrants, Month.of(contest.start), newcomer_months)
            results.append(ContestStandings(contest, True, groups=games.standings))
        elif contest.kind is ContestKind.DEPARTMENTS:
            results.append(ContestStandings(contest, True, groups=kpi_contests.department_contest(entrants)))
        else:
            reports = await _report_days(session, team.id, contest)
            rules = kpi_contests.Contest(
                title=f"contest {contest.id}", metric=contest.metric, start=contest.start, end=contest.end,
                prizes=contest.prizes,
            )
            results.append(ContestStandings(contest, True, places=kpi_contests.contest_results(rules, reports, names)))
    return results


async def _report_days(session: AsyncSession, team_id: int, contest: ContestInfo) -> list[ReportDay]:
    """The current version of each report in the contest period, with the contest metric only."""
    query = (
        repo.current_report_values(DailyReport.member_id, DailyReport.business_date, ReportValue.value)
        .where(
            Member.team_id == team_id,
            DailyReport.business_date >= contest.start,
            DailyReport.business_date <= contest.end,
            ReportValue.metric == contest.metric,
        )
    )
    return [
        ReportDay(member_id, day, {contest.metric: from_storage(contest.metric, value)})
        for member_id, day, value in await session.execute(query)
    ]


def _info(contest: Contest) -> ContestInfo:
    prizes = tuple(from_kopecks(int(part)) for part in contest.prizes_kopecks.split())
    return ContestInfo(
        contest.id, ContestKind(contest.kind), contest.metric, contest.start_date, contest.end_date, prizes
    )
