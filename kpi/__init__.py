"""Pure sales domain: money, periods, working days, plans, bonuses, payslips, boards.

Nothing here reads a clock, touches I/O or logs; callers pass every date in.
"""

from kpi.attainment import attainment
from kpi.calendar import WorkingCalendar
from kpi.forecast import run_rate, working_days_elapsed
from kpi.leaderboard import LeaderboardEntry, Standing, rank
from kpi.metrics import ACTIVITY_WEIGHTS, METRICS, MetricDef, MetricKind, activity_points
from kpi.money import (
    KOPECK,
    FloatNotAllowedError,
    from_kopecks,
    require_decimal,
    round_kopecks,
    to_decimal,
    to_kopecks,
)
from kpi.payroll import (
    LineKind,
    ManagerMonth,
    PayLine,
    Payroll,
    Payslip,
    compute_payroll,
    compute_payslip,
)
from kpi.period import Month
from kpi.salary import SalaryResult, employed_working_days, prorated_salary
from kpi.tiers import (
    DEFAULT_TIERS,
    BonusResult,
    InvalidTierTableError,
    Tier,
    TierTable,
    marginal_bonus,
    whole_base_bonus,
)

__all__ = [
    "ACTIVITY_WEIGHTS",
    "DEFAULT_TIERS",
    "KOPECK",
    "METRICS",
    "BonusResult",
    "FloatNotAllowedError",
    "InvalidTierTableError",
    "LeaderboardEntry",
    "LineKind",
    "ManagerMonth",
    "MetricDef",
    "MetricKind",
    "Month",
    "PayLine",
    "Payroll",
    "Payslip",
    "SalaryResult",
    "Standing",
    "Tier",
    "TierTable",
    "WorkingCalendar",
    "activity_points",
    "attainment",
    "compute_payroll",
    "compute_payslip",
    "employed_working_days",
    "from_kopecks",
    "marginal_bonus",
    "prorated_salary",
    "rank",
    "require_decimal",
    "round_kopecks",
    "run_rate",
    "to_decimal",
    "to_kopecks",
    "whole_base_bonus",
    "working_days_elapsed",
]
