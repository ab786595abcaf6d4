## Team setup wizard and the head's team settings

setup-wizard-hint = You can set the team's name, timezone, working calendar, report and board times and currency in a private chat with me: press “Set up the team”.
setup-button-open = ⚙️ Set up the team
setup-button-back = « Back
setup-button-skip = Keep as is »
setup-button-cancel = Cancel
setup-button-save = ✅ Save settings

setup-step = <b>Team setup</b> — step { $number } of { $total }
setup-current = Now: { $value }
setup-question-name = What should the team be called? Type a name; group posts will show it.
setup-question-timezone = Which timezone does the team work in? Pick a city or type a zone such as <code>Asia/Yekaterinburg</code>.
setup-question-calendar = Which country's working calendar counts the working days? Pick a country or type its two-letter code, such as <code>KG</code>.
setup-question-deadline = By what time do managers hand in the daily report? Pick or type a time such as <code>18:30</code>.
setup-question-reminder = When should those who have not reported yet get a reminder? It must be before the deadline ({ $deadline }).
setup-question-post = When should the sales board be posted to the group? Pick or type a time such as <code>19:00</code>.
setup-question-currency = Which currency should amounts be shown in? Pick one or type a currency code such as <code>GEL</code>. Amounts already stored are not converted: only the currency label changes.

setup-summary = <b>Check the team settings</b>
setup-summary-hint = If everything is right, press “Save settings”. To correct a value, press “Back”.
setup-field-name = Name: { $value }
setup-field-timezone = Timezone: { $value }
setup-field-calendar = Working calendar: { $value }
setup-field-deadline = Report deadline: { $value }
setup-field-reminder = Report reminder: { $value }
setup-field-post = Sales board in the group: { $value }
setup-field-currency = Currency: { $value }
setup-changed = { $value } (was: { $previous })
setup-currency-note = Only the currency label changes: amounts in reports, plans, salaries and pay stay the same numbers and are not converted. Amounts will look like this: { $example }.

setup-saved = <b>Team settings saved.</b> Reminders and the sales board follow the new times from today.
setup-cancelled = Team setup cancelled; nothing changed.
setup-use-buttons = All steps are done: save the settings with the button under the summary, or go back.
setup-expired-alert = This setup is no longer current.
setup-expired = This team setup is out of date: it was saved, cancelled or opened again. Nothing changed. Open the setup again.

setup-error-name = The team name must be 1 to 128 characters long. Please type it again.
setup-error-timezone = Unknown timezone “{ $value }”. Pick a city on the buttons or type an IANA zone such as <code>Asia/Yekaterinburg</code>.
setup-error-country = There is no working calendar for “{ $value }”. Pick a country on the buttons or type its two-letter code, such as <code>KZ</code>.
setup-error-time = “{ $value }” is not a time. Type hours and minutes with a colon, such as <code>18:30</code>.
setup-error-reminder-late = The reminder at { $reminder } must come before the report deadline ({ $deadline }). Pick an earlier time, or go back and move the deadline.
setup-error-currency = Unknown currency “{ $value }”. Type a three-letter ISO 4217 code such as <code>RUB</code>, <code>BYN</code> or <code>KZT</code>.
setup-error-invalid-state = Settings not saved: one of the values is invalid. Open the setup again with /setup.

settings-team-header = <b>Team “{ $team }”</b>
