## Board chart

chart-title = Доска продаж «{ $team }»
chart-subtitle = Выполнение плана по выручке на { $date }
chart-managers = Менеджеры
chart-departments = Отделы
chart-pace = темп { $percent }
chart-bar = { $percent } · { $revenue }
chart-no-plan = без плана · { $revenue }
chart-no-department = Без отдела
board-chart-caption = 📈 Выполнение плана на { $date }: столбец — доля плана, пунктир — где надо быть по рабочим дням.

## Reminders after the deadline

deadline-mention = ⏰ Срок сдачи отчёта за { $date } прошёл. Ждём отчёт: { $names }. Отправьте его одной строкой: <code>/report звонки 40 кп 5 выручка 250к</code>
head-missing-note = Отчёт за { $date } до сих пор не сдали: { $names }. В группе им уже напомнили.

## Weekly standings

weekly-header = 🏁 <b>Итоги недели { $first } — { $last }</b>
weekly-departments = <b>Соревнование отделов</b> (выручка с начала месяца)
weekly-department-line = { $rank }. { $department } — { $percent } (выручка { $revenue } из { $plan })
weekly-brackets = <b>Новички против старожилов</b> (стаж до { $months ->
        [one] { $months } месяца
       *[other] { $months } месяцев
    } на 1-е число месяца — новичок)
weekly-bracket-line = { $bracket }: { $percent } плана, выручка { $revenue } ({ $count ->
        [one] { $count } менеджер
        [few] { $count } менеджера
       *[many] { $count } менеджеров
    })
weekly-newcomers = Новички
weekly-veterans = Старожилы
weekly-leader = Впереди: { $name } 💪
weekly-empty = Планы на месяц ещё не заданы — сравнивать пока нечего.

## Milestones

milestone-plan = 🎉 { $name } выполняет месячный план по выручке: { $percent }! Поздравляем!
milestone-record = 🏆 Новый рекорд команды: { $name } — выручка { $revenue } за день (прежний рекорд { $previous }).

## Month close

month-close-payroll = 📋 <b>Черновик расчёта за { $month }</b>. Месяц закончился; проверьте суммы до выплаты. Менеджеры их не видят.
awards-header = 🏅 <b>Итоги месяца: { $month }</b>
award-manager-line = Менеджер месяца — <b>{ $name }</b>, выполнение плана { $percent }
award-newcomer-line = Лучший новичок — <b>{ $name }</b>, выполнение плана { $percent }
award-department-line = Лучший отдел — <b>{ $department }</b>, выполнение плана { $percent }
awards-none = Планы за месяц не были заданы, поэтому наград в этот раз нет.
certificate-heading = Грамота
certificate-award-manager = Менеджер месяца
certificate-award-newcomer = Лучший новичок месяца
certificate-reason = за выполнение плана продаж на { $percent }
certificate-footer = Salesboard — доска продаж отдела
certificate-caption = 🏅 { $award }: { $name }
certificate-private = Поздравляем! Ваша грамота «{ $award }» за { $month } — её можно переслать или сохранить.
streak-header = ⚠️ <b>Ниже плана несколько месяцев подряд</b> (видите только вы):
streak-line = • { $name } — { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    } подряд: { $percents }

## Missed posts

missed-header = ⚠️ Бот был недоступен, и эти сообщения не отправлены вовремя. Отправлять их с опозданием больше чем на { $minutes } мин. не стали:
missed-line = • { $post } за { $date } (по плану в { $time })
post-board = доска продаж
post-weekly = итоги недели
post-reminder = напоминания менеджерам
post-mention = напоминание в группе
post-head_note = список несдавших отчёт
post-month_close = закрытие месяца
post-other = сообщение

## Chats

chat-group-removed = Меня удалили из группы команды «{ $team }», поэтому доска продаж туда больше не приходит. Добавьте меня обратно — и всё продолжится.
chat-group-back = Я снова в группе команды «{ $team }»: доска продаж будет приходить как обычно.
chat-member-blocked = { $name } заблокировал(а) бота: напоминания и личные сообщения ему (ей) не доходят.

## Vacation

vacation-usage = Укажите даты отсутствия: <code>/vacation 10.12–20.12</code>. Руководитель может указать менеджера: <code>/vacation 12 10.12–20.12</code> (номер из /team или @username).
vacation-done = Отсутствие { $name } с { $first } по { $last } записано ({ $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    }). В эти дни напоминаний не будет.
vacation-list-header = <b>Отсутствия</b>
vacation-line = • { $name }: { $first } — { $last }
vacation-none = Предстоящих отсутствий нет. Записать: <code>/vacation 10.12–20.12</code>
vacation-error-date = Не понял дату «{ $value }». Пишите так: <code>/vacation 10.12–20.12</code> или <code>/vacation 10.12.2026–20.12.2026</code>.
vacation-error-order = Последний день отсутствия раньше первого. Например: <code>/vacation 10.12–20.12</code>.
vacation-error-too-long = Отсутствие длиннее { $days } дней — проверьте даты.

## Schedule and calendar settings

times-show = Время команды ({ $timezone }): напоминание в { $reminder }, срок сдачи отчёта { $deadline }, доска продаж в { $post }. Изменить: <code>/times 17:00 18:00 19:00</code>, часовой пояс — <code>/timezone Europe/Moscow</code>.
times-usage = Укажите три времени — напоминание, срок сдачи и доска: <code>/times 17:00 18:00 19:00</code>. Срок должен быть позже напоминания.
times-done = Готово: напоминание в { $reminder }, срок сдачи { $deadline }, доска продаж в { $post } ({ $timezone }). Действует с сегодняшнего дня.
timezone-usage = Укажите часовой пояс, например: <code>/timezone Europe/Moscow</code> или <code>/timezone Asia/Yekaterinburg</code>.
timezone-error = Не знаю часовой пояс «{ $value }». Например: <code>/timezone Europe/Moscow</code>.
timezone-done = Часовой пояс команды — { $timezone }. Напоминания и доска продаж идут по нему.
calendar-show = Производственный календарь: { $country }; { $month } — { $working ->
        [one] { $working } рабочий день
        [few] { $working } рабочих дня
       *[many] { $working } рабочих дней
    }.
calendar-own-header = Свои дни команды:
calendar-own-day-off = • { $day } — выходной
calendar-own-working = • { $day } — рабочий
calendar-help = Сменить страну: <code>/calendar KZ</code>. Свой выходной: <code>/dayoff 31.12.2026</code>, рабочий день: <code>/workday 27.12.2026</code>.
calendar-error-country = Нет производственного календаря для «{ $country }». Укажите код страны: RU, BY, KZ, UZ…
calendar-done-country = Календарь команды: { $country }.
day-usage = Укажите дату, например: <code>/dayoff 31.12.2026</code> или <code>/workday 27.12.2026</code>.
day-error-date = Не понял дату «{ $value }». Например: <code>/dayoff 31.12.2026</code>.
day-off-done = { $day } — выходной для команды: ни напоминаний, ни доски продаж.
working-day-done = { $day } — рабочий день для команды.
day-official = { $day } и так { $working ->
        [yes] рабочий
       *[no] выходной
    } по производственному календарю; своя отметка снята.
topic-done-thread = Доска продаж будет приходить в эту тему.
topic-done-general = Доска продаж будет приходить в общий чат группы.
topic-error-group-only = Команду /topic нужно отправить в группе команды, в той теме, куда присылать доску.

cmd-vacation = Отпуск или отсутствие: /vacation 10.12–20.12
cmd-calendar = Производственный календарь (руководитель)
cmd-times = Время напоминаний и доски (руководитель)
cmd-topic = Присылать доску в эту тему (руководитель)
