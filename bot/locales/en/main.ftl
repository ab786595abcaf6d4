## Metrics

metric-calls = Calls
metric-proposals = Proposals
metric-meetings = Meetings
metric-new_clients = New clients
metric-deals = Deals
metric-revenue = Revenue
metric-margin = Margin
metric-payments = Payments received

-report-example = <code>/report calls 40 proposals 5 meetings 3 deals 1 revenue 250k</code>

line-metric = • { $metric }: { $actual }
line-metric-plan = • { $metric }: { $actual } of { $plan } ({ $percent })

## Commands menu

cmd-report = Daily report: /report calls 40 deals 1 …
cmd-me = My month: plan, forecast, pay
cmd-top = Team leaderboard
cmd-payroll = Payroll (head, private chat)
cmd-team = Team members (head)
cmd-plan = Set a plan (head)
cmd-salary = Set a salary (head)
cmd-invite = Invite link to a department (head)
cmd-setup = Connect this group as the team's board
cmd-language = Language: /language ru or /language en
cmd-help = What the bot does

## Help

help-manager =
    <b>Salesboard — daily reports and motivation for a sales team</b>

    Send your numbers once a day in one line:
    { -report-example }
    Russian names work too: <code>/report звонки 40 сделки 1 выручка 250к</code>. Amounts as you like: 250k, 1.2m, 250 000, 1 250 000,50.
    A second report for the same day replaces the first; the old version is kept. You can also edit the message that carried the report.
    Prefer steps? Send /report with no numbers in the private chat, and the bot asks for each metric in turn.
    A report for a past day: <code>/report yesterday calls 40</code> or <code>/report 02.11 calls 40</code> (up to { $days } days back).

    /me — your month: plan, attainment, forecast and pay (private chat only)
    /need — what is still needed for the plan and the next bonus tier: deals, meetings and calls a day
    /whatif 500k — what you would earn with that much more in sales
    /rules — pay rules: salary, bonus, KPI, deductions
    /top — the team leaderboard by plan attainment; also /top newcomers, /top veterans, /top calls or /top and a department
    /disputes — your payslip disputes and their status; dispute a line with the “Dispute” button under /me
    /contest — running contests and their standings
    /vacation 10.12–20.12 — a vacation or absence from today on; /vacation — your absences; /vacation cancel — cancel one
    /settings — language and private notifications; for the head, the team's settings too
    /language ru — переключиться на русский
help-head =
    <b>For the head</b>
    /setup — in a group: connect it as the team's board and get an invite link; in the private chat: set the team's name, timezone, calendar, times and currency
    /invite Department name — a link that adds managers to that department
    /revoke [department] — replace an invite link; the old one stops working
    /team — team members with their numbers
    /plan 12 revenue 1m — this month's plan (a number from /team or @username); /plan history — every plan version; /plan template — a table to fill in and send back
    /metrics — the team's own metrics, such as sales of a product line: /metrics add units_a count Line A (in the private chat)
    /salary 12 60 000 [from 2026-12] — monthly salary from this or the given month (private chat)
    /payroll — pay for the month so far (private chat only); /payroll 2026-10 for another month; an Excel button under it
    /rules preset by_attainment 2026-12 — choose a scheme preset; or send me the scheme's .toml file
    /deduct 12 late_report reason — a deduction from the published list (bonus only, never salary)
    /score 12 no_complaints yes reason — score a KPI criterion
    /close 2026-11 — close a month that has ended: its payroll is stored and no longer changes
    /adjust 12 2026-10 revenue -50 000 refund on contract 12 — adjust a closed month: the pay difference goes into the current month (private chat)
    /hired 12 15.09.2026 — hire date: for pro-rating and the newcomers' contest
    /role 12 observer — a member's role: manager, observer or department head
    /transfer 12 confirm — hand the team over to another head
    /deactivate 12 — switch a member off (history stays)
    /disputes — managers' open payslip disputes, with answer buttons (private chat)
    /contest hungry games — newcomers against veterans this month; /contest departments — department against department
    /contest 01.12–31.12 calls prize 10 000 — the most over a period; prizes by place: prize 10 000 / 5 000 (private chat)
    /contest departments title Battle of departments — your own contest title; /contest cancel 3 — cancel contest No. 3, the group is told
    /vacation 12 10.12–20.12 — a manager's absence, past days included: salary and plan shrink pro rata
    /times 17:00 18:00 19:00 — reminder, report deadline and sales board times; /timezone Europe/Moscow — the timezone
    /calendar KZ — a country's working calendar; /dayoff 30.12.2026 and /workday 27.12.2026 — the team's own days off and working days
    /topic — send it in the forum topic where the sales board should arrive

hint-private = I did not understand that. Send a report like this: { -report-example }. All commands: /help.

language-usage = Choose a language: <code>/language ru</code> or <code>/language en</code>.
language-done = Done: I will write to you in English.

## Team set-up and joining

setup-done =
    Team “{ $team }” is created; you are its head and this group is its sales board.
    Link for managers: { $link }
    Everyone who opens it joins the team. Set plans with /plan and salaries with /salary in a private chat with me.
setup-already = This group is already connected to team “{ $team }”. Link for managers: { $link }
setup-error-not-head = This group is already connected to team “{ $team }”. Only its head can change it.
setup-error-other-team = You are already in team “{ $team }”. One Telegram account can be in one team only.
setup-error-group-only = Send /setup in your department's group: add me to the group and write /setup there.

invite-usage = Name the department, for example: <code>/invite Corporate sales</code>.
invite-error-empty-name = The department name cannot be empty. For example: <code>/invite Corporate sales</code>.
invite-link = Link for department “{ $department }”: { $link }

join-done = Welcome to team “{ $team }”! Send your daily report like this: { -report-example }. All commands: /help.
join-done-department = Welcome to team “{ $team }”, department “{ $department }”! Send your daily report like this: { -report-example }. All commands: /help.
join-already = You are already in team “{ $team }”. All commands: /help.
join-error-invalid-invite = This invite link is not valid. Ask your head for a new one.
join-error-other-team = You are already in team “{ $team }”. To move, ask the head of your current team to remove you.

start-no-team = Hello! I run daily reports and motivation for sales teams. To join a team, open the invite link from your head. A head connects a team like this: add me to the department's group and send /setup there.
start-member = Hello, { $name }! Daily report: { -report-example }. All commands: /help.

## Reports

report-usage = Write today's numbers after the command, for example: { -report-example }
report-saved = Report for { $date } saved:
report-replaced = Report for { $date } updated (version { $version }; the previous one is kept):
report-late = The report came after the deadline and is marked late.
report-month-header = <b>Month to date:</b>
report-error-not-manager = Reports are sent by managers. Heads have /top and /payroll.
report-error-empty = The report has no numbers. For example: { -report-example }
report-error-unknown-metric = I do not know the metric “{ $name }”. Available: calls, proposals, meetings, new clients, deals, revenue, margin, payments. For example: { -report-example }
report-error-missing-value = The metric “{ $metric }” has no number. For example: { -report-example }
report-error-not-a-number = “{ $value }” is not a number (metric “{ $metric }”). Write 40, 250k, 1.2m or 250 000. For example: { -report-example }
report-error-negative = “{ $metric }” cannot be negative: { $value }. To fix an earlier report, send a new report for the same day.
report-error-fractional-count = “{ $metric }” takes whole numbers, but { $value } was given. For example: { -report-example }
report-error-too-precise = The amount “{ $value }” for “{ $metric }” is finer than a kopeck. Use at most two decimals.
report-error-absurd = { $value } is too much for one day (metric “{ $metric }”, limit { $limit }). Check for extra zeros.
report-error-duplicate-metric = The metric “{ $metric }” appears twice. Keep one value. For example: { -report-example }

report-duplicate = The report for { $date } is already stored with these numbers; no new version is needed.
report-change = • { $metric }: { $before } → { $after }
report-need-header = <b>Still needed for the plan:</b>
report-need-line = • { $metric }: { $gap } more, { $per_day } a day ({ $days ->
        [one] { $days } working day
       *[other] { $days } working days
    })
report-need-done = • { $metric }: plan met
report-need-no-days = • { $metric }: { $gap } more, and no working days are left this month
report-error-future-day = A report cannot be sent for a future day. Send the numbers on the day they happen.
report-error-too-old = A report can be sent at most { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the working day. For earlier days, ask your head.
report-error-bad-day = The date “{ $value }” does not exist. Write <code>/report 02.11 calls 40</code> or <code>/report yesterday calls 40</code>.

reminder = { $name }, a reminder: your report for { $date } is not in yet. Send it in one line: { -report-example }

## Standings and pay



me-header = <b>Your month: { $month }</b> ({ $elapsed } of { $total } working days gone)
me-no-reports = No reports this month yet.
me-forecast = Revenue forecast to month end: { $revenue } ({ $percent } of plan)
me-pay-now = <b>Pay if the month ended today: { $total }</b>
me-pay-forecast = <b>Pay at the current pace: { $total }</b>
me-no-plan = No plan for this month yet; the bonus appears once your head sets it.
me-sent-privately = Personal numbers and pay are shown in the private chat only; I have sent them there.
me-error-head = /me shows a manager's month. Heads have /top and /payroll.

top-header = <b>Plan attainment leaderboard — { $month }</b>
top-line = { $rank }. { $name } — { $percent } ({ $metric }: { $actual } of { $plan })
top-line-no-plan = { $rank }. { $name } — no plan set ({ $metric }: { $actual })
top-filter-department = Department: { $department }
top-filter-newcomers = Newcomers: employed less than { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
top-filter-veterans = Veterans: employed { $months ->
        [one] { $months } month
       *[other] { $months } months
    } or longer
top-filter-metric = By metric: { $metric }
top-error-filter = I did not understand the filter “{ $value }”. Examples: <code>/top Retail</code> (a department), <code>/top newcomers</code>, <code>/top veterans</code>, <code>/top calls</code> (a metric).
top-empty = Nobody has reported yet.

board-header = 📊 <b>Sales board “{ $team }” — { $date }</b>
board-team-progress = Team revenue plan: { $revenue } of { $plan } ({ $percent })
board-working-days = { $elapsed } of { $total } working days gone, { $remaining ->
        [one] { $remaining } day left
       *[other] { $remaining } days left
    }
board-reported = Reported today: { $reported } of { $total }
board-leaderboard = 🏆 <b>Leaderboard</b>
board-missing = Waiting for: { $names }

payroll-header = <b>Payroll — { $month }</b> (as of { $date }, month not closed)
payroll-manager = <b>{ $number }. { $name }</b> — { $total }
payroll-empty = The team has no managers yet.
payroll-total = <b>Team total: { $total }</b>
payroll-error-private-only = I show payroll to the head only, in the private chat, so amounts never reach the group. Send me /payroll in a private message.

## Head commands

team-header = <b>Team members</b> (use the number with /plan and /salary)
team-line = { $number }. { $name } ({ $username }), { $role }, department: { $department }
team-line-private = { $number }. { $name } ({ $username }), { $role }, department: { $department }, salary: { $salary }
salary-not-set = not set
team-empty = No managers yet. Send them the invite link from /setup or /invite.

member-error-not-found = No manager “{ $reference }” in your team. Use a number from /team or @username.

salary-usage = Name the manager and the monthly salary, for example: <code>/salary 12 60 000</code> (a number from /team or @username). The salary applies from the current month; to start it in another month, add the month: <code>/salary 12 60 000 from 2026-12</code>.
salary-error-amount = “{ $value }” is not an amount. For example: <code>/salary 12 60 000</code>.
salary-error-range = A salary must be between 1 000 and 100 000 000 a month in the team's currency (or 0 for none). This looks like a typo; check the zeros.
salary-error-negative = A salary cannot be negative. For example: <code>/salary 12 60 000</code>.
salary-error-private-only = Salaries are set in the private chat with me only, so amounts never reach the group.

plan-usage = Name the manager, the metric and the month's plan, for example: <code>/plan 12 revenue 1m</code> (a number from /team or @username).
plan-error-unknown-metric = I do not know the metric “{ $name }”. Available: calls, proposals, meetings, new clients, deals, revenue, margin, payments. For example: <code>/plan 12 revenue 1m</code>.
plan-error-amount = “{ $value }” is not a number. For example: <code>/plan 12 revenue 1m</code>.
plan-error-not-positive = A plan must be greater than zero.
plan-done = { $name }: plan for { $month } — { $metric } { $value } (version { $version }). The manager has been told and will confirm it with a button.
plan-unchanged = { $name }: the plan is already { $metric } { $value }. Nothing changed.
plan-notice-new = Your plan for { $month }: { $metric } — { $value }. See how you are doing with /me. Press “Confirm” so your head knows you have seen it.
plan-notice-changed = Your plan for { $month } has changed: { $metric } — { $value } (was { $previous }). Press “Confirm” so your head knows you have seen it.
plan-button-confirm = ✅ Confirm
plan-confirmed-alert = Plan confirmed
plan-confirmed = Confirmed on { $date }.
plan-confirm-error-unknown = This plan is not one of yours. Perhaps you have moved to another team.
plan-confirm-error-outdated = This plan has changed since; confirm the latest plan message.
plan-history-header = <b>Plan history — { $month }</b>
plan-history-line = • { $name }, { $metric }: { $value } — version { $version } of { $date }, set by { $author }, { $confirmed }
plan-history-confirmed = confirmed on { $date }
plan-history-unconfirmed = not confirmed
plan-history-empty = No plans have been set this month yet.

role-head = head
role-department_head = department head
role-manager = manager
role-observer = observer
role-usage = Name the member and the role: <code>/role 12 observer</code>. Roles: manager, observer (reads payroll, changes nothing), department head (plans and pay of their department).
role-done = { $name } is now { $role }.
transfer-usage = Name who takes over the team: <code>/transfer 12 confirm</code>.
transfer-confirm = You cannot undo a handover yourself: “{ $reference }” becomes the head and you become an observer. If that is right, send <code>/transfer { $reference } confirm</code>.
transfer-done = Done: { $name } is now the team's head. You stay as an observer and still see payroll.
deactivate-usage = Name who to switch off: <code>/deactivate 12</code> (a number from /team or @username).
deactivate-done = { $name } is switched off. Their reports and pay history stay; an invite link brings them back.
member-error-other-department = “{ $reference }” works in another department. A department head manages their own department only.
cmd-role = Member's role (head)
cmd-transfer = Hand the team over (head)
cmd-deactivate = Switch a member off (head)

hired-usage = Name the manager and the hire date: <code>/hired 12 15.09.2026</code>.
hired-done = { $name }: hired on { $date }. Salary and plan for the month of hire are pro-rated by the days worked.
cmd-hired = A manager's hire date (head)

invite-valid-until = { $link } (valid until { $date })
revoke-done = The team's old link no longer works. New one: { $link }
revoke-done-department = The old link of department “{ $department }” no longer works. New one: { $link }
revoke-error-no-department = The team has no department “{ $department }”. Without a department name, /revoke replaces the team's own link.
join-error-expired-invite = This invite link has expired. Ask your head for a new one: /invite or /setup gives it.
cmd-revoke = Replace an invite link (head)

## Errors

throttled = Too many messages in a row. Please wait a few seconds, and I will answer again.

error-not-member = You are not in a team yet. Open the invite link from your head; a head connects a team with /setup in the department's group.
error-head-only = Only the team's head can use this command.
error-unexpected = Something went wrong and the request was not completed. Please try again a little later; the error has been logged.

## Settings

cmd-settings = Settings: language, notifications
settings-header = <b>Settings</b>
settings-language = Language: { $language }
settings-language-ru = русский
settings-language-en = English
settings-pay-on = Projected pay in group posts: shown
settings-pay-off = Projected pay in group posts: hidden (pay is shown in private chats only)
settings-button-ru = Русский
settings-button-en = English
settings-button-pay-on = Show projected pay in the group
settings-button-pay-off = Hide pay from the group
settings-saved = Saved
settings-error-private-only = Settings open in the private chat with me: send me /settings.

## Still needed and what-if

cmd-need = What is still needed for the plan and the next tier
cmd-whatif = What I would earn if I sold more: /whatif 500k
cmd-disputes = Payslip disputes and their status
cmd-contest = Contests and their standings
need-header = <b>Revenue: { $revenue } of { $plan } ({ $percent })</b>, { $days ->
        [one] { $days } working day left
       *[other] { $days } working days left
    }
need-no-plan = No revenue plan is set for this month yet, so there is nothing to count from.
need-all-reached = The plan and every bonus tier are already reached. A great month!
need-goal-plan = To the plan
need-goal-tier = To the { $bound } tier
need-goal = <b>{ $target }: { $amount } more</b>
need-activity = That is about { $deals ->
        [one] { $deals } deal
       *[other] { $deals } deals
    }, { $meetings ->
        [one] { $meetings } meeting
       *[other] { $meetings } meetings
    } and { $calls ->
        [one] { $calls } call
       *[other] { $calls } calls
    } at the team's conversion
need-per-day = A day: { $deals ->
        [one] { $deals } deal
       *[other] { $deals } deals
    }, { $meetings ->
        [one] { $meetings } meeting
       *[other] { $meetings } meetings
    }, { $calls ->
        [one] { $calls } call
       *[other] { $calls } calls
    }
need-no-days-left = No working days are left this month.
need-no-average-deal = The team has no deals this month yet, so the amount cannot be turned into deals and calls.
whatif-usage = Say how much more revenue you expect this month, for example: <code>/whatif 500k</code>.
whatif-error-private-only = I show pay in the private chat only: send me /whatif in a private message.
whatif-header = With { $extra } more in sales: pay { $then } instead of { $now } (+{ $difference })

## Month close and export

cmd-close = Close a month: /close 2026-11 (head)
payroll-header-closed = <b>Payroll — { $month }</b> (closed on { $date }; the amounts no longer change)
payroll-button-xlsx = 📊 Download Excel
payroll-xlsx-caption = Payroll — { $month }
payroll-error-month = “{ $value }” is not a month. Write <code>/payroll 2026-11</code>, <code>/payroll 11.2026</code> or <code>/payroll november</code>.
payroll-error-future-month = The month { $month } has not started yet; there is nothing to count.
close-usage = Name the month to close, for example: <code>/close 2026-11</code>.
close-error-not-ended = The month { $month } has not ended yet. It can be closed from the day after its last day.
close-error-already = The month { $month } is already closed. Changes to it count as adjustments in the current month.
close-done = { $month } is closed: { $managers ->
        [one] { $managers } manager
       *[other] { $managers } managers
    }, { $total } to pay. The payroll is stored and will not change; later changes count as adjustments in the current month. See it with /payroll and the month.
month-error-closed = The month { $month } is closed and its numbers no longer change. If something must be fixed, tell your head: they record an adjustment with /adjust, and the difference goes into the current month's pay.
xlsx-sheet-payroll = Payroll
xlsx-title = Payroll — { $month }
xlsx-open = as of { $date }, month not closed
xlsx-closed = month closed
xlsx-column-manager = Manager
xlsx-column-line = Line
xlsx-column-reason = Reason
xlsx-column-amount = Amount
xlsx-kind-salary = Salary
xlsx-kind-bonus = Bonus
xlsx-kind-super_bonus = Super bonus
xlsx-kind-kpi_target = KPI premium
xlsx-kind-kpi_criterion = KPI premium
xlsx-kind-adjustment = Adjustment
xlsx-kind-deduction = Deduction
xlsx-kind-total = Total
xlsx-team-total = Team total

## Rules in the bot

cmd-rules = Pay rules: how pay is computed
rules-default-title = Default scheme
rules-upcoming = From { $month } a new version “{ $title }” takes effect: <code>/rules { $arg }</code>
rules-published = Scheme “{ $title }” is saved and takes effect from { $month }. The team has been told in the group. This is how managers will read it:
rules-announcement = 📣 The head has published pay rules “{ $title }”. They apply from { $month }. Read them with <code>/rules { $arg }</code>.
rules-preset-usage = Name a preset and, if needed, a month: <code>/rules preset by_attainment 2026-12</code>. Presets: { $presets }.
rules-error-preset = There is no preset “{ $name }”. There are: { $presets }.
rules-error-private-only = Rules change only in the private chat with me: send the scheme file or /rules preset there.
rules-error-past = Rules cannot be set for the past: { $month } is over and it is now { $current }. Use this month or a later one.
rules-error-too-large = The scheme file is larger than { $limit } KB, which is not a pay scheme. Send the scheme's .toml file.
rules-error-encoding = The scheme file is not UTF-8. Save it as UTF-8 and send it again.

## Deductions and criterion scores

cmd-deduct = Apply a published deduction (head)
cmd-score = Score a KPI criterion yes or no (head)
reason-none = not given
deduct-usage = Name the manager, a deduction code from /rules and the reason: <code>/deduct 12 late_report Report sent at 21:00</code>.
deduct-error-unknown = The rules have no deduction “{ $code }”. Available: { $codes }. The list with amounts: /rules.
deduct-error-none-published = The rules in force publish no deductions, and only deductions published in advance may be applied. Add a [[deductions]] section to the scheme (/rules).
deduct-done = Deduction “{ $title }” ({ $amount }) applied: { $name }. The manager has been told the reason.
deduct-notice = Deduction for { $month }: “{ $title }” — { $amount }. Reason: { $reason }. It reduces the bonus only, never the salary. Rules: /rules; if you disagree, dispute the line in /me.
score-usage = Name the manager, a criterion from /rules, yes or no, and the reason: <code>/score 12 no_complaints yes No complaints</code>.
score-error-unknown = The rules have no criterion “{ $code }”. Available: { $codes }. Details: /rules.
score-error-none-published = The rules in force have no KPI criteria for the head to score. Add [[kpi.criteria]] to the scheme (/rules).
score-yes = yes, met
score-no = no, not met
score-done = Criterion “{ $title }” for { $name }: { $verdict }. The manager has been told.
score-notice = Your head scored the criterion “{ $title }” for { $month }: { $verdict }. Reason: { $reason }. How it affects your bonus: /me.
assessment-error-private-only = Deductions and scores are set in the private chat with me only, so they never reach the group.

## Plans from a file

plan-template-caption = Plans for { $month }: fill in manager (a number from /team or @username), metric (revenue, calls, …) and value, and send the file back to this chat.
plan-import-done = Plans for { $month } loaded: { $changed ->
        [one] { $changed } change
       *[other] { $changed } changes
    }, { $unchanged } unchanged. The managers have been told and will confirm with a button.
plan-import-error = No plans were loaded and nothing changed. { $problem }
plan-import-error-format = The file “{ $name }” will not do: send an .xlsx workbook or a .csv file. A sample: <code>/plan template</code>.
plan-import-error-too-large = The file is larger than { $limit } KB, which is not a plan table. A sample: <code>/plan template</code>.
plan-import-error-empty = the sheet has no plan rows. Fill in manager, metric and value.
plan-import-error-private-only = Send the plan file to the private chat with me.

board-pay-header = 💰 <b>Projected pay at the current pace</b> (the head turned this on for the group)
board-pay-line = • { $name } — { $total }
