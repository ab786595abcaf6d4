"""Use cases for contests: parse, store and cancel a head's contest; standings and final results.

Hungry games and department contests run for the current month on revenue attainment, as
`kpi.contests` scores them. A custom contest ranks managers by the sum of one metric over its
period and splits prizes between tied places. Results are computed when the period ends and
posted by the scheduler (see `bot.scheduler.planners.plan_board`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db import repo
from bot.db.models import Contest, ContestKind, DailyReport, Member, ReportValue, Role, Team
from bot.report_parser import METRIC_ALIASES, normalize_alias, parse_amount
from bot.services.errors import UserError
from bot.services.standings import BONUS_METRIC, TeamMonth, load_team_month
from bot.services.units import from_storage
from kpi import contests as kpi_contests
from kpi.metrics import DailyReport as ReportDay
from kpi.money import from_kopecks, to_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

HUNGRY_GAMES_WORDS = frozenset({"голодные игры", "новички против старожилов", "hungry games"})
DEPARTMENTS_WORDS = frozenset({"отделы", "соревнование отделов", "departments", "department contest"})
PRIZE_WORDS = frozenset({"приз", "призы", "prize", "prizes"})
CANCEL_WORDS = frozenset({"отменить", "отмена", "cancel"})
# Long enough for "Звонкий декабрь: кто больше всех дозвонится"; it goes into one line of every post.
MAX_TITLE_LENGTH = 100
# The board job posts results of contests that ended this many days back or fewer, so a contest
# created after the board run of its last day still gets its results the next day.
# NOTE: results whose board run was skipped after a long downtime stay skipped, as other posts do.
RESULTS_LOOKBACK = timedelta(days=7)
# "… название Звонкий декабрь" or "… title: December calls" at the end of the /contest argument.
_TITLE = re.compile(r"(?:^|\s)(?:название|title)(?=[\s:]|$):?\s*(?P<title>.*)$", re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"(?:№|no\.?|#)?\s*(?P<number>\d{1,9})", re.IGNORECASE)
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
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ContestInfo:
    id: int
    kind: ContestKind
    metric: str
    start: date
    end: date
    prizes: tuple[Decimal, ...]
    # The head's name for the contest, or None for the generated one.
    title: str | None = None


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


@dataclass(frozen=True, slots=True)
class Winner:
    """A manager who won, alone or with their side or department, and the prize they get."""

    member_id: int
    name: str
    prize: Decimal
    # The winning side or department for group contests; None for a custom contest.
    group: str | None = None
    # The manager's result on the contest metric and place, for a custom contest.
    value: Decimal | None = None
    rank: int = 1


@dataclass(frozen=True, slots=True)
class ContestResult:
    """A contest's final standings as of its last day, and who won."""

    standings: ContestStandings
    # Names of the winning sides or departments; empty for a custom contest or when nobody won.
    winning_groups: tuple[str, ...]
    winners: tuple[Winner, ...]


@dataclass(frozen=True, slots=True)
class CancelledContest:
    contest: ContestInfo
    board_chat_id: int | None
    board_thread_id: int | None
    team_locale: str


def is_cancel(text: str) -> bool:
    """Return whether the /contest argument requests cancelling a contest ("отменить 3")."""
    words = text.split(maxsplit=1)
    return bool(words) and normalize_alias(words[0]) in CANCEL_WORDS


def parse_contest(text: str, today: date) -> ContestSpec:
    """Read the /contest argument: "голодные игры", "отделы" or "01.12–31.12 звонки приз 10 000 / 5 000".

    Any of them may end with "название <title>". A date without a year is in the year of `today`.
    Raises UserError with an example on bad input.
    """
    text, title = _split_title(text)
    keyword = normalize_alias(text)
    month = Month.of(today)
    if keyword in HUNGRY_GAMES_WORDS:
        return ContestSpec(ContestKind.HUNGRY_GAMES, BONUS_METRIC, month.first_day, month.last_day, title=title)
    if keyword in DEPARTMENTS_WORDS:
        return ContestSpec(ContestKind.DEPARTMENTS, BONUS_METRIC, month.first_day, month.last_day, title=title)

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
    return ContestSpec(ContestKind.CUSTOM, metric, start, end, prizes, title)


def _split_title(text: str) -> tuple[str, str | None]:
    """Cut "название <title>" off the end of the argument; quotes around the title are dropped."""
    match = _TITLE.search(text)
    if match is None:
        return text, None
    title = " ".join(match["title"].split()).strip("«»\"'“”„ ")
    if not title:
        raise UserError("contest-error-title-missing")
    if len(title) > MAX_TITLE_LENGTH:
        raise UserError("contest-error-title-long", length=len(title), max=MAX_TITLE_LENGTH)
    return text[: match.start()].strip(), title


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
                Contest.team_id == team.id, Contest.kind == spec.kind, Contest.start_date == spec.start,
                Contest.cancelled_at.is_(None),
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
        title=spec.title,
    )
    session.add(contest)
    await session.commit()
    logger.info("Contest %s (%s) created in team %s by member %s", contest.id, spec.kind, team.id, head.id)
    board = team.board_chat_id if team.board_chat_active else None
    return CreatedContest(_info(contest), board, team.board_thread_id, team.locale)


async def cancel_contest(session: AsyncSession, head: Member, text: str, now: datetime) -> CancelledContest:
    """Cancel the contest numbered in "отменить 3": it leaves /contest and gets no results post.

    A contest that has ended keeps its results, so only one still running or not started can be
    cancelled.
    """
    if head.role != Role.HEAD:
        raise UserError("contest-error-head-only")
    words = text.split(maxsplit=1)
    match = _NUMBER.fullmatch(words[1].strip()) if len(words) == 2 else None
    if match is None:
        raise UserError("contest-cancel-usage")
    team = await session.get(Team, head.team_id)
    assert team is not None
    contest = await session.get(Contest, int(match["number"]))
    if contest is None or contest.team_id != team.id:
        raise UserError("contest-error-not-found", number=match["number"])
    if contest.cancelled_at is not None:
        raise UserError("contest-error-already-cancelled", number=contest.id)
    if contest.end_date < business_date(now, team.timezone):
        raise UserError("contest-error-cancel-ended", number=contest.id)
    contest.cancelled_at = now
    await session.commit()
    logger.info("Contest %s cancelled in team %s by member %s", contest.id, team.id, head.id)
    board = team.board_chat_id if team.board_chat_active else None
    return CancelledContest(_info(contest), board, team.board_thread_id, team.locale)


async def running_contests(
    session: AsyncSession, member: Member, now: datetime, newcomer_months: int
) -> list[ContestStandings]:
    """Return the team's contests that have not ended, with standings as of today, oldest first."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    return await team_running_contests(session, team, business_date(now, team.timezone), newcomer_months)


async def team_running_contests(
    session: AsyncSession, team: Team, today: date, newcomer_months: int
) -> list[ContestStandings]:
    """Return the contests of `team` not ended and not cancelled on `today`, with standings, oldest first."""
    rows = await session.scalars(
        select(Contest)
        .where(Contest.team_id == team.id, Contest.end_date >= today, Contest.cancelled_at.is_(None))
        .order_by(Contest.id)
    )
    contests = [_info(row) for row in rows]
    if not contests:
        return []
    month = await load_team_month(session, team, today)
    return [await _standings(session, team, contest, month, today, newcomer_months) for contest in contests]


async def ended_contests(
    session: AsyncSession, team: Team, day: date, newcomer_months: int
) -> list[ContestResult]:
    """Return the final results of contests that ended on `day` or up to `RESULTS_LOOKBACK` before it.

    Cancelled contests have no results. Each contest is scored as of its own last day.
    """
    rows = await session.scalars(
        select(Contest)
        .where(
            Contest.team_id == team.id,
            Contest.end_date <= day,
            Contest.end_date >= day - RESULTS_LOOKBACK,
            Contest.cancelled_at.is_(None),
        )
        .order_by(Contest.id)
    )
    results = []
    for row in rows:
        contest = _info(row)
        month = await load_team_month(session, team, contest.end)
        standings = await _standings(session, team, contest, month, contest.end, newcomer_months)
        results.append(_result(standings, month, newcomer_months))
    return results


async def _standings(
    session: AsyncSession, team: Team, contest: ContestInfo, month: TeamMonth, today: date, newcomer_months: int
) -> ContestStandings:
    """Score `contest` as of `today`; `month` is the team's month of `today`."""
    if contest.start > today:
        return ContestStandings(contest, started=False)
    if contest.kind is ContestKind.HUNGRY_GAMES:
        games = kpi_contests.hungry_games(_entrants(month), Month.of(contest.start), newcomer_months)
        return ContestStandings(contest, True, groups=games.standings)
    if contest.kind is ContestKind.DEPARTMENTS:
        return ContestStandings(contest, True, groups=kpi_contests.department_contest(_entrants(month)))
    reports = await _report_days(session, team.id, contest)
    rules = kpi_contests.Contest(
        title=f"contest {contest.id}", metric=contest.metric, start=contest.start, end=contest.end,
        prizes=contest.prizes,
    )
    names = {view.member_id: view.name for view in month.managers}
    return ContestStandings(contest, True, places=kpi_contests.contest_results(rules, reports, names))


def _entrants(month: TeamMonth) -> list[kpi_contests.Entrant]:
    return [
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


def _result(standings: ContestStandings, month: TeamMonth, newcomer_months: int) -> ContestResult:
    """Pick the winners: first place with a result above zero, or the first side or department.

    A custom contest also counts everyone with a prize as a winner. The hungry games have no
    winner on a tie, as `kpi.contests.HungryGames.winner` returns; departments tied for first all win.
    """
    if standings.contest.kind is ContestKind.CUSTOM:
        winners = tuple(
            Winner(place.member_id, place.name, place.prize, value=place.value, rank=place.rank)
            for place in standings.places
            if place.value > 0 and (place.rank == 1 or place.prize > 0)
        )
        return ContestResult(standings, (), winners)

    if standings.contest.kind is ContestKind.HUNGRY_GAMES:
        games = kpi_contests.HungryGames(newcomer_months, standings.groups) if len(standings.groups) == 2 else None
        winning = [games.winner] if games is not None and games.winner is not None else []
    else:
        winning = [
            standing.group.name
            for standing in standings.groups
            if standing.rank == 1 and standing.group.attainment is not None
        ]
    groups = {standing.group.name: standing.group for standing in standings.groups}
    names = {view.member_id: view.name for view in month.managers}
    winners = tuple(
        Winner(member_id, names[member_id], Decimal(0), group=group)
        for group in winning
        for member_id in groups[group].member_ids
        if member_id in names
    )
    return ContestResult(standings, tuple(winning), winners)


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
        contest.id, ContestKind(contest.kind), contest.metric, contest.start_date, contest.end_date, prizes,
        contest.title,
    )
