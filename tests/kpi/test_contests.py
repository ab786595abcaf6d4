from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kpi.contests import Contest, Entrant, contest_results, department_contest, hungry_games, tenure_months
from kpi.metrics import DailyReport
from kpi.period import Month

NOVEMBER = Month(2026, 11)


@pytest.mark.parametrize(
    ("hired_on", "on", "months"),
    [
        pytest.param(date(2026, 3, 15), date(2026, 5, 14), 1, id="day-before-anniversary"),
        pytest.param(date(2026, 3, 15), date(2026, 5, 15), 2, id="on-anniversary"),
        pytest.param(date(2026, 9, 1), date(2026, 11, 1), 2, id="two-months"),
        pytest.param(date(2025, 11, 30), date(2026, 11, 1), 11, id="across-year"),
        pytest.param(date(2026, 11, 20), date(2026, 11, 1), 0, id="hired-later"),
    ],
)
def test_tenure_months(hired_on: date, on: date, months: int) -> None:
    assert tenure_months(hired_on, on) == months


def entrant(member_id: int, actual: int, plan: int | None, hired_on: date | None = None, department: str | None = None) -> Entrant:
    return Entrant(
        member_id, f"М{member_id}", Decimal(actual), None if plan is None else Decimal(plan), hired_on, department
    )


def test_hungry_games_newcomers_win() -> None:
    # On 1 November with N = 3: hired 1 September (2 months) and 2 August (2 months) are
    # newcomers; hired 1 August (3 months) and with no date are veterans.
    # Newcomers 90 + 60 of 100 + 50 = 100 %; veterans 500 + 900 of 1 000 + 600 = 87.5 %.
    games = hungry_games(
        [
            entrant(1, 90, 100, date(2026, 9, 1)),
            entrant(2, 60, 50, date(2026, 8, 2)),
            entrant(3, 500, 1000, date(2026, 8, 1)),
            entrant(4, 900, 600),
        ],
        NOVEMBER,
        newcomer_months=3,
    )
    first, second = games.standings
    assert first.group.name == "newcomers"
    assert first.group.member_ids == (1, 2)
    assert first.group.attainment == 1
    assert second.group.member_ids == (3, 4)
    assert second.group.attainment == Fraction(7, 8)
    assert (first.rank, second.rank) == (1, 2)
    assert games.winner == "newcomers"


def test_hungry_games_tie_has_no_winner() -> None:
    games = hungry_games([entrant(1, 50, 100, date(2026, 10, 1)), entrant(2, 500, 1000)], NOVEMBER)
    assert [standing.rank for standing in games.standings] == [1, 1]
    assert games.winner is None


def test_hungry_games_newcomer_months_configurable() -> None:
    # Hired 1 August is a newcomer when N = 6.
    games = hungry_games([entrant(1, 1, 1, date(2026, 8, 1))], NOVEMBER, newcomer_months=6)
    newcomers = next(standing.group for standing in games.standings if standing.group.name == "newcomers")
    assert newcomers.member_ids == (1,)


@pytest.mark.parametrize("months", [0, -1, True], ids=["zero", "negative", "bool"])
def test_hungry_games_rejects_months(months: object) -> None:
    with pytest.raises(ValueError, match="newcomer_months"):
        hungry_games([], NOVEMBER, newcomer_months=months)  # type: ignore[arg-type]


def test_department_contest_fair_by_attainment() -> None:
    # Москва sells more (1 500 of 2 000 = 75 %); Казань sells less but more of its plan
    # (450 of 500 = 90 %); Сочи ties Казань at 90 %; a manager without a department is out.
    standings = department_contest(
        [
            entrant(1, 1000, 1000, department="Москва"),
            entrant(2, 500, 1000, department="Москва"),
            entrant(3, 450, 500, department="Казань"),
            entrant(4, 90, 100, department="Сочи"),
            entrant(5, 10**6, 1, department=None),
        ]
    )
    assert [(standing.group.name, standing.rank) for standing in standings] == [
        ("Казань", 1),
        ("Сочи", 1),
        ("Москва", 3),
    ]


def report(member_id: int, day: int, deals: int, month: int = 11) -> DailyReport:
    return DailyReport(member_id, date(2026, month, day), {"deals": Decimal(deals)})


NAMES = {1: "Анна", 2: "Борис", 3: "Вера", 4: "Глеб", 5: "Дина"}
REPORTS = [
    report(1, 3, 6), report(1, 10, 4),
    report(2, 5, 8),
    report(3, 12, 8),
    report(4, 20, 5),
    # Outside the contest period: not counted.
    report(5, 30, 50), report(4, 31, 9, month=10),
]
CONTEST = Contest(
    "Больше сделок", "deals", date(2026, 11, 1), date(2026, 11, 27),
    (Decimal(10000), Decimal(5000), Decimal(3000)),
)


def test_contest_tied_places_share_prizes() -> None:
    # Анна 10 deals wins 10 000. Борис and Вера tie at 8 for second and share
    # the prizes for places 2 and 3: (5 000 + 3 000) / 2 = 4 000 each. Глеб is
    # fourth with no fourth prize; Дина's 50 deals fall after the contest end.
    results = contest_results(CONTEST, REPORTS, NAMES)
    assert [(place.name, place.value, place.rank, place.prize) for place in results] == [
        ("Анна", Decimal(10), 1, Decimal("10000.00")),
        ("Борис", Decimal(8), 2, Decimal("4000.00")),
        ("Вера", Decimal(8), 2, Decimal("4000.00")),
        ("Глеб", Decimal(5), 4, Decimal("0.00")),
        ("Дина", Decimal(0), 5, Decimal("0.00")),
    ]


def test_contest_split_keeps_every_kopeck() -> None:
    # 1 000.01 + 0 shared by two: 100 001 kopecks -> 500.01 to the first listed, 500.00 to the second.
    contest = Contest("Т", "deals", date(2026, 11, 1), date(2026, 11, 30), (Decimal("1000.01"), Decimal(0)))
    results = contest_results(contest, [report(1, 3, 2), report(2, 3, 2)], {1: "Анна", 2: "Борис"})
    assert [place.prize for place in results] == [Decimal("500.01"), Decimal("500.00")]
    assert sum(place.prize for place in results) == Decimal("1000.01")


def test_contest_zero_wins_nothing() -> None:
    contest = Contest("Т", "deals", date(2026, 11, 1), date(2026, 11, 30), (Decimal(1000),))
    results = contest_results(contest, [], {1: "Анна", 2: "Борис"})
    assert [(place.rank, place.prize) for place in results] == [(1, Decimal("0.00")), (1, Decimal("0.00"))]


def test_contest_rejects_bad_period_and_prize() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Contest("Т", "deals", date(2026, 11, 30), date(2026, 11, 1))
    with pytest.raises(ValueError, match="negative prize"):
        Contest("Т", "deals", date(2026, 11, 1), date(2026, 11, 30), (Decimal(-1),))
    with pytest.raises(ValueError, match="2 decimal places"):
        Contest("Т", "deals", date(2026, 11, 1), date(2026, 11, 30), (Decimal("0.001"),))
