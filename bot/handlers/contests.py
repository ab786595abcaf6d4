"""/contest: filled in by the next commit."""

from aiogram import Router


def create_router() -> Router:
    return Router(name=__name__)
