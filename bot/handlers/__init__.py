"""Routers in the order they are tried; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    adjustments,
    assessments,
    common,
    contests,
    disputes,
    errors,
    form,
    head,
    metrics,
    reports,
    rules,
    schedule,
    settings,
    standings,
    team_setup,
    teams,
)


def build_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.create_router(),
        # Before teams: it takes /setup in the private chat and the /start setup deep link.
        team_setup.create_router(),
        teams.create_router(),
        reports.create_router(),
        standings.create_router(),
        head.create_router(),
        metrics.create_router(),
        rules.create_router(),
        assessments.create_router(),
        adjustments.create_router(),
        disputes.create_router(),
        contests.create_router(),
        schedule.create_router(),
        settings.create_router(),
        form.create_router(),
        common.create_router(),
    )
    return root
