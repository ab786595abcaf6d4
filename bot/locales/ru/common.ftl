command-unknown = Не знаю команды { $command }. Все команды — /help.
command-unknown-form-waits = Отчёт ещё не отправлен: напишите число для текущего шага или нажмите «Отменить».
