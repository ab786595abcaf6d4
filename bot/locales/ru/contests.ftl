## Contests

-contest-example = <code>/contest 01.12–31.12 звонки приз 10 000</code>

contest-title-hungry_games = № { $number }. Голодные игры: новички против старожилов — { $month }
contest-title-departments = № { $number }. Соревнование отделов — { $month }
contest-title-custom = № { $number }. Кто больше: { $metric }, { $start } – { $end }

contest-announce-header = 🏁 <b>Новое соревнование!</b> { $title }
contest-rules-hungry_games = Новички — те, кто на 1-е число месяца работает меньше { $months ->
        [one] { $months } месяца
       *[other] { $months } месяцев
    }, остальные — старожилы. Побеждает команда с большим выполнением плана по выручке: сумма выручки команды делится на сумму её планов.
contest-rules-departments = Побеждает отдел с большим выполнением плана по выручке: выручка отдела делится на его план, поэтому у отдела с большими планами нет форы.
contest-rules-custom = Побеждает тот, у кого больше показатель «{ $metric }» за период по отчётам за день.
contest-prizes-header = Призы:
contest-prize-line = • { $place } место — { $prize }
contest-rules-ties = При равенстве участники делят место и призы занятых ими мест поровну.
contest-rules-standings = Таблица — по команде /contest.

contest-none = Сейчас соревнований нет. Руководитель запускает их командой /contest, подробности — в /help.
contest-block-header = <b>{ $title }</b>
contest-not-started = Начнётся { $date }.
contest-newcomers-are = Новички — стаж меньше { $months ->
        [one] { $months } месяца
       *[other] { $months } месяцев
    } на 1-е число месяца.
contest-group-newcomers = Новички
contest-group-veterans = Старожилы
contest-group-line = { $rank }. { $name } — { $percent } (выручка { $actual } из { $plan }, { $count ->
        [one] { $count } менеджер
        [few] { $count } менеджера
       *[many] { $count } менеджеров
    })
contest-group-line-no-plan = { $rank }. { $name } — план не задан (выручка { $actual }, { $count ->
        [one] { $count } менеджер
        [few] { $count } менеджера
       *[many] { $count } менеджеров
    })
contest-place-line = { $rank }. { $name } — { $value }
contest-place-prize = , приз { $prize }
contest-no-managers = В команде пока нет менеджеров.

contest-created = Соревнование создано и объявлено в группе: { $title }
contest-created-no-group = Соревнование создано: { $title }. Объявить его в группе не удалось — проверьте, что я есть в группе команды (/setup в группе). Таблица — /contest.

contest-usage =
    Не понял, какое соревнование создать. Варианты:
    <code>/contest голодные игры</code> — новички против старожилов на текущий месяц
    <code>/contest отделы</code> — отдел против отдела на текущий месяц
    { -contest-example } — кто больше за период; призы за места — через косую черту: приз 10 000 / 5 000
contest-error-private-only = Соревнования создаются в личном чате со мной. Напишите мне, например: { -contest-example }. Таблица в группе — /contest без слов.
contest-error-head-only = Создать соревнование может только руководитель команды. Идущие соревнования — /contest без слов.
contest-error-date = Даты «{ $value }» не существует. Пишите так: { -contest-example }
contest-error-order = Конец периода ({ $end }) раньше начала ({ $start }). Сначала дата начала, потом дата конца: { -contest-example }
contest-error-past = Период { $start } – { $end } уже прошёл. Для следующего года укажите год, например: <code>/contest 01.01.{ $year }–31.01.{ $year } звонки</code>
contest-error-metric-missing = Укажите показатель после дат, например: { -contest-example }
contest-error-metric = Не знаю показатель «{ $name }». Доступны: звонки, кп, встречи, новые клиенты, сделки, выручка, маржа, оплаты. Например: { -contest-example }
contest-error-prize = Не понял приз «{ $value }». Пишите сумму числом: приз 10 000, а призы за места — через косую черту: приз 10 000 / 5 000 / 3 000.
contest-error-prize-count = Призов можно задать не больше { $max } — по одному на место.
contest-error-duplicate = { $kind ->
        [hungry_games] Голодные игры на этот месяц уже идут
       *[departments] Соревнование отделов на этот месяц уже идёт
    } (№ { $number }). Таблица — /contest.
contest-error-no-departments = Для соревнования отделов нужно хотя бы два отдела, а в команде { $count }. Отдел создаётся ссылкой-приглашением: <code>/invite Название отдела</code>.
