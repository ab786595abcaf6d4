## Pay scheme rules (/rules) and payslip line explanations; bot/render/rules.py

rules-title = Схема оплаты «{ $title }» — действует с { $date }.
rules-title-always = Схема оплаты «{ $title }».
rules-description = { $description }

rules-salary-header = Оклад
rules-salary = • Оклад платится за отработанные рабочие дни по производственному календарю. Дни отпуска, дни до приёма и после увольнения не оплачиваются, а личный план, цели KPI и фонд KPI уменьшаются в той же пропорции.

rules-bonus-header = Премия { $base }
rules-bonus-header-titled = { $title }
rules-base-revenue = с выручки
rules-base-margin = с маржи
rules-base-payments = с оплат
rules-base-explain-revenue = • Считается от выручки за месяц.
rules-base-explain-margin = • Считается от маржи за месяц: выручка минус себестоимость. Если за месяц маржа отрицательная, она считается равной нулю.
rules-base-explain-payments = • Считается от оплат, поступивших от клиентов за месяц.
rules-flat = • Ставка — { $rate } { $base }, план на неё не влияет.
rules-whole = • Ставка зависит от выполнения плана по показателю «{ $metric }» и применяется ко всей сумме:
rules-marginal = • Каждая часть суммы оплачивается по своей ставке, как в налоговой шкале (границы — доли плана по показателю «{ $metric }»):
rules-tier-first = { "  " }— ниже { $upper } плана — { $pay };
rules-tier-middle = { "  " }— от { $lower } до { $upper } — { $pay };
rules-tier-last = { "  " }— от { $lower } — { $pay }.
rules-tier-only = { "  " }— при любом выполнении — { $pay }.
rules-pay-none = премии нет
rules-pay-rate = { $rate }
rules-pay-fixed = { $amount } фиксированно
rules-pay-fixed-marginal = { $amount } разово при достижении
rules-exact = • Выполнение сравнивается с порогом точно, без округления: 99,995 % — это ещё не 100 %.
rules-no-plan = • Без плана премия по ступеням не начисляется.
rules-super-bonus = • Супербонус: при выполнении от { $bound } плана — ещё { $amount } сверх премии.
rules-cap = • Премия не больше { $amount } в месяц.
rules-cap-super = • Премия не больше { $amount } в месяц; супербонус платится сверх этого.
rules-factor = • Премия умножается на коэффициент отдела по выполнению плана отдела (показатель «{ $metric }»):
rules-factor-tier-first = { "  " }— ниже { $upper } — ×{ $factor };
rules-factor-tier-middle = { "  " }— от { $lower } до { $upper } — ×{ $factor };
rules-factor-tier-last = { "  " }— от { $lower } — ×{ $factor }.
rules-factor-note = • Если план отдела не задан, он равен сумме личных планов его менеджеров. У менеджера без отдела коэффициент ×1.

rules-kpi-header = Премия за KPI
rules-kpi-pool = • Фонд — { $pool } в месяц. Он делится так:
rules-kpi-target = { "  " }— { $metric }: { $weight } фонда, цель — { $target } в месяц{ $limits };
rules-kpi-target-plan = { "  " }— { $metric }: { $weight } фонда, цель — личный план на месяц{ $limits };
rules-kpi-target-ratio = { "  " }— { $metric }: { $weight } фонда, цель — { $target }{ $limits };
rules-kpi-threshold = , ниже { $threshold } цели не платится
rules-kpi-ceiling = , сверх { $ceiling } цели не учитывается
rules-kpi-criterion = { "  " }— «{ $title }» (да или нет — оценивает руководитель): { $weight } фонда;
rules-kpi-pay = • Каждая цель платит свою долю фонда, умноженную на выполнение цели.

rules-deductions-header = Депремирование
rules-deductions-intro = • Уменьшает только премии: не оклад и не ниже нуля, потому что штрафы из заработной платы закон не допускает. Что не удалось удержать, видно в расчётном листе.
rules-deduction = { "  " }— { $title } — { $amount } за каждый случай.

rules-refunds-header = Возвраты и корректировки
rules-refunds = • Закрытый месяц задним числом не пересчитывается. Если после закрытия пришёл возврат, поздняя оплата или исправление, руководитель записывает корректировку: месяц считается заново по его схеме, и разница в выплате (в плюс или в минус) входит в расчёт месяца, в котором она записана. Удержание, как и депремирование, берётся только из премии и не затрагивает оклад.

rules-health-header = Здоровье системы оплаты
rules-health = • Оклад должен составлять от { $min } до { $max } выплаты менеджера. Если лучшая переменная часть выше худшей меньше чем на { $spread } от лучшей, премия мало мотивирует.

## Metric names inside sentences

rules-metric-calls = звонки
rules-metric-proposals = КП
rules-metric-meetings = встречи
rules-metric-new_clients = новые клиенты
rules-metric-deals = сделки
rules-metric-revenue = выручка
rules-metric-margin = маржа
rules-metric-payments = оплаты
rules-metric-cost = себестоимость
rules-metric-leads = лиды
rules-metric-on_time_reports = отчёты вовремя
rules-metric-lead_conversion = конверсия лидов в клиентов
rules-metric-on_time_share = доля отчётов, сданных вовремя

rules-count-calls = { $count ->
    [one] звонок
    [few] звонка
    [many] звонков
   *[other] звонка
}
rules-count-proposals = КП
rules-count-meetings = { $count ->
    [one] встреча
    [few] встречи
    [many] встреч
   *[other] встречи
}
rules-count-new_clients = { $count ->
    [one] новый клиент
    [few] новых клиента
    [many] новых клиентов
   *[other] нового клиента
}
rules-count-deals = { $count ->
    [one] сделка
    [few] сделки
    [many] сделок
   *[other] сделки
}
rules-count-leads = { $count ->
    [one] лид
    [few] лида
    [many] лидов
   *[other] лида
}
rules-count-on_time_reports = { $count ->
    [one] отчёт
    [few] отчёта
    [many] отчётов
   *[other] отчёта
}
rules-count-days = { $count ->
    [one] рабочий день
    [few] рабочих дня
    [many] рабочих дней
   *[other] рабочего дня
}
# After "из": из 21 рабочего дня, из 20 рабочих дней.
rules-count-days-of = { $count ->
    [one] рабочего дня
   *[other] рабочих дней
}
rules-count-cases = { $count ->
    [one] случай
    [few] случая
    [many] случаев
   *[other] случая
}

rules-criterion-no_complaints = Нет жалоб клиентов
rules-criterion-documents_ok = Документы без ошибок
rules-criterion-crm_updated = CRM заполнена вовремя
rules-criterion-script_compliance = Работа по скрипту
rules-criterion-discipline = Дисциплина

## Payslip lines

rules-line = • { $label }: { $explanation } = { $amount }
rules-line-salary-label = Оклад
rules-line-salary = { $monthly } × { $worked } { $worked_unit } из { $working }
rules-line-salary-full = { $monthly } за полный месяц ({ $working } { $working_unit })
rules-line-bonus-label = Премия { $base }
rules-line-no-plan = план не задан, премии нет
rules-line-flat = { $rate } от { $base }
rules-line-whole = { $rate } от { $base }; выполнение плана { $percent } (план { $plan }{ $version }), ступень { $tier }
rules-line-marginal = по шкале от { $base }; выполнение плана { $percent } (план { $plan }{ $version }), верхняя ступень { $tier } — { $rate }
rules-line-fixed = фиксированная сумма за ступень { $tier }; выполнение плана { $percent } (план { $plan }{ $version })
rules-line-unpaid-tier = выполнение плана { $percent } (план { $plan }{ $version }), ступень { $tier } — премии нет
rules-line-version = , версия { $version }
rules-tier-lowest = нижняя
rules-tier-from = от { $bound }
rules-line-prorated = ; план уменьшен пропорционально: { $worked } из { $working } { $working_unit }
rules-line-factor = ; коэффициент отдела «{ $department }» ×{ $factor } (план отдела выполнен на { $percent })
rules-line-factor-no-plan = ; план отдела «{ $department }» не задан, коэффициент ×1
rules-line-factor-no-department = ; менеджер вне отдела, коэффициент ×1
rules-line-capped = ; ограничено суммой { $cap } (без ограничения было бы { $uncapped })
rules-line-super-label = Супербонус
rules-line-super = выполнение плана { $percent }, порог { $bound }
rules-line-kpi-label = KPI: { $metric }
rules-line-kpi = { $actual } из цели { $target } ({ $percent }) от доли { $share } ({ $weight } фонда { $pool })
rules-line-kpi-ratio = { $actual } из { $denominator } — { $measured } при цели { $target } ({ $percent }) от доли { $share } ({ $weight } фонда { $pool })
rules-line-kpi-no-target = цель не задана
rules-line-kpi-no-base = нет данных для расчёта: { $denominator } { $unit }
rules-line-kpi-below = ; ниже порога { $threshold } — не платится
rules-line-kpi-capped = ; учтено не более { $ceiling }
rules-line-criterion-label = Критерий «{ $title }»
rules-line-criterion-yes = да; { $weight } фонда { $pool }
rules-line-criterion-no = нет
rules-line-criterion-unscored = не оценено
rules-line-refund-label = Корректировка за { $month }
rules-line-refund = возврат, оформленный { $date }: { $base } × { $rate }
rules-line-deduction-label = Депремирование
rules-line-deduction = { $title }
rules-line-deduction-dated = { $title }, { $date }
rules-line-not-deducted = ; не удержано { $amount }: премии не хватило
rules-line-note = ; { $note }

## Streak warnings for the head

rules-streak-watch = { $name }: план не выполнен { $months } месяца подряд, последний из них — { $month }. Стоит поговорить и проверить не только работу менеджера, но и внешние причины: рынок, поток лидов, продукт, размер плана.
rules-streak-act = { $name }: план не выполнен { $months } { $months ->
        [one] месяц
        [few] месяца
       *[many] месяцев
    } подряд, последний из них — { $month }. Пора разобрать причины вместе с менеджером, и внешние тоже: рынок, поток лидов, продукт, реалистичность плана.

## Scheme file errors: the key, the value and the fix

rules-error-location = Ошибка в схеме оплаты, ключ { $path }: { $message }
rules-error-location-file = Ошибка в схеме оплаты: { $message }
rules-error-syntax = файл не читается как TOML (строка { $line }, позиция { $column }: { $detail }). Проверьте кавычки, запятые и скобки в этой строке.
rules-error-missing = ключ не указан. Добавьте его, например: { $example }
rules-error-unknown-key = такого ключа нет. Проверьте написание; здесь допустимы: { $known }.
rules-error-not-table = здесь нужен раздел [ … ] или таблица {"{"} … {"}"}, а указано { $value }.
rules-error-not-list = здесь нужен список [ … ], а указано { $value }.
rules-error-not-text = здесь нужен непустой текст в кавычках, а указано { $value }.
rules-error-not-percent = { $value } — не процент. Пишите так: "7 %".
rules-error-not-money = { $value } — не сумма. Пишите так: 25000 или "25 000,50".
rules-error-not-number = { $value } — не число. Пишите так: 800 или 1,2.
rules-error-too-precise = { $value } — точнее копейки. Оставьте не больше двух знаков после запятой.
rules-error-not-month = { $value } — не месяц. Пишите так: "2026-11".
rules-error-negative = { $value } — отрицательное значение. Укажите 0 или больше.
rules-error-choice = { $value } — недопустимое значение. Допустимы: { $choices }.
rules-error-bare-number = { $value } без знака % читается как доля, то есть { $value } × 100 %. Если имеется в виду { $value } процентов, напишите "{ $value } %".
rules-error-mixed-units = { $value } записано иначе, чем { $other_path } = { $other_value }. Пишите все значения этой таблицы одинаково, процентами: "7 %".
rules-error-rate-above-100 = { $value } — больше 100 %. Ставка и доля не могут превышать 100 %.
rules-error-tiers-empty = нет ни одной ступени. Добавьте хотя бы одну, начиная с "0 %".
rules-error-first-tier-not-zero = первая ступень начинается с { $value }. Первая ступень должна начинаться с "0 %", иначе при низком выполнении ни одна ступень не подойдёт.
rules-error-bounds-not-increasing = порог { $value } не выше предыдущего ({ $previous }). Каждая следующая ступень должна начинаться выше предыдущей.
rules-error-rate-and-fixed = у ступени указаны и rate, и fixed. Оставьте что-то одно: процент или фиксированную сумму.
rules-error-rate-or-fixed = у ступени нет выплаты. Добавьте rate = "7 %" или fixed = 20000.
rules-error-marginal-plan-metric = { $value }: в режиме marginal сумма делится на части по собственному плану базы. Уберите plan_metric или укажите "{ $base }".
rules-error-unknown-metric = { $value } — неизвестный показатель. Известные: { $known }. Свой показатель объявите в разделе [[metrics]].
rules-error-weights-sum = веса KPI в сумме дают { $value }, а должны давать 100 %. Исправьте веса целей и критериев.
rules-error-threshold-above-cap = порог { $value } выше предела { $cap }. Порог должен быть не выше предела.
rules-error-cap-zero = предел { $value } никогда ничего не заплатит. Уберите его или поднимите.
rules-error-duplicate-code = { $value } встречается дважды. Каждый код должен быть уникальным.
rules-error-bad-code = { $value } — не код. Используйте буквы, цифры, _ и - без пробелов.
rules-error-criterion-needs-title = { $value } — не стандартный критерий ({ $standard }). Добавьте для него title = "…".
rules-error-builtin-metric = { $value } — встроенный показатель. Выберите другой код.
rules-error-target-needs-percent = цель для { $metric } — доля. Пишите так: "25 %".
rules-error-target-not-percent = цель для { $metric } — количество или сумма, не процент. Пишите так: 800.
rules-error-fixed-share-range = { $value } меньше, чем fixed_share_min = { $other_value }. Максимальная доля оклада должна быть не меньше минимальной.
rules-error-kpi-empty = в разделе нет ни целей, ни критериев. Добавьте [[kpi.targets]] или [[kpi.criteria]].
rules-error-invalid = { $detail }

## Titles of the built-in presets, in the reader's language
rules-preset-title-flat_percent = Фиксированный процент с выручки
rules-preset-title-by_attainment = Процент по выполнению плана
rules-preset-title-personal_department = Личный план × план отдела
