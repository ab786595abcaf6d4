"""Weekly contest standings, month awards and below-plan streaks, computed from plain month data.

Newcomers and veterans are told apart by `kpi.contests`, the same rule as the hungry games:
tenure on the first day of the month, so a manager stays on one side for the whole month.

NOTE: kpi has no streak function yet, and departments here are ranked by totals with their
leader, which `kpi.contests.department_contest` does not return.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from bot.services.standings import BONUS_METRIC, ManagerView, TeamMonth
from kpi import contests as kpi_contests
from kpi.attainment import attainment


@dataclass(frozen=True, slots=True)
class GroupStanding:
    """A department or a tenure bracket: totals of its managers on the bonus base."""

    name: str
    revenue: Decimal
    plan: Decimal
    ratio: Fraction | None
    managers: int
    leader: str | None


@dataclass(frozen=True, slots=True)
class Award:
    code: str  # "manager", "newcomer" or "department"
    name: str
    ratio: Fraction
    member_id: int | None
    telegram_user_id: int | None
    locale: str | None


def _group(name: str, views: Sequence[ManagerView]) -> GroupStanding:
    revenue = sum((view.totals.get(BONUS_METRIC, Decimal(0)) for view in views), Decimal(0))
    plan = sum((view.plans.get(BONUS_METRIC, Decimal(0)) for view in views), Decimal(0))
    ranked = sorted(
        (view for view in views if view.plans.get(BONUS_METRIC)),
        key=lambda view: -(attainment(view.totals.get(BONUS_METRIC, Decimal(0)), view.plans.get(BONUS_METRIC)) or 0),
    )
    return GroupStanding(name, revenue, plan, attainment(revenue, plan), len(views), ranked[0].name if ranked else None)


def department_standings(month: TeamMonth) -> list[GroupStanding]:
    """Departments by plan attainment, best first; managers without a department are left out."""
    members: dict[str, list[ManagerView]] = defaultdict(list)
    for view in month.managers:
        if view.department:
            members[view.department].append(view)
    standings = [_group(name, views) for name, views in members.items()]
    return sorted(standings, key=lambda standing: (standing.ratio is None, -(standing.ratio or 0), standing.name))


def bracket_standings(
    month: TeamMonth, hired_on: Mapping[int, date | None], newcomer_months: int, names: Mapping[str, str]
) -> list[GroupStanding]:
    """Newcomers against veterans as the hungry games split them; an empty bracket is left out.

    `names` maps the kpi group names "newcomers" and "veterans" to the names shown.
    """
    games = kpi_contests.hungry_games(_entrants(month, hired_on), month.month, newcomer_months)
    views = {view.member_id: view for view in month.managers}
    brackets = {standing.group.name: standing.group.member_ids for standing in games.standings}
    return [
        _group(names[group], [views[member_id] for member_id in brackets[group]])
        for group in ("newcomers", "veterans")
        if brackets[group]
    ]


def _entrants(month: TeamMonth, hired_on: Mapping[int, date | None]) -> list[kpi_contests.Entrant]:
    return [
        kpi_contests.Entrant(
            member_id=view.member_id,
            name=view.name,
            actual=view.totals.get(BONUS_METRIC, Decimal(0)),
            plan=view.plans.get(BONUS_METRIC),
            hired_on=hired_on.get(view.member_id),
            department=view.department,
        )
        for view in month.managers
    ]


def month_awards(month: TeamMonth, hired_on: Mapping[int, date | None], newcomer_months: int) -> list[Award]:
    """Manager of the month, best newcomer and best department (with two departments or more).

    Only managers with a plan compete; the leaderboard order breaks ties.
    """
    awards: list[Award] = []
    ranked = [standing for standing in month.standings if standing.entry.attainment is not None]
    if ranked:
        awards.append(_manager_award("manager", month, ranked[0].entry.member_id, ranked[0].entry.attainment))
    newcomers = [
        standing
        for standing in ranked
        if kpi_contests.is_newcomer(hired_on.get(standing.entry.member_id), month.month.first_day, newcomer_months)
    ]
    if newcomers:
        best = newcomers[0]
        awards.append(_manager_award("newcomer", month, best.entry.member_id, best.entry.attainment))
    departments = [standing for standing in department_standings(month) if standing.ratio is not None]
    if len(department_standings(month)) > 1 and departments:
        best_department = departments[0]
        assert best_department.ratio is not None
        awards.append(Award("department", best_department.name, best_department.ratio, None, None, None))
    return awards


def _manager_award(code: str, month: TeamMonth, member_id: int, ratio: Fraction | None) -> Award:
    view = month.manager(member_id)
    assert view is not None and ratio is not None
    return Award(code, view.name, ratio, member_id, view.telegram_user_id, view.locale)


@dataclass(frozen=True, slots=True)
class Streak:
    member_id: int
    name: str
    # Attainment of each month of the streak, oldest first.
    ratios: tuple[Fraction, ...]


def below_plan_streaks(months: Sequence[TeamMonth], minimum: int = 2) -> list[Streak]:
    """Managers below plan in at least `minimum` consecutive months ending with the last of `months`.

    `months` run oldest first. A month without a plan ends a streak, because nothing was asked.
    """
    if not months:
        return []
    streaks: list[Streak] = []
    for view in months[-1].managers:
        ratios: list[Fraction] = []
        for month in reversed(months):
            other = month.manager(view.member_id)
            ratio = (
                attainment(other.totals.get(BONUS_METRIC, Decimal(0)), other.plans.get(BONUS_METRIC))
                if other is not None
                else None
            )
            if ratio is None or ratio >= 1:
                break
            ratios.append(ratio)
        if len(ratios) >= minimum:
            streaks.append(Streak(view.member_id, view.name, tuple(reversed(ratios))))
    return streaks
