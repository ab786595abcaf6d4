## Ambiguous numbers, kept form values, month close and date checks

report-error-ambiguous-thousands = “{ $value }” (metric “{ $metric }”) can be read both as { $decimal } and as { $thousands }. For thousands, write { $thousands } (split by spaces); for a fraction, keep at most two decimals.
amount-error-ambiguous-thousands = “{ $value }” can be read both as { $decimal } and as { $thousands }. For thousands, write { $thousands } (split by spaces); for a fraction, keep at most two decimals.
calc-error-ambiguous-thousands = “{ $value }” can be read both as { $decimal } and as { $thousands }. For thousands, enter { $thousands } (split by spaces) or a number cell; for a fraction, keep at most two decimals.
form-summary-kept-line = • { $metric }: { $actual } (unchanged)
plan-error-too-large = This plan is more than a month can hold (at most { $limit }). It looks like a typo; check the zeros.
plan-error-fractional-count = This metric counts units, but the plan is { $value }. Give a whole number, for example <code>/plan 12 calls 800</code>.
plan-error-too-precise = The plan { $value } is finer than a kopeck. Keep at most two decimals.
rules-error-number-too-large = { $value } is above { $limit }. It looks like a typo; check the zeros.
rules-error-text-too-long = the text is longer than { $limit } characters. Shorten it.
rules-error-too-deep = the file nests lists or tables too deeply. A scheme needs two or three levels of nesting.
close-error-reports-open = Reports for { $month } are still accepted: a report for its last day can arrive until { $last_report_day } inclusive. The month can be closed from { $close_from }. To close it now, send <code>/close { $month } now</code>.
close-early-warning = The month was closed early: the bot will refuse late reports for { $month }, and they will need an adjustment in the current month.
month-error-too-far = The month “{ $value }” is too far from today; it looks like a typo. Give a month from { $earliest } to { $latest }.
hired-error-too-far = The hire date looks like a typo: give a date from { $earliest } to { $latest }, for example <code>/hired 12 15.09.2026</code>.
