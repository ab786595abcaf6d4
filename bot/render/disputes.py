"""Message text for disputes over payslip lines."""

from __future__ import annotations

from bot.db.models import DisputeStatus
from bot.render.texts import Markup, Texts
from bot.services.disputes import ClosedDispute, DisputeView
from kpi.period import Month


def month_label(texts: Texts, month: Month) -> str:
    return texts.month_name(month.year, month.month)


def status_label(texts: Texts, status: DisputeStatus) -> str:
    return texts(f"dispute-status-{status}")


def render_head_notice(texts: Texts, dispute: DisputeView, line_text: str) -> str:
    """The head's copy of a new dispute; `line_text` is the line rendered in the head's language."""
    return texts(
        "dispute-notice",
        number=dispute.id,
        name=dispute.manager_name,
        month=month_label(texts, dispute.month),
        line=Markup(line_text),
        reason=dispute.reason,
    )


def render_answered_notice(texts: Texts, closed: ClosedDispute) -> str:
    """Tell another head that the dispute was answered, by whom, and how."""
    dispute = closed.dispute
    return texts(
        "dispute-answered-by-other",
        number=dispute.id,
        name=dispute.manager_name,
        head=closed.answered_by.name,
        status=status_label(texts, dispute.status),
        answer=dispute.answer or "",
    )


def render_outcome(texts: Texts, dispute: DisputeView) -> str:
    return texts(
        "dispute-outcome",
        number=dispute.id,
        month=month_label(texts, dispute.month),
        # Rendered by the bot when the dispute was opened, so it is already safe HTML.
        line=Markup(dispute.line_text),
        status=status_label(texts, dispute.status),
        answer=dispute.answer or "",
    )


# NOTE: dates in the lists are the UTC date of `created_at`, not the team's business date, so a
# dispute opened just after midnight in Moscow shows the day before.
def render_team_disputes(texts: Texts, disputes: list[DisputeView]) -> str:
    lines = [texts("disputes-header-head")]
    for dispute in disputes:
        lines.append("")
        lines.append(
            texts(
                "disputes-item-head",
                number=dispute.id,
                name=dispute.manager_name,
                date=texts.day(dispute.created_at.date()),
                month=month_label(texts, dispute.month),
            )
        )
        lines.append(dispute.line_text)
        lines.append(texts("disputes-reason", reason=dispute.reason))
    if not disputes:
        lines.append(texts("disputes-empty-head"))
    return "\n".join(lines)


def render_member_disputes(texts: Texts, disputes: list[DisputeView]) -> str:
    lines = [texts("disputes-header-manager")]
    for dispute in disputes:
        lines.append("")
        lines.append(
            texts(
                "disputes-item-manager",
                number=dispute.id,
                date=texts.day(dispute.created_at.date()),
                month=month_label(texts, dispute.month),
                status=status_label(texts, dispute.status),
            )
        )
        lines.append(dispute.line_text)
        lines.append(texts("disputes-reason", reason=dispute.reason))
        if dispute.answer is not None:
            lines.append(texts("disputes-answer", answer=dispute.answer))
    if not disputes:
        lines.append(texts("disputes-empty-manager"))
    return "\n".join(lines)
