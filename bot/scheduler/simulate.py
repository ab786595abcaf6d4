"""Fire scheduled jobs on a manual clock, for the demo and tests: real triggers, no waiting."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from apscheduler.schedulers.base import BaseScheduler

from bot.clock import ManualClock

logger = logging.getLogger(__name__)


async def advance(
    scheduler: BaseScheduler,
    clock: ManualClock,
    until: datetime,
    after_job: Callable[[datetime], None] | None = None,
) -> list[str]:
    """Move `clock` to `until`, running every job whose trigger fires on the way, in time order.

    Each job runs with the clock set to its fire time, exactly as if the scheduler had woken it,
    and `after_job(fire_time)` is called when it returns. Returns the ids of the jobs run.
    """
    fired: list[str] = []
    last_fire: dict[str, datetime] = {}
    while True:
        now = clock.now()
        due: list[tuple[datetime, str]] = []
        for job in scheduler.get_jobs():
            fire_at = job.trigger.get_next_fire_time(last_fire.get(job.id), now)
            if fire_at is not None and fire_at <= until and fire_at != last_fire.get(job.id):
                due.append((fire_at, job.id))
        if not due:
            break
        fire_at, job_id = min(due)
        job = scheduler.get_job(job_id)
        assert job is not None
        clock.set(fire_at)
        logger.debug("Simulated run of %s at %s", job_id, fire_at)
        await job.func(*job.args, **job.kwargs)
        last_fire[job_id] = fire_at
        fired.append(job_id)
        if after_job is not None:
            after_job(fire_at)
    clock.set(until)
    return fired
