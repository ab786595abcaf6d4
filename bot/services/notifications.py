"""A member's switches for optional private messages, shown and changed in /settings.

Only messages a member can do without are switchable. Messages about pay have no switch and
always go out: a new or changed plan, a deduction, a KPI score, a dispute and its answer, and
the head's payroll at month close.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Member, Role

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Notification:
    """One optional private message: its /settings code, the Member column that stores the switch, and who gets it."""

    code: str
    attribute: str
    roles: frozenset[Role]


MANAGERS = frozenset({Role.MANAGER})
HEADS = frozenset({Role.HEAD})

# In the order /settings lists them. "remind" is the code the reminders button has always had.
NOTIFICATIONS = (
    Notification("remind", "notify_reminders", MANAGERS),
    Notification("daily", "notify_daily", MANAGERS),
    Notification("contests", "notify_contests", MANAGERS),
    Notification("awards", "notify_awards", MANAGERS),
    Notification("headnote", "notify_head_notes", HEADS),
)
BY_CODE = {notification.code: notification for notification in NOTIFICATIONS}


def notifications_for(member: Member) -> list[tuple[Notification, bool]]:
    """Return the switches that apply to the member's role, each with its current state."""
    return [
        (notification, bool(getattr(member, notification.attribute)))
        for notification in NOTIFICATIONS
        if member.role in notification.roles
    ]


async def set_notification(session: AsyncSession, member: Member, code: str, enabled: bool) -> bool:
    """Switch one optional message on or off; return False when `code` does not apply to the member."""
    notification = BY_CODE.get(code)
    if notification is None or member.role not in notification.roles:
        return False
    setattr(member, notification.attribute, enabled)
    await session.commit()
    logger.info("Member %s turned %s %s", member.id, notification.attribute, "on" if enabled else "off")
    return True
