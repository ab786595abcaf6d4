## Board chart

chart-title = Sales board “{ $team }”
chart-subtitle = Revenue plan attainment as of { $date }
chart-managers = Managers
chart-departments = Departments
chart-pace = pace { $percent }
chart-bar = { $percent } · { $revenue }
chart-no-plan = no plan · { $revenue }
chart-no-department = No department
board-chart-caption = 📈 Plan attainment as of { $date }: a bar is the share of plan, the dashed line is where working days say you should be.

## Reminders after the deadline

deadline-mention = ⏰ The report deadline for { $date } has passed. Still waiting for: { $names }. Send it in one line: <code>/report calls 40 proposals 5 revenue 250k</code>
head-missing-note = Still no report for { $date } from: { $names }. They were reminded in the group.

## Weekly standings

weekly-header = 🏁 <b>Week { $first } — { $last }</b>
weekly-departments = <b>Department contest</b> (revenue since the start of the month)
weekly-department-line = { $rank }. { $department } — { $percent } (revenue { $revenue } of { $plan })
weekly-brackets = <b>Newcomers vs veterans</b> (newcomer: under { $months ->
        [one] { $months } month
       *[other] { $months } months
    } with the team on the first day of the month)
weekly-bracket-line = { $bracket }: { $percent } of plan, revenue { $revenue } ({ $count ->
        [one] { $count } manager
       *[other] { $count } managers
    })
weekly-newcomers = Newcomers
weekly-veterans = Veterans
weekly-leader = In the lead: { $name } 💪
weekly-empty = No plans are set for the month yet, so there is nothing to compare.

## Milestones

milestone-plan = 🎉 { $name } has met the monthly revenue plan: { $percent }! Congratulations!
milestone-record = 🏆 New team record: { $name } — { $revenue } of revenue in one day (previous record { $previous }).

## Month close

month-close-payroll = 📋 <b>Payroll draft for { $month }</b>. The month is over; check the amounts before paying. Managers do not see this.
awards-header = 🏅 <b>Month results: { $month }</b>
award-manager-line = Manager of the month — <b>{ $name }</b>, plan attainment { $percent }
award-newcomer-line = Best newcomer — <b>{ $name }</b>, plan attainment { $percent }
award-department-line = Best department — <b>{ $department }</b>, plan attainment { $percent }
awards-none = No plans were set for the month, so there are no awards this time.
certificate-heading = Certificate
certificate-award-manager = Manager of the month
certificate-award-newcomer = Best newcomer of the month
certificate-reason = for reaching { $percent } of the sales plan
certificate-footer = Salesboard — the sales team board
certificate-caption = 🏅 { $award }: { $name }
certificate-private = Congratulations! Here is your “{ $award }” certificate for { $month } — forward it or save it.
streak-header = ⚠️ <b>Below plan several months in a row</b> (only you see this):
streak-line = • { $name } — { $months ->
        [one] { $months } month
       *[other] { $months } months
    } in a row: { $percents }

## Missed posts

missed-header = ⚠️ The bot was unavailable and these messages were not sent on time. They were not sent more than { $minutes } min late:
missed-line = • { $post } for { $date } (due at { $time })
post-board = sales board
post-weekly = weekly results
post-reminder = reminders to managers
post-mention = reminder in the group
post-head_note = list of missing reports
post-month_close = month close
post-other = message

## Chats

chat-group-removed = I was removed from the group of team “{ $team }”, so the sales board no longer reaches it. Add me back and everything continues.
chat-group-back = I am back in the group of team “{ $team }”: the sales board will arrive as usual.
chat-member-blocked = { $name } blocked the bot: reminders and private messages no longer reach them.

## Vacation

vacation-usage = Give the dates of absence: <code>/vacation 10.12–20.12</code>. A head can name the manager: <code>/vacation 12 10.12–20.12</code> (number from /team or @username).
vacation-done = Absence of { $name } from { $first } to { $last } recorded ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }). No reminders on those days.
vacation-list-header = <b>Absences</b>
vacation-line = • { $name }: { $first } — { $last }
vacation-none = No upcoming absences. To add one: <code>/vacation 10.12–20.12</code>
vacation-error-date = Could not read the date “{ $value }”. Write it like this: <code>/vacation 10.12–20.12</code> or <code>/vacation 10.12.2026–20.12.2026</code>.
vacation-error-order = The last day of absence is before the first. For example: <code>/vacation 10.12–20.12</code>.
vacation-error-too-long = An absence longer than { $days } days — check the dates.

## Schedule and calendar settings

times-show = Team times ({ $timezone }): reminder at { $reminder }, report deadline { $deadline }, sales board at { $post }. To change: <code>/times 17:00 18:00 19:00</code>; timezone: <code>/timezone Europe/Moscow</code>.
times-usage = Give three times — reminder, deadline and board: <code>/times 17:00 18:00 19:00</code>. The deadline must be after the reminder.
times-done = Done: reminder at { $reminder }, deadline { $deadline }, sales board at { $post } ({ $timezone }). In effect from today.
timezone-usage = Give a timezone, for example: <code>/timezone Europe/Moscow</code> or <code>/timezone Asia/Yekaterinburg</code>.
timezone-error = Unknown timezone “{ $value }”. For example: <code>/timezone Europe/Moscow</code>.
timezone-done = The team's timezone is { $timezone }. Reminders and the sales board follow it.
calendar-show = Production calendar: { $country }. { $month } has { $working ->
        [one] { $working } working day
       *[other] { $working } working days
    }.
calendar-own-header = The team's own days:
calendar-own-day-off = • { $day } — day off
calendar-own-working = • { $day } — working day
calendar-help = Change the country: <code>/calendar KZ</code>. Own day off: <code>/dayoff 31.12.2026</code>, working day: <code>/workday 27.12.2026</code>.
calendar-error-country = There is no production calendar for “{ $country }”. Give a country code: RU, BY, KZ, UZ…
calendar-done-country = The team's calendar: { $country }.
day-usage = Give a date, for example: <code>/dayoff 31.12.2026</code> or <code>/workday 27.12.2026</code>.
day-error-date = Could not read the date “{ $value }”. For example: <code>/dayoff 31.12.2026</code>.
day-off-done = { $day } is a day off for the team: no reminders and no sales board.
working-day-done = { $day } is a working day for the team.
day-official = { $day } is already a { $working ->
        [yes] working day
       *[no] day off
    } in the production calendar; the team's own mark was removed.
topic-done-thread = The sales board will arrive in this topic.
topic-done-general = The sales board will arrive in the group's general chat.
topic-error-group-only = Send /topic in the team's group, in the topic where the board should arrive.

cmd-vacation = Vacation or absence: /vacation 10.12–20.12
cmd-calendar = Production calendar (head)
cmd-times = Reminder and board times (head)
cmd-topic = Send the board to this topic (head)
