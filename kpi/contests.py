"""Contests: newcomers against veterans (голодные игры), department against department, custom contests.

Groups are compared by attainment, the group's actual over the group's
plan, so a group with bigger plans has no head start. Equal results share a
place, as on the sales board.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from kpi.attainment import attainment
from kpi.leaderboard import shared_ranks
from kpi.metrics import DailyReport, sum_reports
from kpi.money import from_kopecks, require_decimal, to_kopecks
from kpi.period import Month


@dataclass(frozen=True, slots=True)
class Entrant:
    """A manager's month in a contest: actual and plan on the contest's metric."""

    member_id: int
    name: str
    actual: Decimal
    plan: Decimal | None
    hired_on: date | None = None
    department: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "actual", require_decimal(self.actual, f"actual of member {self.member_id}"))
        if self.plan is not None:
            object.__setattr__(self, "plan", require_decimal(self.plan, f"plan of member {self.member_id}"))


@dataclass(frozen=True, slots=True)
class GroupScore:
    """A group's combined result; ``attainment`` is None when no member has a plan."""

    name: str
    member_ids: tuple[int, ...]
    actual: Decimal
    plan: Decimal | None
    attainment: Fraction | None


@dataclass(frozen=True, slots=True)
class GroupStanding:
    group: GroupScore
    rank: int


def _group(name: str, members: Sequence[Entrant]) -> GroupScore:
    actual = sum((member.actual for member in members), Decimal(0))
    plans = [member.plan for member in members if member.plan is not None]
    plan = sum(plans, Decimal(0)) if plans else None
    return GroupScore(name, tuple(member.member_id for member in members), actual, plan, attainment(actual, plan))


def _rank_groups(groups: Iterable[GroupScore]) -> list[GroupStanding]:
    def score(group: GroupScore) -> tuple[bool, Fraction]:
        return group.attainment is not None, group.attainment if group.attainment is not None else Fraction(0)

    ordered = sorted(groups, key=lambda group: group.name.casefold())
    ordered.sort(key=score, reverse=True)
    ranks = shared_ranks([score(group) for group in ordered])
    return [GroupStanding(group, place) for group, place in zip(ordered, ranks)]


def tenure_months(hired_on: date, on: date) -> int:
    """Return whole months from ``hired_on`` to ``on``: hired 15 March, on 14 May is 1; on 15 May, 2."""
    months = (on.year - hired_on.year) * 12 + on.month - hired_on.month
    if on.day < hired_on.day:
        months -= 1
    return max(months, 0)


def is_newcomer(hired_on: date | None, on: date, newcomer_months: int) -> bool:
    """Return whether a manager hired on ``hired_on`` has under ``newcomer_months`` whole months of tenure on ``on``.

    A manager with no hire date is a veteran. The hungry games measure tenure on the first day
    of the contest's month, so a manager stays on one side for the whole month.
    """
    return hired_on is not None and tenure_months(hired_on, on) < newcomer_months


@dataclass(frozen=True, slots=True)
class HungryGames:
    """Newcomers against veterans; ``standings`` are the two groups, best first, with shared ranks."""

    newcomer_months: int
    standings: tuple[GroupStanding, ...]

    @property
    def winner(self) -> str | None:
        """"newcomers" or "veterans", or None for a tie or when either side has no plan."""
        first, second = self.standings
        if first.group.attainment is None or second.group.attainment is None or first.rank == second.rank:
            return None
        return first.group.name


def hungry_games(entrants: Iterable[Entrant], month: Month, newcomer_months: int = 3) -> HungryGames:
    """Split entrants into newcomers (tenure under ``newcomer_months`` on the month's first day) and veterans.

    A manager with no hire date is a veteran. Each side is scored by its
    combined attainment.
    """
    if isinstance(newcomer_months, bool) or not isinstance(newcomer_months, int) or newcomer_months < 1:
        raise ValueError(f"newcomer_months must be a whole number of months from 1, not {newcomer_months!r}")
    newcomers: list[Entrant] = []
    veterans: list[Entrant] = []
    for entrant in entrants:
        newcomer = is_newcomer(entrant.hired_on, month.first_day, newcomer_months)
        (newcomers if newcomer else veterans).append(entrant)
    groups = [_group("newcomers", newcomers), _group("veterans", veterans)]
    return HungryGames(newcomer_months, tuple(_rank_groups(groups)))


def department_contest(entrants: Iterable[Entrant]) -> tuple[GroupStanding, ...]:
    """Rank departments by combined attainment; managers without a department are left out."""
    by_department: dict[str, list[Entrant]] = {}
    for entrant in entrants:
        if entrant.department is not None:
            by_department.setdefault(entrant.department, []).append(entrant)
    return tuple(_rank_groups(_group(name, members) for name, members in by_department.items()))


@dataclass(frozen=True, slots=True)
class Contest:
    """A custom contest: the most of ``metric`` from ``start`` to ``end``, both included.

    ``prizes`` are for places 1, 2, 3 and so on.
    """

    title: str
    metric: str
    start: date
    end: date
    prizes: tuple[Decimal, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"contest {self.title!r} ends on {self.end}, before it starts on {self.start}")
        prizes = tuple(require_decimal(prize, f"prize of {self.title}") for prize in self.prizes)
        for prize in prizes:
            to_kopecks(prize)
            if prize < 0:
                raise ValueError(f"contest {self.title!r} has the negative prize {prize}")
        object.__setattr__(self, "prizes", prizes)


@dataclass(frozen=True, slots=True)
class ContestPlace:
    member_id: int
    name: str
    value: Decimal
    rank: int
    prize: Decimal


def contest_results(contest: Contest, reports: Iterable[DailyReport], names: Mapping[int, str]) -> tuple[ContestPlace, ...]:
    """Rank every member in ``names`` by the contest metric summed over the contest period.

    Equal values share a rank and split the prizes of the places they cover:
    two tied for first share prizes 1 and 2 equally. A split that does not
    divide into kopecks gives the extra kopecks to the first of the tied, in
    the listed order (name casefolded, then member id). A result of 0 or
    less wins no prize.
    """
    totals = sum_reports(reports, contest.start, contest.end)
    values = {member_id: totals.get(member_id, {}).get(contest.metric, Decimal(0)) for member_id in names}
    ordered = sorted(names, key=lambda member_id: (names[member_id].casefold(), member_id))
    ordered.sort(key=lambda member_id: values[member_id], reverse=True)
    ranks = shared_ranks([values[member_id] for member_id in ordered])

    prizes: dict[int, Decimal] = {}
    position = 0
    while position < len(ordered):
        tied = [index for index in range(position, len(ordered)) if ranks[index] == ranks[position]]
        pool = sum(contest.prizes[position : position + len(tied)], Decimal(0))
        if values[ordered[position]] <= 0:
            pool = Decimal(0)
        share, extra = divmod(to_kopecks(pool), len(tied))
        for offset, index in enumerate(tied):
            prizes[ordered[index]] = from_kopecks(share + (1 if offset < extra else 0))
        position += len(tied)

    return tuple(
        ContestPlace(member_id, names[member_id], values[member_id], place, prizes[member_id])
        for member_id, place in zip(ordered, ranks)
    )
