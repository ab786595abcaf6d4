## Metrics

metric-calls = Звонки
metric-proposals = КП
metric-meetings = Встречи
metric-new_clients = Новые клиенты
metric-deals = Сделки
metric-revenue = Выручка
metric-margin = Маржа
metric-payments = Оплаты

-report-example = <code>/report звонки 40 кп 5 встречи 3 сделки 1 выручка 250к</code>

line-metric = • { $metric }: { $actual }
line-metric-plan = • { $metric }: { $actual } из { $plan } ({ $percent })

## Commands menu

cmd-report = Отчёт за день: /report звонки 40 кп 5 …
cmd-me = Мой месяц: план, прогноз, выплата
cmd-top = Рейтинг команды
cmd-payroll = Расчёт выплат (руководитель, в личном чате)
cmd-team = Состав команды (руководитель)
cmd-plan = Задать план (руководитель)
cmd-salary = Задать оклад (руководитель)
cmd-invite = Ссылка-приглашение в отдел (руководитель)
cmd-setup = Подключить эту группу как доску команды
cmd-language = Язык: /language ru или /language en
cmd-help = Что умеет бот

## Help

help-manager =
    <b>Salesboard — отчёты и мотивация отдела продаж</b>

    Каждый день отправляйте отчёт одной строкой:
    { -report-example }
    Можно писать и по-английски: <code>/report calls 40 deals 1 revenue 250k</code>. Суммы — как удобно: 250к, 1,2 млн, 250 000, 1 250 000,50.
    Повторный отчёт за тот же день заменяет прежний, старая версия сохраняется. Исправить отчёт можно и так: отредактируйте сообщение с ним.
    Удобнее по шагам — отправьте /report без цифр в личном чате: бот спросит каждый показатель по очереди.
    Отчёт за прошедший день: <code>/report вчера звонки 40</code> или <code>/report 02.11 звонки 40</code> (не старше { $days } дн.).

    /me — ваш месяц: план, выполнение, прогноз и выплата (только в личном чате)
    /need — что ещё нужно до плана и следующей ступени премии: сделки, встречи и звонки в день
    /whatif 500к — сколько заработаете, если продадите ещё на эту сумму
    /rules — правила оплаты: оклад, премия, KPI, депремирование
    /top — рейтинг команды по выполнению плана; /top новички, /top старожилы, /top звонки или /top и название отдела
    /disputes — ваши споры по расчёту и их статусы; оспорить строку можно кнопкой «Оспорить» под /me
    /contest — идущие соревнования и их таблицы
    /vacation 10.12–20.12 — отпуск или отсутствие с сегодняшнего дня и позже; /vacation — ваши отсутствия; /vacation отмена — отменить
    /settings — язык и личные уведомления; руководителю — ещё и настройки команды
    /language en — switch to English
help-head =
    <b>Для руководителя</b>
    /setup — в группе: подключить группу как доску команды и получить ссылку-приглашение; в личном чате: настроить название, часовой пояс, календарь, время и валюту команды
    /invite Название отдела — ссылка, по которой менеджеры попадают в этот отдел
    /revoke [отдел] — заменить ссылку-приглашение, старая перестанет действовать
    /team — состав команды с номерами
    /plan 12 выручка 1 млн — план на текущий месяц (номер из /team или @username); /plan история — все версии планов; /plan шаблон — таблица, которую можно заполнить и прислать мне
    /metrics — свои показатели команды, например продажи линейки товаров: /metrics add units_a шт Линейка А (в личном чате)
    /salary 12 60 000 [с 2026-12] — оклад в месяц с этого или указанного месяца (в личном чате)
    /payroll — расчёт выплат за месяц на сегодня (только в личном чате); /payroll 2026-10 — за другой месяц; под расчётом — кнопка Excel
    /rules preset by_attainment 2026-12 — выбрать шаблон схемы оплаты; или пришлите мне .toml-файл схемы
    /deduct 12 late_report причина — депремирование из опубликованного списка (только премия, не оклад)
    /score 12 no_complaints да причина — оценка критерия KPI
    /close 2026-11 — закрыть прошедший месяц: расчёт сохраняется и больше не меняется
    /adjust 12 2026-10 выручка -50 000 возврат по договору 12 — корректировка закрытого месяца: разница в выплате войдёт в текущий месяц (в личном чате)
    /hired 12 15.09.2026 — дата приёма: для расчёта оклада и соревнования новичков
    /role 12 наблюдатель — роль участника: менеджер, наблюдатель или руководитель отдела
    /transfer 12 подтверждаю — передать команду другому руководителю
    /deactivate 12 — отключить участника (история сохраняется)
    /disputes — открытые споры менеджеров по расчёту, с кнопками ответа (в личном чате)
    /contest голодные игры — новички против старожилов на текущий месяц; /contest отделы — отдел против отдела
    /contest 01.12–31.12 звонки приз 10 000 — кто больше за период; призы за места: приз 10 000 / 5 000 (в личном чате)
    /contest отделы название Битва отделов — своё название соревнования; /contest отменить 3 — отменить соревнование № 3, группа узнает об этом
    /vacation 12 10.12–20.12 — отсутствие менеджера, в том числе за прошедшие дни: оклад и план уменьшатся пропорционально
    /times 17:00 18:00 19:00 — время напоминания, срока сдачи отчёта и доски продаж; /timezone Europe/Moscow — часовой пояс
    /calendar KZ — производственный календарь страны; /dayoff 30.12.2026 и /workday 27.12.2026 — свои выходные и рабочие дни
    /topic — отправьте в теме форума, куда должна приходить доска продаж

hint-private = Не понял сообщение. Отчёт отправляется так: { -report-example }. Все команды — /help.

language-usage = Укажите язык: <code>/language ru</code> или <code>/language en</code>.
language-done = Готово: буду писать вам по-русски.

## Team set-up and joining

setup-done =
    Команда «{ $team }» создана, вы — руководитель, а эта группа — доска продаж.
    Ссылка для менеджеров: { $link }
    Каждый, кто откроет её, присоединится к команде. Планы задаются командой /plan, оклады — /salary в личном чате со мной.
setup-already = Эта группа уже подключена к команде «{ $team }». Ссылка для менеджеров: { $link }
setup-error-not-head = Эта группа уже подключена к команде «{ $team }». Изменить настройки может только её руководитель.
setup-error-other-team = Вы уже состоите в команде «{ $team }». Одна учётная запись Telegram может быть только в одной команде.
setup-error-group-only = Команду /setup нужно отправить в группе отдела: добавьте меня в группу и напишите там /setup.

invite-usage = Укажите отдел, например: <code>/invite Корпоративные продажи</code>.
invite-error-empty-name = Название отдела не может быть пустым. Например: <code>/invite Корпоративные продажи</code>.
invite-link = Ссылка для отдела «{ $department }»: { $link }

join-done = Добро пожаловать в команду «{ $team }»! Отчёт за день отправляется так: { -report-example }. Все команды — /help.
join-done-department = Добро пожаловать в команду «{ $team }», отдел «{ $department }»! Отчёт за день отправляется так: { -report-example }. Все команды — /help.
join-already = Вы уже в команде «{ $team }». Все команды — /help.
join-error-invalid-invite = Ссылка-приглашение недействительна. Попросите руководителя прислать новую.
join-error-other-team = Вы уже состоите в команде «{ $team }». Чтобы перейти в другую, попросите руководителя текущей команды вас отключить.

start-no-team = Здравствуйте! Я веду отчёты и мотивацию отдела продаж. Чтобы присоединиться к команде, откройте ссылку-приглашение от руководителя. Руководитель подключает команду так: добавьте меня в группу отдела и отправьте там /setup.
start-member = Здравствуйте, { $name }! Отчёт за день: { -report-example }. Все команды — /help.

## Reports

report-usage = Напишите цифры за сегодня после команды, например: { -report-example }
report-saved = Отчёт за { $date } сохранён:
report-replaced = Отчёт за { $date } обновлён (версия { $version }, прежняя сохранена):
report-late = Отчёт отправлен после срока сдачи и отмечен как поздний.
report-month-header = <b>С начала месяца:</b>
report-error-not-manager = Отчёты сдают менеджеры. Руководителю доступны /top и /payroll.
report-error-empty = В отчёте нет цифр. Например: { -report-example }
report-error-unknown-metric = Не знаю показатель «{ $name }». Доступны: звонки, кп, встречи, новые клиенты, сделки, выручка, маржа, оплаты. Например: { -report-example }
report-error-missing-value = Для показателя «{ $metric }» не указано число. Например: { -report-example }
report-error-not-a-number = «{ $value }» — не число (показатель «{ $metric }»). Пишите так: 40, 250к, 1,2 млн, 250 000. Например: { -report-example }
report-error-negative = Значение показателя «{ $metric }» не может быть отрицательным: { $value }. Ошибку в прошлом отчёте исправьте новым отчётом за тот же день.
report-error-fractional-count = «{ $metric }» считаются целыми числами, а указано { $value }. Например: { -report-example }
report-error-too-precise = Сумма «{ $value }» для показателя «{ $metric }» точнее копейки. Укажите не больше двух знаков после запятой.
report-error-absurd = { $value } — слишком много для одного дня (показатель «{ $metric }», предел { $limit }). Проверьте, нет ли лишних нулей.
report-error-duplicate-metric = Показатель «{ $metric }» указан дважды. Оставьте одно значение. Например: { -report-example }

report-duplicate = Отчёт за { $date } уже сохранён с этими цифрами, новая версия не нужна.
report-change = • { $metric }: { $before } → { $after }
report-need-header = <b>До плана осталось:</b>
report-need-line = • { $metric }: ещё { $gap }, по { $per_day } в день ({ $days ->
        [one] { $days } рабочий день
        [few] { $days } рабочих дня
       *[many] { $days } рабочих дней
    })
report-need-done = • { $metric }: план выполнен
report-need-no-days = • { $metric }: ещё { $gap }, рабочих дней в месяце не осталось
report-error-future-day = Отчёт за будущий день сдать нельзя. Отправьте цифры в тот день, когда они будут.
report-error-too-old = Отчёт можно сдать не позже чем через { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[many] { $days } дней
    } после рабочего дня. Для более ранних дней обратитесь к руководителю.
report-error-bad-day = Дата «{ $value }» не существует. Пишите так: <code>/report 02.11 звонки 40</code> или <code>/report вчера звонки 40</code>.

reminder = { $name }, напоминаю: отчёт за { $date } ещё не сдан. Отправьте его одной строкой: { -report-example }

## Standings and pay



me-header = <b>Ваш месяц: { $month }</b> (рабочих дней прошло { $elapsed } из { $total })
me-no-reports = Отчётов в этом месяце пока нет.
me-forecast = Прогноз выручки к концу месяца: { $revenue } ({ $percent } плана)
me-pay-now = <b>Выплата, если месяц закончится сегодня: { $total }</b>
me-pay-forecast = <b>Выплата при нынешнем темпе: { $total }</b>
me-no-plan = План на месяц ещё не задан — премия появится, когда руководитель его поставит.
me-sent-privately = Личные цифры и выплаты показываю только в личном чате — отправил их вам туда.
me-error-head = /me показывает месяц менеджера. Руководителю — /top и /payroll.

top-header = <b>Рейтинг по выполнению плана — { $month }</b>
top-line = { $rank }. { $name } — { $percent } ({ $metric }: { $actual } из { $plan })
top-line-no-plan = { $rank }. { $name } — план не задан ({ $metric }: { $actual })
top-filter-department = Отдел: { $department }
top-filter-newcomers = Новички: работают меньше { $months ->
        [one] { $months } месяца
       *[other] { $months } месяцев
    }
top-filter-veterans = Старожилы: работают { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
       *[many] { $months } месяцев
    } и дольше
top-filter-metric = По показателю: { $metric }
top-error-filter = Не понял фильтр «{ $value }». Примеры: <code>/top Розница</code> (отдел), <code>/top новички</code>, <code>/top старожилы</code>, <code>/top звонки</code> (показатель).
top-empty = Пока никто не отчитался.

board-header = 📊 <b>Доска продаж «{ $team }» — { $date }</b>
board-team-progress = План команды по выручке: { $revenue } из { $plan } ({ $percent })
board-working-days = Рабочих дней прошло { $elapsed } из { $total }, { $remaining ->
        [one] остался { $remaining } день
        [few] осталось { $remaining } дня
       *[many] осталось { $remaining } дней
    }
board-reported = Отчитались сегодня: { $reported } из { $total }
board-leaderboard = 🏆 <b>Рейтинг</b>
board-missing = Ждём отчёт: { $names }

payroll-header = <b>Расчёт выплат — { $month }</b> (на { $date }, месяц не закрыт)
payroll-manager = <b>{ $number }. { $name }</b> — { $total }
payroll-empty = В команде пока нет менеджеров.
payroll-total = <b>Итого по команде: { $total }</b>
payroll-error-private-only = Расчёт выплат показываю только руководителю и только в личном чате, чтобы суммы не попали в группу. Напишите мне /payroll в личные сообщения.

## Head commands

team-header = <b>Состав команды</b> (номер нужен для /plan и /salary)
team-line = { $number }. { $name } ({ $username }), { $role }, отдел: { $department }
team-line-private = { $number }. { $name } ({ $username }), { $role }, отдел: { $department }, оклад: { $salary }
salary-not-set = не задан
team-empty = Менеджеров пока нет. Отправьте им ссылку-приглашение из /setup или /invite.

member-error-not-found = Не нашёл менеджера «{ $reference }» в вашей команде. Укажите номер из /team или @username.

salary-usage = Укажите менеджера и оклад в месяц, например: <code>/salary 12 60 000</code> (номер из /team или @username). Оклад действует с текущего месяца; чтобы он начал действовать с другого, добавьте месяц: <code>/salary 12 60 000 с 2026-12</code>.
salary-error-amount = «{ $value }» — не сумма. Например: <code>/salary 12 60 000</code>.
salary-error-range = Оклад должен быть от 1 000 до 100 000 000 в месяц в валюте команды (или 0, если оклада нет). Похоже на опечатку — проверьте число нулей.
salary-error-negative = Оклад не может быть отрицательным. Например: <code>/salary 12 60 000</code>.
salary-error-private-only = Оклады задаются только в личном чате со мной, чтобы суммы не попали в группу.

plan-usage = Укажите менеджера, показатель и план на месяц, например: <code>/plan 12 выручка 1 млн</code> (номер из /team или @username).
plan-error-unknown-metric = Не знаю показатель «{ $name }». Доступны: звонки, кп, встречи, новые клиенты, сделки, выручка, маржа, оплаты. Например: <code>/plan 12 выручка 1 млн</code>.
plan-error-amount = «{ $value }» — не число. Например: <code>/plan 12 выручка 1 млн</code>.
plan-error-not-positive = План должен быть больше нуля.
plan-done = { $name }: план на { $month } — { $metric } { $value } (версия { $version }). Менеджер получил уведомление и подтвердит план кнопкой.
plan-unchanged = { $name }: план уже такой — { $metric } { $value }. Ничего не изменилось.
plan-notice-new = Вам назначен план на { $month }: { $metric } — { $value }. Посмотреть, как идёте к плану, — /me. Нажмите «Подтвердить», чтобы руководитель видел, что вы ознакомились.
plan-notice-changed = Ваш план на { $month } изменён: { $metric } — { $value } (было { $previous }). Нажмите «Подтвердить», чтобы руководитель видел, что вы ознакомились.
plan-button-confirm = ✅ Подтвердить
plan-confirmed-alert = План подтверждён
plan-confirmed = Подтверждено { $date }.
plan-confirm-error-unknown = Этот план не найден среди ваших. Возможно, вас перевели в другую команду.
plan-confirm-error-outdated = Этот план уже изменён — подтвердите последнее уведомление о плане.
plan-history-header = <b>История планов — { $month }</b>
plan-history-line = • { $name }, { $metric }: { $value } — версия { $version } от { $date }, поставил(а) { $author }, { $confirmed }
plan-history-confirmed = подтверждено { $date }
plan-history-unconfirmed = не подтверждено
plan-history-empty = В этом месяце планы ещё не ставились.

role-head = руководитель
role-department_head = руководитель отдела
role-manager = менеджер
role-observer = наблюдатель
role-usage = Укажите участника и роль: <code>/role 12 наблюдатель</code>. Роли: менеджер, наблюдатель (видит расчёт выплат, ничего не меняет), руководитель отдела (планы и выплаты своего отдела).
role-done = { $name } теперь { $role }.
transfer-usage = Укажите, кому передать команду: <code>/transfer 12 подтверждаю</code>.
transfer-confirm = Передача команды необратима для вас: новым руководителем станет «{ $reference }», а вы станете наблюдателем. Если всё верно, отправьте <code>/transfer { $reference } подтверждаю</code>.
transfer-done = Готово: руководитель команды теперь { $name }. Вы остаётесь наблюдателем и по-прежнему видите расчёт выплат.
deactivate-usage = Укажите, кого отключить: <code>/deactivate 12</code> (номер из /team или @username).
deactivate-done = { $name } отключён(а) от команды. История отчётов и выплат сохранена; вернуться можно по ссылке-приглашению.
member-error-other-department = «{ $reference }» работает в другом отделе. Руководитель отдела управляет только своим отделом.
cmd-role = Роль участника (руководитель)
cmd-transfer = Передать команду (руководитель)
cmd-deactivate = Отключить участника (руководитель)

hired-usage = Укажите менеджера и дату приёма на работу: <code>/hired 12 15.09.2026</code>.
hired-done = { $name }: дата приёма { $date }. Оклад и план за месяц приёма считаются пропорционально отработанным дням.
cmd-hired = Дата приёма менеджера (руководитель)

invite-valid-until = { $link } (действует до { $date })
revoke-done = Старая ссылка команды больше не действует. Новая: { $link }
revoke-done-department = Старая ссылка отдела «{ $department }» больше не действует. Новая: { $link }
revoke-error-no-department = Отдела «{ $department }» нет в команде. Без названия отдела /revoke заменяет общую ссылку команды.
join-error-expired-invite = Срок действия ссылки-приглашения истёк. Попросите руководителя прислать новую: он получит её командой /invite или /setup.
cmd-revoke = Заменить ссылку-приглашение (руководитель)

## Errors

throttled = Слишком много сообщений подряд. Подождите несколько секунд, и я снова буду отвечать.

error-not-member = Вы пока не состоите ни в одной команде. Откройте ссылку-приглашение от руководителя. Руководитель подключает бота так: добавляет его в группу отдела и пишет там /setup.
error-head-only = Это действие доступно только руководителю.
error-unexpected = Что-то пошло не так, и запрос не выполнен. Попробуйте ещё раз чуть позже; ошибка уже записана в журнал.

## Settings

cmd-settings = Настройки: язык, уведомления
settings-header = <b>Настройки</b>
settings-language = Язык: { $language }
settings-language-ru = русский
settings-language-en = English
settings-pay-on = Прогноз выплат в постах группы: показывается
settings-pay-off = Прогноз выплат в постах группы: не показывается (выплаты видны только в личных чатах)
settings-button-ru = Русский
settings-button-en = English
settings-button-pay-on = Показывать прогноз выплат в группе
settings-button-pay-off = Скрыть выплаты из группы
settings-saved = Сохранено
settings-error-private-only = Настройки открываются в личном чате со мной: напишите мне /settings.

## Still needed and what-if

cmd-need = Что ещё нужно до плана и следующей ступени
cmd-whatif = Сколько заработаю, если продам ещё: /whatif 500к
cmd-disputes = Споры по расчёту и их статусы
cmd-contest = Соревнования и их таблицы
need-header = <b>Выручка: { $revenue } из { $plan } ({ $percent })</b>, { $days ->
        [one] остался { $days } рабочий день
        [few] осталось { $days } рабочих дня
       *[many] осталось { $days } рабочих дней
    }
need-no-plan = План по выручке на этот месяц ещё не задан — считать не от чего.
need-all-reached = План и все ступени премии уже достигнуты. Отличный месяц!
need-goal-plan = До плана
need-goal-tier = До ступени { $bound }
need-goal = <b>{ $target }: ещё { $amount }</b>
need-activity = Это примерно { $deals ->
        [one] { $deals } сделка
        [few] { $deals } сделки
       *[many] { $deals } сделок
    }, { $meetings ->
        [one] { $meetings } встреча
        [few] { $meetings } встречи
       *[many] { $meetings } встреч
    } и { $calls ->
        [one] { $calls } звонок
        [few] { $calls } звонка
       *[many] { $calls } звонков
    } по конверсии команды
need-per-day = В день: { $deals ->
        [one] { $deals } сделка
        [few] { $deals } сделки
       *[many] { $deals } сделок
    }, { $meetings ->
        [one] { $meetings } встреча
        [few] { $meetings } встречи
       *[many] { $meetings } встреч
    }, { $calls ->
        [one] { $calls } звонок
        [few] { $calls } звонка
       *[many] { $calls } звонков
    }
need-no-days-left = Рабочих дней в месяце не осталось.
need-no-average-deal = В команде в этом месяце ещё нет сделок, поэтому перевести сумму в сделки и звонки пока нельзя.
whatif-usage = Укажите, сколько ещё выручки вы рассчитываете получить в этом месяце, например: <code>/whatif 500к</code>.
whatif-error-private-only = Выплаты показываю только в личном чате: напишите мне /whatif в личные сообщения.
whatif-header = Если продадите ещё на { $extra }: выплата { $then } вместо { $now } (+{ $difference })

## Month close and export

cmd-close = Закрыть месяц: /close 2026-11 (руководитель)
payroll-header-closed = <b>Расчёт выплат — { $month }</b> (месяц закрыт { $date }, суммы больше не меняются)
payroll-button-xlsx = 📊 Скачать Excel
payroll-xlsx-caption = Расчёт выплат — { $month }
payroll-error-month = «{ $value }» — не месяц. Пишите так: <code>/payroll 2026-11</code>, <code>/payroll 11.2026</code> или <code>/payroll ноябрь</code>.
payroll-error-future-month = Месяц { $month } ещё не начался — считать пока нечего.
close-usage = Укажите месяц, который нужно закрыть, например: <code>/close 2026-11</code>.
close-error-not-ended = Месяц { $month } ещё не закончился. Закрыть его можно со следующего дня после последнего дня месяца.
close-error-already = Месяц { $month } уже закрыт. Изменения за него учитываются корректировками в текущем месяце.
close-done = { $month } закрыт: { $managers ->
        [one] { $managers } менеджер
        [few] { $managers } менеджера
       *[many] { $managers } менеджеров
    }, к выплате { $total }. Расчёт сохранён и больше не изменится; поздние изменения будут учтены корректировками в текущем месяце. Посмотреть — /payroll с этим месяцем.
month-error-closed = Месяц { $month } закрыт, и его цифры больше не меняются. Если нужно что-то исправить, напишите руководителю: он запишет корректировку командой /adjust, и разница войдёт в расчёт текущего месяца.
xlsx-sheet-payroll = Расчёт
xlsx-title = Расчёт выплат — { $month }
xlsx-open = на { $date }, месяц не закрыт
xlsx-closed = месяц закрыт
xlsx-column-manager = Менеджер
xlsx-column-line = Строка
xlsx-column-reason = Основание
xlsx-column-amount = Сумма
xlsx-kind-salary = Оклад
xlsx-kind-bonus = Премия
xlsx-kind-super_bonus = Супербонус
xlsx-kind-kpi_target = Премия за KPI
xlsx-kind-kpi_criterion = Премия за KPI
xlsx-kind-adjustment = Корректировка
xlsx-kind-deduction = Депремирование
xlsx-kind-total = Итого
xlsx-team-total = Итого по команде

## Rules in the bot

cmd-rules = Правила оплаты: как считается выплата
rules-default-title = Схема по умолчанию
rules-upcoming = С { $month } начнёт действовать новая версия «{ $title }»: <code>/rules { $arg }</code>
rules-published = Схема «{ $title }» сохранена и начнёт действовать с { $month }. Команда получила уведомление в группе. Вот как её прочитают менеджеры:
rules-announcement = 📣 Руководитель опубликовал правила оплаты «{ $title }». Они действуют с { $month }. Прочитать их можно командой <code>/rules { $arg }</code>.
rules-preset-usage = Укажите шаблон и, если нужно, месяц: <code>/rules preset by_attainment 2026-12</code>. Шаблоны: { $presets }.
rules-error-preset = Шаблона «{ $name }» нет. Есть: { $presets }.
rules-error-private-only = Правила меняются только в личном чате со мной: отправьте туда файл схемы или команду /rules preset.
rules-error-past = Правила нельзя задать задним числом: месяц { $month } уже прошёл, а сейчас { $current }. Укажите этот или будущий месяц.
rules-error-too-large = Файл схемы больше { $limit } КБ — это не похоже на схему оплаты. Пришлите .toml-файл схемы.
rules-error-encoding = Файл схемы не в кодировке UTF-8. Сохраните его как UTF-8 и пришлите снова.

## Deductions and criterion scores

cmd-deduct = Депремирование по опубликованному списку (руководитель)
cmd-score = Оценка критерия KPI: да или нет (руководитель)
reason-none = не указана
deduct-usage = Укажите менеджера, код депремирования из /rules и причину: <code>/deduct 12 late_report Отчёт сдан в 21:00</code>.
deduct-error-unknown = В правилах нет депремирования «{ $code }». Доступны: { $codes }. Список с суммами — /rules.
deduct-error-none-published = В действующих правилах нет списка депремирований, а применять можно только опубликованные заранее. Добавьте раздел [[deductions]] в схему (/rules).
deduct-done = Депремирование «{ $title }» ({ $amount }) применено: { $name }. Менеджер получил уведомление с причиной.
deduct-notice = Депремирование за { $month }: «{ $title }» — { $amount }. Причина: { $reason }. Оно уменьшает только премию, оклад не затрагивает. Правила — /rules; если не согласны, оспорьте строку в /me.
score-usage = Укажите менеджера, критерий из /rules, оценку «да» или «нет» и причину: <code>/score 12 no_complaints да Жалоб не было</code>.
score-error-unknown = В правилах нет критерия «{ $code }». Доступны: { $codes }. Подробно — /rules.
score-error-none-published = В действующих правилах нет критериев KPI, которые оценивает руководитель. Добавьте [[kpi.criteria]] в схему (/rules).
score-yes = да, выполнен
score-no = нет, не выполнен
score-done = Критерий «{ $title }» для { $name }: { $verdict }. Менеджер получил уведомление.
score-notice = Руководитель оценил критерий «{ $title }» за { $month }: { $verdict }. Причина: { $reason }. Как это влияет на премию — /me.
assessment-error-private-only = Депремирование и оценки ставятся только в личном чате со мной, чтобы они не попали в группу.

## Plans from a file

plan-template-caption = Планы на { $month }: заполните столбцы manager (номер из /team или @username), metric (выручка, звонки, …) и value и пришлите файл мне в этот чат.
plan-import-done = Планы на { $month } загружены: { $changed ->
        [one] { $changed } изменение
        [few] { $changed } изменения
       *[many] { $changed } изменений
    }, без изменений — { $unchanged }. Менеджеры получили уведомления и подтвердят планы кнопкой.
plan-import-error = Планы не загружены, ничего не изменилось. { $problem }
plan-import-error-format = Файл «{ $name }» не подходит: пришлите книгу .xlsx или файл .csv. Образец — <code>/plan шаблон</code>.
plan-import-error-too-large = Файл больше { $limit } КБ — это не похоже на таблицу планов. Образец — <code>/plan шаблон</code>.
plan-import-error-empty = на листе нет ни одной строки с планом. Заполните столбцы manager, metric и value.
plan-import-error-private-only = Файл с планами присылайте в личный чат со мной.

board-pay-header = 💰 <b>Прогноз выплат при нынешнем темпе</b> (руководитель включил показ в группе)
board-pay-line = • { $name } — { $total }
