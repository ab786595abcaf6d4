"""Team set-up, joining, head-only commands and where pay may appear."""

from __future__ import annotations

from datetime import datetime

from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, OUTSIDER, make_team

NBSP = "\u00a0"


async def test_setup_in_private_without_team_declined(team):
    reply = await team.say_one(OUTSIDER, OUTSIDER, "/setup")
    assert "нужно отправить в группе" in reply


async def test_setup_again_by_manager_declined(team):
    reply = await team.say_one(GROUP, IVAN, "/setup")
    assert "Изменить настройки может только её руководитель" in reply


async def test_invalid_invite_declined(team):
    reply = await team.say_one(OUTSIDER, OUTSIDER, "/start notavalidtoken")
    assert "Ссылка-приглашение недействительна" in reply


async def test_join_twice_says_already_member(team):
    reply = await team.say_one(IVAN, IVAN, f"/start {team.invite}")
    assert "Вы уже в команде" in reply


async def test_payroll_lists_managers_with_lines(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 500к")
    await team.say(IVAN, IVAN, "/report выручка 300 000")

    payroll = await team.say_one(HEAD, HEAD, "/payroll")

    # November 2026 has 20 working days and Ivan was employed all month: salary 50 000,00.
    assert f"Оклад: 50{NBSP}000{NBSP}₽ за полный месяц (20 рабочих дней) = 50{NBSP}000,00{NBSP}₽" in payroll
    # 300 000 of 500 000 is 60 %: the 5 % tier pays 15 000,00.
    assert f"Премия с выручки: 5{NBSP}% от 300{NBSP}000,00{NBSP}₽; выполнение плана 60{NBSP}%" in payroll
    assert f"ступень от 50{NBSP}% = 15{NBSP}000,00{NBSP}₽" in payroll
    assert f"Иван</b> — 65{NBSP}000,00{NBSP}₽" not in payroll  # HTML is parsed by the emulator
    assert f"1. Иван — 65{NBSP}000,00{NBSP}₽" in payroll
    assert "Мария" in payroll
    assert f"Итого по команде: 65{NBSP}000,00{NBSP}₽" in payroll


async def test_payroll_in_group_declined_without_amounts(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    reply = await team.say_one(GROUP, HEAD, "/payroll")

    assert "только в личном чате" in reply
    assert "₽" not in reply


async def test_payroll_by_manager_declined(team):
    reply = await team.say_one(IVAN, IVAN, "/payroll")
    assert "только руководителю" in reply


async def test_salary_in_group_declined(team):
    reply = await team.say_one(GROUP, HEAD, f"/salary @user{IVAN} 50 000")
    assert "только в личном чате" in reply


async def test_plan_unknown_member_declined(team):
    reply = await team.say_one(HEAD, HEAD, "/plan @nobody выручка 1 млн")
    assert "Не нашёл менеджера «@nobody»" in reply


async def test_plan_bad_amount_declined(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} выручка много")
    assert "«много» — не число" in reply


async def test_me_in_group_goes_private(team):
    await team.say(HEAD, HEAD, f"/salary @user{MARIA} 40 000")
    sent = await team.sandbox.send(GROUP, MARIA, "/me")

    chats = [item["chat"]["id"] for item in sent]
    assert chats == [MARIA, GROUP]
    assert "₽" not in sent[1]["text"]
    assert f"40{NBSP}000{NBSP}₽" in sent[0]["text"]


async def test_team_list_in_private_shows_salary(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    reply = await team.say_one(HEAD, HEAD, "/team")
    assert f"оклад: 50{NBSP}000{NBSP}₽" in reply
    group_reply = await team.say_one(GROUP, HEAD, "/team")
    assert "оклад" not in group_reply


async def test_name_with_html_appears_literally():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван <Top> & Co"})
        await team.say(IVAN, IVAN, "/report звонки 5")
        top = await team.say_one(GROUP, IVAN, "/top")
        board = await sandbox.advance(datetime(2026, 11, 3, 19, 1, tzinfo=MOSCOW))

    assert "Иван <Top> & Co" in top
    assert any("Иван <Top> & Co" in item["text"] for item in board if item["chat"]["id"] == GROUP)


async def test_command_menu_in_both_languages(team):
    menus = {
        (entry["scope"]["type"], entry["language_code"]): {item["command"]: item["description"] for item in entry["commands"]}
        for entry in team.sandbox.emulator.commands()
    }

    private_ru = menus[("all_private_chats", "")]
    private_en = menus[("all_private_chats", "en")]
    assert private_ru["payroll"] == "Расчёт выплат (руководитель, в личном чате)"
    assert private_en["payroll"] == "Payroll (head, private chat)"
    assert set(private_ru) == set(private_en)
    assert "setup" in menus[("all_group_chats", "")]
    assert "payroll" not in menus[("all_group_chats", "en")]


async def test_top_filters_by_tenure_department_and_metric(team):
    retail = (await team.say_one(HEAD, HEAD, "/invite Розница")).split("start=")[1].split()[0]
    await team.say(MARIA, MARIA, f"/start {retail}")
    assert "дата приёма 02.10.2026" in await team.say_one(HEAD, HEAD, f"/hired @user{MARIA} 02.10.2026")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} звонки 100")
    await team.say(HEAD, HEAD, f"/plan @user{MARIA} звонки 50")
    await team.say(IVAN, IVAN, "/report звонки 30")
    await team.say(MARIA, MARIA, "/report звонки 20")

    newcomers = await team.say_one(GROUP, IVAN, "/top новички")
    veterans = await team.say_one(GROUP, IVAN, "/top старожилы")
    retail_top = await team.say_one(GROUP, IVAN, "/top розница")
    calls = await team.say_one(GROUP, IVAN, "/top звонки")

    # Hired 2 October, so on 3 November Maria has one full month: a newcomer; Ivan's date is unknown.
    assert "1. Мария" in newcomers
    assert "Иван" not in newcomers
    assert "1. Иван" in veterans
    assert "Мария" not in veterans
    assert "Отдел: Розница" in retail_top
    assert "Иван" not in retail_top
    # Calls: Maria 20 of 50 is 40 %, Ivan 30 of 100 is 30 %.
    assert calls.index("1. Мария — 40") < calls.index("2. Иван — 30")
    assert "Звонки: 20 из 50" in calls


async def test_top_unknown_filter_explains(team):
    reply = await team.say_one(GROUP, IVAN, "/top космос")
    assert "Не понял фильтр «космос»" in reply


async def test_hired_bad_date_shows_usage(team):
    reply = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} вчера")
    assert "/hired 12 15.09.2026" in reply


async def test_invite_expires_after_a_week(team):
    team.sandbox.emulator.add_private_chat(OUTSIDER + 1, "Олег", None, "oleg")
    await team.sandbox.advance(datetime(2026, 11, 10, 11, 0, tzinfo=MOSCOW))

    expired = await team.say_one(OUTSIDER + 1, OUTSIDER + 1, f"/start {team.invite}")
    fresh = await team.say_one(GROUP, HEAD, "/setup")

    assert "Срок действия ссылки-приглашения истёк" in expired
    assert "действует до 17.11.2026" in fresh
    new_token = fresh.split("start=")[1].split()[0]
    assert new_token != team.invite
    assert "Добро пожаловать" in await team.say_one(OUTSIDER + 1, OUTSIDER + 1, f"/start {new_token}")


async def test_revoked_invite_stops_working(team):
    replaced = await team.say_one(HEAD, HEAD, "/revoke")
    new_token = replaced.split("start=")[1].split()[0]

    assert "Ссылка-приглашение недействительна" in await team.say_one(OUTSIDER, OUTSIDER, f"/start {team.invite}")
    assert "Добро пожаловать" in await team.say_one(OUTSIDER, OUTSIDER, f"/start {new_token}")
    assert "только руководителю" in await team.say_one(IVAN, IVAN, "/revoke")


def test_nested_quotes_become_low_high():
    from bot.render.texts import nest_quotes

    assert nest_quotes("Команда «Отдел продаж «Север»» создана") == "Команда «Отдел продаж „Север“» создана"
    assert nest_quotes("«а» и «б»") == "«а» и «б»"
    assert nest_quotes("«a «b «c»» d»") == "«a „b „c““ d»"
    assert nest_quotes("нет кавычек »") == "нет кавычек »"


async def test_salary_typos_declined(team):
    assert "не может быть отрицательным" in await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} -5")
    assert "похоже на опечатку" in (await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 1,5")).lower()
    assert "оклад: не задан" in await team.say_one(HEAD, HEAD, "/team")


async def test_absurd_limit_is_formatted(team):
    reply = await team.say_one(IVAN, IVAN, "/report выручка 2 млрд")
    assert f"предел 1{NBSP}000{NBSP}000{NBSP}000" in reply


async def test_long_payroll_split_under_limit():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        managers = {700 + number: f"Менеджер-{number:02d} с очень длинной фамилией для проверки" for number in range(40)}
        team = await make_team(sandbox, managers)
        sent = await team.sandbox.send(HEAD, HEAD, "/payroll")

    assert len(sent) >= 2
    assert all(len(item["text"]) <= 4096 for item in sent)
    assert "Итого по команде" in sent[-1]["text"]
    assert "reply_markup" in sent[-1]


async def test_hired_date_far_from_today_is_refused(team):
    future = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} 01.01.2030")
    past = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} 01.01.1930")
    await team.say(HEAD, HEAD, "/language en")
    english = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} 01.01.2030")
    accepted = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} 15.09.2026")

    assert "Похоже на опечатку в дате приёма" in future
    assert "по 04.11.2027" in future
    assert "Похоже на опечатку" in past
    assert "looks like a typo" in english
    assert "15 Sep 2026" in accepted


async def test_username_underscore_is_not_a_wildcard(team):
    # Ivan is @user502: "_" must not stand for the "2".
    reply = await team.say_one(HEAD, HEAD, "/salary @user50_ 70 000")

    assert "Не нашёл менеджера «@user50_»" in reply
    assert f"70{NBSP}000" not in await team.say_one(HEAD, HEAD, "/payroll")


async def test_username_matches_in_any_case(team):
    replies = await team.say(HEAD, HEAD, f"/salary @USER{IVAN} 70 000")

    assert any("Оклад установлен: Иван" in reply for reply in replies)
