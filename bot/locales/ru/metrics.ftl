## Team metrics (/metrics), their place in /report, the guided form and scheme files; bot/handlers/metrics.py

cmd-metrics = Свои показатели команды (руководитель)

-metrics-add-example = <code>/metrics add units_a шт Линейка А / Line A</code>

metrics-usage =
    Как управлять показателями команды:
    <code>/metrics</code> — список показателей
    { -metrics-add-example } — добавить: код латиницей, тип (шт или руб), название; английское название после « / » можно не указывать
    <code>/metrics off units_a</code> — выключить (отчёты за прошлые дни сохраняются), <code>/metrics on units_a</code> — включить снова
    <code>/metrics limit units_a 50</code> — сколько можно указать за один день
metrics-error-private-only = Показатели команды настраиваются в личном чате со мной: напишите мне /metrics там.

metrics-empty = У команды пока нет своих показателей, только встроенные: звонки, КП, встречи, новые клиенты, сделки, выручка, маржа, оплаты. Добавить свой: { -metrics-add-example }
metrics-header = <b>Свои показатели команды</b>
metrics-line = • <code>{ $code }</code> — { $title }, { $kind }, до { $limit } в день
metrics-line-off = • <code>{ $code }</code> — { $title }, { $kind }, выключен
metrics-kind-count = штуки
metrics-kind-money = рубли
metrics-hint = Менеджеры пишут их в отчёте кодом или названием, а в пошаговом отчёте бот спросит их после встроенных. Выключить: <code>/metrics off код</code>; лимит за день: <code>/metrics limit код число</code>.

metrics-added = Показатель «{ $title }» (<code>{ $code }</code>) добавлен.
metrics-how-to-report = Менеджеры могут указывать его в отчёте кодом или названием: <code>/report { $code } { $example }</code> или <code>/report { $title } { $example }</code>.
metrics-how-to-report-code = Менеджеры указывают его в отчёте кодом: <code>/report { $code } { $example }</code>. Название с цифрами или знаками в отчёте не распознаётся.
metrics-switched-off = Показатель «{ $title }» (<code>{ $code }</code>) выключен: в новых отчётах его нет, прежние значения сохранены. Включить снова: <code>/metrics on { $code }</code>.
metrics-switched-on = Показатель «{ $title }» (<code>{ $code }</code>) снова принимается в отчётах.
metrics-limit-set = Теперь за один день по показателю «{ $title }» можно указать не больше { $limit }.

metrics-error-kind = «{ $value }» — неизвестный тип показателя. Укажите <code>шт</code> для количества или <code>руб</code> для суммы, например: { -metrics-add-example }
metrics-error-bad-code = Код «{ $code }» не подходит: нужны латинские буквы и знак «_», от 2 до 20 символов, без цифр (цифры в отчёте читаются как значение). Например: <code>units_a</code>.
metrics-error-builtin-code = Код «{ $code }» уже означает встроенный показатель. Выберите другой, например <code>units_a</code>.
metrics-error-duplicate = Показатель с кодом «{ $code }» у команды уже есть. Список — /metrics; выключенный включается командой <code>/metrics on { $code }</code>.
metrics-error-too-many = У команды уже { $limit } своих показателей — это предел. Выключенные тоже считаются.
metrics-error-no-title = Не указано название показателя. Например: { -metrics-add-example }
metrics-error-title-too-long = Название длиннее { $limit } символов. Сократите его: менеджеры будут писать его в отчётах.
metrics-error-name-taken = Название «{ $name }» уже означает показатель <code>{ $code }</code> — в отчётах их будет не различить. Выберите другое название.
metrics-error-not-found = У команды нет показателя «{ $code }». Список показателей — /metrics.
metrics-error-limit = «{ $value }» не подходит как лимит: нужно целое число больше нуля, например <code>/metrics limit units_a 50</code>.

metrics-error-scheme-code = Схема не опубликована: код показателя «{ $code }» в разделе [[metrics]] нельзя написать в отчёте. Нужны латинские строчные буквы и «_», от 2 до 20 символов, без цифр.
metrics-error-scheme-name-taken = Схема не опубликована: название «{ $name }» из раздела [[metrics]] уже означает показатель { $code }. Переименуйте показатель в файле.
metrics-error-scheme-kind = Схема не опубликована: показатель { $code } у команды записывается как { $kind }, а в файле указан тип { $declared }. Прежние отчёты нельзя пересчитать в другой тип — выберите для файла другой код.
metrics-from-scheme = Показатели схемы теперь принимаются в отчётах и планах: { $metrics }. Список и настройки — /metrics.

metrics-report-unknown = Не знаю показатель «{ $name }». Доступны: звонки, кп, встречи, новые клиенты, сделки, выручка, маржа, оплаты, а также показатели команды: { $team_metrics }. Например: <code>/report звонки 40, { $code } 3</code>

metrics-form-question-count = Сколько за день: { $metric }? Напишите число.
metrics-form-question-money = Какая сумма за день: { $metric }? Например: 250к или 250 000.
metrics-form-question-gone = Показателя { $code } у команды больше нет. Нажмите «Пропустить».
