import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.leaderboard import LeaderboardEntry, rank, shared_ranks
from kpi.money import FloatNotAllowedError


def entry(member_id: int, name: str, attainment: Fraction | None, points: int) -> LeaderboardEntry:
    return LeaderboardEntry(member_id, name, attainment, Decimal(points))


ENTRIES = [
    entry(1, "Ольга", Fraction(3, 2), 10),
    entry(2, "борис", Fraction(1), 50),
    entry(3, "Анна", Fraction(1), 50),
    entry(4, "Вера", Fraction(1), 20),
    entry(5, "Дмитрий", None, 500),
    entry(6, "Егор", None, 100),
    entry(7, "Анна", Fraction(1), 50),
]


def test_competition_ranking() -> None:
    standings = rank(ENTRIES)
    # Ольга leads on attainment; Анна (3), Анна (7) and борис tie at 100 % and
    # 50 points, so they share rank 2 and the next rank is 5. The managers
    # without a plan come last despite more points.
    assert [(standing.entry.member_id, standing.rank) for standing in standings] == [
        (1, 1),
        (3, 2),
        (7, 2),
        (2, 2),
        (4, 5),
        (5, 6),
        (6, 7),
    ]


def test_ranks_1_2_2_4() -> None:
    standings = rank(
        [
            entry(1, "А", Fraction(6, 5), 0),
            entry(2, "Б", Fraction(1), 30),
            entry(3, "В", Fraction(1), 30),
            entry(4, "Г", Fraction(1), 29),
        ]
    )
    assert [standing.rank for standing in standings] == [1, 2, 2, 4]


def test_exact_attainment_decides() -> None:
    # 99.995 % and 100 % show alike as "100 %" but are different ratios.
    standings = rank([entry(1, "А", Fraction(19999, 20000), 100), entry(2, "Б", Fraction(1), 0)])
    assert [(standing.entry.member_id, standing.rank) for standing in standings] == [(2, 1), (1, 2)]


def test_tie_order_is_stable() -> None:
    # Ties are listed by casefolded name, then member_id, whatever the input order.
    expected = [standing.entry.member_id for standing in rank(ENTRIES)]
    for permutation in itertools.permutations(ENTRIES[1:4] + ENTRIES[6:]):
        shuffled = [ENTRIES[0], *permutation, *ENTRIES[4:6]]
        assert [standing.entry.member_id for standing in rank(shuffled)] == expected


def test_no_plan_ties_share_rank() -> None:
    standings = rank([entry(1, "А", None, 10), entry(2, "Б", None, 10), entry(3, "В", Fraction(0), 0)])
    assert [(standing.entry.member_id, standing.rank) for standing in standings] == [(3, 1), (1, 2), (2, 2)]


def test_empty_board() -> None:
    assert rank([]) == []


def test_duplicate_member_rejected() -> None:
    with pytest.raises(ValueError, match="member 1 appears twice"):
        rank([entry(1, "Анна", None, 0), entry(2, "Борис", None, 0), entry(1, "Яна", None, 1)])


def test_entry_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError):
        LeaderboardEntry(1, "А", 1.0, Decimal(0))  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        LeaderboardEntry(1, "А", Fraction(1), 10.0)  # type: ignore[arg-type]


entries = st.builds(
    LeaderboardEntry,
    member_id=st.integers(min_value=1, max_value=20),
    name=st.sampled_from(["Анна", "анна", "Борис", "Вера"]),
    attainment=st.none() | st.fractions(min_value=0, max_value=3, max_denominator=4),
    activity_points=st.decimals(min_value=0, max_value=5, places=0),
)


def _better(first: LeaderboardEntry, second: LeaderboardEntry) -> bool:
    if (first.attainment is None) != (second.attainment is None):
        return second.attainment is None
    if first.attainment != second.attainment:
        return first.attainment > second.attainment
    return first.activity_points > second.activity_points


@given(st.lists(entries, max_size=8, unique_by=lambda board_entry: board_entry.member_id))
def test_rank_is_one_plus_number_strictly_better(board: list[LeaderboardEntry]) -> None:
    standings = rank(board)
    assert len(standings) == len(board)
    for standing in standings:
        better = sum(1 for other in board if _better(other, standing.entry))
        assert standing.rank == better + 1
    assert [standing.rank for standing in standings] == sorted(standing.rank for standing in standings)


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        pytest.param([5, 3, 3, 1], [1, 2, 2, 4], id="1-2-2-4"),
        pytest.param([2, 2, 2], [1, 1, 1], id="all-tied"),
        pytest.param([], [], id="empty"),
    ],
)
def test_shared_ranks(scores: list[int], ranks: list[int]) -> None:
    assert shared_ranks(scores) == ranks
