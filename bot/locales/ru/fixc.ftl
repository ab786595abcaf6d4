# A scheduled post that could not be built: sent to the heads once.
post-render-failed = ⚠️ Не удалось подготовить сообщение «{ $post }» за { $date } из-за ошибки в боте, поэтому оно не отправлено и повторять его бот не будет. Ошибка записана в журнал (запись № { $post_id }); пожалуйста, передайте этот номер администратору бота.

# Dated salaries (/salary … с 2026-12, /team).
salary-set = Оклад установлен: { $name } — { $amount } в месяц с { $month }. Более ранние месяцы считаются по прежнему окладу.
salary-notice = Ваш оклад с { $month }: { $amount } в месяц.
salary-notice-none = С { $month } оклад вам не начисляется: руководитель установил оклад 0.
salary-notice-undelivered = Сообщить менеджеру в личном чате не получилось: он ещё не писал боту или заблокировал его.
salary-with-upcoming = { $current }, с { $month } — { $upcoming }
salary-error-month = «{ $value }» — не месяц. Укажите месяц, с которого действует оклад, так: <code>/salary 12 60 000 с 2026-12</code>.
salary-error-closed = { $month } уже закрыт, и его расчёт не меняется. Укажите месяц, который ещё не закрыт, например: <code>/salary 12 60 000 с { $next }</code>.
salary-error-too-far = Оклад можно задать не дальше чем на { $months } мес. вперёд, а { $month } дальше. Проверьте год в месяце.
salary-error-kopecks = В окладе не может быть долей копейки. Укажите не больше двух знаков после запятой, например: <code>/salary 12 60 000,50</code>.
