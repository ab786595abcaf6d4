"""Run a standalone Bot API emulator until Ctrl+C: ``python -m bot.emulator``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

from .server import BotAPIEmulator


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.emulator",
        description="Run a local Telegram Bot API emulator on 127.0.0.1 and print its URL and token.",
    )
    parser.add_argument("--token", default="123456:TEST", help='bot token to accept (default: "123456:TEST")')
    parser.add_argument("--username", default="salesboard_bot", help="bot username (default: salesboard_bot)")
    parser.add_argument("--name", default="Salesboard", help="bot display name (default: Salesboard)")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    stopped = asyncio.Event()
    # SIGTERM ends the emulator as cleanly as Ctrl+C, so `stop` runs and logs; it is set up before
    # the URL is printed, because a caller may stop the emulator as soon as it reads the URL.
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopped.set)
    async with BotAPIEmulator(args.token, args.username, args.name) as emulator:
        print(f"TELEGRAM_API_URL={emulator.base_url}", flush=True)
        print(f"BOT_TOKEN={emulator.token}", flush=True)
        print(f"Control API: {emulator.base_url}/control/ (see bot/emulator/control_http.py)", flush=True)
        await stopped.wait()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parse_args(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
