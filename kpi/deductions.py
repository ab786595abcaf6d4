"""Refund adjustments (корректировки) and deductions (депремирование).

Both reduce only the variable part of pay: never the salary and never below
zero, because Russian labour law does not allow fines from wages. What could
not be taken stays visible on the line as ``requested`` + ``amount``.
Refunds are taken first, then recomputed adjustments, each in the order
given, then deductions. A positive adjustment (a late payment) is paid in
full and leaves more variable pay for what follows.
"""

from decimal import Decimal
from fractions import Fraction

from kpi.money import round_kopecks
from kpi.payslip import ZERO_AMOUNT, LineKind, ManagerMonth, PayLine
from kpi.period import Month
from kpi.scheme import Scheme


def correction_lines(manager: ManagerMonth, scheme: Scheme, month: Month, variable: Decimal) -> tuple[PayLine, ...]:
    """Return the adjustment and deduction lines, each taking what ``variable`` pay has left.

    Raises ValueError for a refund or adjustment recorded outside ``month`` or
    for a month that is not closed yet (not before ``month``), for a deduction
    dated outside ``month``, and for a deduction code the scheme does not
    publish.
    """
    remaining = max(variable, ZERO_AMOUNT)
    lines: list[PayLine] = []

    for refund in manager.refunds:
        if not month.contains(refund.recorded_on):
            raise ValueError(
                f"member {manager.member_id}: refund recorded on {refund.recorded_on} is outside {month}"
            )
        if not refund.deal_month < month:
            raise ValueError(
                f"member {manager.member_id}: refund for {refund.deal_month} is not for a closed month "
                f"before {month}; lower that month's figures instead"
            )
        requested = round_kopecks(Fraction(refund.amount) * Fraction(refund.rate))
        taken = min(requested, remaining)
        remaining -= taken
        lines.append(
            PayLine(
                LineKind.ADJUSTMENT,
                ZERO_AMOUNT - taken,
                base=refund.amount,
                rate=refund.rate,
                rule="refund",
                requested=requested,
                deal_month=refund.deal_month,
                recorded_on=refund.recorded_on,
                note=refund.note or None,
            )
        )

    for adjustment in manager.adjustments:
        if not month.contains(adjustment.recorded_on):
            raise ValueError(
                f"member {manager.member_id}: adjustment recorded on {adjustment.recorded_on} is outside {month}"
            )
        if not adjustment.closed_month < month:
            raise ValueError(
                f"member {manager.member_id}: adjustment for {adjustment.closed_month} is not for a closed month "
                f"before {month}"
            )
        requested = None
        amount = adjustment.amount
        if amount < 0:
            requested = -amount
            amount = ZERO_AMOUNT - min(requested, remaining)
        remaining += amount
        lines.append(
            PayLine(
                LineKind.ADJUSTMENT,
                amount,
                base=adjustment.change.delta,
                rule=f"adjustment.{adjustment.change.metric}",
                metric=adjustment.change.metric,
                requested=requested,
                deal_month=adjustment.closed_month,
                recorded_on=adjustment.recorded_on,
                pay_before=adjustment.pay_before,
                pay_after=adjustment.pay_after,
                attainment_before=adjustment.attainment_before,
                attainment=adjustment.attainment_after,
                note=adjustment.note or None,
            )
        )

    for deduction in manager.deductions:
        try:
            rule = scheme.deduction(deduction.code)
        except KeyError as error:
            raise ValueError(f"member {manager.member_id}: {error.args[0]}") from None
        if deduction.recorded_on is not None and not month.contains(deduction.recorded_on):
            raise ValueError(
                f"member {manager.member_id}: deduction {rule.code} dated {deduction.recorded_on} is outside {month}"
            )
        requested = round_kopecks(rule.amount)
        taken = min(requested, remaining)
        remaining -= taken
        lines.append(
            PayLine(
                LineKind.DEDUCTION,
                ZERO_AMOUNT - taken,
                rule=f"deduction.{rule.code}",
                code=rule.code,
                title=rule.title,
                requested=requested,
                recorded_on=deduction.recorded_on,
                note=deduction.note or None,
            )
        )
    return tuple(lines)
