"""A local Telegram Bot API emulator for the demo and end-to-end tests.

Telegram is not reachable from development and CI machines, so the bot runs
against this emulator. ``BotAPIEmulator`` serves the Bot API on 127.0.0.1 and
plays users and chats. ``EmulatorClient`` drives an emulator in another process.
"""

from .client import EmulatorClient, EmulatorControlError
from .errors import BotAPIError
from .server import BotAPIEmulator

__all__ = ["BotAPIEmulator", "BotAPIError", "EmulatorClient", "EmulatorControlError"]
