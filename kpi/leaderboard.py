"""The sales board: managers ranked by plan attainment, then by activity."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kpi.money import FloatNotAllowedError, require_decimal


@dataclass(frozen=True, slots=True)
class LeaderboardEntry:
    """A manager's standing data; ``attainment`` None means no plan was set."""

    member_id: int
    name: str
    attainment: Fraction | None
    activity_points: Decimal

    def __post_init__(self) -> None:
        if isinstance(self.attainment, (float, bool)):
            raise FloatNotAllowedError(f"attainment of member {self.member_id} is {self.attainment!r}, not a Fraction")
        if self.attainment is not None:
            object.__setattr__(self, "attainment", Fraction(self.attainment))
        points = require_decimal(self.activity_points, "LeaderboardEntry.activity_points")
        object.__setattr__(self, "activity_points", points)


@dataclass(frozen=True, slots=True)
class Standing:
    """An entry with its place on the board; tied entries share a rank."""

    entry: LeaderboardEntry
    rank: int


def _score(entry: LeaderboardEntry) -> tuple[bool, Fraction, Decimal]:
    has_plan = entry.attainment is not None
    return has_plan, entry.attainment if has_plan else Fraction(0), entry.activity_points


def shared_ranks(scores: Sequence[object]) -> list[int]:
    """Return competition ranks for ``scores`` already sorted best first: equal scores share a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for position, score in enumerate(scores, start=1):
        if ranks and scores[position - 2] == score:
            ranks.append(ranks[-1])
        else:
            ranks.append(position)
    return ranks


def rank(entries: Iterable[LeaderboardEntry]) -> list[Standing]:
    """Rank by attainment descending, then activity points descending.

    Managers without a plan come after everyone with one. Entries equal on
    both share a rank and the next rank is skipped (1, 2, 2, 4). Ties are
    listed by name (casefolded), then by member_id, so the board is stable.
    Raises ValueError if a member_id appears twice.
    """
    ordered = sorted(entries, key=lambda entry: (entry.name.casefold(), entry.member_id))
    seen: set[int] = set()
    for entry in ordered:
        if entry.member_id in seen:
            raise ValueError(f"member {entry.member_id} appears twice on the board")
        seen.add(entry.member_id)
    ordered.sort(key=_score, reverse=True)

    standings: list[Standing] = []
    for position, entry in enumerate(ordered, start=1):
        if standings and _score(standings[-1].entry) == _score(entry):
            standings.append(Standing(entry, standings[-1].rank))
        else:
            standings.append(Standing(entry, position))
    return standings
