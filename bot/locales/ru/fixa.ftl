## Ambiguous numbers, kept form values, month close and date checks

report-error-ambiguous-thousands = «{ $value }» (показатель «{ $metric }») можно прочитать и как { $decimal }, и как { $thousands }. Если это тысячи, напишите { $thousands } (через пробел), а если дробь — оставьте не больше двух знаков после запятой.
amount-error-ambiguous-thousands = «{ $value }» можно прочитать и как { $decimal }, и как { $thousands }. Если это тысячи, напишите { $thousands } (через пробел), а если дробь — оставьте не больше двух знаков после запятой.
calc-error-ambiguous-thousands = «{ $value }» можно прочитать и как { $decimal }, и как { $thousands }. Если это тысячи, впишите { $thousands } (через пробел) или число ячейкой, а если дробь — оставьте не больше двух знаков после запятой.
form-summary-kept-line = • { $metric }: { $actual } (без изменений)
plan-error-too-large = Такой план больше, чем можно выполнить за месяц (не больше { $limit }). Похоже на опечатку — проверьте число нулей.
plan-error-fractional-count = Этот показатель считается в штуках, а в плане указано { $value }. Укажите целое число, например <code>/plan 12 звонки 800</code>.
plan-error-too-precise = План { $value } точнее копейки. Оставьте не больше двух знаков после запятой.
rules-error-number-too-large = { $value } — больше { $limit }. Похоже на опечатку — проверьте число нулей.
rules-error-text-too-long = текст длиннее { $limit } символов. Сократите его.
rules-error-too-deep = в файле слишком глубоко вложены списки или таблицы. Схеме хватает двух-трёх уровней вложенности.
close-error-reports-open = Отчёты за { $month } ещё принимаются: за последний день месяца их можно сдать до { $last_report_day } включительно. Закрыть месяц можно с { $close_from }. Чтобы закрыть его сейчас, отправьте <code>/close { $month } досрочно</code>.
close-early-warning = Месяц закрыт досрочно: опоздавшие отчёты за { $month } бот больше не примет, и их придётся учесть корректировкой в текущем месяце.
month-error-too-far = Месяц «{ $value }» слишком далеко от сегодняшнего — похоже на опечатку. Укажите месяц с { $earliest } по { $latest }.
hired-error-too-far = Похоже на опечатку в дате приёма: укажите дату с { $earliest } по { $latest }, например <code>/hired 12 15.09.2026</code>.
