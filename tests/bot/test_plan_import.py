"""Plans from a file: the template, a good import, and bad files that change nothing."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from bot.db.models import PlanVersion
from tests.bot.support import HEAD, IVAN, MARIA

NBSP = "\u00a0"


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "plans"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def _send(team, name: str, data: bytes) -> list[dict]:
    return await team.sandbox.feed(team.sandbox.emulator.send_document(HEAD, HEAD, name, data))


async def _versions(team) -> int:
    async with team.sandbox.app.app.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(PlanVersion))


async def test_template_lists_managers(team):
    sent = await team.sandbox.send(HEAD, HEAD, "/plan шаблон")
    document = sent[0]["document"]
    book = load_workbook(io.BytesIO(team.sandbox.emulator.file_bytes(document["file_id"])))
    rows = list(book["plans"].iter_rows(values_only=True))

    assert rows[0] == ("manager", "metric", "value", "name")
    assert [row[0] for row in rows[1:]] == [f"@user{IVAN}", f"@user{MARIA}"]


async def test_import_sets_plans_and_notifies(team):
    data = _xlsx([["manager", "metric", "value"], [f"@user{IVAN}", "выручка", 1_000_000], [f"@user{MARIA}", "звонки", 800]])
    sent = await _send(team, "plans.xlsx", data)

    to_head = [item["text"] for item in sent if item["chat"]["id"] == HEAD]
    assert "Планы на ноябрь 2026 загружены: 2 изменения, без изменений — 0" in to_head[0]
    assert any("Вам назначен план" in item["text"] for item in sent if item["chat"]["id"] == IVAN)
    assert await _versions(team) == 2


async def test_csv_with_semicolons_imports(team):
    data = f"manager;metric;value\n@user{IVAN};выручка;1 250 000,50\n".encode()
    sent = await _send(team, "plans.csv", data)
    assert "1 изменение" in sent[0]["text"]
    me = await team.say_one(IVAN, IVAN, "/me")
    assert f"из 1{NBSP}250{NBSP}000,50{NBSP}₽" in me


async def test_bad_files_change_nothing(team):
    missing_column = _xlsx([["manager", "metric"], [f"@user{IVAN}", "выручка"]])
    text_in_number = _xlsx([["manager", "metric", "value"], [f"@user{IVAN}", "выручка", 100], [f"@user{MARIA}", "звонки", "много"]])
    unknown_manager = _xlsx([["manager", "metric", "value"], [f"@user{IVAN}", "выручка", 100], ["@nobody", "звонки", 5]])

    assert "нет столбца «value»" in (await _send(team, "plans.xlsx", missing_column))[0]["text"]
    reply = (await _send(team, "plans.xlsx", text_in_number))[0]["text"]
    assert "строка 3, столбец «value»" in reply
    assert "«много» — не число" in reply
    assert "Не нашёл менеджера «@nobody»" in (await _send(team, "plans.xlsx", unknown_manager))[0]["text"]
    assert await _versions(team) == 0


async def test_oversized_plan_file_refused(team):
    reply = (await _send(team, "plans.xlsx", b"0" * (1024 * 1024 + 1)))[0]["text"]
    assert f"больше 1{NBSP}024 КБ" in reply


async def test_file_error_names_the_sent_file(team):
    data = f"manager,metric,value\n@user{IVAN},выручка,100000\n".encode("cp1251")

    reply = (await _send(team, "планы.csv", data))[0]["text"]

    assert "Файл «планы.csv» не в кодировке UTF-8" in reply
    assert "/tmp" not in reply
    assert "salesboard-plans" not in reply
    assert await _versions(team) == 0


async def test_broken_workbook_names_the_sent_file_in_english(team):
    await team.say(HEAD, HEAD, "/language en")

    reply = (await _send(team, "plans-december.xlsx", b"not a zip archive"))[0]["text"]

    assert "plans-december.xlsx" in reply
    assert "salesboard-plans" not in reply
