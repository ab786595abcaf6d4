## Guided report form

form-button-back = « Back
form-button-skip = Skip »
form-button-cancel = Cancel
form-button-save = ✅ Save the report
form-button-restart = Start again
form-step = <b>Report for { $date }</b> — step { $number } of { $total }
form-current = Now: { $value }. Type a new number, or press “Skip” to leave it out.
form-question-calls = How many calls did you make? Type a number.
form-question-proposals = How many proposals did you send? Type a number.
form-question-meetings = How many meetings did you hold? Type a number.
form-question-new_clients = How many new clients came in? Type a number.
form-question-deals = How many deals did you close? Type a number.
form-question-revenue = What was the day's revenue? For example: 250k, 1.2m or 250 000.
form-question-margin = What was the day's margin? For example: 60k or 60 000.
form-question-payments = How much in payments came in? For example: 180k or 180 000.
form-summary = <b>Check your report for { $date }:</b>
form-summary-empty = You have not filled in any metric.
form-summary-hint = Skipped metrics keep the values the day's report already has, and are not stored if it has none. If everything is right, press “Save the report”.
form-use-buttons = All steps are done: save the report with the button under the summary, or go back.
form-expired-alert = This form is no longer current.
form-expired = This report form has expired, for example because a newer one replaced it. Nothing was saved. Please fill in the report again.
form-cancelled = The report form is cancelled; nothing was saved.
form-nothing-to-save = Nothing to save: fill in at least one metric.
form-error-not-a-number = “{ $name }” is not a number. For “{ $metric }” type, for example, 40 or 250k; to leave it out, press “Skip”.
