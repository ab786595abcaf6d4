## Contest titles, cancelling and results

contest-named-hungry_games = No. { $number }. “{ $title }” — hungry games, { $month }
contest-named-departments = No. { $number }. “{ $title }” — department contest, { $month }
contest-named-custom = No. { $number }. “{ $title }” — { $metric }, { $start } – { $end }

contest-error-title-missing = Write the title itself after the word "title", for example: <code>/contest departments title Battle of departments</code>
contest-error-title-long = The title is too long: { $length } { $length ->
        [one] character
       *[other] characters
    }, at most { $max } allowed. Shorten it and send the command again.

contest-cancel-usage = Give the contest's number, for example: <code>/contest cancel 3</code>. /contest shows the numbers.
contest-error-not-found = Your team has no contest No. { $number }. /contest shows the numbers of running contests.
contest-error-already-cancelled = Contest No. { $number } is already cancelled.
contest-error-cancel-ended = Contest No. { $number } has already ended and its results are final, so it cannot be cancelled.
contest-cancelled = Contest cancelled, and the group was told: { $title }
contest-cancelled-no-group = Contest cancelled: { $title }. The group could not be told: check that I am in the team's group.
contest-cancelled-notice = ❌ The head cancelled the contest { $title }. It will have no results and no prizes.

contest-board-header = 🏁 <b>Contests</b>

contest-results-header = 🏆 <b>Contest results</b> { $title }
contest-results-winner = Place { $rank }: { $name } — { $value } ({ $metric })
contest-results-winner-prize = Place { $rank }: { $name } — { $value } ({ $metric }), prize { $prize }
contest-results-group-winner = { $count ->
        [one] Winner
       *[other] Winners
    }: { $names }
contest-results-no-winner = No winner: nobody has a better result than the rest.

contest-winner-note = 🏆 Congratulations! You took place { $rank } in the contest { $title }: { $value } ({ $metric }).
contest-winner-note-prize = 🏆 Congratulations! You took place { $rank } in the contest { $title }: { $value } ({ $metric }). Your prize: { $prize }.
contest-winner-note-group = 🏆 Congratulations! "{ $group }" won the contest { $title }, and you are on that side.

## Disputes that reach department heads

dispute-sent-department = Dispute No. { $number } was sent to the team's head and to your department's head. The answer will arrive here; /disputes shows the status.
dispute-answered-by-other = Dispute No. { $number } ({ $name }) is closed: { $head } answered it with the status "{ $status }".
    Answer: { $answer }

## Private notifications in /settings

settings-notify-remind-on = Report reminders: on
settings-notify-remind-off = Report reminders: off
settings-notify-contests-on = Private message when you win a contest: on
settings-notify-contests-off = Private message when you win a contest: off
settings-notify-awards-on = Month award certificate in the private chat: on
settings-notify-awards-off = Month award certificate in the private chat: off
settings-notify-headnote-on = Evening list of managers who have not reported: on
settings-notify-headnote-off = Evening list of managers who have not reported: off
settings-notify-always = Plan changes, deductions, KPI scores and dispute answers concern your pay, so they always arrive. Changes of the pay rules are announced in the team's group.
settings-notify-always-head = New disputes and the payroll at month close concern the team's pay, so they always arrive.

settings-button-remind-on = 🔔 Turn reminders on
settings-button-remind-off = 🔕 Turn reminders off
settings-button-contests-on = 🔔 Tell me when I win a contest
settings-button-contests-off = 🔕 Don't tell me about contest wins
settings-button-awards-on = 🔔 Send me award certificates
settings-button-awards-off = 🔕 Don't send award certificates
settings-button-headnote-on = 🔔 Send the list of missing reports
settings-button-headnote-off = 🔕 Don't send the list of missing reports

## A manager's evening note: pay and what is still needed

settings-notify-daily-on = Evening summary with projected pay and what the plan still needs: on
settings-notify-daily-off = Evening summary with projected pay and what the plan still needs: off
settings-button-daily-on = 🔔 Send me the evening summary
settings-button-daily-off = 🔕 Don't send the evening summary
digest-header = 📈 <b>Where you stand on { $date }</b>
digest-pay = Pay for the month so far: { $now }; at the current pace by month end: { $forecast }.
digest-footer = The full breakdown is in /me. You can turn this summary off in /settings.
