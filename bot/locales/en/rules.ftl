## Pay scheme rules (/rules) and payslip line explanations; bot/render/rules.py

rules-title = Pay scheme “{ $title }”, in force from { $date }.
rules-title-always = Pay scheme “{ $title }”.
rules-description = { $description }

rules-salary-header = Salary
rules-salary = • The salary is paid for the working days worked, by the production calendar. Vacation days and days before hiring or after leaving are not paid, and the personal plan, KPI targets and the KPI pool shrink in the same proportion.

rules-bonus-header = Bonus { $base }
rules-bonus-header-titled = { $title }
rules-base-revenue = on revenue
rules-base-margin = on margin
rules-base-payments = on payments
rules-base-explain-revenue = • It is computed on the month's revenue.
rules-base-explain-margin = • It is computed on the month's margin: revenue minus cost. A negative margin for the month counts as zero.
rules-base-explain-payments = • It is computed on payments received from clients in the month.
rules-flat = • The rate is { $rate } { $base }; the plan does not change it.
rules-whole = • The rate follows plan attainment on “{ $metric }” and applies to the whole amount:
rules-marginal = • Each slice of the amount is paid at its own rate, like tax brackets (bounds are shares of the plan on “{ $metric }”):
rules-tier-first = { "  " }— below { $upper } of plan — { $pay };
rules-tier-middle = { "  " }— from { $lower } to { $upper } — { $pay };
rules-tier-last = { "  " }— from { $lower } — { $pay }.
rules-tier-only = { "  " }— at any attainment — { $pay }.
rules-pay-none = no bonus
rules-pay-rate = { $rate }
rules-pay-fixed = a fixed { $amount }
rules-pay-fixed-marginal = { $amount } once on reaching it
rules-exact = • Attainment is compared with a bound exactly, without rounding: 99.995 % is not yet 100 %.
rules-no-plan = • Without a plan no tiered bonus is paid.
rules-super-bonus = • Super bonus: from { $bound } of plan, another { $amount } on top of the bonus.
rules-cap = • The bonus is at most { $amount } a month.
rules-cap-super = • The bonus is at most { $amount } a month; the super bonus is paid on top.
rules-factor = • The bonus is multiplied by a department factor from the department's plan attainment (“{ $metric }”):
rules-factor-tier-first = { "  " }— below { $upper } — ×{ $factor };
rules-factor-tier-middle = { "  " }— from { $lower } to { $upper } — ×{ $factor };
rules-factor-tier-last = { "  " }— from { $lower } — ×{ $factor }.
rules-factor-note = • Without a department plan, the plan is the sum of its managers' plans. A manager outside any department gets ×1.

rules-kpi-header = KPI premium
rules-kpi-pool = • The pool is { $pool } a month, split like this:
rules-kpi-target = { "  " }— { $metric }: { $weight } of the pool, target { $target } a month{ $limits };
rules-kpi-target-plan = { "  " }— { $metric }: { $weight } of the pool, target is the personal plan{ $limits };
rules-kpi-target-ratio = { "  " }— { $metric }: { $weight } of the pool, target { $target }{ $limits };
rules-kpi-threshold = , nothing below { $threshold } of target
rules-kpi-ceiling = , nothing counts above { $ceiling } of target
rules-kpi-criterion = { "  " }— “{ $title }” (yes or no, scored by the head): { $weight } of the pool;
rules-kpi-pay = • Each target pays its share of the pool times the share of the target reached.

rules-deductions-header = Deductions
rules-deductions-intro = • They reduce only the variable pay: never the salary and never below zero, because the law does not allow fines from wages. What could not be deducted shows on the payslip.
rules-deduction = { "  " }— { $title } — { $amount } each time.

rules-refunds-header = Refunds and adjustments
rules-refunds = • A closed month is never recomputed after the fact. When a refund, a late payment or a correction arrives for it, the head records an adjustment: the month is computed again under its own scheme, and the pay difference, up or down, goes into the month it is recorded in. Like a deduction, a reduction comes only from the bonus and never touches the salary.

rules-health-header = Pay plan health
rules-health = • The salary should be { $min } to { $max } of a manager's pay. If the best variable pay exceeds the worst by less than { $spread } of the best, the bonus hardly motivates.

## Metric names inside sentences

rules-metric-calls = calls
rules-metric-proposals = proposals
rules-metric-meetings = meetings
rules-metric-new_clients = new clients
rules-metric-deals = deals
rules-metric-revenue = revenue
rules-metric-margin = margin
rules-metric-payments = payments
rules-metric-cost = cost
rules-metric-leads = leads
rules-metric-on_time_reports = reports on time
rules-metric-lead_conversion = lead-to-client conversion
rules-metric-on_time_share = share of reports on time

rules-count-calls = { $count ->
    [one] call
   *[other] calls
}
rules-count-proposals = { $count ->
    [one] proposal
   *[other] proposals
}
rules-count-meetings = { $count ->
    [one] meeting
   *[other] meetings
}
rules-count-new_clients = { $count ->
    [one] new client
   *[other] new clients
}
rules-count-deals = { $count ->
    [one] deal
   *[other] deals
}
rules-count-leads = { $count ->
    [one] lead
   *[other] leads
}
rules-count-on_time_reports = { $count ->
    [one] report
   *[other] reports
}
rules-count-days = { $count ->
    [one] working day
   *[other] working days
}
rules-count-days-of = { $count ->
    [one] working day
   *[other] working days
}
rules-count-cases = { $count ->
    [one] case
   *[other] cases
}

rules-criterion-no_complaints = No client complaints
rules-criterion-documents_ok = Documents without errors
rules-criterion-crm_updated = CRM kept up to date
rules-criterion-script_compliance = Sales script followed
rules-criterion-discipline = Discipline

## Payslip lines

rules-line = • { $label }: { $explanation } = { $amount }
rules-line-salary-label = Salary
rules-line-salary = { $monthly } × { $worked } { $worked_unit } of { $working }
rules-line-salary-full = { $monthly } for the full month ({ $working } { $working_unit })
rules-line-bonus-label = Bonus { $base }
rules-line-no-plan = no plan set, no bonus
rules-line-flat = { $rate } of { $base }
rules-line-whole = { $rate } of { $base }; plan attainment { $percent } (plan { $plan }{ $version }), tier { $tier }
rules-line-marginal = by slices of { $base }; plan attainment { $percent } (plan { $plan }{ $version }), top tier { $tier } at { $rate }
rules-line-fixed = a fixed amount for tier { $tier }; plan attainment { $percent } (plan { $plan }{ $version })
rules-line-unpaid-tier = plan attainment { $percent } (plan { $plan }{ $version }), tier { $tier } pays no bonus
rules-line-version = , version { $version }
rules-tier-lowest = lowest
rules-tier-from = from { $bound }
rules-line-prorated = ; plan pro-rated: { $worked } of { $working } { $working_unit }
rules-line-factor = ; department “{ $department }” factor ×{ $factor } (department plan { $percent })
rules-line-factor-no-plan = ; department “{ $department }” has no plan, factor ×1
rules-line-factor-no-department = ; outside any department, factor ×1
rules-line-capped = ; capped at { $cap } (uncapped { $uncapped })
rules-line-super-label = Super bonus
rules-line-super = plan attainment { $percent }, bound { $bound }
rules-line-kpi-label = KPI: { $metric }
rules-line-kpi = { $actual } of target { $target } ({ $percent }) of a { $share } share ({ $weight } of pool { $pool })
rules-line-kpi-ratio = { $actual } of { $denominator } — { $measured } against target { $target } ({ $percent }) of a { $share } share ({ $weight } of pool { $pool })
rules-line-kpi-no-target = no target set
rules-line-kpi-no-base = nothing to measure: { $denominator } { $unit }
rules-line-kpi-below = ; below the { $threshold } threshold, nothing paid
rules-line-kpi-capped = ; counted up to { $ceiling }
rules-line-criterion-label = Criterion “{ $title }”
rules-line-criterion-yes = yes; { $weight } of pool { $pool }
rules-line-criterion-no = no
rules-line-criterion-unscored = not scored
rules-line-refund-label = Adjustment for { $month }
rules-line-refund = refund recorded { $date }: { $base } × { $rate }
rules-line-deduction-label = Deduction
rules-line-deduction = { $title }
rules-line-deduction-dated = { $title }, { $date }
rules-line-not-deducted = ; { $amount } not deducted: the variable pay ran out
rules-line-note = ; { $note }

## Streak warnings for the head

rules-streak-watch = { $name }: plan missed { $months } months in a row, the last one { $month }. Worth a talk, and worth checking causes beyond the manager too: market, lead flow, product, plan size.
rules-streak-act = { $name }: plan missed { $months } months in a row, the last one { $month }. Time to go through the causes with the manager, external ones included: market, lead flow, product, whether the plan is realistic.

## Scheme file errors: the key, the value and the fix

rules-error-location = Error in the pay scheme, key { $path }: { $message }
rules-error-location-file = Error in the pay scheme: { $message }
rules-error-syntax = the file is not valid TOML (line { $line }, column { $column }: { $detail }). Check quotes, commas and brackets on that line.
rules-error-missing = the key is missing. Add it, for example: { $example }
rules-error-unknown-key = there is no such key. Check the spelling; allowed here: { $known }.
rules-error-not-table = a section [ … ] or a table {"{"} … {"}"} is expected here, not { $value }.
rules-error-not-list = a list [ … ] is expected here, not { $value }.
rules-error-not-text = non-empty text in quotes is expected here, not { $value }.
rules-error-not-percent = { $value } is not a percent. Write it like "7 %".
rules-error-not-money = { $value } is not an amount. Write it like 25000 or "25 000,50".
rules-error-not-number = { $value } is not a number. Write it like 800 or 1.2.
rules-error-too-precise = { $value } is finer than a kopeck. Keep at most two decimals.
rules-error-not-month = { $value } is not a month. Write it like "2026-11".
rules-error-negative = { $value } is negative. Give 0 or more.
rules-error-choice = { $value } is not allowed. Allowed: { $choices }.
rules-error-bare-number = { $value } without a % sign reads as a share, that is { $value } × 100 %. If you mean { $value } percent, write "{ $value } %".
rules-error-mixed-units = { $value } is written differently from { $other_path } = { $other_value }. Write every value of this table the same way, as percents: "7 %".
rules-error-rate-above-100 = { $value } is above 100 %. A rate or a share cannot exceed 100 %.
rules-error-tiers-empty = there are no tiers. Add at least one, starting from "0 %".
rules-error-first-tier-not-zero = the first tier starts from { $value }. It must start from "0 %", or low attainment would match no tier.
rules-error-bounds-not-increasing = the bound { $value } is not above the previous one ({ $previous }). Each tier must start higher than the one before.
rules-error-rate-and-fixed = the tier has both rate and fixed. Keep one: a percent or a fixed amount.
rules-error-rate-or-fixed = the tier pays nothing. Add rate = "7 %" or fixed = 20000.
rules-error-marginal-plan-metric = { $value }: in marginal mode the amount is cut into slices of its own plan. Remove plan_metric or set it to "{ $base }".
rules-error-unknown-metric = { $value } is not a known metric. Known: { $known }. Declare your own metric in [[metrics]].
rules-error-weights-sum = the KPI weights add up to { $value }, not 100 %. Fix the weights of the targets and criteria.
rules-error-threshold-above-cap = the threshold { $value } is above the cap { $cap }. The threshold must not exceed the cap.
rules-error-cap-zero = the cap { $value } would never pay. Remove it or raise it.
rules-error-duplicate-code = { $value } appears twice. Every code must be unique.
rules-error-bad-code = { $value } is not a code. Use letters, digits, _ and - without spaces.
rules-error-criterion-needs-title = { $value } is not a standard criterion ({ $standard }). Add title = "…" for it.
rules-error-builtin-metric = { $value } is a built-in metric. Choose another code.
rules-error-target-needs-percent = the target of { $metric } is a share. Write it like "25 %".
rules-error-target-not-percent = the target of { $metric } is a count or an amount, not a percent. Write it like 800.
rules-error-fixed-share-range = { $value } is below fixed_share_min = { $other_value }. The maximum salary share must not be below the minimum.
rules-error-kpi-empty = the section has no targets and no criteria. Add [[kpi.targets]] or [[kpi.criteria]].
rules-error-invalid = { $detail }

## Titles of the built-in presets, in the reader's language
rules-preset-title-flat_percent = Flat percent of revenue
rules-preset-title-by_attainment = Percent by plan attainment
rules-preset-title-personal_department = Personal plan × department plan
