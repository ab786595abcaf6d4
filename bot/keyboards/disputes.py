"""Inline buttons of disputes: one per payslip line under /me, and the head's two answers."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.db.models import DisputeStatus
from bot.render.texts import Texts
from kpi.payroll import Payslip

# The cancel button of both typed steps: the manager's reason and the head's answer.
CANCEL_DATA = "dispute-cancel"


class DisputeLine(CallbackData, prefix="dl"):
    """"Dispute this line": packed as "dl:2026-11:0:salary", well under Telegram's 64 bytes.

    The month and the line's kind let a press on an old /me be told from the current payslip.
    """

    month: str
    index: int
    kind: str


class DisputeAnswer(CallbackData, prefix="da"):
    """The head's "answer and close" (resolved) or "corrected" for one dispute."""

    dispute_id: int
    status: DisputeStatus


def payslip_keyboard(texts: Texts, payslip: Payslip) -> InlineKeyboardMarkup | None:
    rows = [
        [
            InlineKeyboardButton(
                text=texts("dispute-button", title=texts(f"dispute-line-{line.kind}")),
                callback_data=DisputeLine(month=str(payslip.month), index=index, kind=str(line.kind)).pack(),
            )
        ]
        for index, line in enumerate(payslip.lines)
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


def answer_keyboard(texts: Texts, dispute_id: int) -> InlineKeyboardMarkup:
    resolve = DisputeAnswer(dispute_id=dispute_id, status=DisputeStatus.RESOLVED)
    correct = DisputeAnswer(dispute_id=dispute_id, status=DisputeStatus.CORRECTED)
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(text=texts("dispute-button-resolve"), callback_data=resolve.pack()),
                InlineKeyboardButton(text=texts("dispute-button-correct"), callback_data=correct.pack()),
            ]
        ]
    )


def cancel_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=texts("dispute-button-cancel"), callback_data=CANCEL_DATA)
    return InlineKeyboardMarkup(inline_keyboard=[[button]])
