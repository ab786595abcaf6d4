"""Every command through the real Dispatcher, in Russian and in English, with a good case and a bad one.

Each case checks the reply the user sees in their language. A reply to an English reader must
hold no Cyrillic: the team, its people and its departments have Latin names here, so a Russian
word in an English reply is a text that skipped the locale. A reply to a Russian reader must be
Russian. No case may end in the generic "something went wrong" reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, OUTSIDER, START

CYRILLIC = re.compile("[А-Яа-яЁё]")
OTHER_GROUP = -100888

SCHEME = """
title = "KPI"
effective_from = "2026-11"
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "10 %" }]
[kpi]
pool = 10000
[[kpi.criteria]]
code = "no_complaints"
weight = "100 %"
[[deductions]]
code = "late_report"
title = "Late report"
amount = 500
"""


@dataclass(frozen=True)
class Step:
    """One message and the fragment its reply must hold, per language.

    `text` is sent as it is in both languages unless `text_en` differs. `who` is head, ivan,
    maria or outsider; `where` is private or group. An outsider is not a member, so the bot
    cannot know their language and replies in Russian in both runs.
    """

    who: str
    where: str
    text: str
    ru: str
    en: str
    text_en: str | None = None


def step(who: str, where: str, text: str, ru: str, en: str, text_en: str | None = None) -> Step:
    return Step(who, where, text, ru, en, text_en)


PLAN = "/plan @user502 выручка 1 млн"
SALARY = "/salary @user502 60 000"

# Command → (what the head does first, the steps). The first step is the good case.
COMMANDS: dict[str, tuple[tuple[str, ...], tuple[Step, ...]]] = {
    "help": ((), (
        step("ivan", "private", "/help", "Каждый день отправляйте отчёт", "Send your numbers once a day"),
        step("head", "private", "/help", "/payroll", "/payroll"),
    )),
    "start": ((), (
        step("outsider", "private", "/start {invite}", "Добро пожаловать в команду", "Добро пожаловать в команду"),
        step("outsider", "private", "/start badtoken", "Ссылка-приглашение недействительна",
             "Ссылка-приглашение недействительна"),
    )),
    "setup": ((), (
        step("outsider", "other-group", "/setup", "start=", "start="),
        step("ivan", "group", "/setup", "уже подключена к команде", "is already connected to team"),
        step("ivan", "private", "/setup", "только руководителю", "Only the team's head"),
        step("head", "private", "/setup", "Настройка команды — шаг 1 из 7", "step 1 of 7"),
    )),
    "report": ((PLAN,), (
        step("ivan", "private", "/report звонки 40 встречи 3 выручка 250к", "Отчёт за 03.11.2026 сохранён",
             "Report for 3 Nov 2026 saved", "/report calls 40 meetings 3 revenue 250k"),
        step("ivan", "private", "/report звонки много", "— не число", "is not a number", "/report calls lots"),
        step("ivan", "private", "/report звонки 5000", "слишком много для одного дня", "is too much for one day",
             "/report calls 5000"),
        step("head", "private", "/report звонки 5", "Отчёты сдают менеджеры", "managers", "/report calls 5"),
    )),
    "report-form": ((), (
        step("ivan", "private", "/report", "шаг 1 из 8", "step 1 of 8"),
        step("ivan", "private", "сорок", "— не число", "is not a number", "forty"),
        step("ivan", "private", "/nonsense", "Не знаю команды /nonsense", "I do not know the command /nonsense"),
    )),
    "me": ((SALARY,), (
        step("ivan", "private", "/me", "Ваш месяц: ноябрь 2026", "Your month: November 2026"),
        step("ivan", "group", "/me", "в личном чате", "in the private chat only"),
        step("outsider", "private", "/me", "не состоите ни в одной команде", "не состоите ни в одной команде"),
    )),
    "need": ((PLAN,), (
        step("ivan", "private", "/need", "осталось 18 рабочих дней", "18 working days left"),
        step("head", "group", "/need", "/me", "/me"),
    )),
    "whatif": ((PLAN, SALARY), (
        step("ivan", "private", "/whatif 500к", "Если продадите ещё на 500", "With RUB\u00a0500,000", "/whatif 500k"),
        step("ivan", "private", "/whatif много", "Укажите, сколько ещё выручки", "Say how much more revenue",
             "/whatif lots"),
        step("ivan", "group", "/whatif 5к", "в личном чате", "in the private chat only", "/whatif 5k"),
    )),
    "top": ((PLAN,), (
        step("ivan", "group", "/top", "Рейтинг по выполнению плана", "Plan attainment leaderboard"),
        step("ivan", "group", "/top звонки", "Звонки", "Calls", "/top calls"),
        step("ivan", "group", "/top новички", "Под этот фильтр никто не подходит", "Nobody matches this filter",
             "/top newcomers"),
        step("ivan", "group", "/top чепуха", "Не понял фильтр", "I did not understand the filter", "/top nonsense"),
    )),
    "team": ((), (
        step("head", "private", "/team", "Состав команды", "Team members"),
        step("ivan", "private", "/team", "только руководителю", "Only the team's head"),
    )),
    "plan": ((), (
        step("head", "private", PLAN, "план на ноябрь 2026", "plan for November 2026", "/plan @user502 revenue 1m"),
        step("head", "private", "/plan @user502 выручка -5", "больше нуля", "greater than zero",
             "/plan @user502 revenue -5"),
        step("head", "private", "/plan @nobody выручка 5", "Не нашёл менеджера «@nobody»", "No manager “@nobody”",
             "/plan @nobody revenue 5"),
        step("ivan", "private", "/plan @user503 выручка 5", "только руководителю", "Only the team's head",
             "/plan @user503 revenue 5"),
    )),
    "plan-history": ((PLAN,), (
        step("head", "private", "/plan история", "История планов", "Plan history", "/plan history"),
    )),
    "plan-template": ((), (
        step("head", "private", "/plan шаблон", "Планы на ноябрь 2026", "Plans for November 2026", "/plan template"),
    )),
    "salary": ((), (
        step("head", "private", SALARY, "Оклад установлен", "Salary set"),
        step("head", "private", "/salary @user502 шестьдесят", "не сумма", "is not an amount",
             "/salary @user502 sixty"),
        step("head", "private", "/salary @user502 5", "Похоже на опечатку", "looks like a typo"),
        step("head", "private", "/salary @user502 60 000 с 2026-12", "в месяц с декабря 2026", "a month from December 2026",
             "/salary @user502 60 000 from 2026-12"),
        step("head", "private", "/salary @user502 60 000 с завтра", "не месяц", "is not a month",
             "/salary @user502 60 000 from tomorrow"),
        step("head", "group", SALARY, "только в личном чате", "in the private chat with me only"),
    )),
    "hired": ((), (
        step("head", "private", "/hired @user502 15.09.2026", "дата приёма 15.09.2026", "hired on 15 Sep 2026"),
        step("head", "private", "/hired @user502 45.09.2026", "Укажите менеджера и дату приёма",
             "Name the manager and the hire date"),
    )),
    "payroll": ((SALARY,), (
        step("head", "private", "/payroll", "Расчёт выплат — ноябрь 2026", "Payroll — November 2026"),
        step("head", "private", "/payroll 2026-13", "не месяц", "is not a month"),
        step("head", "private", "/payroll октябрь", "Расчёт выплат — октябрь 2026", "Payroll — October 2026",
             "/payroll october"),
        step("head", "private", "/payroll 2027-05", "ещё не начался", "has not started yet"),
        step("ivan", "private", "/payroll", "только руководителю", "to the head only"),
        step("head", "group", "/payroll", "только в личном чате", "in the private chat"),
    )),
    "close": ((SALARY,), (
        step("head", "private", "/close 2026-10", "ещё принимаются", "are still accepted"),
        step("head", "private", "/close 2026-10 досрочно", "Октябрь 2026 закрыт", "October 2026 is closed",
             "/close 2026-10 now"),
        step("head", "private", "/close 2019-10", "слишком далеко", "too far from today"),
        step("head", "private", "/close 2026-11", "ещё не закончился", "has not ended yet"),
        step("head", "private", "/close", "Укажите месяц", "Name the month to close"),
        step("ivan", "private", "/close 2026-10", "только руководителю", "Only the team's head"),
    )),
    "role": ((), (
        step("head", "private", "/role @user503 наблюдатель", "теперь наблюдатель", "is now observer",
             "/role @user503 observer"),
        step("head", "private", "/role @user503 король", "Укажите участника и роль", "Name the member and the role",
             "/role @user503 king"),
        step("head", "private", "/role @user599 наблюдатель", "Не нашёл менеджера", "No manager",
             "/role @user599 observer"),
    )),
    "transfer": ((), (
        step("head", "private", "/transfer @user502 подтверждаю", "руководитель команды", "is now the team's head",
             "/transfer @user502 confirm"),
    )),
    "transfer-unconfirmed": ((), (
        step("head", "private", "/transfer @user502", "Если всё верно", "If that is right"),
        step("ivan", "private", "/transfer @user503", "только руководителю", "Only the team's head"),
    )),
    "deactivate": ((), (
        step("head", "private", "/deactivate @user503", "отключён(а) от команды", "is switched off"),
        step("head", "private", "/deactivate @nobody", "Не нашёл менеджера", "No manager"),
    )),
    "rules": ((), (
        step("ivan", "private", "/rules", "Схема оплаты", "Pay scheme"),
        step("head", "private", "/rules preset by_attainment 2026-12", "начнёт действовать с декабря 2026",
             "takes effect from December 2026"),
        step("head", "private", "/rules preset nonsense", "Шаблона «nonsense» нет", "There is no preset “nonsense”"),
        step("ivan", "private", "/rules preset by_attainment", "только руководителю", "Only the team's head"),
    )),
    "deduct": (("scheme", SALARY), (
        step("head", "private", "/deduct @user502 late_report Опоздал", "Депремирование «Late report»",
             "“Late report”",
             "/deduct @user502 late_report Late"),
        step("head", "private", "/deduct @user502 zzz", "нет депремирования «zzz»", "“zzz”"),
        step("head", "group", "/deduct @user502 late_report", "личном чате", "private chat"),
    )),
    "score": (("scheme",), (
        step("head", "private", "/score @user502 no_complaints да Хорошо", "Критерий «Нет жалоб клиентов» для Ivan",
             "Criterion “No client complaints” for Ivan",
             "/score @user502 no_complaints yes Good"),
        step("head", "private", "/score @user502 no_complaints может", "Укажите менеджера, критерий",
             "Name the manager, a criterion", "/score @user502 no_complaints maybe"),
        step("head", "private", "/score @user502 zzz да", "нет критерия «zzz»", "“zzz”", "/score @user502 zzz yes"),
    )),
    "disputes": ((), (
        step("ivan", "private", "/disputes", "Вы ещё ничего не оспаривали", "You have not disputed anything yet"),
        step("head", "private", "/disputes", "Открытых споров нет", "No open disputes"),
        step("ivan", "group", "/disputes", "в личном чате", "in the private chat only"),
    )),
    "contest": ((PLAN,), (
        step("head", "private", "/contest голодные игры", "Соревнование создано", "Contest created",
             "/contest hungry games"),
        step("ivan", "private", "/contest", "Голодные игры", "Hungry games"),
        step("head", "private", "/contest 31.12–01.12 звонки", "раньше начала", "before it starts",
             "/contest 31.12–01.12 calls"),
    )),
    "vacation": ((), (
        step("ivan", "private", "/vacation 10.12–20.12", "записано (11 дней)", "recorded (11 days)"),
        step("ivan", "private", "/vacation 40.12–20.12", "Не понял дату «40.12»", "Could not read the date “40.12”"),
        step("ivan", "private", "/vacation 02.11", "записывает руководитель", "recorded by the head"),
        step("ivan", "private", "/vacation отмена 10.12", "отменено", "is cancelled", "/vacation cancel 10.12"),
        step("ivan", "private", "/vacation отмена", "Не нашёл отсутствия", "No absence found", "/vacation cancel"),
    )),
    "times": ((), (
        step("head", "private", "/times 17:00 18:00 19:00", "напоминание в 17:00", "reminder at 17:00"),
        step("head", "private", "/times 25:00", "Укажите три времени", "Give three times"),
        step("ivan", "private", "/times 17:00 18:00 19:00", "только руководителю", "Only the team's head"),
    )),
    "timezone": ((), (
        step("head", "private", "/timezone Europe/Berlin", "Europe/Berlin", "Europe/Berlin"),
        step("head", "private", "/timezone Mars/Olympus", "Не знаю часовой пояс", "Unknown timezone"),
    )),
    "calendar": ((), (
        step("head", "private", "/calendar KZ", "Календарь команды: KZ", "The team's calendar: KZ"),
        step("head", "private", "/calendar XX", "Нет производственного календаря", "There is no production calendar"),
    )),
    "dayoff": ((), (
        step("head", "private", "/dayoff 30.12.2026", "выходной для команды", "is a day off for the team"),
        step("head", "private", "/dayoff 31.02.2026", "Не понял дату", "Could not read the date"),
    )),
    "workday": ((), (
        step("head", "private", "/workday 27.12.2026", "рабочий день для команды", "is a working day for the team"),
        step("head", "private", "/workday когда-нибудь", "Не понял дату", "Could not read the date", "/workday someday"),
    )),
    "topic": ((), (
        step("head", "group", "/topic", "в общий чат группы", "in the group's general chat"),
        step("head", "private", "/topic", "в группе команды", "in the team's group"),
    )),
    "invite": ((), (
        step("head", "private", "/invite North", "Ссылка для отдела «North»", "Link for department “North”"),
        step("head", "private", "/invite", "Укажите отдел", "Name the department"),
        step("ivan", "private", "/invite North", "только руководителю", "Only the team's head"),
    )),
    "revoke": ((), (
        step("head", "private", "/revoke", "Старая ссылка команды больше не действует", "The team's old link no longer works"),
        step("head", "private", "/revoke Nowhere", "Nowhere", "Nowhere"),
    )),
    "metrics": ((), (
        step("head", "private", "/metrics add units_a шт Линейка А / Line A", "Показатель «Линейка А» (units_a) добавлен",
             "Metric “Line A” (units_a) added", "/metrics add units_a count Линейка А / Line A"),
        step("head", "private", "/metrics add 1bad шт X", "Код «1bad» не подходит", "The code “1bad” is invalid"),
        step("ivan", "private", "/metrics", "только руководителю", "Only the team's head"),
    )),
    "adjust": ((SALARY, "/close 2026-10 досрочно"), (
        step("head", "private", "/adjust @user502 2026-10 звонки +5 поздний отчёт", "Корректировка записана",
             "Adjustment recorded", "/adjust @user502 2026-10 calls +5 late report"),
        step("head", "private", "/adjust @user502 2026-11 выручка -5 000", "Месяц 2026-11 не закрыт",
             "The month 2026-11 is not closed", "/adjust @user502 2026-11 revenue -5 000"),
        step("head", "private", "/adjust @user502 2026-10 выручка 5 000", "Укажите изменение со знаком",
             "Give the change with its sign", "/adjust @user502 2026-10 revenue 5 000"),
        step("head", "private", "/adjust @user502 2026-10 звонки +999 999 999", "больше, чем можно набрать за месяц",
             "more than a month can hold", "/adjust @user502 2026-10 calls +999 999 999"),
        step("ivan", "private", "/adjust @user503 2026-10 звонки +5", "Корректировки записывает руководитель",
             "Adjustments are recorded by the team's head",
             "/adjust @user503 2026-10 calls +5"),
    )),
    "settings": ((), (
        step("ivan", "private", "/settings", "Настройки", "Settings"),
        step("ivan", "group", "/settings", "в личном чате", "in the private chat"),
    )),
    "language": ((), (
        step("ivan", "private", "/language xx", "Укажите язык", "Choose a language"),
    )),
    "free-text": ((), (
        step("ivan", "private", "привет", "Не понял сообщение", "I did not understand that", "hello"),
        step("outsider", "private", "привет", "Здравствуйте", "Здравствуйте", "hello"),
    )),
}

# /help shows English readers that Russian metric names work and names the Russian switch in Russian.
RUSSIAN_ON_PURPOSE = ("/report звонки 40 сделки 1 выручка 250к", "/language ru — переключиться на русский")

PEOPLE = {"head": HEAD, "ivan": IVAN, "maria": MARIA, "outsider": OUTSIDER}


async def _team(sandbox: Sandbox, locale: str) -> str:
    emulator = sandbox.emulator
    emulator.add_group(GROUP, "Sales", type="supergroup")
    emulator.add_group(OTHER_GROUP, "Retail", type="supergroup")
    emulator.add_private_chat(HEAD, "Olga", "Smirnova", "olga")
    emulator.add_private_chat(OUTSIDER, "Petr", None, "petr")
    reply = (await sandbox.send(GROUP, HEAD, "/setup"))[0]["text"]
    invite = reply.split("start=", 1)[1].split()[0]
    for user_id, name in ((IVAN, "Ivan"), (MARIA, "Maria")):
        emulator.add_private_chat(user_id, name, None, f"user{user_id}")
        await sandbox.send(user_id, user_id, f"/start {invite}")
    if locale != "ru":
        for user_id in (HEAD, IVAN, MARIA):
            await sandbox.send(user_id, user_id, f"/language {locale}")
    return invite


async def _prepare(sandbox: Sandbox, actions: tuple[str, ...]) -> None:
    for action in actions:
        if action == "scheme":
            await sandbox.feed(sandbox.emulator.send_document(HEAD, HEAD, "scheme.toml", SCHEME.encode()))
        else:
            await sandbox.send(HEAD, HEAD, action)


@pytest.mark.parametrize("locale", ["ru", "en"])
@pytest.mark.parametrize("command", list(COMMANDS))
async def test_command(command: str, locale: str) -> None:
    before, steps = COMMANDS[command]
    async with Sandbox(START) as sandbox:
        invite = await _team(sandbox, locale)
        await _prepare(sandbox, before)
        for item in steps:
            user = PEOPLE[item.who]
            chat = {"private": user, "group": GROUP, "other-group": OTHER_GROUP}[item.where]
            text = (item.text_en if locale == "en" and item.text_en else item.text).format(invite=invite)
            sent = await sandbox.send(chat, user, text)
            replies = [message.get("text") or message.get("caption") or "" for message in sent
                       if message["chat"]["id"] in (chat, user)]
            joined = "\n".join(replies)
            for allowed in RUSSIAN_ON_PURPOSE:
                joined = joined.replace(allowed, "")
            expected = item.en if locale == "en" else item.ru
            where = f"{text!r} from {item.who} in {item.where}"
            assert expected in joined, f"{where}: expected {expected!r} in {replies!r}"
            assert "Что-то пошло не так" not in joined, where
            assert "Something went wrong" not in joined, where
            if item.who == "outsider" or locale == "ru":
                assert CYRILLIC.search(joined), f"{where}: the reply is not in Russian: {replies!r}"
            else:
                assert not CYRILLIC.search(joined), f"{where}: Russian in an English reply: {replies!r}"
