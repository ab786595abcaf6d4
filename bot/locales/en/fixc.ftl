# A scheduled post that could not be built: sent to the heads once.
post-render-failed = ⚠️ The “{ $post }” post for { $date } could not be prepared because of an error in the bot, so it was not sent and will not be retried. The error is logged (entry no. { $post_id }); please pass this number to the bot's administrator.

# Dated salaries (/salary … from 2026-12, /team).
salary-set = Salary set: { $name } — { $amount } a month from { $month }. Earlier months keep the previous salary.
salary-notice = Your salary from { $month }: { $amount } a month.
salary-notice-none = From { $month } you get no salary: the head set it to 0.
salary-notice-undelivered = The manager could not be told in a private chat: they have not written to the bot yet or have blocked it.
salary-with-upcoming = { $current }, from { $month } — { $upcoming }
salary-error-month = “{ $value }” is not a month. Give the month the salary starts in like this: <code>/salary 12 60 000 from 2026-12</code>.
salary-error-closed = { $month } is already closed, and its payroll does not change. Give a month that is still open, for example: <code>/salary 12 60 000 from { $next }</code>.
salary-error-too-far = A salary can be set at most { $months } months ahead, and { $month } is further. Check the year of the month.
salary-error-kopecks = A salary can have at most two decimal places, for example: <code>/salary 12 60 000.50</code>.
