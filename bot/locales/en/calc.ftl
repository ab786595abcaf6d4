## salesboard calc and salesboard template; bot/calc

calc-saved = Saved to { $path }.
calc-template-saved = Template saved to { $path }. Fill in the team, plans and reports sheets and run: salesboard calc --scheme by_attainment --data { $path } --month { $month }

calc-report-header = Payroll for { $month } (scheme "{ $scheme }", in force from { $date })
calc-report-manager = { $number }. { $name } — { $total }
calc-report-manager-department = { $number }. { $name } ({ $department }) — { $total }
calc-report-plan-version = Plan on "{ $metric }": version { $version } of { $date }, set by { $author }.
calc-report-fixed-share = Salary share of pay: { $share }.
calc-report-fixed-share-low = Salary share of pay: { $share }, below { $min }. The fixed part is small: one weak month and the manager may leave.
calc-report-fixed-share-high = Salary share of pay: { $share }, above { $max }. The variable part is too small to motivate.
calc-report-fixed-share-none = Salary share: the pay is zero.
calc-report-empty = The team sheet has no managers.
calc-report-total = Team total: { $total } (salaries { $salary }, bonuses { $bonus }, KPI { $kpi }, deductions { $deductions }, adjustments { $adjustments })
calc-report-not-deducted = Not deducted because the variable pay ran out: { $amount }.
calc-report-department = Department "{ $name }": { $actual } of { $plan } ({ $percent })
calc-report-spread-small = Spread of variable pay is { $spread } (best { $best }, worst { $worst }), below { $min }: the bonus hardly depends on results. Review the tiers.
calc-report-spread-none = Nobody earned variable pay: the scheme does not motivate right now.

calc-template-readme =
    Workbook for salesboard calc. Month of the examples: { $month }.
    Required sheets: team, plans, reports. The others may stay empty or be deleted.
    The first row of a sheet holds the column names, as in the template. Numbers may be written as 250000 or 1 250 000,50; dates as date cells, 2026-11-03 or 03.11.2026.

    team — the team: manager (name, as in the other sheets), department, hired_on, left_on, salary (monthly).
    plans — the month's plans: manager or department (one of the two), metric (revenue, margin, payments, calls, meetings…), value, version, author (who changed it), set_at (when). If a plan changed, list every version: the last one is used.
    reports — daily reports: date, manager and metric columns: calls, proposals, meetings, new_clients, deals, revenue, cost, payments, leads, on_time (report on time: yes/no). Declare your own metrics in the scheme's [[metrics]].
    absences — vacations: manager, from, to. Working days on vacation earn no salary and shrink the plan.
    criteria — the head's scores for the KPI premium: manager, criterion (code from the scheme), passed (yes/no).
    deductions — deductions: manager, date, code (from the scheme), note.
    refunds — refunds for closed months: manager, date (when recorded), deal_month (e.g. 2026-10), amount, rate (the rate it was paid at, e.g. 7 %), note.

    Run: salesboard calc --scheme scheme.toml --data this-workbook.xlsx --month { $month }

## Errors: where, what, and the fix

calc-error-at-cell = Sheet "{ $sheet }", row { $row }, column "{ $column }": { $message }
calc-error-at-column = Sheet "{ $sheet }", column "{ $column }": { $message }
calc-error-at-sheet = Sheet "{ $sheet }": { $message }
calc-error-in-file = File { $path }. { $message }

calc-error-data-not-found = File or folder "{ $path }" not found. Give --data an .xlsx workbook or a folder of CSV files.
calc-error-format = "{ $path }": this format cannot be read. Save the workbook as .xlsx in Excel or export the sheets to CSV.
calc-error-not-a-workbook = "{ $path }" does not open as an .xlsx workbook ({ $detail }). Save it in Excel as "Excel Workbook (.xlsx)".
calc-error-no-csv = The folder "{ $path }" has no CSV files. It needs at least team.csv, plans.csv and reports.csv.
calc-error-csv-encoding = "{ $path }" is not UTF-8. Save it in Excel as "CSV UTF-8 (comma delimited)".
calc-error-sheet-missing = the sheet is missing. Add it (salesboard template writes a sample). The workbook has: { $found }.
calc-error-column-missing = column "{ $column }" is missing. Add its name to the sheet's first row.
calc-error-column-duplicate = column "{ $column }" appears twice. Keep one.
calc-error-column-unknown = "{ $column }" is not a known metric. Known: { $known }. Declare your own metric in the scheme's [[metrics]] or remove the column.
calc-error-formula-without-value = the formula { $value } has no saved value. Open the workbook in Excel and save it so the formulas are computed.
calc-error-not-a-number = "{ $value }" is not a number. Write a number such as 250000 or 1 250 000,50.
calc-error-negative = { $value } is negative. Give 0 or more; put a refund on the refunds sheet.
calc-error-not-whole = { $value } is fractional, but this column counts units. Give a whole number.
calc-error-too-precise = { $value } is finer than a kopeck. Keep at most two decimals (in Excel, ROUND(…, 2)).
calc-error-not-a-date = "{ $value }" is not a date. Use a date cell or the text 2026-11-03 or 03.11.2026.
calc-error-not-a-month = "{ $value }" is not a month. Write it like 2026-10.
calc-error-not-yes-no = "{ $value }": yes or no is expected here.
calc-error-empty-cell = the cell is empty but a value is required. Fill it in.
calc-error-date-outside-month = the date { $value } is outside the month { $month }. Remove the row or check the date and --month.
calc-error-unknown-manager = "{ $value }" is not on the team sheet. Add them there or fix the name. On the team sheet: { $known }.
calc-error-duplicate-manager = "{ $value }" is listed twice. Keep one row.
calc-error-unknown-department = department "{ $value }" is not on the team sheet. Departments there: { $known }.
calc-error-unknown-metric = "{ $value }" is not a known metric. Known: { $known }.
calc-error-plan-scope = give a plan row either a manager or a department, exactly one of the two.
calc-error-not-a-version = plan version { $value } must be a whole number from 1.
calc-error-duplicate-plan = version { $version } of the "{ $metric }" plan is listed twice. Give the new version the next number.
calc-error-unknown-criterion = the scheme has no criterion "{ $value }". Its criteria: { $known }.
calc-error-unknown-deduction = the scheme publishes no deduction "{ $value }". Published codes: { $known }.
calc-error-deal-month-open = the deal month { $value } is not closed: refunds are for months before { $month }. Show a refund inside the month in that month's reports.
calc-error-range-reversed = the date { $value } is before the start date ({ $start }). Check both dates.
calc-error-rate-above-100 = the rate { $value } is above 100 %. Write it like 7 % or 0.07.

calc-error-month = "{ $value }" is not a month. Give --month as 2026-11.
calc-error-timezone = Timezone "{ $value }" not found. Give it like Europe/Moscow.
calc-error-country = No production calendar for country "{ $value }". Give an ISO 3166 code such as RU.
calc-error-scheme-not-found = Scheme file "{ $path }" not found. Give a .toml file or a preset: { $presets }.
calc-error-scheme-unreadable = Scheme file "{ $path }" cannot be read ({ $detail }). Save it as UTF-8 text.
calc-error-scheme-same-month = Two scheme versions take effect from the same month. Keep one or fix effective_from.
calc-error-scheme-not-in-force = No scheme version is in force in { $month }: the first takes effect from { $first }. Check --month or effective_from.
calc-error-compute = Payroll could not be computed: { $detail }
calc-error-write = Could not write "{ $path }": { $detail }. Check the path and write permissions.
