## Contests

-contest-example = <code>/contest 01.12–31.12 calls prize 10 000</code>

contest-title-hungry_games = No. { $number }. Hungry games: newcomers against veterans — { $month }
contest-title-departments = No. { $number }. Department contest — { $month }
contest-title-custom = No. { $number }. Most { $metric }, { $start } – { $end }

contest-announce-header = 🏁 <b>A new contest!</b> { $title }
contest-rules-hungry_games = Newcomers are those employed for less than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } on the first day of the month; everyone else is a veteran. The side with the higher revenue plan attainment wins: the side's revenue divided by the sum of its plans.
contest-rules-departments = The department with the higher revenue plan attainment wins: its revenue divided by its plan, so bigger plans give no head start.
contest-rules-custom = Whoever reports the most { $metric } in the period wins.
contest-prizes-header = Prizes:
contest-prize-line = • Place { $place }: { $prize }
contest-rules-ties = Tied managers share the place and split the prizes of the places they cover equally.
contest-rules-standings = Standings: /contest.

contest-none = No contests are running. The head starts them with /contest; see /help.
contest-block-header = <b>{ $title }</b>
contest-not-started = Starts on { $date }.
contest-newcomers-are = Newcomers: employed for less than { $months ->
        [one] { $months } month
       *[other] { $months } months
    } on the first day of the month.
contest-group-newcomers = Newcomers
contest-group-veterans = Veterans
contest-group-line = { $rank }. { $name } — { $percent } (revenue { $actual } of { $plan }, { $count ->
        [one] { $count } manager
       *[other] { $count } managers
    })
contest-group-line-no-plan = { $rank }. { $name } — no plan set (revenue { $actual }, { $count ->
        [one] { $count } manager
       *[other] { $count } managers
    })
contest-place-line = { $rank }. { $name } — { $value }
contest-place-prize = , prize { $prize }
contest-no-managers = The team has no managers yet.

contest-created = Contest created and announced in the group: { $title }
contest-created-no-group = Contest created: { $title }. It could not be announced in the group: check that I am in the team's group (/setup there). Standings: /contest.

contest-usage =
    I could not tell which contest to create. Options:
    <code>/contest hungry games</code> — newcomers against veterans this month
    <code>/contest departments</code> — department against department this month
    { -contest-example } — the most over a period; prizes by place separated by a slash: prize 10 000 / 5 000
contest-error-private-only = Contests are created in the private chat with me. Send me, for example: { -contest-example }. In the group, /contest alone shows the standings.
contest-error-head-only = Only the team's head can create a contest. /contest alone shows the running ones.
contest-error-date = The date “{ $value }” does not exist. Write it like this: { -contest-example }
contest-error-order = The period ends ({ $end }) before it starts ({ $start }). Put the start date first: { -contest-example }
contest-error-past = The period { $start } – { $end } is already over. For next year, add the year, for example: <code>/contest 01.01.{ $year }–31.01.{ $year } calls</code>
contest-error-metric-missing = Add a metric after the dates, for example: { -contest-example }
contest-error-metric = Unknown metric “{ $name }”. Available: calls, proposals, meetings, new clients, deals, revenue, margin, payments. For example: { -contest-example }
contest-error-prize = Could not read the prize “{ $value }”. Write the amount as a number: prize 10 000, and prizes by place separated by a slash: prize 10 000 / 5 000 / 3 000.
contest-error-prize-count = At most { $max } prizes, one per place.
contest-error-duplicate = { $kind ->
        [hungry_games] Hungry games
       *[departments] A department contest
    } for this month is already running (No. { $number }). Standings: /contest.
contest-error-no-departments = A department contest needs at least two departments; the team has { $count }. A department is created with its invite link: <code>/invite Department name</code>.
