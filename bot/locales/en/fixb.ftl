## Roles, group boundaries and flood control

role-error-no-department = { $name } is not in any department yet, so they cannot be a department head: there would be nothing for them to head. Create the department's link with <code>/invite Department name</code>, ask { $name } to open it, and then repeat /role.

access-error-other-team-group = This group is connected to another team, so your team's data is not shown here. Send the command in your team's group or to me in a private chat.
access-error-group-without-team = This group is not connected to any team, so your team's data is not shown here. Send the command in your team's group or to me in a private chat.

throttled-command = Too many commands in a row, so { $command } was not run. Please repeat it in { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
