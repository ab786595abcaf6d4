## Contest titles, cancelling and results

contest-named-hungry_games = № { $number }. «{ $title }» — голодные игры, { $month }
contest-named-departments = № { $number }. «{ $title }» — соревнование отделов, { $month }
contest-named-custom = № { $number }. «{ $title }» — { $metric }, { $start } – { $end }

contest-error-title-missing = После слова «название» напишите само название, например: <code>/contest отделы название Битва отделов</code>
contest-error-title-long = Название слишком длинное: { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, можно не больше { $max }. Сократите его и отправьте команду ещё раз.

contest-cancel-usage = Укажите номер соревнования, например: <code>/contest отменить 3</code>. Номера — в /contest.
contest-error-not-found = Соревнования № { $number } в вашей команде нет. Номера идущих соревнований — в /contest.
contest-error-already-cancelled = Соревнование № { $number } уже отменено.
contest-error-cancel-ended = Соревнование № { $number } уже закончилось, его итоги подведены, поэтому отменить его нельзя.
contest-cancelled = Соревнование отменено, группа об этом узнала: { $title }
contest-cancelled-no-group = Соревнование отменено: { $title }. Сообщить об этом в группе не удалось — проверьте, что я есть в группе команды.
contest-cancelled-notice = ❌ Руководитель отменил соревнование { $title }. Итогов и призов по нему не будет.

contest-board-header = 🏁 <b>Соревнования</b>

contest-results-header = 🏆 <b>Итоги соревнования</b> { $title }
contest-results-winner = { $rank }-е место: { $name } — { $value } ({ $metric })
contest-results-winner-prize = { $rank }-е место: { $name } — { $value } ({ $metric }), приз { $prize }
contest-results-group-winner = { $count ->
        [one] Победила команда
       *[other] Победили
    }: { $names }
contest-results-no-winner = Победителя нет: ни у кого нет результата лучше остальных.

contest-winner-note = 🏆 Поздравляю! Вы заняли { $rank }-е место в соревновании { $title }: { $value } ({ $metric }).
contest-winner-note-prize = 🏆 Поздравляю! Вы заняли { $rank }-е место в соревновании { $title }: { $value } ({ $metric }). Ваш приз — { $prize }.
contest-winner-note-group = 🏆 Поздравляю! «{ $group }» — победители соревнования { $title }, и вы в этой команде.

## Disputes that reach department heads

dispute-sent-department = Спор № { $number } отправлен руководителю команды и руководителю вашего отдела. Ответ придёт сюда, статус можно посмотреть командой /disputes.
dispute-answered-by-other = Спор № { $number } ({ $name }) закрыт: ответ дал(а) { $head }, статус «{ $status }».
    Ответ: { $answer }

## Private notifications in /settings

settings-notify-remind-on = Напоминания об отчёте: включены
settings-notify-remind-off = Напоминания об отчёте: выключены
settings-notify-contests-on = Личное сообщение о победе в соревновании: включено
settings-notify-contests-off = Личное сообщение о победе в соревновании: выключено
settings-notify-awards-on = Грамота за месяц в личном чате: включена
settings-notify-awards-off = Грамота за месяц в личном чате: выключена
settings-notify-headnote-on = Вечерний список тех, кто не сдал отчёт: включён
settings-notify-headnote-off = Вечерний список тех, кто не сдал отчёт: выключен
settings-notify-always = Изменения плана, депремирования, оценки KPI и ответы на споры касаются вашей оплаты, поэтому приходят всегда. Изменения правил оплаты объявляются в группе команды.
settings-notify-always-head = Новые споры и расчёт выплат при закрытии месяца касаются оплаты команды, поэтому приходят всегда.

settings-button-remind-on = 🔔 Включить напоминания
settings-button-remind-off = 🔕 Выключить напоминания
settings-button-contests-on = 🔔 Сообщать о победах в соревнованиях
settings-button-contests-off = 🔕 Не сообщать о победах в соревнованиях
settings-button-awards-on = 🔔 Присылать грамоты
settings-button-awards-off = 🔕 Не присылать грамоты
settings-button-headnote-on = 🔔 Присылать список не сдавших отчёт
settings-button-headnote-off = 🔕 Не присылать список не сдавших отчёт

## A manager's evening note: pay and what is still needed

settings-notify-daily-on = Вечерняя сводка: прогноз выплаты и сколько осталось до плана — включена
settings-notify-daily-off = Вечерняя сводка: прогноз выплаты и сколько осталось до плана — выключена
settings-button-daily-on = 🔔 Присылать вечернюю сводку
settings-button-daily-off = 🔕 Не присылать вечернюю сводку
digest-header = 📈 <b>Ваши итоги на { $date }</b>
digest-pay = Выплата за месяц сейчас: { $now }, при нынешнем темпе к концу месяца: { $forecast }.
digest-footer = Подробный расчёт — /me. Отключить сводку можно в /settings.
