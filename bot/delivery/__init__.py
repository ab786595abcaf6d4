"""Outgoing messages: split to Telegram's limits, paced under its flood limits, retried with care."""

from bot.delivery.pacing import Pacer, RateLimit, RealTimer, Timer, VirtualTimer
from bot.delivery.sender import (
    ChatUnavailable,
    DeliveryError,
    DeliveryFailed,
    DeliveryRejected,
    DeliveryUncertain,
    Journal,
    Part,
    PhotoPart,
    Sender,
    TextPart,
    text_parts,
)
from bot.delivery.split import CAPTION_LIMIT, TEXT_LIMIT, split_html, strip_html

__all__ = [
    "CAPTION_LIMIT",
    "ChatUnavailable",
    "DeliveryError",
    "DeliveryFailed",
    "DeliveryRejected",
    "DeliveryUncertain",
    "Journal",
    "Pacer",
    "Part",
    "PhotoPart",
    "RateLimit",
    "RealTimer",
    "Sender",
    "TEXT_LIMIT",
    "TextPart",
    "Timer",
    "VirtualTimer",
    "split_html",
    "strip_html",
    "text_parts",
]
