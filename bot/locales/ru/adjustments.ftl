## /adjust: late changes to a closed month

cmd-adjust = Корректировка закрытого месяца: /adjust 12 2026-10 выручка -50 000 (руководитель)
adjust-usage = Укажите менеджера, закрытый месяц, показатель, изменение со знаком и причину: <code>/adjust 12 2026-10 выручка -50 000 возврат по договору 12</code>. Минус — возврат или лишнее в отчётах, плюс — поздняя оплата или неучтённая сделка.
adjust-error-private-only = Корректировки записываются только в личном чате с ботом, потому что в них видны суммы выплат.
adjust-error-role = Корректировки записывает руководитель команды или руководитель отдела. Если цифры за закрытый месяц неверны, напишите им.
adjust-error-unknown-metric = Не знаю показатель «{ $name }». Можно указать: звонки, кп, встречи, новые клиенты, сделки, выручка, маржа, оплаты.
adjust-error-sign = Укажите изменение со знаком: <code>-{ $value }</code>, если показатель уменьшается (например, возврат), или <code>+{ $value }</code>, если растёт (например, поздняя оплата).
adjust-error-amount = «{ $value }» не похоже на изменение. Напишите число со знаком, например <code>-50 000</code>, <code>+1</code> или <code>-1,2 млн</code>; количество — целым числом, сумму — не точнее копеек.
adjust-error-future-month = Месяц { $month } ещё не наступил, корректировать в нём нечего.
adjust-error-open-month = Месяц { $month } не закрыт, поэтому корректировка не нужна: исправьте отчёт за нужный день (менеджер отправляет его заново, например <code>/report { $day } выручка 450к</code>), и расчёт обновится сам. Корректировка нужна только для месяца, закрытого командой /close.
adjust-error-not-in-month = { $name } нет в расчёте за { $month }, поэтому корректировать нечего.
adjust-error-below-zero = Показатель «{ $metric }» за { $month } стал бы меньше нуля: с прежними корректировками учтено { $total }. Проверьте сумму.
adjust-done =
    Корректировка записана: { $name }, { $metric } за { $month } { $change }.
    Месяц пересчитан по схеме, действовавшей тогда: выполнение плана { $attainment_before } → { $attainment_after }, к выплате было { $before }, стало { $after }.
    Разница { $difference } войдёт в расчёт за { $paid_in }, а сохранённый расчёт за { $month } не меняется. Менеджер получил уведомление с причиной.
adjust-notice =
    Корректировка за { $month }: { $metric } { $change }. Причина: { $reason }.
    Расчёт за { $month } пересчитан по схеме, действовавшей тогда: было { $before }, стало { $after }.
    { $direction ->
        [down] Разница { $difference } будет удержана из премии за { $paid_in }; оклад она не затрагивает.
        [up] Разница { $difference } будет доплачена в расчёте за { $paid_in }.
       *[none] На выплату это не влияет.
    }
    Строка видна в /me; если не согласны, её можно оспорить.

rules-line-adjustment-label = Корректировка за { $month }
rules-line-adjustment = { $metric } { $change }, записано { $date }: месяц пересчитан по его схеме, было { $before }, стало { $after }
rules-line-adjustment-attainment = ; выполнение плана { $before } → { $after }

## The payroll workbook (the /payroll button and salesboard calc --format xlsx)

xlsx-sheet-lines = Строки
xlsx-sheet-departments = Отделы
xlsx-scheme = схема «{ $title }», действует с { $date }
xlsx-column-department = Отдел
xlsx-column-salary = Оклад
xlsx-column-bonus = Премия
xlsx-column-kpi = Премия за KPI
xlsx-column-deductions = Депремирование
xlsx-column-adjustments = Корректировки
xlsx-column-total = Итого
xlsx-column-not-deducted = Не удержано
xlsx-column-attainment = Выполнение плана
xlsx-column-fixed-share = Доля оклада
xlsx-column-rule = Правило
xlsx-column-metric = Показатель
xlsx-column-actual = Факт
xlsx-column-plan = План
