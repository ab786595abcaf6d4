## Ambiguous numbers, kept form values, month close and date checks

report-error-ambiguous-thousands = «{ $value }» (показатель «{ $metric }») можно прочитать и как { $decimal }, и как { $thousands }. Напишите { $thousands } (тысячи через пробел) или { $decimal }.
amount-error-ambiguous-thousands = «{ $value }» можно прочитать и как { $decimal }, и как { $thousands }. Напишите { $thousands } (тысячи через пробел) или { $decimal }.
calc-error-ambiguous-thousands = «{ $value }» можно прочитать и как { $decimal }, и как { $thousands }. Впишите { $thousands } (тысячи через пробел или числом в ячейке) или { $decimal }.
form-summary-kept-line = • { $metric }: { $actual } (без изменений)
plan-error-too-large = Такой план больше, чем можно выполнить за месяц (не больше { $limit }). Похоже на опечатку — проверьте число нулей.
plan-error-fractional-count = Этот показатель считается в штуках, а в плане указано { $value }. Укажите целое число, например <code>/plan 12 звонки 800</code>.
plan-error-too-precise = План { $value } точнее копейки. Оставьте не больше двух знаков после запятой.
salary-error-too-precise = Оклад { $value } точнее копейки. Оставьте не больше двух знаков после запятой, например <code>/salary 12 60 000,50</code>.
rules-error-number-too-large = { $value } — больше { $limit }. Похоже на опечатку — проверьте число нулей.
rules-error-text-too-long = текст длиннее { $limit } символов. Сократите его.
rules-error-too-deep = в файле слишком глубоко вложены списки или таблицы. Схеме хватает двух-трёх уровней вложенности.
