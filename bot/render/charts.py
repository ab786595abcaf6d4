"""The board chart: plan progress per manager and department totals, as a PNG for a phone screen.

Drawn with matplotlib's Agg canvas on a Figure of its own (no pyplot), so no global state is
shared between teams and nothing needs a display. Every user-given string is drawn with
`parse_math=False`, so a `$` in a name is text, not a formula.
"""

from __future__ import annotations

import html
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING


from bot.render.texts import Texts
from bot.services.standings import BONUS_METRIC, TeamMonth
from kpi.attainment import attainment

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# 1080 px wide at 150 dpi: the width of a typical phone screen, so Telegram shows it unscaled.
WIDTH_INCHES = 7.2
DPI = 150
ROW_INCHES = 0.62
TITLE_INCHES = 1.0
HEADING_INCHES = 0.5
# Room under a panel for the 100 % and pace labels.
FOOT_INCHES = 0.4
NAME_CHARACTERS = 22
# Bars are capped here so one manager far above plan does not squash everyone else.
MAX_SHOWN_RATIO = 1.5

GREEN = "#2e9d5b"
AMBER = "#e0a400"
RED = "#d9534f"
GREY = "#b8bec6"
INK = "#1f2933"
PACE = "#3867d6"


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    ratio: Fraction | None
    value: str


@dataclass(frozen=True, slots=True)
class BoardChart:
    title: str
    subtitle: str
    managers: tuple[Bar, ...]
    departments: tuple[Bar, ...]
    # Share of the month's working days already worked: where an on-pace bar ends.
    pace: Fraction | None
    managers_heading: str
    departments_heading: str
    pace_label: str


def board_chart_data(texts: Texts, month: TeamMonth) -> BoardChart:
    """Collect the chart's bars from the month, with every label already formatted for the reader."""
    managers = []
    for standing in month.standings:
        view = month.manager(standing.entry.member_id)
        assert view is not None
        revenue = view.totals.get(BONUS_METRIC, Decimal(0))
        managers.append(Bar(_short(view.name), standing.entry.attainment, _caption(texts, standing.entry.attainment, revenue)))

    revenue: dict[str, Decimal] = defaultdict(Decimal)
    plan: dict[str, Decimal] = defaultdict(Decimal)
    for view in month.managers:
        name = view.department or _plain(texts("chart-no-department"))
        revenue[name] += view.totals.get(BONUS_METRIC, Decimal(0))
        plan[name] += view.plans.get(BONUS_METRIC, Decimal(0))
    ratios = {name: attainment(revenue[name], plan[name]) for name in revenue}
    departments = tuple(
        Bar(_short(name), ratios[name], _caption(texts, ratios[name], revenue[name]))
        for name in sorted(revenue, key=lambda name: (-(ratios[name] or -1), name))
    )
    has_departments = any(view.department for view in month.managers)
    pace = Fraction(month.elapsed_working_days, month.working_days) if month.working_days else None
    return BoardChart(
        title=_plain(texts("chart-title", team=month.team_name)),
        subtitle=_plain(texts("chart-subtitle", date=texts.day(month.today))),
        managers=tuple(managers),
        departments=departments if has_departments else (),
        pace=pace,
        managers_heading=_plain(texts("chart-managers")),
        departments_heading=_plain(texts("chart-departments")),
        pace_label=_plain(texts("chart-pace", percent=texts.percent(pace))),
    )


def render_board_chart(chart: BoardChart) -> bytes:
    """Draw the chart and return PNG bytes."""
    # Imported here, not at the top: the first import of matplotlib on a machine builds its font
    # cache for several seconds, which should delay the first chart and not the bot's start.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    panels = [(chart.managers_heading, chart.managers)]
    if chart.departments:
        panels.append((chart.departments_heading, chart.departments))
    height = TITLE_INCHES + sum(_panel_inches(bars) for _, bars in panels) + 0.1
    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    figure.text(0.04, 1 - 0.4 / height, chart.title, fontsize=17, fontweight="bold", color=INK, parse_math=False)
    figure.text(0.04, 1 - 0.7 / height, chart.subtitle, fontsize=12, color="#52606d", parse_math=False)

    top = height - TITLE_INCHES  # inches from the bottom edge
    for heading, bars in panels:
        rows = max(len(bars), 1) * ROW_INCHES
        figure.text(0.04, (top - 0.3) / height, heading, fontsize=13, fontweight="bold", color=INK, parse_math=False)
        axes = figure.add_axes((0.04, (top - HEADING_INCHES - rows) / height, 0.92, rows / height))
        _draw_bars(axes, chart, bars)
        top -= _panel_inches(bars)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()


def _panel_inches(bars: tuple[Bar, ...]) -> float:
    return HEADING_INCHES + max(len(bars), 1) * ROW_INCHES + FOOT_INCHES


def _draw_bars(axes: Axes, chart: BoardChart, bars: tuple[Bar, ...]) -> None:
    """Draw one row per bar, with the label and figures above the bar, on a scale of 0 to 150 %."""
    count = max(len(bars), 1)
    axes.set_xlim(0, MAX_SHOWN_RATIO)
    axes.set_ylim(count - 0.5, -0.5)
    axes.axis("off")
    for index, bar in enumerate(bars):
        ratio = float(bar.ratio) if bar.ratio is not None else 0.0
        axes.barh(index + 0.18, MAX_SHOWN_RATIO, height=0.42, color="#eef1f4")
        axes.barh(index + 0.18, min(ratio, MAX_SHOWN_RATIO), height=0.42, color=_colour(bar.ratio, chart.pace))
        axes.text(0.01, index - 0.06, bar.label, fontsize=12, color=INK, va="bottom", parse_math=False)
        axes.text(
            MAX_SHOWN_RATIO - 0.01, index - 0.06, bar.value, fontsize=11, color="#52606d", va="bottom", ha="right",
            parse_math=False,
        )
    if not bars:
        return
    axes.axvline(1.0, ymin=0, ymax=0.97, color=INK, linewidth=1.4)
    axes.text(1.0, count - 0.42, "100 %", fontsize=9, color=INK, ha="center", va="top")
    if chart.pace is not None and 0 < chart.pace < 1:
        axes.axvline(float(chart.pace), ymin=0, ymax=0.97, color=PACE, linewidth=1.4, linestyle="--")
        axes.text(
            float(chart.pace), count - 0.42, chart.pace_label, fontsize=9, color=PACE, ha="center", va="top",
            parse_math=False,
        )


def _colour(ratio: Fraction | None, pace: Fraction | None) -> str:
    if ratio is None:
        return GREY
    if ratio >= 1 or (pace is not None and ratio >= pace):
        return GREEN
    if pace is not None and ratio >= pace * Fraction(3, 4):
        return AMBER
    return RED


def _caption(texts: Texts, ratio: Fraction | None, revenue: Decimal) -> str:
    money = texts.money(revenue, kopecks=False)
    if ratio is None:
        return _plain(texts("chart-no-plan", revenue=money))
    return _plain(texts("chart-bar", percent=texts.percent(ratio), revenue=money))


def _plain(text: str) -> str:
    """Undo the HTML escaping Texts applies for messages: the chart draws plain text."""
    return html.unescape(text)


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARACTERS else name[: NAME_CHARACTERS - 1] + "…"
