## Team metrics (/metrics), their place in /report, the guided form and scheme files; bot/handlers/metrics.py

cmd-metrics = The team's own metrics (head)

-metrics-add-example = <code>/metrics add units_a count Линейка А / Line A</code>

metrics-usage =
    How to manage the team's metrics:
    <code>/metrics</code> — the list
    { -metrics-add-example } — add one: a Latin code, a kind (count or money), the Russian title; an English title after “ / ” is optional
    <code>/metrics off units_a</code> — switch off (earlier reports are kept), <code>/metrics on units_a</code> — switch on again
    <code>/metrics limit units_a 50</code> — the most one manager may report in a day
metrics-error-private-only = The team's metrics are set up in a private chat with me: send me /metrics there.

metrics-empty = The team has no metrics of its own yet, only the built-in ones: calls, proposals, meetings, new clients, deals, revenue, margin, payments. To add one: { -metrics-add-example }
metrics-header = <b>The team's own metrics</b>
metrics-line = • <code>{ $code }</code> — { $title }, { $kind }, up to { $limit } a day
metrics-line-off = • <code>{ $code }</code> — { $title }, { $kind }, switched off
metrics-kind-count = count
metrics-kind-money = money
metrics-hint = Managers write them in a report by code or by title; the guided form asks for them after the built-in ones. Switch one off: <code>/metrics off code</code>; daily limit: <code>/metrics limit code number</code>.

metrics-added = Metric “{ $title }” (<code>{ $code }</code>) added.
metrics-how-to-report = Managers can report it by code or by title: <code>/report { $code } { $example }</code> or <code>/report { $title } { $example }</code>.
metrics-how-to-report-code = Managers report it by code: <code>/report { $code } { $example }</code>. A title with digits or signs is not recognised in a report.
metrics-switched-off = Metric “{ $title }” (<code>{ $code }</code>) switched off: new reports cannot carry it, earlier values are kept. To switch it on again: <code>/metrics on { $code }</code>.
metrics-switched-on = Metric “{ $title }” (<code>{ $code }</code>) is accepted in reports again.
metrics-limit-set = One day's report of “{ $title }” may now be at most { $limit }.

metrics-error-kind = “{ $value }” is not a metric kind. Write <code>count</code> for a number of items or <code>money</code> for an amount, for example: { -metrics-add-example }
metrics-error-bad-code = The code “{ $code }” is invalid: use Latin letters and “_”, 2 to 20 characters, no digits (a report reads digits as a value). For example: <code>units_a</code>.
metrics-error-builtin-code = The code “{ $code }” already means a built-in metric. Choose another one, such as <code>units_a</code>.
metrics-error-duplicate = The team already has a metric with the code “{ $code }”. See /metrics; a switched-off one comes back with <code>/metrics on { $code }</code>.
metrics-error-too-many = The team already has { $limit } metrics of its own, the maximum. Switched-off metrics count too.
metrics-error-no-title = The metric's title is missing. For example: { -metrics-add-example }
metrics-error-title-too-long = The title is longer than { $limit } characters. Shorten it: managers will type it in reports.
metrics-error-name-taken = The name “{ $name }” already means the metric <code>{ $code }</code>, so reports could not tell them apart. Choose another title.
metrics-error-not-found = The team has no metric “{ $code }”. See the list with /metrics.
metrics-error-limit = “{ $value }” is not a valid limit: it must be a whole number above zero, for example <code>/metrics limit units_a 50</code>.

metrics-error-scheme-code = The scheme was not published: the metric code “{ $code }” in [[metrics]] cannot be typed in a report. Use lower-case Latin letters and “_”, 2 to 20 characters, no digits.
metrics-error-scheme-name-taken = The scheme was not published: the title “{ $name }” in [[metrics]] already means the metric { $code }. Rename the metric in the file.
metrics-error-scheme-kind = The scheme was not published: the team stores { $code } as { $kind }, but the file declares it as { $declared }. Earlier reports cannot change kind, so give the file's metric another code.
metrics-from-scheme = The scheme's metrics are now accepted in reports and plans: { $metrics }. List and settings: /metrics.

metrics-report-unknown = I do not know the metric “{ $name }”. Available: calls, proposals, meetings, new clients, deals, revenue, margin, payments, and the team's own: { $team_metrics }. For example: <code>/report calls 40, { $code } 3</code>

metrics-form-question-count = How many today: { $metric }? Write a number.
metrics-form-question-money = What amount today: { $metric }? For example: 250k or 250 000.
metrics-form-question-gone = The team no longer has the metric { $code }. Press “Skip”.
