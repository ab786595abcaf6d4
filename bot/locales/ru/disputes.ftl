## Disputes over payslip lines

dispute-line-salary = Оклад
dispute-line-bonus = Премия
dispute-line-super_bonus = Супербонус
dispute-line-kpi_target = Премия за KPI
dispute-line-kpi_criterion = Критерий KPI
dispute-line-adjustment = Корректировка
dispute-line-deduction = Депремирование

dispute-button = Оспорить: { $title }
dispute-button-cancel = Отмена
dispute-button-resolve = Ответить и закрыть
dispute-button-correct = Исправлено

dispute-status-open = на рассмотрении
dispute-status-resolved = закрыт с ответом
dispute-status-corrected = расчёт исправлен

dispute-ask-reason =
    Вы оспариваете строку расчёта за { $month }:
    { $line }
    Напишите одним сообщением, с чем вы не согласны. Руководитель получит ваш текст вместе с этой строкой.
dispute-sent = Спор № { $number } отправлен руководителю. Ответ придёт сюда, статус можно посмотреть командой /disputes.
dispute-cancelled = Хорошо, ничего не отправлено.
dispute-expired-alert = Эта кнопка уже не действует.

dispute-notice =
    <b>Спор № { $number }</b>: { $name } оспаривает строку расчёта за { $month }:
    { $line }
    Причина: { $reason }
dispute-ask-answer = Напишите ответ по спору № { $number } ({ $name }). Менеджер получит его со статусом «{ $status }».
dispute-answer-sent = Ответ отправлен. Спор № { $number }: { $status }.
dispute-outcome =
    Руководитель рассмотрел ваш спор № { $number } по строке расчёта за { $month }:
    { $line }
    Статус: { $status }.
    Ответ: { $answer }

dispute-error-not-manager = Оспорить строку расчёта может только менеджер, чей это расчёт.
dispute-error-stale = Эта строка расчёта уже изменилась или начался новый месяц. Откройте /me и нажмите кнопку под свежим расчётом.
dispute-error-already-open = По этой строке у вас уже есть открытый спор № { $number }. Дождитесь ответа руководителя, статус — в /disputes.
dispute-error-text-only = Напишите, пожалуйста, текстом одним сообщением. Передумали — нажмите «Отмена».
dispute-error-too-long = Текст слишком длинный: { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, можно не больше { $max }. Сократите его и отправьте ещё раз.
dispute-error-head-only = Ответить на этот спор может руководитель команды или руководитель отдела этого менеджера.
dispute-error-not-found = Спор не найден. Открытые споры — в /disputes.
dispute-error-closed = Спор № { $number } уже закрыт: { $status ->
        [resolved] закрыт с ответом
        [corrected] расчёт исправлен
       *[open] на рассмотрении
    }.

disputes-header-head = <b>Открытые споры по расчёту</b>
disputes-header-manager = <b>Ваши споры по расчёту</b>
disputes-item-head = <b>№ { $number }</b> от { $date } · { $name } · { $month }
disputes-item-manager = <b>№ { $number }</b> от { $date } · { $month } — { $status }
disputes-reason = Причина: { $reason }
disputes-answer = Ответ руководителя: { $answer }
disputes-answer-prompt = Спор № { $number } ({ $name }): выберите, как его закрыть, и напишите ответ.
disputes-empty-head = Открытых споров нет.
disputes-empty-manager = Вы ещё ничего не оспаривали. Кнопки «Оспорить» — под расчётом в /me.
disputes-error-private-only = Споры по расчёту показываю только в личном чате: напишите мне /disputes там.
disputes-error-role = Команда /disputes — для менеджеров, руководителей отделов и руководителя команды.
