"""The `salesboard` command: run the bot, play the demo, start a local Bot API emulator, or compute payroll from a workbook."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from pydantic import ValidationError

from bot.calc.command import add_calc_parser, add_template_parser, run_calc, run_template
from bot.clock import SystemClock
from bot.config import load_settings

logger = logging.getLogger(__name__)

NO_TOKEN_MESSAGE = """\
Не задан BOT_TOKEN — токен бота Telegram.
Как получить: напишите @BotFather в Telegram, отправьте /newbot, придумайте имя и адрес бота,
и BotFather пришлёт токен вида 123456789:AA… Запишите его в файл .env строкой BOT_TOKEN=…
(образец — .env.example) или в переменную окружения BOT_TOKEN.
Посмотреть бота без токена можно так: make demo (или .venv/bin/salesboard demo)

BOT_TOKEN is not set: the bot's Telegram token.
To get one, message @BotFather in Telegram, send /newbot, choose a name and a username, and
BotFather replies with a token like 123456789:AA… Put it in .env as BOT_TOKEN=… (see
.env.example) or in the BOT_TOKEN environment variable.
To see the bot without a token, run: make demo (or .venv/bin/salesboard demo)
"""


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # aiohttp's access log and APScheduler's per-run lines add nothing at INFO.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="salesboard", description="Salesboard: a Telegram bot for sales teams")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="run the bot with long polling (needs BOT_TOKEN)")
    commands.add_parser("demo", help="play a sample team's week against the built-in emulator")
    commands.add_parser(
        "emulator", help="start a local Bot API emulator for manual testing (options: --token, --username, --name)"
    )
    add_calc_parser(commands)
    add_template_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "emulator":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    # calc and template work on files alone, so they need no settings, database or token.
    if args.command == "calc":
        return run_calc(args)
    if args.command == "template":
        return run_template(args)
    try:
        settings = load_settings()
    except ValidationError as error:
        print(f"Invalid settings / Ошибка в настройках:\n{error}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)

    if args.command == "run":
        return _run(settings)
    if args.command == "demo":
        from bot.demo import run_demo

        return asyncio.run(run_demo())
    if args.command == "emulator":
        from bot.emulator.__main__ import main as emulator_main

        return emulator_main(extra)
    return 2


def _run(settings) -> int:  # type: ignore[no-untyped-def]
    if settings.bot_token is None or not settings.bot_token.get_secret_value().strip():
        print(NO_TOKEN_MESSAGE, file=sys.stderr)
        return 2
    from aiogram.utils.token import TokenValidationError

    from bot.app import run_polling

    logger.info("Starting the bot")
    try:
        asyncio.run(run_polling(settings, SystemClock()))
    except TokenValidationError:
        print("BOT_TOKEN has the wrong format / BOT_TOKEN указан в неверном формате (123456789:AA…)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
