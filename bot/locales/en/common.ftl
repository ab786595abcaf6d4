command-unknown = I do not know the command { $command }. All commands: /help.
command-unknown-form-waits = Your report is not sent yet: type a number for the current step or press “Cancel”.
top-empty-filtered = Nobody matches this filter. Newcomers and veterans are told apart by the hire date (<code>/hired 12 15.09.2026</code>); without one a manager counts as a veteran.
month-error-closed-dates = This change reaches into the closed month { $month }: its payroll is stored and its dates no longer change. If its pay must change, record the difference with <code>/adjust</code>.
adjust-error-too-large = The change { $value } is more than a month can hold (at most { $most }). It looks like a typo; check the zeros.
