"""Texts about an adjustment: the reply to the head and the notice to the manager."""

from __future__ import annotations

from decimal import Decimal

from bot.render.texts import Texts
from bot.render.views import metric_value
from bot.services.adjustments import RecordedAdjustment


def signed_value(texts: Texts, metric: str, delta: Decimal) -> str:
    """Format a change with its sign: "+1", "-50 000 ₽"."""
    value = metric_value(texts, metric, delta)
    return f"+{value}" if delta > 0 else value


def render_adjust_done(texts: Texts, recorded: RecordedAdjustment) -> str:
    month = recorded.closed_month
    paid_in = recorded.paid_in
    return texts(
        "adjust-done",
        name=recorded.manager.display_name,
        metric=texts.in_sentence(texts(f"metric-{recorded.metric}")),
        month=texts.month_name(month.year, month.month),
        change=signed_value(texts, recorded.metric, recorded.delta),
        attainment_before=texts.percent(recorded.attainment_before),
        attainment_after=texts.percent(recorded.attainment_after),
        before=texts.money(recorded.pay_before),
        after=texts.money(recorded.pay_after),
        difference=_signed_money(texts, recorded.amount),
        paid_in=texts.month_name(paid_in.year, paid_in.month),
    )


def render_adjust_notice(texts: Texts, recorded: RecordedAdjustment) -> str:
    """Write the manager's notice in the manager's language."""
    month = recorded.closed_month
    paid_in = recorded.paid_in
    if recorded.amount < 0:
        direction = "down"
    elif recorded.amount > 0:
        direction = "up"
    else:
        direction = "none"
    return texts(
        "adjust-notice",
        metric=texts.in_sentence(texts(f"metric-{recorded.metric}")),
        month=texts.month_name(month.year, month.month),
        change=signed_value(texts, recorded.metric, recorded.delta),
        before=texts.money(recorded.pay_before),
        after=texts.money(recorded.pay_after),
        difference=_signed_money(texts, recorded.amount),
        paid_in=texts.month_name(paid_in.year, paid_in.month),
        reason=recorded.reason or texts("reason-none"),
        direction=direction,
    )


def _signed_money(texts: Texts, amount: Decimal) -> str:
    value = texts.money(amount)
    return f"+{value}" if amount > 0 else value
