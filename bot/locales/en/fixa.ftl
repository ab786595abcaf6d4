## Ambiguous numbers, kept form values, month close and date checks

report-error-ambiguous-thousands = “{ $value }” (metric “{ $metric }”) can be read both as { $decimal } and as { $thousands }. Write { $thousands } (thousands split by spaces) or { $decimal }.
amount-error-ambiguous-thousands = “{ $value }” can be read both as { $decimal } and as { $thousands }. Write { $thousands } (thousands split by spaces) or { $decimal }.
calc-error-ambiguous-thousands = “{ $value }” can be read both as { $decimal } and as { $thousands }. Enter { $thousands } (thousands split by spaces, or a number cell) or { $decimal }.
form-summary-kept-line = • { $metric }: { $actual } (unchanged)
plan-error-too-large = This plan is more than a month can hold (at most { $limit }). It looks like a typo; check the zeros.
plan-error-fractional-count = This metric counts units, but the plan is { $value }. Give a whole number, for example <code>/plan 12 calls 800</code>.
plan-error-too-precise = The plan { $value } is finer than a kopeck. Keep at most two decimals.
salary-error-too-precise = The salary { $value } is finer than a kopeck. Keep at most two decimals, for example <code>/salary 12 60 000.50</code>.
rules-error-number-too-large = { $value } is above { $limit }. It looks like a typo; check the zeros.
rules-error-text-too-long = the text is longer than { $limit } characters. Shorten it.
rules-error-too-deep = the file nests lists or tables too deeply. A scheme needs two or three levels of nesting.
