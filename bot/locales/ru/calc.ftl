## salesboard calc and salesboard template; bot/calc

calc-saved = Расчёт сохранён в { $path }.
calc-template-saved = Шаблон сохранён в { $path }. Заполните листы team, plans и reports и запустите: salesboard calc --scheme by_attainment --data { $path } --month { $month }

calc-report-header = Расчёт выплат — { $month } (схема «{ $scheme }», действует с { $date })
calc-report-manager = { $number }. { $name } — { $total }
calc-report-manager-department = { $number }. { $name } ({ $department }) — { $total }
calc-report-plan-version = План по показателю «{ $metric }»: версия { $version } от { $date }, автор — { $author }.
calc-report-fixed-share = Доля оклада в выплате: { $share }.
calc-report-fixed-share-low = Доля оклада в выплате: { $share } — ниже { $min }. Постоянная часть мала: при первом слабом месяце менеджер может уйти.
calc-report-fixed-share-high = Доля оклада в выплате: { $share } — выше { $max }. Переменная часть слишком мала, чтобы мотивировать.
calc-report-fixed-share-none = Доля оклада: выплата равна нулю.
calc-report-empty = На листе team нет менеджеров.
calc-report-total = Итого по команде: { $total } (оклады { $salary }, премии { $bonus }, KPI { $kpi }, депремирование { $deductions }, корректировки { $adjustments })
calc-report-not-deducted = Не удержано, потому что премий не хватило: { $amount }.
calc-report-department = Отдел «{ $name }»: { $actual } из { $plan } ({ $percent })
calc-report-spread-small = Разброс переменной части — { $spread } (лучшая { $best }, худшая { $worst }), меньше { $min }: премия почти не зависит от результата. Пересмотрите ступени.
calc-report-spread-none = Переменную часть не получил никто: схема сейчас не мотивирует.

calc-template-readme =
    Книга для salesboard calc. Расчётный месяц примеров: { $month }.
    Обязательные листы: team, plans, reports. Остальные можно оставить пустыми или удалить.
    Первая строка листа — названия столбцов, как в шаблоне. Числа можно писать как 250000 или 1 250 000,50; даты — ячейкой-датой, 2026-11-03 или 03.11.2026.

    team — состав: manager (имя, как в остальных листах), department (отдел), hired_on (дата приёма), left_on (дата увольнения), salary (оклад в месяц).
    plans — планы на месяц: manager или department (одно из двух), metric (код показателя: revenue, margin, payments, calls, meetings…), value, version (номер версии плана), author (кто изменил), set_at (когда). Если план меняли, впишите каждую версию: в расчёт идёт последняя.
    reports — ежедневные отчёты: date, manager и столбцы показателей: calls (звонки), proposals (КП), meetings (встречи), new_clients (новые клиенты), deals (сделки), revenue (выручка), cost (себестоимость), payments (оплаты), leads (лиды), on_time (отчёт вовремя: да/нет). Свои показатели объявите в схеме в разделе [[metrics]].
    absences — отпуска: manager, from, to. Рабочие дни отпуска не оплачиваются окладом и уменьшают план.
    criteria — оценки руководителя для премии за KPI: manager, criterion (код из схемы), passed (да/нет).
    deductions — депремирование: manager, date, code (код из схемы), note.
    refunds — возвраты по закрытым месяцам: manager, date (когда оформлен), deal_month (месяц сделки, 2026-10), amount, rate (ставка, по которой сумма была оплачена, например 7 %), note.

    Запуск: salesboard calc --scheme схема.toml --data эта-книга.xlsx --month { $month }

## Errors: where, what, and the fix

calc-error-at-cell = Лист «{ $sheet }», строка { $row }, столбец «{ $column }»: { $message }
calc-error-at-column = Лист «{ $sheet }», столбец «{ $column }»: { $message }
calc-error-at-sheet = Лист «{ $sheet }»: { $message }
calc-error-in-file = Файл { $path }. { $message }

calc-error-data-not-found = Файл или папка «{ $path }» не найдены. Укажите в --data книгу .xlsx или папку с CSV-файлами.
calc-error-format = «{ $path }»: этот формат не читается. Сохраните книгу в Excel как .xlsx или выгрузите листы в CSV.
calc-error-not-a-workbook = «{ $path }» не открывается как книга .xlsx ({ $detail }). Сохраните её в Excel как «Книга Excel (.xlsx)».
calc-error-no-csv = В папке «{ $path }» нет CSV-файлов. Нужны как минимум team.csv, plans.csv и reports.csv.
calc-error-csv-encoding = Файл «{ $path }» не в кодировке UTF-8. Сохраните его в Excel как «CSV UTF-8 (разделитель — запятая)».
calc-error-sheet-missing = листа нет. Добавьте его (образец даёт salesboard template). В книге есть: { $found }.
calc-error-column-missing = нет столбца «{ $column }». Добавьте его название в первую строку листа.
calc-error-column-duplicate = столбец «{ $column }» встречается дважды. Оставьте один.
calc-error-column-unknown = «{ $column }» — неизвестный показатель. Известные: { $known }. Свой показатель объявите в схеме в разделе [[metrics]] или уберите столбец.
calc-error-formula-without-value = формула { $value } без сохранённого значения. Откройте книгу в Excel и сохраните её, чтобы формулы посчитались.
calc-error-not-a-number = «{ $value }» — не число. Впишите число, например 250000 или 1 250 000,50.
calc-error-negative = { $value } — отрицательное число. Укажите 0 или больше; возврат клиенту впишите на лист refunds.
calc-error-not-whole = { $value } — дробное число, а здесь считаются штуки. Укажите целое.
calc-error-too-precise = { $value } — точнее копейки. Оставьте не больше двух знаков после запятой (в Excel — ОКРУГЛ(…; 2)).
calc-error-not-a-date = «{ $value }» — не дата. Впишите дату ячейкой Excel или текстом 2026-11-03 либо 03.11.2026.
calc-error-not-a-month = «{ $value }» — не месяц. Пишите так: 2026-10.
calc-error-not-yes-no = «{ $value }» — здесь нужно «да» или «нет».
calc-error-empty-cell = ячейка пустая, а значение нужно. Заполните её.
calc-error-date-outside-month = дата { $value } не входит в расчётный месяц { $month }. Уберите строку или проверьте дату и --month.
calc-error-unknown-manager = менеджера «{ $value }» нет на листе team. Добавьте его туда или исправьте имя. На листе team: { $known }.
calc-error-duplicate-manager = менеджер «{ $value }» записан дважды. Оставьте одну строку.
calc-error-unknown-department = отдела «{ $value }» нет на листе team. Отделы на листе team: { $known }.
calc-error-unknown-metric = «{ $value }» — неизвестный показатель. Известные: { $known }.
calc-error-plan-scope = в строке плана укажите либо менеджера, либо отдел — ровно одно из двух.
calc-error-not-a-version = версия плана { $value } должна быть целым числом от 1.
calc-error-duplicate-plan = версия { $version } плана «{ $metric }» записана дважды. Дайте новой версии следующий номер.
calc-error-unknown-criterion = критерия «{ $value }» нет в схеме. Критерии схемы: { $known }.
calc-error-unknown-deduction = депремирования «{ $value }» нет в схеме. Опубликованные коды: { $known }.
calc-error-deal-month-open = месяц сделки { $value } не закрыт: возврат оформляется только за месяцы до { $month }. Возврат внутри месяца отразите в отчётах этого месяца.
calc-error-range-reversed = дата { $value } раньше начальной ({ $start }). Проверьте обе даты.
calc-error-rate-above-100 = ставка { $value } больше 100 %. Пишите так: 7 % или 0,07.

calc-error-month = «{ $value }» — не месяц. Укажите --month в виде 2026-11.
calc-error-timezone = Часовой пояс «{ $value }» не найден. Укажите его так: Europe/Moscow.
calc-error-country = Для страны «{ $value }» нет производственного календаря. Укажите код ISO 3166, например RU.
calc-error-scheme-not-found = Файл схемы «{ $path }» не найден. Укажите путь к файлу .toml или готовую схему: { $presets }.
calc-error-scheme-unreadable = Файл схемы «{ $path }» не читается ({ $detail }). Сохраните его как текст в UTF-8.
calc-error-scheme-same-month = Две версии схемы действуют с одного месяца. Оставьте одну или исправьте effective_from.
calc-error-scheme-not-in-force = В { $month } не действует ни одна версия схемы: первая действует с { $first }. Проверьте --month или effective_from.
calc-error-compute = Не удалось рассчитать выплаты: { $detail }
calc-error-write = Не удалось записать «{ $path }»: { $detail }. Проверьте путь и права на запись.
