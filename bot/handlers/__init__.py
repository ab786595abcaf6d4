"""Routers in the order they are tried; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import common, errors, head, reports, standings, teams


def build_router() -> Router:
    root = Router(name="root")
    root.include_routers(
        errors.router,
        teams.router,
        reports.router,
        standings.router,
        head.router,
        common.router,
    )
    return root
