"""Use cases for teams and membership: set up a team, invite, join, list, salaries and plans."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.config import Settings
from bot.db import repo
from bot.db.models import Department, Member, Plan, PlanVersion, Role, Team
from bot.metric_catalog import MetricCatalog
from bot.services import month_locks
from bot.services.errors import UserError
from bot.services.team_metrics import load_catalog
from bot.services.units import from_storage, to_storage
from kpi.metrics import MetricKind
from kpi.money import KOPECK, to_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

# A monthly salary outside these bounds is a typo (a missing or an extra zero), except 0, which
# means no salary.
# NOTE: the bounds are sized for rubles and do not depend on the team's currency, so a USD or EUR
# salary under 1 000 is rejected as a typo.
MIN_MONTHLY_SALARY = Decimal("1000")
MAX_MONTHLY_SALARY = Decimal("100000000")


@dataclass(frozen=True, slots=True)
class TelegramUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None


@dataclass(frozen=True, slots=True)
class Invite:
    token: str
    expires_at: datetime | None
    department: str | None = None


@dataclass(frozen=True, slots=True)
class SetupResult:
    team_id: int
    team_name: str
    invite: Invite
    created: bool


@dataclass(frozen=True, slots=True)
class JoinResult:
    team_id: int
    team_name: str
    department_name: str | None
    already_member: bool


async def setup_team(
    session: AsyncSession,
    settings: Settings,
    chat_id: int,
    chat_title: str,
    user: TelegramUser,
    now: datetime,
    new_token: Callable[[], str],
) -> SetupResult:
    """Bind the group to a new team with the sender as head, or return the existing team's link."""
    existing = await repo.team_by_chat(session, chat_id)
    if existing is not None:
        head = await session.scalar(
            select(Member).where(
                Member.team_id == existing.id, Member.telegram_user_id == user.id, Member.role == Role.HEAD
            )
        )
        if head is None:
            raise UserError("setup-error-not-head", team=existing.name)
        invite = _renew_if_expired(existing, now, new_token, settings.invite_ttl_days)
        await session.commit()
        return SetupResult(existing.id, existing.name, invite, created=False)

    membership = await repo.member_by_user(session, user.id)
    if membership is not None:
        other = await session.get(Team, membership.team_id)
        raise UserError("setup-error-other-team", team=other.name if other else "")

    team = Team(
        name=(chat_title or "Sales team")[:128],
        timezone=settings.default_timezone,
        locale=settings.default_locale,
        calendar_country=settings.default_calendar,
        reminder_time=settings.reminder_time,
        report_deadline=settings.report_deadline,
        post_time=settings.post_time,
        board_chat_id=chat_id,
        invite_token=new_token(),
        invite_expires_at=_expiry(now, settings.invite_ttl_days),
        created_at=now,
    )
    session.add(team)
    await session.flush()
    session.add(_new_member(team.id, user, Role.HEAD, now, department_id=None))
    await session.commit()
    logger.info("Team %s created for chat %s by user %s", team.id, chat_id, user.id)
    return SetupResult(team.id, team.name, Invite(team.invite_token, team.invite_expires_at), created=True)


async def department_invite(
    session: AsyncSession, head: Member, name: str, new_token: Callable[[], str], now: datetime, ttl_days: int
) -> Invite:
    """Return the department's live invite, creating the department on first use."""
    name = " ".join(name.split())[:128]
    if not name:
        raise UserError("invite-error-empty-name")
    department = await session.scalar(
        select(Department).where(Department.team_id == head.team_id, Department.name == name)
    )
    if department is None:
        department = Department(
            team_id=head.team_id, name=name, invite_token=new_token(), invite_expires_at=_expiry(now, ttl_days)
        )
        session.add(department)
        await session.commit()
        logger.info("Department %s created in team %s", department.id, head.team_id)
        return Invite(department.invite_token, department.invite_expires_at, department.name)
    invite = _renew_if_expired(department, now, new_token, ttl_days)
    await session.commit()
    return Invite(invite.token, invite.expires_at, department.name)


async def revoke_invite(
    session: AsyncSession, head: Member, department_name: str, new_token: Callable[[], str], now: datetime,
    ttl_days: int,
) -> Invite:
    """Replace the team's (or a department's) invite link; the old link stops working at once."""
    owner: Team | Department | None
    if department_name.strip():
        owner = await session.scalar(
            select(Department).where(
                Department.team_id == head.team_id, Department.name == " ".join(department_name.split())
            )
        )
        if owner is None:
            raise UserError("revoke-error-no-department", department=department_name.strip())
    else:
        owner = await session.get(Team, head.team_id)
    assert owner is not None
    owner.invite_token = new_token()
    owner.invite_expires_at = _expiry(now, ttl_days)
    await session.commit()
    logger.info("Invite of %s %s replaced by member %s", type(owner).__name__.lower(), owner.id, head.id)
    return Invite(owner.invite_token, owner.invite_expires_at, owner.name if isinstance(owner, Department) else None)


def _expiry(now: datetime, ttl_days: int) -> datetime | None:
    return now + timedelta(days=ttl_days) if ttl_days > 0 else None


def _renew_if_expired(owner: Team | Department, now: datetime, new_token: Callable[[], str], ttl_days: int) -> Invite:
    if owner.invite_expires_at is not None and owner.invite_expires_at <= now:
        owner.invite_token = new_token()
        owner.invite_expires_at = _expiry(now, ttl_days)
    return Invite(owner.invite_token, owner.invite_expires_at)


async def join_team(session: AsyncSession, token: str, user: TelegramUser, now: datetime) -> JoinResult:
    """Add the user to the team (and department) that issued the invite token."""
    team = await session.scalar(select(Team).where(Team.invite_token == token))
    department = None
    if team is None:
        department = await session.scalar(select(Department).where(Department.invite_token == token))
        if department is not None:
            team = await session.get(Team, department.team_id)
    if team is None:
        raise UserError("join-error-invalid-invite")
    expires_at = (department or team).invite_expires_at
    if expires_at is not None and expires_at <= now:
        raise UserError("join-error-expired-invite")

    membership = await repo.member_by_user(session, user.id)
    if membership is not None and membership.team_id != team.id:
        other = await session.get(Team, membership.team_id)
        raise UserError("join-error-other-team", team=other.name if other else "")
    if membership is not None:
        if department is not None and membership.role == Role.MANAGER and membership.department_id != department.id:
            membership.department_id = department.id
            await session.commit()
            return JoinResult(team.id, team.name, department.name, already_member=False)
        return JoinResult(team.id, team.name, department.name if department else None, already_member=True)

    department_id = department.id if department else None
    former = await session.scalar(
        select(Member).where(Member.team_id == team.id, Member.telegram_user_id == user.id)
    )
    if former is not None:
        # Deactivated earlier: the same row comes back, with its history.
        former.active = True
        former.deactivated_at = None
        former.department_id = department_id or former.department_id
        await session.commit()
        logger.info("User %s rejoined team %s as member %s", user.id, team.id, former.id)
        return JoinResult(team.id, team.name, department.name if department else None, already_member=False)
    session.add(_new_member(team.id, user, Role.MANAGER, now, department_id=department_id))
    await session.commit()
    logger.info("User %s joined team %s (department %s)", user.id, team.id, department_id)
    return JoinResult(team.id, team.name, department.name if department else None, already_member=False)


async def resolve_member(
    session: AsyncSession, actor: Member, reference: str, roles: frozenset[Role] = frozenset({Role.MANAGER})
) -> Member:
    """Find an active member of the actor's team by the number from /team or by @username.

    A department head reaches only their own department.
    """
    reference = reference.strip()
    member: Member | None = None
    if reference.lstrip("#").isdigit():
        member = await session.get(Member, int(reference.lstrip("#")))
    elif reference.startswith("@") and len(reference) > 1:
        # Telegram usernames are case-insensitive, so both sides are lower-cased and compared exactly.
        # ILIKE would read "_" and "%" in a username as wildcards.
        member = await session.scalar(
            select(Member).where(
                Member.team_id == actor.team_id,
                Member.active.is_(True),
                func.lower(Member.username) == reference[1:].lower(),
            )
        )
    if member is None or member.team_id != actor.team_id or not member.active or member.role not in roles:
        raise UserError("member-error-not-found", reference=reference)
    if actor.role == Role.DEPARTMENT_HEAD and not may_see(actor, member):
        raise UserError("member-error-other-department", reference=reference)
    return member


def may_see(actor: Member, other: Member) -> bool:
    """Return whether `actor` may read `other`'s plans and pay.

    A department head may read their own department. One without a department may read only
    themselves, never the whole team.
    """
    if actor.role in (Role.HEAD, Role.OBSERVER):
        return True
    if other.id == actor.id:
        return True
    if actor.role == Role.DEPARTMENT_HEAD:
        return actor.department_id is not None and other.department_id == actor.department_id
    return False


async def set_hire_date(session: AsyncSession, head: Member, reference: str, hire_date: date) -> Member:
    member = await resolve_member(session, head, reference)
    # Every month from the earlier of the two dates to the later one is paid differently. An unknown
    # old date means employed since before the bot, so every month since joining the team counts.
    old = member.hire_date
    joined = Month.of(member.joined_at.date())
    first = max(Month.of(min(old, hire_date)), joined) if old is not None else joined
    last = Month.of(max(old, hire_date)) if old is not None else Month.of(hire_date)
    await month_locks.ensure_months_open(session, member.team_id, first, last)
    member.hire_date = hire_date
    await session.commit()
    logger.info("Hire date of member %s set by member %s", member.id, head.id)
    return member


async def set_role(session: AsyncSession, head: Member, reference: str, role: Role) -> Member:
    if role == Role.HEAD:
        raise UserError("role-usage")
    member = await resolve_member(
        session, head, reference, frozenset({Role.MANAGER, Role.OBSERVER, Role.DEPARTMENT_HEAD})
    )
    if role == Role.DEPARTMENT_HEAD and member.department_id is None:
        # Without a department the role would have nothing to limit it to.
        raise UserError("role-error-no-department", name=member.display_name)
    member.role = role
    await session.commit()
    logger.info("Member %s is now %s (set by member %s)", member.id, role, head.id)
    return member


async def transfer_team(session: AsyncSession, head: Member, reference: str) -> Member:
    """Make another member the head; the old head stays as an observer and keeps read access."""
    member = await resolve_member(
        session, head, reference, frozenset({Role.MANAGER, Role.OBSERVER, Role.DEPARTMENT_HEAD})
    )
    member.role = Role.HEAD
    head.role = Role.OBSERVER
    await session.commit()
    logger.info("Team %s handed over from member %s to member %s", head.team_id, head.id, member.id)
    return member


async def deactivate(session: AsyncSession, head: Member, reference: str, now: datetime) -> Member:
    """Switch a member off; reports, plans and pay history stay, and an invite link brings them back.

    The payroll of the month they were switched off in still pays them up to that day.
    """
    member = await resolve_member(
        session, head, reference, frozenset({Role.MANAGER, Role.OBSERVER, Role.DEPARTMENT_HEAD})
    )
    member.active = False
    member.deactivated_at = now
    await session.commit()
    logger.info("Member %s deactivated by member %s", member.id, head.id)
    return member


@dataclass(frozen=True, slots=True)
class PlanChange:
    manager_id: int
    manager_user_id: int
    manager_name: str
    manager_locale: str | None
    version_id: int
    version: int
    previous: Decimal | None
    changed: bool


# A month's plan above 31 days at the metric's daily limit is a typo. The bound also keeps every
# stored plan (kopecks for money) far below the 64-bit integer column's maximum.
MAX_PLAN_DAYS = 31


def _plan_to_storage(catalog: MetricCatalog, metric: str, target: Decimal) -> int:
    """Return the stored form of a plan, or raise UserError for a value no month can have."""
    definition = catalog.vocabulary.metrics[metric]
    limit = definition.daily_limit * MAX_PLAN_DAYS
    if target > limit:
        raise UserError("plan-error-too-large", limit=str(int(limit)))
    if definition.kind is MetricKind.COUNT and target != target.to_integral_value():
        raise UserError("plan-error-fractional-count", value=str(target))
    if definition.kind is MetricKind.MONEY and target != target.quantize(KOPECK, rounding=ROUND_DOWN):
        raise UserError("plan-error-too-precise", value=str(target))
    return to_storage(metric, target, catalog.kinds)


async def set_plan(
    session: AsyncSession, head: Member, reference: str, metric: str, month: Month, target: Decimal, now: datetime
) -> PlanChange:
    """Set a manager's plan; a new value becomes a new version and the old ones stay."""
    change = await stage_plan(session, head, reference, metric, month, target, now)
    await session.commit()
    return change


async def stage_plan(
    session: AsyncSession, head: Member, reference: str, metric: str, month: Month, target: Decimal, now: datetime
) -> PlanChange:
    """Stage a plan change in the session without committing, so several can be saved at once."""
    catalog = await load_catalog(session, head.team_id)
    if metric not in catalog.report_codes:
        raise UserError("plan-error-unknown-metric", name=metric)
    if target <= 0:
        raise UserError("plan-error-not-positive")
    stored = _plan_to_storage(catalog, metric, target)
    member = await resolve_member(session, head, reference)
    plan = await session.scalar(
        select(Plan).where(Plan.member_id == member.id, Plan.month == str(month), Plan.metric == metric)
    )
    previous: Decimal | None = None
    if plan is None:
        plan = Plan(member_id=member.id, month=str(month), metric=metric, target=stored, updated_at=now, version=0)
        session.add(plan)
        await session.flush()
    elif plan.target == stored:
        current = await _current_plan_version(session, plan)
        return PlanChange(
            member.id, member.telegram_user_id, member.display_name, member.locale, current.id, plan.version,
            None, changed=False,
        )
    else:
        previous = from_storage(metric, plan.target, catalog.kinds)
    plan.target = stored
    plan.updated_at = now
    plan.updated_by_member_id = head.id
    plan.version += 1
    version = PlanVersion(plan_id=plan.id, version=plan.version, target=stored, set_at=now, set_by_member_id=head.id)
    session.add(version)
    await session.flush()
    logger.info("Plan %s %s v%s set for member %s by member %s", month, metric, plan.version, member.id, head.id)
    return PlanChange(
        member.id, member.telegram_user_id, member.display_name, member.locale, version.id, plan.version, previous,
        changed=True,
    )


async def confirm_plan(session: AsyncSession, member: Member, version_id: int, now: datetime) -> PlanVersion:
    """Record that the manager has seen and accepted this plan version."""
    version = await session.get(PlanVersion, version_id)
    plan = await session.get(Plan, version.plan_id) if version else None
    if version is None or plan is None or plan.member_id != member.id:
        raise UserError("plan-confirm-error-unknown")
    if version.version != plan.version:
        raise UserError("plan-confirm-error-outdated")
    if version.confirmed_at is None:
        version.confirmed_at = now
        await session.commit()
        logger.info("Member %s confirmed plan version %s", member.id, version.id)
    return version


@dataclass(frozen=True, slots=True)
class PlanHistoryEntry:
    manager_name: str
    metric: str
    version: int
    target: Decimal
    set_at: datetime
    set_by: str | None
    confirmed_at: datetime | None


async def plan_history(session: AsyncSession, actor: Member, month: Month) -> list[PlanHistoryEntry]:
    """Every plan version of the month for the managers the actor may see, oldest first."""
    setter = aliased(Member)
    query = (
        select(Member, Plan.metric, PlanVersion, setter)
        .join(Plan, Plan.member_id == Member.id)
        .join(PlanVersion, PlanVersion.plan_id == Plan.id)
        .outerjoin(setter, setter.id == PlanVersion.set_by_member_id)
        .where(Member.team_id == actor.team_id, Plan.month == str(month))
        .order_by(Member.id, Plan.metric, PlanVersion.version)
    )
    if actor.role == Role.MANAGER:
        query = query.where(Member.id == actor.id)
    elif actor.role == Role.DEPARTMENT_HEAD:
        if actor.department_id is None:
            query = query.where(Member.id == actor.id)
        else:
            query = query.where(Member.department_id == actor.department_id)
    kinds = (await load_catalog(session, actor.team_id)).kinds
    return [
        PlanHistoryEntry(
            manager.display_name, metric, version.version, from_storage(metric, version.target, kinds), version.set_at,
            by.display_name if by else None, version.confirmed_at,
        )
        for manager, metric, version, by in await session.execute(query)
        if metric in kinds
    ]


async def _current_plan_version(session: AsyncSession, plan: Plan) -> PlanVersion:
    version = await session.scalar(
        select(PlanVersion).where(PlanVersion.plan_id == plan.id, PlanVersion.version == plan.version)
    )
    assert version is not None
    return version


async def set_locale(session: AsyncSession, member: Member, locale: str) -> None:
    member.locale = locale
    await session.commit()


async def set_show_pay_in_group(session: AsyncSession, head: Member, enabled: bool) -> None:
    """Allow or forbid projected pay in group posts; only the head decides, and the default is off."""
    team = await session.get(Team, head.team_id)
    assert team is not None
    team.show_pay_in_group = enabled
    await session.commit()
    logger.info("Team %s: pay in group posts turned %s by member %s", team.id, "on" if enabled else "off", head.id)


def _new_member(team_id: int, user: TelegramUser, role: Role, now: datetime, department_id: int | None) -> Member:
    return Member(
        team_id=team_id,
        telegram_user_id=user.id,
        first_name=(user.first_name or str(user.id))[:128],
        last_name=user.last_name[:128] if user.last_name else None,
        username=user.username,
        role=role,
        department_id=department_id,
        hire_date=None,
        salary_kopecks=0,
        active=True,
        joined_at=now,
    )
