"""Disputes over payslip lines: the "Оспорить" buttons under /me, the head's answer, and /disputes.

Both typed steps, the manager's reason and the head's answer, keep what they refer to in the
FSM state. The reason is checked against the payslip again when it arrives, because the line
may have changed since the button was pressed.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.context import AppContext
from bot.db.models import DisputeStatus, Member, Role
from bot.handlers.replies import answer_long
from bot.keyboards.disputes import CANCEL_DATA, DisputeAnswer, DisputeLine, answer_keyboard, cancel_keyboard
from bot.middlewares.access import Access
from bot.render.disputes import (
    month_label, render_answered_notice, render_head_notice, render_member_disputes, render_outcome,
    render_team_disputes, status_label,
)
from bot.render.texts import Markup, Texts
from bot.render.views import pay_line
from bot.services import disputes
from bot.services.errors import UserError

logger = logging.getLogger(__name__)


class DisputeForm(StatesGroup):
    reason = State()
    answer = State()


async def press_line(
    callback: CallbackQuery, callback_data: DisputeLine, state: FSMContext, session: AsyncSession,
    member: Member | None, clock: Clock, texts: Texts,
) -> None:
    """"Оспорить: …" under /me: ask the manager for the reason."""
    if member is None:
        await callback.answer(texts("error-not-member"), show_alert=True)
        return
    found = await disputes.find_line(
        session, member, clock.now(), callback_data.month, callback_data.index, callback_data.kind
    )
    await state.set_state(DisputeForm.reason)
    await state.set_data({"month": callback_data.month, "index": callback_data.index, "kind": callback_data.kind})
    await callback.answer()
    if isinstance(callback.message, Message):
        text = texts(
            "dispute-ask-reason", month=month_label(texts, found.month), line=Markup(pay_line(texts, found.line))
        )
        await callback.message.answer(text, reply_markup=cancel_keyboard(texts))


async def typed_reason(
    message: Message, state: FSMContext, bot: Bot, session: AsyncSession, app: AppContext, member: Member | None,
    clock: Clock, texts: Texts,
) -> None:
    """The manager's reason: store the dispute and send it to the head with the answer buttons."""
    if member is None:
        await state.clear()
        raise UserError("error-not-member")
    data = await state.get_data()
    try:
        found = await disputes.find_line(session, member, clock.now(), data["month"], data["index"], data["kind"])
    except UserError:
        await state.clear()
        raise
    opened = await disputes.open_dispute(
        session, member, found, pay_line(texts, found.line), message.text or "", clock.now()
    )
    await state.clear()
    sent_key = "dispute-sent-department" if opened.department_heads else "dispute-sent"
    await message.answer(texts(sent_key, number=opened.dispute.id))
    for head in opened.heads:
        head_texts = app.texts(head.locale, texts.currency)
        text = render_head_notice(head_texts, opened.dispute, pay_line(head_texts, found.line))
        try:
            await bot.send_message(head.telegram_user_id, text, reply_markup=answer_keyboard(head_texts, opened.dispute.id))
        except TelegramAPIError as error:
            logger.warning("Dispute %s not delivered to head %s: %s", opened.dispute.id, head.member_id, error)


async def press_answer(
    callback: CallbackQuery, callback_data: DisputeAnswer, state: FSMContext, session: AsyncSession,
    member: Member | None, texts: Texts,
) -> None:
    """"Ответить и закрыть" or "Исправлено": ask the head for the answer the manager will read."""
    if member is None:
        await callback.answer(texts("error-not-member"), show_alert=True)
        return
    dispute = await disputes.open_for_answer(session, member, callback_data.dispute_id)
    await state.set_state(DisputeForm.answer)
    await state.set_data({"dispute_id": dispute.id, "status": str(callback_data.status)})
    await callback.answer()
    if isinstance(callback.message, Message):
        text = texts(
            "dispute-ask-answer", number=dispute.id, name=dispute.manager_name,
            status=status_label(texts, callback_data.status),
        )
        await callback.message.answer(text, reply_markup=cancel_keyboard(texts))


async def typed_answer(
    message: Message, state: FSMContext, bot: Bot, session: AsyncSession, app: AppContext, member: Member | None,
    clock: Clock, texts: Texts,
) -> None:
    """Store the reply, close the dispute, send the manager the outcome and tell the other heads."""
    if member is None:
        await state.clear()
        raise UserError("error-not-member")
    data = await state.get_data()
    status = DisputeStatus(data["status"])
    try:
        closed = await disputes.close_dispute(session, member, data["dispute_id"], status, message.text or "", clock.now())
    except UserError as error:
        # A too long or empty answer can be typed again; anything else ends the step.
        if error.key not in ("dispute-error-too-long", "dispute-error-text-only"):
            await state.clear()
        raise
    await state.clear()
    dispute = closed.dispute
    await message.answer(texts("dispute-answer-sent", number=dispute.id, status=status_label(texts, status)))
    manager_texts = app.texts(dispute.manager.locale, texts.currency)
    try:
        await bot.send_message(dispute.manager.telegram_user_id, render_outcome(manager_texts, dispute))
    except TelegramAPIError as error:
        logger.warning("Dispute %s outcome not delivered to member %s: %s", dispute.id, dispute.manager.member_id, error)
    for other in closed.others:
        other_texts = app.texts(other.locale)
        try:
            await bot.send_message(other.telegram_user_id, render_answered_notice(other_texts, closed))
        except TelegramAPIError as error:
            logger.warning("Dispute %s: closing not delivered to member %s: %s", dispute.id, other.member_id, error)


async def not_text(message: Message, texts: Texts) -> None:
    """Ask for text when a sticker or photo arrives while a reason or a reply is expected."""
    await message.answer(texts("dispute-error-text-only"))


async def cancel(callback: CallbackQuery, state: FSMContext, texts: Texts) -> None:
    if await state.get_state() not in (DisputeForm.reason.state, DisputeForm.answer.state):
        await callback.answer(texts("dispute-expired-alert"))
        return
    await state.clear()
    await callback.answer()
    if isinstance(callback.message, Message):
        await callback.message.edit_text(texts("dispute-cancelled"))


async def list_disputes(message: Message, session: AsyncSession, member: Member, texts: Texts) -> None:
    """`/disputes`: open disputes for a head (a department head: of the department), one's own for a manager."""
    if member.role in (Role.HEAD, Role.DEPARTMENT_HEAD):
        open_disputes = await disputes.team_open_disputes(session, member)
        await answer_long(message, render_team_disputes(texts, open_disputes))
        # One message per dispute carries its answer buttons, so a long list needs no numbers typed.
        for dispute in open_disputes:
            await message.answer(
                texts("disputes-answer-prompt", number=dispute.id, name=dispute.manager_name),
                reply_markup=answer_keyboard(texts, dispute.id),
            )
        return
    await answer_long(message, render_member_disputes(texts, await disputes.member_disputes(session, member)))


def create_router() -> Router:
    router = Router(name=__name__)
    access = Access(
        roles=frozenset({Role.HEAD, Role.DEPARTMENT_HEAD, Role.MANAGER}),
        private_key="disputes-error-private-only",
        denied_key="disputes-error-role",
    )
    router.message.register(list_disputes, Command("disputes"), flags={"access": access})
    router.callback_query.register(press_line, DisputeLine.filter())
    router.callback_query.register(press_answer, DisputeAnswer.filter())
    router.callback_query.register(cancel, F.data == CANCEL_DATA)

    private = F.chat.type == "private"
    typed = F.text & ~F.text.startswith("/")
    router.message.register(typed_reason, StateFilter(DisputeForm.reason), private, typed)
    router.message.register(typed_answer, StateFilter(DisputeForm.answer), private, typed)
    router.message.register(not_text, StateFilter(DisputeForm.reason, DisputeForm.answer), private, ~F.text)
    return router
