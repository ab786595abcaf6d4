"""The award certificate (грамота): a landscape PNG a winner can share.

Drawn with matplotlib's Agg canvas like the board chart; user-given strings are drawn with
`parse_math=False`, so a `$` in a name is text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


# 1600 x 1131 px, the A4 landscape ratio, sharp on a phone and small enough for a chat.
WIDTH_INCHES = 10.0
HEIGHT_INCHES = 7.07
DPI = 160

GOLD = "#b8860b"
DEEP = "#1d3557"
PAPER = "#fffaf0"
MUTED = "#6b6b6b"
NAME_CHARACTERS = 34


@dataclass(frozen=True, slots=True)
class Certificate:
    heading: str  # «Грамота»
    award: str  # «Менеджер месяца»
    name: str
    reason: str  # «за выполнение плана на 132,5 %»
    team: str
    period: str  # «ноябрь 2026»
    footer: str


def render_certificate(certificate: Certificate) -> bytes:
    """Draw the certificate and return PNG bytes."""
    # Imported here so that matplotlib's first-run font cache build never delays the bot's start.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch, Rectangle

    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, facecolor=PAPER)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.axis("off")

    axes.add_patch(Rectangle((0.025, 0.035), 0.95, 0.93, fill=False, edgecolor=GOLD, linewidth=6))
    axes.add_patch(Rectangle((0.045, 0.063), 0.91, 0.874, fill=False, edgecolor=GOLD, linewidth=1.5))
    axes.add_patch(
        FancyBboxPatch((0.30, 0.735), 0.40, 0.12, boxstyle="round,pad=0.01,rounding_size=0.03",
                       facecolor=DEEP, edgecolor=GOLD, linewidth=2)
    )

    def text(y: float, value: str, size: float, colour: str, weight: str = "normal", style: str = "normal") -> None:
        axes.text(0.5, y, value, ha="center", va="center", fontsize=size, color=colour, fontweight=weight,
                  fontstyle=style, parse_math=False, wrap=True)

    text(0.795, certificate.heading.upper(), 30, "white", "bold")
    text(0.655, certificate.award, 24, GOLD, "bold")
    name = _fit(certificate.name, NAME_CHARACTERS)
    # 40 pt fits about 20 characters across the page; longer names get smaller, down to 24 pt.
    text(0.51, name, max(24.0, min(40.0, 40.0 * 20 / max(len(name), 1))), DEEP, "bold")
    axes.plot([0.2, 0.8], [0.445, 0.445], color=GOLD, linewidth=1.5)
    text(0.375, certificate.reason, 18, MUTED, style="italic")
    text(0.26, _fit(certificate.team, 60), 18, DEEP)
    text(0.205, certificate.period, 16, MUTED)
    _star(axes, 0.14, 0.8)
    _star(axes, 0.86, 0.8)
    text(0.11, certificate.footer, 11, MUTED)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=PAPER)
    return buffer.getvalue()


def _star(axes, x: float, y: float) -> None:  # type: ignore[no-untyped-def]
    axes.scatter([x], [y], s=1400, marker="*", color=GOLD, edgecolors=DEEP, linewidths=1.2, zorder=3)


def _fit(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
