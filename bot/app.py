"""Composition root: settings, logging, engine, Bot, Dispatcher, i18n and scheduler, in that order."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.clock import Clock
from bot.config import Settings
from bot.context import AppContext
from bot.db.engine import create_engine, create_sessionmaker
from bot.db.fsm import SqlStorage
from bot.db.migrate import upgrade
from bot.delivery import Timer
from bot.handlers import build_router
from bot.middlewares.access import AccessMiddleware
from bot.middlewares.context import MemberLocaleManager, SessionMiddleware
from bot.middlewares.texts import TextsMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.render.texts import SUPPORTED_LOCALES, Texts
from bot.scheduler.jobs import TeamScheduler

logger = logging.getLogger(__name__)

LOCALES_PATH = Path(__file__).parent / "locales" / "{locale}"

PRIVATE_COMMANDS = (
    "report", "me", "need", "whatif", "disputes", "top", "contest", "vacation", "payroll", "close", "adjust", "team",
    "plan", "metrics", "salary", "deduct", "score", "hired", "invite", "revoke", "role", "transfer", "deactivate",
    "calendar",
    "times", "rules", "settings", "language", "help",
)
GROUP_COMMANDS = ("report", "me", "top", "rules", "contest", "setup", "topic", "help")


@dataclass(slots=True)
class Application:
    app: AppContext
    dispatcher: Dispatcher
    scheduler: TeamScheduler
    engine: AsyncEngine


def create_bot(settings: Settings) -> Bot:
    if settings.bot_token is None:
        raise ValueError("BOT_TOKEN is not set")
    session = None
    if settings.telegram_api_url:
        session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True),
    )


def create_text_core(default_locale: str) -> FluentRuntimeCore:
    return FluentRuntimeCore(path=LOCALES_PATH, default_locale=default_locale)


async def build_application(settings: Settings, bot: Bot, clock: Clock, timer: Timer | None = None) -> Application:
    """Migrate the database and wire every part; nothing is started yet.

    `timer` paces and backs off outgoing messages; the sandbox passes a virtual one.
    """
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    core = create_text_core(settings.default_locale)
    app = AppContext(settings=settings, sessionmaker=create_sessionmaker(engine), bot=bot, text_core=core, clock=clock)
    scheduler = TeamScheduler(app, timer=timer)

    dispatcher = Dispatcher(storage=create_fsm_storage(settings, app), scheduler=scheduler)
    dispatcher.update.outer_middleware(SessionMiddleware(app))
    I18nMiddleware(
        core=core, manager=MemberLocaleManager(default_locale=settings.default_locale),
        default_locale=settings.default_locale,
    ).setup(dispatcher)
    dispatcher.update.outer_middleware(TextsMiddleware())
    if settings.flood_burst > 0:
        throttling = ThrottlingMiddleware(rate=settings.flood_rate, burst=settings.flood_burst)
        dispatcher.message.outer_middleware(throttling)
        dispatcher.callback_query.outer_middleware(throttling)
    access = AccessMiddleware()
    dispatcher.message.middleware(access)
    dispatcher.edited_message.middleware(access)
    dispatcher.include_router(build_router())
    dispatcher.startup.register(_on_startup)
    dispatcher.shutdown.register(_on_shutdown)
    return Application(app=app, dispatcher=dispatcher, scheduler=scheduler, engine=engine)


def create_fsm_storage(settings: Settings, app: AppContext) -> BaseStorage:
    """Form state in Redis when FSM_REDIS_URL is set (several bot processes), else in the database."""
    if settings.fsm_redis_url:
        from aiogram.fsm.storage.redis import DefaultKeyBuilder, RedisStorage

        return RedisStorage.from_url(
            settings.fsm_redis_url, key_builder=DefaultKeyBuilder(with_bot_id=True, with_destiny=True)
        )
    return SqlStorage(app.sessionmaker, app.clock)


async def _on_startup(bot: Bot, scheduler: TeamScheduler, **_: Any) -> None:
    await set_commands(bot, scheduler.app)
    # Starts the triggers, then sends what was missed while no process ran.
    await scheduler.start()


async def _on_shutdown(scheduler: TeamScheduler, **_: Any) -> None:
    await scheduler.stop()


async def set_commands(bot: Bot, app: AppContext) -> None:
    """Publish the command menu in Russian (the default) and English."""
    for locale in SUPPORTED_LOCALES:
        texts: Texts = app.texts(locale)
        language = None if locale == app.settings.default_locale else locale
        for scope, names in (
            (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
            (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
        ):
            commands = [BotCommand(command=name, description=texts(f"cmd-{name}")) for name in names]
            await bot.set_my_commands(commands, scope=scope, language_code=language)
    logger.info("Command menu published")


async def run_polling(settings: Settings, clock: Clock) -> None:
    bot = create_bot(settings)
    application = await build_application(settings, bot, clock)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await application.dispatcher.start_polling(
            bot,
            polling_timeout=settings.polling_timeout,
            allowed_updates=application.dispatcher.resolve_used_update_types(),
        )
    finally:
        await bot.session.close()
        await application.engine.dispose()
        logger.info("Bot stopped")
