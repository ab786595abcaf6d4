## /adjust: late changes to a closed month

cmd-adjust = Adjust a closed month: /adjust 12 2026-10 revenue -50 000 (head)
adjust-usage = Name the manager, the closed month, the metric, the change with its sign and the reason: <code>/adjust 12 2026-10 revenue -50 000 refund on contract 12</code>. Minus for a refund or an over-report, plus for a late payment or a missed deal.
adjust-error-private-only = Adjustments are recorded only in the private chat with the bot, because they show pay amounts.
adjust-error-role = Adjustments are recorded by the team's head or a department head. If a closed month's numbers are wrong, tell them.
adjust-error-unknown-metric = I do not know the metric “{ $name }”. Use one of: calls, proposals, meetings, new clients, deals, revenue, margin, payments.
adjust-error-sign = Give the change with its sign: <code>-{ $value }</code> if the metric goes down (a refund, say) or <code>+{ $value }</code> if it goes up (a late payment, say).
adjust-error-amount = “{ $value }” is not a change. Write a signed number such as <code>-50 000</code>, <code>+1</code> or <code>-1.2m</code>; counts as whole numbers, money to the kopeck at most.
adjust-error-future-month = The month { $month } has not started yet, so there is nothing to adjust.
adjust-error-open-month = The month { $month } is not closed, so no adjustment is needed: correct the report for that day instead (the manager sends it again, for example <code>/report { $day } revenue 450k</code>) and the payroll follows. Adjustments are only for months closed with /close.
adjust-error-not-in-month = { $name } is not in the payroll for { $month }, so there is nothing to adjust.
adjust-error-below-zero = The metric “{ $metric }” for { $month } would drop below zero: { $total } is counted, earlier adjustments included. Check the amount.
adjust-done =
    Adjustment recorded: { $name }, { $metric } for { $month } { $change }.
    The month was recomputed under the scheme in force then: plan attainment { $attainment_before } → { $attainment_after }, pay { $before } before and { $after } after.
    The difference of { $difference } goes into the payroll for { $paid_in }; the stored payroll for { $month } does not change. The manager was told, with the reason.
adjust-notice =
    Adjustment for { $month }: { $metric } { $change }. Reason: { $reason }.
    Your pay for { $month } was recomputed under the scheme in force then: { $before } before, { $after } after.
    { $direction ->
        [down] The difference of { $difference } will be taken from your bonus for { $paid_in }; it never touches the salary.
        [up] The difference of { $difference } will be added to your pay for { $paid_in }.
       *[none] It does not change your pay.
    }
    The line shows in /me; if you disagree, you can dispute it there.

rules-line-adjustment-label = Adjustment for { $month }
rules-line-adjustment = { $metric } { $change }, recorded { $date }: the month recomputed under its scheme, { $before } before, { $after } after
rules-line-adjustment-attainment = ; plan attainment { $before } → { $after }

## The payroll workbook (the /payroll button and salesboard calc --format xlsx)

xlsx-sheet-lines = Lines
xlsx-sheet-departments = Departments
xlsx-scheme = scheme “{ $title }”, in force from { $date }
xlsx-column-department = Department
xlsx-column-salary = Salary
xlsx-column-bonus = Bonus
xlsx-column-kpi = KPI premium
xlsx-column-deductions = Deductions
xlsx-column-adjustments = Adjustments
xlsx-column-total = Total
xlsx-column-not-deducted = Not deducted
xlsx-column-attainment = Plan attainment
xlsx-column-fixed-share = Salary share
xlsx-column-rule = Rule
xlsx-column-metric = Metric
xlsx-column-actual = Actual
xlsx-column-plan = Plan
