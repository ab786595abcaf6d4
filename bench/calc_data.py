"""Write a month of made-up data for `salesboard calc` as a folder of CSV files.

    python -m bench.calc_data /tmp/calc-1000 --managers 1000
    salesboard calc --scheme by_attainment --data /tmp/calc-1000 --month 2026-11 --format json

Every manager reports every working day of November 2026 and has a revenue plan. Salaries and
daily numbers vary by manager, so the payroll reaches every tier of the preset.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from kpi.calendar import WorkingCalendar
from kpi.period import Month

MONTH = Month(2026, 11)


def write(folder: Path, managers: int) -> int:
    """Write team.csv, plans.csv and reports.csv into ``folder``; return the number of report rows."""
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"Manager {number:05d}" for number in range(managers)]
    with (folder / "team.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["manager", "department", "salary"])
        for number, name in enumerate(names):
            writer.writerow([name, f"Department {number % 10}", 40_000 + 1_000 * (number % 30)])
    with (folder / "plans.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["manager", "metric", "value"])
        for name in names:
            writer.writerow([name, "revenue", 1_000_000])
    days = WorkingCalendar("RU").working_days_in(MONTH)
    rows = 0
    with (folder / "reports.csv").open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["date", "manager", "calls", "meetings", "deals", "revenue", "payments"])
        for number, name in enumerate(names):
            # From 10 000 to 109 000 a day: 20 days make 20 % to 218 % of the plan.
            revenue = 10_000 + 1_000 * (number % 100)
            for day in days:
                writer.writerow([day.isoformat(), name, 30 + number % 20, 2, 1, revenue, revenue // 2])
                rows += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--managers", type=int, default=1000)
    args = parser.parse_args()
    rows = write(args.folder, args.managers)
    print(f"{args.managers} managers, {rows} report rows in {args.folder}")


if __name__ == "__main__":
    main()
