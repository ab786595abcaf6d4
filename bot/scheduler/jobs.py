"""Per-team jobs: the reminder to managers who have not reported, and the daily board post.

Triggers carry the team's timezone explicitly, so the server's own timezone never matters. Jobs
live in APScheduler's memory store and are rebuilt from the database on start; the post ledger,
not the job store, guarantees that a post goes out at most once.
"""

from __future__ import annotations

import logging
from datetime import date
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import select

from bot.clock import business_date
from bot.context import AppContext
from bot.db import repo
from bot.db.models import Team
from bot.delivery import DeliveryError, send_text
from bot.render.views import render_board
from bot.services import posts
from bot.services.standings import load_team_month
from kpi.calendar import WorkingCalendar

logger = logging.getLogger(__name__)

REMINDER = "reminder"
BOARD = "board"


class TeamScheduler:
    def __init__(self, app: AppContext, scheduler: AsyncIOScheduler | None = None) -> None:
        self.app = app
        self.scheduler = scheduler or AsyncIOScheduler(timezone="UTC")

    async def schedule_all(self) -> int:
        async with self.app.sessionmaker() as session:
            teams = list(await session.scalars(select(Team).where(Team.board_chat_id.is_not(None))))
        for team in teams:
            self._add_jobs(team)
        logger.info("Scheduled jobs for %s teams", len(teams))
        return len(teams)

    async def schedule_team(self, team_id: int) -> None:
        """Add or replace the team's jobs; call after its times change, no restart needed."""
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
        if team is not None:
            self._add_jobs(team)

    def _add_jobs(self, team: Team) -> None:
        zone = ZoneInfo(team.timezone)
        grace = self.app.settings.misfire_grace_seconds
        for kind, at, func in (
            (REMINDER, team.reminder_time, self.send_reminders),
            (BOARD, team.post_time, self.post_board),
        ):
            self.scheduler.add_job(
                func,
                CronTrigger(hour=at.hour, minute=at.minute, second=at.second, timezone=zone),
                args=[team.id],
                id=f"{kind}:{team.id}",
                name=f"{kind} for team {team.id}",
                replace_existing=True,
                misfire_grace_time=grace,
                coalesce=True,
            )
        logger.info(
            "Team %s: reminder at %s, board post at %s (%s)", team.id, team.reminder_time, team.post_time, team.timezone
        )

    async def send_reminders(self, team_id: int) -> None:
        """Privately remind every manager who has not reported today; nothing on days off."""
        now = self.app.clock.now()
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
            if team is None:
                return
            today = business_date(now, team.timezone)
            if not WorkingCalendar(country=team.calendar_country).is_working_day(today):
                logger.info("Team %s: %s is a day off, no reminders", team_id, today)
                return
            reported = await repo.reported_on(session, team_id, today)
            managers = [m for m in await repo.members_of(session, team_id) if m.id not in reported]
        logger.info("Team %s: reminding %s managers for %s", team_id, len(managers), today)
        for manager in managers:
            texts = self.app.texts(manager.locale or team.locale)
            text = texts("reminder", name=manager.first_name, date=texts.day(today))
            await self.deliver(team_id, REMINDER, today, manager.telegram_user_id, text)

    async def post_board(self, team_id: int) -> None:
        """Post plan progress and the leaderboard to the team's group on working days."""
        now = self.app.clock.now()
        async with self.app.sessionmaker() as session:
            team = await session.get(Team, team_id)
            if team is None or team.board_chat_id is None:
                return
            today = business_date(now, team.timezone)
            month = await load_team_month(session, team, today)
        if not month.is_working_day:
            logger.info("Team %s: %s is a day off, no board post", team_id, today)
            return
        text = render_board(self.app.texts(team.locale), month)
        await self.deliver(team_id, BOARD, today, team.board_chat_id, text)

    async def deliver(self, team_id: int, kind: str, day: date, chat_id: int, text: str) -> bool:
        """Claim the post in the ledger, then send it; return whether it was sent now."""
        async with self.app.sessionmaker() as session:
            post_id = await posts.claim(session, team_id, kind, day, chat_id, self.app.clock.now())
            if post_id is None:
                return False

            async def on_migrate(old: int, new: int) -> None:
                await posts.move_board_chat(session, old, new)

            try:
                message = await send_text(self.app.bot, chat_id, text, on_migrate=on_migrate)
            except DeliveryError as error:
                logger.error("Team %s: %s for %s to chat %s failed: %s", team_id, kind, day, chat_id, error)
                await posts.mark_failed(session, post_id, str(error))
                return False
            await posts.mark_sent(session, post_id, message.message_id, self.app.clock.now())
        logger.info("Team %s: %s for %s sent to chat %s", team_id, kind, day, chat_id)
        return True
