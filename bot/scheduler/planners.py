"""Planners of the scheduled jobs: one planned post per recipient, keyed for the ledger.

A planner reads the database once and returns `Planned` posts whose `render` only formats and
draws, so a skipped job can list what it would have sent without drawing a chart.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.context import AppContext
from bot.db import repo
from bot.db.models import Member, Team
from bot.delivery import Part, PhotoPart, TextPart, text_parts
from bot.render.certificate import Certificate, render_certificate
from bot.render.charts import board_chart_data, render_board_chart
from bot.render.contests import render_board_contests, render_results, render_winner_note
from bot.render.texts import Markup, Texts
from bot.render.views import render_board, render_digest, render_payroll, standings_lines
from bot.services import absences, awards, contests
from bot.services.calendars import team_calendar
from bot.services.chats import heads_of
from bot.services.posts import GROUP, PostKey, member_recipient
from bot.services.standings import TeamMonth, goals, load_team_month
from kpi.calendar import WorkingCalendar
from kpi.period import Month

logger = logging.getLogger(__name__)

# Jobs, each with its own trigger per team.
REMINDER = "reminder"
MENTION = "mention"
HEAD_NOTE = "head_note"
BOARD = "board"
MONTH_CLOSE = "month_close"
JOBS = (REMINDER, MENTION, HEAD_NOTE, BOARD, MONTH_CLOSE)

# Post kinds beyond the job names; each belongs to the job that plans it.
WEEKLY = "weekly"
PAYROLL_DRAFT = "payroll_draft"
AWARDS = "awards"
CERTIFICATE = "cert"
STREAKS = "streaks"
# "contest:<id>": a contest's results in the group and the private note to each winner.
CONTEST_RESULTS = "contest"
# A manager's evening note: projected pay and what is still needed.
DIGEST = "digest"
_JOB_OF_KIND = {WEEKLY: BOARD, DIGEST: BOARD, PAYROLL_DRAFT: MONTH_CLOSE, AWARDS: MONTH_CLOSE, STREAKS: MONTH_CLOSE}


def job_of(kind: str) -> str | None:
    """Return the job that plans posts of `kind`, or None for posts no job plans (milestones)."""
    if kind in JOBS:
        return kind
    if kind.startswith(f"{CERTIFICATE}:"):
        return MONTH_CLOSE
    if kind.startswith(f"{CONTEST_RESULTS}:"):
        return BOARD
    return _JOB_OF_KIND.get(kind)


Render = Callable[[], Awaitable[Sequence[Part]]]


@dataclass(frozen=True, slots=True)
class Planned:
    key: PostKey
    chat_id: int
    thread_id: int | None
    render: Render
    # The member a private post goes to, so a blocked chat can be marked on that member.
    member: Member | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The job's context: the team as loaded, the date the run covers and its working calendar."""

    app: AppContext
    session: AsyncSession
    team: Team
    scheduled_at: datetime
    day: date
    calendar: WorkingCalendar

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.team.timezone)

    def texts(self, locale: str | None = None) -> Texts:
        return self.app.texts(locale or self.team.locale, self.team.currency)

    def group_post(self, kind: str, day: date, render: Render) -> Planned | None:
        if self.team.board_chat_id is None or not self.team.board_chat_active:
            logger.info("Team %s: no active board chat, %s for %s not planned", self.team.id, kind, day)
            return None
        return Planned(PostKey(self.team.id, kind, day, GROUP), self.team.board_chat_id, self.team.board_thread_id, render)

    def private_post(self, kind: str, day: date, member: Member, render: Render) -> Planned | None:
        if not member.chat_active:
            return None
        return Planned(
            PostKey(self.team.id, kind, day, member_recipient(member.id)), member.telegram_user_id, None, render, member
        )


def static(text: str) -> Render:
    async def render() -> Sequence[Part]:
        return text_parts(text)

    return render


def lazy(build: Callable[[], str]) -> Render:
    """Render a text only when the post is sent, so a failure stays with that one post."""

    async def render() -> Sequence[Part]:
        return text_parts(build())

    return render


async def make_plan(app: AppContext, session: AsyncSession, team: Team, job: str, scheduled_at: datetime) -> Plan:
    day = business_date(scheduled_at, team.timezone)
    if job == MONTH_CLOSE:
        # The close runs on the 1st and covers the month that just ended.
        day = Month.of(day).previous().last_day
    return Plan(app, session, team, scheduled_at, day, await team_calendar(session, team))


async def plan_job(plan: Plan, job: str) -> list[Planned]:
    planners = {
        REMINDER: plan_reminders,
        MENTION: plan_mention,
        HEAD_NOTE: plan_head_note,
        BOARD: plan_board,
        MONTH_CLOSE: plan_month_close,
    }
    items = await planners[job](plan)
    return [item for item in items if item is not None]


async def _missing(plan: Plan) -> list[Member]:
    """Managers who have not reported for the day and are not away."""
    reported = await repo.reported_on(plan.session, plan.team.id, plan.day)
    away = await absences.absent_on(plan.session, plan.team.id, plan.day)
    managers = await repo.members_of(plan.session, plan.team.id)
    return [member for member in managers if member.id not in reported and member.id not in away]


async def plan_reminders(plan: Plan) -> list[Planned | None]:
    if not plan.calendar.is_working_day(plan.day):
        logger.info("Team %s: %s is a day off, no reminders", plan.team.id, plan.day)
        return []
    items = []
    for member in await _missing(plan):
        if not member.notify_reminders:
            continue
        texts = plan.texts(member.locale)
        text = texts("reminder", name=member.first_name, date=texts.day(plan.day))
        items.append(plan.private_post(REMINDER, plan.day, member, static(text)))
    return items


def mention(member: Member) -> Markup:
    name = html.escape(member.display_name, quote=False)
    return Markup(f'<a href="tg://user?id={member.telegram_user_id}">{name}</a>')


async def plan_mention(plan: Plan) -> list[Planned | None]:
    if not plan.calendar.is_working_day(plan.day):
        return []
    missing = await _missing(plan)
    if not missing:
        return []
    texts = plan.texts()
    day = plan.day

    def build() -> str:
        # Texts inserts a list of any length after Fluent has run, and the sender splits the post.
        names = texts.join(mention(member) for member in missing)
        return texts("deadline-mention", date=texts.day(day), names=names)

    return [plan.group_post(MENTION, plan.day, lazy(build))]


async def plan_head_note(plan: Plan) -> list[Planned | None]:
    if not plan.calendar.is_working_day(plan.day):
        return []
    missing = await _missing(plan)
    if not missing:
        return []
    items = []
    for head in await heads_of(plan.session, plan.team.id):
        if not head.notify_head_notes:
            continue
        texts = plan.texts(head.locale)
        items.append(plan.private_post(HEAD_NOTE, plan.day, head, lazy(_head_note_text(texts, plan.day, missing))))
    return items


def _head_note_text(texts: Texts, day: date, missing: list[Member]) -> Callable[[], str]:
    def build() -> str:
        names = texts.join(member.display_name for member in missing)
        return texts("head-missing-note", date=texts.day(day), names=names)

    return build


def is_last_working_day_of_week(calendar: WorkingCalendar, day: date) -> bool:
    sunday = day + timedelta(days=6 - day.weekday())
    return calendar.is_working_day(day) and not calendar.working_days(day + timedelta(days=1), sunday)


async def plan_board(plan: Plan) -> list[Planned | None]:
    """Plan the daily board on working days, the weekly standings, and the results of ended contests.

    Contest results go out on any day, a day off included, because a contest may end on one.
    """
    items = await plan_contest_results(plan)
    if not plan.calendar.is_working_day(plan.day):
        logger.info("Team %s: %s is a day off, no board post", plan.team.id, plan.day)
        return items
    months = plan.app.settings.newcomer_months
    month = await load_team_month(plan.session, plan.team, plan.day)
    texts = plan.texts()
    running = await contests.team_running_contests(plan.session, plan.team, plan.day, months)
    contests_text = render_board_contests(texts, running, months)
    items.insert(0, plan.group_post(BOARD, plan.day, _board_render(texts, month, contests_text)))
    if is_last_working_day_of_week(plan.calendar, plan.day):
        hired = await _hire_dates(plan.session, plan.team.id)
        week_start = plan.day - timedelta(days=plan.day.weekday())
        weekly = render_weekly(texts, month, hired, week_start, months)
        items.insert(1, plan.group_post(WEEKLY, plan.day, static(weekly)))
    items.extend(await plan_digests(plan, month))
    return items


async def plan_digests(plan: Plan, month: TeamMonth) -> list[Planned | None]:
    """Plan each manager's private evening note: pay at the current pace and what is still needed.

    Managers away today and those who switched the note off in /settings get none.
    """
    away = await absences.absent_on(plan.session, plan.team.id, plan.day)
    members = {member.id: member for member in await repo.members_of(plan.session, plan.team.id)}
    items: list[Planned | None] = []
    for view in month.managers:
        member = members.get(view.member_id)
        if member is None or member.id in away or not member.notify_daily:
            continue
        text = render_digest(plan.texts(member.locale), month, view, goals(month, view), plan.day)
        items.append(plan.private_post(DIGEST, plan.day, member, static(text)))
    return items


async def plan_contest_results(plan: Plan) -> list[Planned | None]:
    """Plan the results post of each contest that ended by the run's date, and a note to each winner.

    Both are keyed by the contest and its last day, so the results go out once even though every
    board run for a week afterwards plans them again.
    """
    months = plan.app.settings.newcomer_months
    results = await contests.ended_contests(plan.session, plan.team, plan.day, months)
    if not results:
        return []
    members = {member.id: member for member in await repo.members_of(plan.session, plan.team.id)}
    texts = plan.texts()
    items: list[Planned | None] = []
    for result in results:
        contest = result.standings.contest
        kind = f"{CONTEST_RESULTS}:{contest.id}"
        items.append(plan.group_post(kind, contest.end, static(render_results(texts, result, months))))
        for winner in result.winners:
            member = members.get(winner.member_id)
            if member is None or not member.notify_contests:
                continue
            note = render_winner_note(plan.texts(member.locale), result, winner)
            items.append(plan.private_post(kind, contest.end, member, static(note)))
    return items


def _board_render(texts: Texts, month: TeamMonth, contests_text: str = "") -> Render:
    async def render() -> Sequence[Part]:
        text = render_board(texts, month)
        if contests_text:
            text += "\n\n" + contests_text
        parts: list[Part] = list(text_parts(text))
        try:
            image = await asyncio.to_thread(render_board_chart, board_chart_data(texts, month))
        except Exception:
            # The numbers matter more than the picture: the text still goes out.
            logger.exception("Team %s: the board chart for %s failed to render", month.team_id, month.today)
            return parts
        caption = texts("board-chart-caption", date=texts.day(month.today))
        parts.append(PhotoPart(image, f"board-{month.today.isoformat()}.png", caption))
        return parts

    return render


async def _hire_dates(session: AsyncSession, team_id: int) -> dict[int, date | None]:
    rows = await session.execute(select(Member.id, Member.hire_date).where(Member.team_id == team_id))
    return {member_id: hired for member_id, hired in rows}


def render_weekly(
    texts: Texts, month: TeamMonth, hired: dict[int, date | None], week_start: date, newcomer_months: int
) -> str:
    lines = [texts("weekly-header", first=texts.day(week_start), last=texts.day(month.today))]
    departments = awards.department_standings(month)
    if len(departments) > 1:
        lines += ["", texts("weekly-departments")]
        for rank, standing in enumerate(departments, start=1):
            lines.append(texts(
                "weekly-department-line", rank=rank, department=standing.name, percent=texts.percent(standing.ratio),
                revenue=texts.money(standing.revenue, kopecks=False), plan=texts.money(standing.plan, kopecks=False),
            ))
    names = {"newcomers": texts("weekly-newcomers"), "veterans": texts("weekly-veterans")}
    brackets = awards.bracket_standings(month, hired, newcomer_months, names)
    if len(brackets) > 1:
        lines += ["", texts("weekly-brackets", months=newcomer_months)]
        for standing in brackets:
            lines.append(texts(
                "weekly-bracket-line", bracket=standing.name, percent=texts.percent(standing.ratio),
                revenue=texts.money(standing.revenue, kopecks=False), count=standing.managers,
            ))
        leader = max(brackets, key=lambda standing: standing.ratio or 0)
        if leader.ratio is not None:
            lines.append(texts("weekly-leader", name=leader.name))
    if len(departments) <= 1 and len(brackets) <= 1:
        lines += ["", *_weekly_fallback(texts, month)]
    return "\n".join(lines)


def _weekly_fallback(texts: Texts, month: TeamMonth) -> list[str]:
    """Return the leaderboard lines, the only contest when there is one department and one bracket."""
    ranked = [standing for standing in month.standings if standing.entry.attainment is not None]
    if not ranked:
        return [texts("weekly-empty")]
    return standings_lines(texts, month)


async def plan_month_close(plan: Plan) -> list[Planned | None]:
    closed = Month.of(plan.day)
    months = [
        await load_team_month(plan.session, plan.team, month.last_day)
        for month in (closed.previous().previous(), closed.previous(), closed)
    ]
    month = months[-1]
    hired = await _hire_dates(plan.session, plan.team.id)
    heads = await heads_of(plan.session, plan.team.id)
    items: list[Planned | None] = []

    for head in heads:
        texts = plan.texts(head.locale)
        month_name = texts.month_name(closed.year, closed.month)
        text = texts("month-close-payroll", month=month_name) + "\n\n" + render_payroll(texts, month.payroll, month.today, scheme=month.scheme)
        items.append(plan.private_post(PAYROLL_DRAFT, plan.day, head, static(text)))

    month_awards = awards.month_awards(month, hired, plan.app.settings.newcomer_months)
    texts = plan.texts()
    items.append(plan.group_post(AWARDS, plan.day, _awards_render(texts, month, month_awards)))
    members = {member.id: member for member in await repo.members_of(plan.session, plan.team.id)}
    for award in month_awards:
        winner = members.get(award.member_id) if award.member_id is not None else None
        if winner is not None and winner.notify_awards:
            items.append(plan.private_post(
                f"{CERTIFICATE}:{award.code}", plan.day, winner,
                _certificate_render(plan.texts(winner.locale), month, award, private=True),
            ))

    streaks = awards.below_plan_streaks(months)
    if streaks:
        for head in heads:
            texts = plan.texts(head.locale)
            lines = [texts("streak-header")]
            for streak in streaks:
                percents = ", ".join(texts.percent(ratio) for ratio in streak.ratios)
                lines.append(texts("streak-line", name=streak.name, months=len(streak.ratios), percents=percents))
            items.append(plan.private_post(STREAKS, plan.day, head, static("\n".join(lines))))
    return items


def _awards_text(texts: Texts, month: TeamMonth, month_awards: list[awards.Award]) -> str:
    lines = [texts("awards-header", month=texts.month_name(month.month.year, month.month.month))]
    keys = {"manager": "award-manager-line", "newcomer": "award-newcomer-line", "department": "award-department-line"}
    for award in month_awards:
        lines.append(texts(keys[award.code], name=award.name, department=award.name, percent=texts.percent(award.ratio)))
    if not month_awards:
        lines.append(texts("awards-none"))
    return "\n".join(lines)


def _awards_render(texts: Texts, month: TeamMonth, month_awards: list[awards.Award]) -> Render:
    async def render() -> Sequence[Part]:
        parts: list[Part] = list(text_parts(_awards_text(texts, month, month_awards)))
        best = next((award for award in month_awards if award.code == "manager"), None)
        if best is not None:
            parts += await _certificate_render(texts, month, best, private=False)()
        return parts

    return render


def _certificate_render(texts: Texts, month: TeamMonth, award: awards.Award, *, private: bool) -> Render:
    async def render() -> Sequence[Part]:
        title = html.unescape(texts(f"certificate-award-{award.code}"))
        certificate = Certificate(
            heading=html.unescape(texts("certificate-heading")),
            award=title,
            name=award.name,
            reason=html.unescape(texts("certificate-reason", percent=texts.percent(award.ratio))),
            team=month.team_name,
            period=texts.month_name(month.month.year, month.month.month),
            footer=html.unescape(texts("certificate-footer")),
        )
        try:
            image = await asyncio.to_thread(render_certificate, certificate)
        except Exception:
            logger.exception("Team %s: the certificate for member %s failed to render", month.team_id, award.member_id)
            return [] if not private else [TextPart(texts("certificate-caption", award=title, name=award.name))]
        month_name = texts.month_name(month.month.year, month.month.month)
        caption = (
            texts("certificate-private", award=title, month=month_name)
            if private
            else texts("certificate-caption", award=title, name=award.name)
        )
        return [PhotoPart(image, f"certificate-{month.month}-{award.code}.png", caption)]

    return render


def head_note_time(team: Team, delay: timedelta) -> time:
    """Return the deadline plus `delay`, kept within the same day so it covers the same date."""
    moment = datetime.combine(date(2000, 1, 1), team.report_deadline) + delay
    if moment.date() != date(2000, 1, 1):
        return time(23, 59)
    return moment.time()
