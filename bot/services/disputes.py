"""Use cases for disputes: a manager objects to a payslip line, a head answers and closes it.

A dispute goes to the team's heads and to the department heads of the manager's department.
Any of them may answer; the first answer closes the dispute, and the others are told.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db import repo
from bot.db.models import Dispute, DisputeStatus, Member, Role, Team
from bot.services.errors import UserError
from bot.services.standings import load_team_month
from kpi.money import from_kopecks, to_kopecks
from kpi.payroll import PayLine
from kpi.period import Month

logger = logging.getLogger(__name__)

# Long enough for a reasoned objection, short enough to fit one Telegram message with the context.
MAX_TEXT_LENGTH = 1000
# /disputes shows a manager their latest disputes only.
MEMBER_LIST_LIMIT = 20
CLOSED_STATUSES = frozenset({DisputeStatus.RESOLVED, DisputeStatus.CORRECTED})


@dataclass(frozen=True, slots=True)
class DisputedLine:
    """A line of the manager's current payslip, found again by its position and kind."""

    month: Month
    index: int
    line: PayLine


@dataclass(frozen=True, slots=True)
class Recipient:
    member_id: int
    telegram_user_id: int
    locale: str | None
    name: str = ""


@dataclass(frozen=True, slots=True)
class DisputeView:
    id: int
    manager: Recipient
    manager_name: str
    month: Month
    line_kind: str
    line_text: str
    amount: Decimal
    reason: str
    status: DisputeStatus
    answer: str | None
    created_at: datetime
    resolved_at: datetime | None


@dataclass(frozen=True, slots=True)
class OpenedDispute:
    dispute: DisputeView
    # The team's heads, then the department heads of the manager's department.
    heads: tuple[Recipient, ...]
    # Whether a department head is among `heads`.
    department_heads: bool = False


@dataclass(frozen=True, slots=True)
class ClosedDispute:
    dispute: DisputeView
    answered_by: Recipient
    # Everyone else the dispute went to, who should learn that it was answered.
    others: tuple[Recipient, ...]


async def find_line(
    session: AsyncSession, member: Member, now: datetime, month_text: str, index: int, kind: str
) -> DisputedLine:
    """Return line `index` of the manager's payslip for the current month if it is still of `kind`.

    A button from an earlier month, or one whose line moved or vanished, raises `dispute-error-stale`.
    """
    if member.role != Role.MANAGER:
        raise UserError("dispute-error-not-manager")
    team = await session.get(Team, member.team_id)
    assert team is not None
    today = business_date(now, team.timezone)
    if month_text != str(Month.of(today)):
        raise UserError("dispute-error-stale")
    month = await load_team_month(session, team, today)
    view = month.manager(member.id)
    if view is None or not 0 <= index < len(view.payslip.lines) or view.payslip.lines[index].kind != kind:
        raise UserError("dispute-error-stale")
    open_one = await session.scalar(
        select(Dispute.id).where(
            Dispute.member_id == member.id,
            Dispute.month == month_text,
            Dispute.line_index == index,
            Dispute.status == DisputeStatus.OPEN,
        )
    )
    if open_one is not None:
        raise UserError("dispute-error-already-open", number=open_one)
    return DisputedLine(month.month, index, view.payslip.lines[index])


async def open_dispute(
    session: AsyncSession, member: Member, disputed: DisputedLine, line_text: str, reason: str, now: datetime
) -> OpenedDispute:
    """Store the manager's objection to `disputed` (shown to them as `line_text`); return whom to notify."""
    reason = _checked_text(reason)
    dispute = Dispute(
        team_id=member.team_id,
        member_id=member.id,
        month=str(disputed.month),
        line_index=disputed.index,
        line_kind=str(disputed.line.kind),
        amount_kopecks=to_kopecks(disputed.line.amount),
        line_text=line_text,
        reason=reason,
        status=DisputeStatus.OPEN,
        created_at=now,
    )
    session.add(dispute)
    heads = await repo.members_of(session, member.team_id, role=Role.HEAD)
    department_heads = await _department_heads(session, member)
    await session.commit()
    logger.info(
        "Dispute %s opened by member %s on line %s of %s; sent to members %s",
        dispute.id, member.id, disputed.index, disputed.month, [head.id for head in heads + department_heads],
    )
    return OpenedDispute(
        _view(dispute, member),
        tuple(_recipient(head) for head in heads + department_heads),
        department_heads=bool(department_heads),
    )


async def _department_heads(session: AsyncSession, manager: Member) -> list[Member]:
    """Return the active department heads of the manager's department; none without a department."""
    if manager.department_id is None:
        return []
    department_heads = await repo.members_of(session, manager.team_id, role=Role.DEPARTMENT_HEAD)
    return [head for head in department_heads if head.department_id == manager.department_id]


def _recipient(member: Member) -> Recipient:
    return Recipient(member.id, member.telegram_user_id, member.locale, member.display_name)


async def open_for_answer(session: AsyncSession, head: Member, dispute_id: int) -> DisputeView:
    """Return an open dispute the head or department head may answer, or raise why it cannot be answered."""
    dispute, manager = await _dispute_of_team(session, head, dispute_id)
    if dispute.status != DisputeStatus.OPEN:
        raise UserError("dispute-error-closed", number=dispute.id, status=str(dispute.status))
    return _view(dispute, manager)


async def close_dispute(
    session: AsyncSession, head: Member, dispute_id: int, status: DisputeStatus, answer: str, now: datetime
) -> ClosedDispute:
    """Record the answer of a head or department head and close the dispute as resolved or corrected.

    Returns the other heads the dispute went to, so they learn it was answered.
    """
    if status not in CLOSED_STATUSES:
        raise ValueError(f"a dispute is closed as resolved or corrected, not {status!r}")
    answer = _checked_text(answer)
    dispute, manager = await _dispute_of_team(session, head, dispute_id)
    if dispute.status != DisputeStatus.OPEN:
        raise UserError("dispute-error-closed", number=dispute.id, status=str(dispute.status))
    dispute.status = status
    dispute.answer = answer
    dispute.resolved_at = now
    dispute.resolved_by_member_id = head.id
    heads = await repo.members_of(session, manager.team_id, role=Role.HEAD)
    others = [other for other in heads + await _department_heads(session, manager) if other.id != head.id]
    await session.commit()
    logger.info("Dispute %s closed as %s by member %s", dispute.id, status, head.id)
    return ClosedDispute(_view(dispute, manager), _recipient(head), tuple(_recipient(other) for other in others))


async def team_open_disputes(session: AsyncSession, head: Member) -> list[DisputeView]:
    """Return the open disputes the head may answer, oldest first: the team's, or a department head's department's."""
    query = (
        select(Dispute, Member)
        .join(Member, Member.id == Dispute.member_id)
        .where(Dispute.team_id == head.team_id, Dispute.status == DisputeStatus.OPEN)
        .order_by(Dispute.id)
    )
    if head.role != Role.HEAD:
        if head.role != Role.DEPARTMENT_HEAD or head.department_id is None:
            return []
        query = query.where(Member.department_id == head.department_id)
    rows = await session.execute(query)
    return [_view(dispute, manager) for dispute, manager in rows]


async def member_disputes(session: AsyncSession, member: Member) -> list[DisputeView]:
    """Return the manager's latest disputes with their statuses, newest first."""
    rows = await session.scalars(
        select(Dispute).where(Dispute.member_id == member.id).order_by(Dispute.id.desc()).limit(MEMBER_LIST_LIMIT)
    )
    return [_view(dispute, member) for dispute in rows]


async def _dispute_of_team(session: AsyncSession, head: Member, dispute_id: int) -> tuple[Dispute, Member]:
    """Return the dispute and its manager if `head` may answer it: a head of the team, or a department
    head of the manager's department."""
    if head.role not in (Role.HEAD, Role.DEPARTMENT_HEAD):
        raise UserError("dispute-error-head-only")
    dispute = await session.get(Dispute, dispute_id)
    if dispute is None or dispute.team_id != head.team_id:
        raise UserError("dispute-error-not-found")
    manager = await session.get(Member, dispute.member_id)
    assert manager is not None
    if head.role == Role.DEPARTMENT_HEAD and (head.department_id is None or head.department_id != manager.department_id):
        raise UserError("dispute-error-head-only")
    return dispute, manager


def _checked_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise UserError("dispute-error-text-only")
    if len(text) > MAX_TEXT_LENGTH:
        raise UserError("dispute-error-too-long", length=len(text), max=MAX_TEXT_LENGTH)
    return text


def _view(dispute: Dispute, manager: Member) -> DisputeView:
    return DisputeView(
        id=dispute.id,
        manager=_recipient(manager),
        manager_name=manager.display_name,
        month=Month.parse(dispute.month),
        line_kind=dispute.line_kind,
        line_text=dispute.line_text,
        amount=from_kopecks(dispute.amount_kopecks),
        reason=dispute.reason,
        status=DisputeStatus(dispute.status),
        answer=dispute.answer,
        created_at=dispute.created_at,
        resolved_at=dispute.resolved_at,
    )
