"""Per-team jobs: reminders, the deadline mention, the head's note, the board post and the month close.

Triggers carry the team's timezone explicitly, so the server's own timezone never matters. Jobs
live in APScheduler's memory store and are rebuilt from the database on start. The post ledger,
not the job store, makes a post go out at most once, because APScheduler's FAQ says a job store
must never be shared between processes. On start the scheduler catches up on posts missed while
no process ran: within the catch-up window they go out late, covering their scheduled date;
beyond it they are skipped and the head is told.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from bot.context import AppContext
from bot.db.models import Member, Role, SchedulerHeartbeat, Team
from bot.delivery import (
    ChatUnavailable,
    DeliveryFailed,
    DeliveryRejected,
    DeliveryUncertain,
    RealTimer,
    Sender,
    Timer,
    text_parts,
)
from bot.render.texts import Texts
from bot.scheduler import planners
from bot.scheduler.planners import BOARD, HEAD_NOTE, MENTION, MONTH_CLOSE, REMINDER, Planned
from bot.services import chats, milestones
from bot.services.posts import GROUP, Ledger, LedgerJournal, PostKey
from bot.services.reports import ReportOutcome
from kpi.period import Month

logger = logging.getLogger(__name__)

# How far back a start looks for missed posts; older ones are neither sent nor reported.
MAX_LOOKBACK = timedelta(days=7)
# A post that failed is claimed again no sooner than this, or than the 429 asked.
RETRY_DELAY = timedelta(seconds=60)
# A post this much past its time counts as late in the log.
LATE_AFTER = timedelta(seconds=60)
MAINTENANCE_JOB = "maintenance"


def fire_times(trigger: BaseTrigger, after: datetime, until: datetime) -> Iterator[datetime]:
    """Yield the trigger's fire times in (after, until], in order."""
    tick = timedelta(microseconds=1)
    fire = trigger.get_next_fire_time(None, after + tick)
    while fire is not None and fire <= until:
        yield fire
        fire = trigger.get_next_fire_time(fire, fire + tick)


def last_fire_time(trigger: BaseTrigger, now: datetime) -> datetime | None:
    """Return the trigger's latest fire time at or before `now` (within the last 32 days)."""
    latest = None
    for fire in fire_times(trigger, now - timedelta(days=32), now):
        latest = fire
    return latest


class TeamScheduler:
    def __init__(
        self,
        app: AppContext,
        scheduler: AsyncIOScheduler | None = None,
        timer: Timer | None = None,
        process_id: str | None = None,
    ) -> None:
        self.app = app
        self.scheduler = scheduler or AsyncIOScheduler(timezone="UTC")
        self.timer = timer or RealTimer()
        self.sender = Sender(app.bot, self.timer)
        self.ledger = Ledger(app.sessionmaker, app.clock)
        self.process_id = process_id or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:64]
        self.window = timedelta(seconds=app.settings.misfire_grace_seconds)

    # Lifecycle

    async def start(self, *, paused: bool = False) -> None:
        """Schedule every team, start the scheduler, then send what was missed while no process ran."""
        await self.schedule_all()
        interval = self.app.settings.maintenance_interval_seconds
        self.scheduler.add_job(
            self.maintain,
            IntervalTrigger(seconds=interval, start_date=self.app.clock.now(), timezone="UTC"),
            id=MAINTENANCE_JOB, name="heartbeat and retries", replace_existing=True, coalesce=True,
            misfire_grace_time=interval,
        )
        self.scheduler.start(paused=paused)
        logger.info("Scheduler started as process %s", self.process_id)
        await self.catch_up()
        await self.heartbeat()

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        try:
            await self.heartbeat()
        except Exception:
            logger.exception("Last heartbeat of process %s failed", self.process_id)
        logger.info("Scheduler of process %s stopped", self.process_id)

    # Triggers

    async def schedule_all(self) -> int:
        async with self.app.sessionmaker() as session:
            teams = list(await session.scalars(select(Team).where(Team.board_chat_id.is_not(None))))
        for team in teams:
            self._add_jobs(team)
        logger.info("Scheduled jobs for %s teams", len(teams))
        return len(teams)

    async def schedule_team(self, team_id: int) -> None:
        """Add or replace the team's jobs; call after its times or timezone change, no restart needed."""
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
        if team is None or team.board_chat_id is None:
            for job in planners.JOBS:
                if self.scheduler.get_job(f"{job}:{team_id}") is not None:
                    self.scheduler.remove_job(f"{job}:{team_id}")
            return
        self._add_jobs(team)

    def triggers(self, team: Team) -> dict[str, CronTrigger]:
        zone = ZoneInfo(team.timezone)
        settings = self.app.settings
        head_note = planners.head_note_time(team, timedelta(minutes=settings.head_note_delay_minutes))
        close = settings.month_close_time
        return {
            REMINDER: _daily(team.reminder_time, zone),
            MENTION: _daily(team.report_deadline, zone),
            HEAD_NOTE: _daily(head_note, zone),
            BOARD: _daily(team.post_time, zone),
            MONTH_CLOSE: CronTrigger(day=1, hour=close.hour, minute=close.minute, second=close.second, timezone=zone),
        }

    def _add_jobs(self, team: Team) -> None:
        for job, trigger in self.triggers(team).items():
            self.scheduler.add_job(
                self.fire,
                trigger,
                args=[team.id, job],
                id=f"{job}:{team.id}",
                name=f"{job} for team {team.id}",
                replace_existing=True,
                misfire_grace_time=max(int(self.window.total_seconds()), 1),
                coalesce=True,
            )
        logger.info(
            "Team %s: reminder at %s, deadline %s, board post at %s (%s)",
            team.id, team.reminder_time, team.report_deadline, team.post_time, team.timezone,
        )

    async def fire(self, team_id: int, job: str) -> None:
        """Run a job woken by its trigger, for the fire time it was due at."""
        aps_job = self.scheduler.get_job(f"{job}:{team_id}")
        now = self.app.clock.now()
        scheduled = last_fire_time(aps_job.trigger, now) if aps_job is not None else None
        await self.run(team_id, job, scheduled or now)

    # Running a job

    async def run(self, team_id: int, job: str, scheduled_at: datetime) -> int:
        """Plan the job for the date of `scheduled_at` and deliver each post; return how many were sent now."""
        try:
            items = await self._plan(team_id, job, scheduled_at)
        except Exception:
            # NOTE: a failed planning leaves no ledger row, so the heads are not notified of it.
            logger.exception("Team %s: planning %s for %s failed", team_id, job, scheduled_at)
            return 0
        sent = 0
        for item in items:
            sent += await self.deliver(item, scheduled_at)
        if items:
            logger.info("Team %s: %s due at %s: %s of %s posts sent now", team_id, job, scheduled_at, sent, len(items))
        return sent

    async def _plan(self, team_id: int, job: str, scheduled_at: datetime) -> list[Planned]:
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
            if team is None:
                return []
            plan = await planners.make_plan(self.app, session, team, job, scheduled_at)
            return await planners.plan_job(plan, job)

    async def deliver(self, item: Planned, scheduled_at: datetime) -> bool:
        """Claim the post in the ledger, then send it; return whether it was delivered by this call."""
        claim = await self.ledger.claim(item.key, item.chat_id, scheduled_at)
        if claim is None:
            return False
        chat_id = item.chat_id
        try:
            parts = await item.render()
        except Exception as error:
            # Rendering reads nothing from outside, so a second attempt would fail the same way.
            logger.exception(
                "Post %s (ledger id %s, chat %s) failed to render; not retrying", item.key, claim.post_id, chat_id
            )
            await self.ledger.mark_rejected(claim.post_id, f"render failed: {error!r}")
            await self.tell_heads_render_failed(item, claim.post_id)
            return False
        try:
            await self.sender.send(
                chat_id, parts, thread_id=item.thread_id, start=claim.parts_sent,
                journal=LedgerJournal(self.ledger, claim.post_id), on_migrate=self._follow_migration,
            )
        except DeliveryFailed as error:
            delay = max(RETRY_DELAY, timedelta(seconds=error.retry_after or 0))
            logger.warning("Post %s failed, will retry after %s: %s", item.key, delay, error)
            await self.ledger.mark_failed(claim.post_id, str(error), self.app.clock.now() + delay)
            return False
        except ChatUnavailable as error:
            logger.warning("Post %s: chat %s is unavailable: %s", item.key, error.chat_id, error)
            await self.ledger.mark_rejected(claim.post_id, str(error))
            await self.chat_gone(item, error.chat_id)
            return False
        except DeliveryRejected as error:
            logger.error("Post %s rejected by Telegram: %s", item.key, error)
            await self.ledger.mark_rejected(claim.post_id, str(error))
            return False
        except DeliveryUncertain as error:
            logger.error("Post %s may or may not have arrived; not resending: %s", item.key, error)
            await self.ledger.mark_unknown(claim.post_id, str(error))
            return False
        except Exception as error:
            logger.exception("Post %s failed unexpectedly; will retry", item.key)
            await self.ledger.mark_failed(claim.post_id, repr(error), self.app.clock.now() + RETRY_DELAY)
            return False
        await self.ledger.mark_sent(claim.post_id)
        lateness = self.app.clock.now() - scheduled_at
        if lateness > LATE_AFTER:
            logger.warning("Post %s sent %s late", item.key, lateness)
        else:
            logger.info("Post %s sent", item.key)
        return True

    # Catch-up, heartbeat and retries

    async def catch_up(self) -> None:
        """Send posts missed while no bot process ran (within the window); report older ones to the head."""
        now = self.app.clock.now()
        await self.ledger.expire_in_flight()
        async with self.app.sessionmaker() as session:
            last_beat = await session.scalar(select(func.max(SchedulerHeartbeat.beat_at)))
            teams = list(await session.scalars(select(Team).where(Team.board_chat_id.is_not(None))))
        # Without any heartbeat this database never ran a scheduler, so nothing was missed
        # beyond the window.
        since = max(last_beat, now - MAX_LOOKBACK) if last_beat is not None else now - self.window
        logger.info("Catching up on posts due between %s and %s", since, now)
        for team in teams:
            skipped: list[tuple[str, datetime]] = []
            due = [
                (fire, job)
                for job, trigger in self.triggers(team).items()
                for fire in fire_times(trigger, max(since, team.created_at), now)
            ]
            for fire, job in sorted(due):
                if now - fire <= self.window:
                    logger.warning("Team %s: %s due at %s was missed; sending it late", team.id, job, fire)
                    await self.run(team.id, job, fire)
                elif await self._skip(team.id, job, fire):
                    skipped.append((job, fire))
            if skipped:
                await self.tell_heads_skipped(team.id, skipped)

    async def _skip(self, team_id: int, job: str, scheduled_at: datetime) -> bool:
        """Record the job's posts as skipped; return whether any of them was recorded by this call."""
        items = await self._plan(team_id, job, scheduled_at)
        recorded = False
        for item in items:
            reason = f"missed by more than the catch-up window of {self.window}"
            if await self.ledger.record_skipped(item.key, item.chat_id, scheduled_at, reason):
                recorded = True
        if recorded:
            logger.warning("Team %s: %s due at %s skipped: more than %s late", team_id, job, scheduled_at, self.window)
        return recorded

    async def maintain(self) -> None:
        await self.heartbeat()
        await self.retry_due()

    async def heartbeat(self) -> None:
        """Record that this process runs, and forget processes silent for longer than catch-up looks back."""
        now = self.app.clock.now()
        async with self.app.sessionmaker() as session:
            await session.execute(delete(SchedulerHeartbeat).where(SchedulerHeartbeat.beat_at < now - MAX_LOOKBACK))
            beat = await session.get(SchedulerHeartbeat, self.process_id)
            if beat is None:
                session.add(SchedulerHeartbeat(process_id=self.process_id, beat_at=now))
            else:
                beat.beat_at = now
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()

    async def retry_due(self) -> None:
        """Run again the jobs of failed posts whose retry time has come; give up on those past the window."""
        now = self.app.clock.now()
        runs: set[tuple[int, str, datetime]] = set()
        skipped: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
        for post in await self.ledger.due_again():
            assert post.scheduled_at is not None
            job = planners.job_of(post.kind)
            if now - post.scheduled_at > self.window:
                reason = f"still failing after the catch-up window of {self.window}"
                if await self.ledger.skip_failed(post.id, reason):
                    logger.warning(
                        "Post %s for team %s on %s given up: %s", post.kind, post.team_id, post.business_date, post.error
                    )
                    if job is not None and (job, post.scheduled_at) not in skipped[post.team_id]:
                        skipped[post.team_id].append((job, post.scheduled_at))
            elif job is not None:
                runs.add((post.team_id, job, post.scheduled_at))
            # NOTE: a failed milestone note (plan reached, team record) is not sent again, because
            # no job plans it; it is given up once the window has passed.
        for team_id, job, scheduled_at in sorted(runs, key=lambda run: run[2]):
            logger.info("Team %s: retrying %s due at %s", team_id, job, scheduled_at)
            await self.run(team_id, job, scheduled_at)
        for team_id, items in skipped.items():
            await self.tell_heads_skipped(team_id, items)

    # Telling the head

    async def tell_heads(self, team_id: int, key: str, **params: object) -> None:
        """Send a note to each head of the team; unscheduled, so no ledger entry."""
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
            heads = await chats.heads_of(session, team_id)
        if team is None:
            return
        for head in heads:
            texts = self.app.texts(head.locale or team.locale, team.currency)
            await self._send_note(head, texts(key, **params))

    async def tell_supervisors(self, member: Member, render: Callable[[Texts], str]) -> None:
        """Send a private note about `member` to their heads and department heads; `render` builds it per reader."""
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, member.team_id)
            supervisors = await chats.supervisors_of(session, member)
        if team is None:
            return
        for supervisor in supervisors:
            await self._send_note(supervisor, render(self.app.texts(supervisor.locale or team.locale, team.currency)))

    async def tell_heads_skipped(self, team_id: int, skipped: list[tuple[str, datetime]]) -> None:
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
            heads = await chats.heads_of(session, team_id)
        if team is None:
            return
        zone = ZoneInfo(team.timezone)
        for head in heads:
            texts = self.app.texts(head.locale or team.locale, team.currency)
            lines = [texts("missed-header", minutes=int(self.window.total_seconds() // 60))]
            for job, fire in sorted(skipped, key=lambda item: item[1]):
                local = fire.astimezone(zone)
                day = Month.of(local.date()).previous().last_day if job == MONTH_CLOSE else local.date()
                lines.append(texts(
                    "missed-line", post=texts(f"post-{job}"), date=texts.day(day), time=local.strftime("%H:%M"),
                ))
            await self._send_note(head, "\n".join(lines))

    async def tell_heads_render_failed(self, item: Planned, post_id: int) -> None:
        """Notify the heads that a post will not go out.

        The rejected ledger row is never claimed again, so this runs once per post.
        """
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, item.key.team_id)
            heads = await chats.heads_of(session, item.key.team_id)
        if team is None:
            return
        for head in heads:
            texts = self.app.texts(head.locale or team.locale, team.currency)
            text = texts(
                "post-render-failed", post=texts(_post_name_key(item.key.kind)), date=texts.day(item.key.business_date),
                post_id=str(post_id),
            )
            await self._send_note(head, text)

    async def _send_note(self, member: Member, text: str) -> None:
        try:
            await self.sender.send(member.telegram_user_id, text_parts(text))
        except ChatUnavailable as error:
            logger.warning("Head %s (team %s) cannot be reached: %s", member.id, member.team_id, error)
            async with self.app.sessionmaker() as session:
                await chats.set_private_active(session, member.telegram_user_id, False)
        except Exception:
            logger.exception("Note to member %s (team %s) failed", member.id, member.team_id)

    # Chats that moved or went away

    async def _follow_migration(self, old_chat_id: int, new_chat_id: int) -> None:
        async with self.app.sessionmaker() as session:
            await chats.move_board_chat(session, old_chat_id, new_chat_id)
        self.sender.pacer.forget(old_chat_id)

    async def chat_gone(self, item: Planned, chat_id: int) -> None:
        """Mark the chat inactive and tell the head once, when this is news."""
        if item.key.recipient == GROUP:
            async with self.app.sessionmaker() as session:
                team = await chats.set_group_active(session, chat_id, False)
            if team is not None:
                await self.tell_heads(team.id, "chat-group-removed", team=team.name)
            return
        if item.member is None:
            return
        async with self.app.sessionmaker() as session:
            changed = await chats.set_private_active(session, item.member.telegram_user_id, False)
        if changed and item.member.role != Role.HEAD:
            await self.tell_heads(item.key.team_id, "chat-member-blocked", name=item.member.display_name)

    # Events from handlers

    async def after_report(self, member: Member, outcome: ReportOutcome) -> None:
        """Post a note to the group when a report reaches 100 % of plan or sets a team record."""
        if outcome.duplicate:
            return
        now = self.app.clock.now()
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, member.team_id)
            if team is None:
                return
            reached = milestones.plan_reached(outcome)
            record = await milestones.team_record(session, member, outcome)
            plan = await planners.make_plan(self.app, session, team, BOARD, now)
        texts = self.app.texts(team.locale, team.currency)
        items: list[Planned | None] = []
        if reached is not None:
            text = texts("milestone-plan", name=member.display_name, percent=texts.percent(reached.ratio))
            month_start = Month.of(outcome.business_date).first_day
            items.append(plan.group_post(f"plan100:{member.id}", month_start, planners.static(text)))
        if record is not None:
            text = texts(
                "milestone-record", name=member.display_name, revenue=texts.money(record.value, kopecks=False),
                previous=texts.money(record.previous, kopecks=False),
            )
            items.append(plan.group_post(f"record:{member.id}", outcome.business_date, planners.static(text)))
        for item in items:
            if item is not None:
                await self.deliver(item, now)


def _post_name_key(kind: str) -> str:
    """Return the Fluent key that names a post kind for the head, e.g. `post-board`."""
    if kind == planners.WEEKLY:
        return "post-weekly"
    job = planners.job_of(kind)
    return f"post-{job}" if job is not None else "post-other"


def _daily(at, zone: ZoneInfo) -> CronTrigger:  # type: ignore[no-untyped-def]
    return CronTrigger(hour=at.hour, minute=at.minute, second=at.second, timezone=zone)


__all__ = ["BOARD", "HEAD_NOTE", "MENTION", "MONTH_CLOSE", "REMINDER", "PostKey", "TeamScheduler", "fire_times"]
