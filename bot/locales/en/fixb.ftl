## Roles, group boundaries and flood control

role-error-no-department = { $name } is not in any department yet, so they cannot be a department head: there would be nothing for them to head. Create the department's link with <code>/invite Department name</code>, ask { $name } to open it, and then repeat /role.

access-error-other-team-group = This group is connected to another team, so your team's data is not shown here. Send the command in your team's group or to me in a private chat.
access-error-group-without-team = This group is not connected to any team, so your team's data is not shown here. Send the command in your team's group or to me in a private chat.

throttled-command = Too many commands in a row, so { $command } was not run. Please repeat it in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.

## Absences recorded by managers

vacation-error-past-own = Past days of absence are recorded by the head, because an absence lowers the plan and changes pay. Please ask your head to record those days. You can record an absence yourself from today on, for example: <code>/vacation 10.12–20.12</code>.
vacation-head-notice = { $name } recorded an absence from { $first } to { $last } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }). The plan for those days is reduced pro rata. If this is a mistake, cancel it: <code>/vacation cancel { $number } { $day }</code>.
vacation-cancel-usage = To cancel an absence, send <code>/vacation cancel</code>, or add its first day if you have several: <code>/vacation cancel 10.12</code>.
vacation-cancel-usage-head = Name the manager and, if they have several absences, a day of one of them: <code>/vacation cancel 12 10.12</code> (number from /team or @username).
vacation-cancel-none = No absence found that you can cancel. /vacation lists current and upcoming absences; past days are cancelled by the head.
vacation-cancel-which = There are several absences: { $dates }. Add a day of the one to cancel, for example: <code>/vacation cancel { $example }</code>.
vacation-cancelled = The absence of { $name } from { $first } to { $last } is cancelled.
vacation-cancelled-kept = The absence of { $name } from { $first } to { $last } is cancelled from today on. The days up to { $kept } stay: the head cancels those.
vacation-cancel-head-notice = { $name } cancelled the absence from { $first } to { $last }. From today the plan counts every working day again.
