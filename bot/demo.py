"""`salesboard demo`: a sample team's working week, played against the built-in Bot API emulator.

The real Dispatcher handles real Update objects, the real scheduler jobs fire on a manual clock
(2–6 November 2026, with 4 November a public holiday), and every message the bot sends is
printed as a chat transcript. The run ends with the head's month-to-date payroll.
"""

from __future__ import annotations

import itertools
import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from bot.sandbox import Sandbox

logger = logging.getLogger(__name__)

MOSCOW = ZoneInfo("Europe/Moscow")
GROUP_ID = -1001234567890
GROUP_TITLE = "Отдел продаж «Север»"


@dataclass(frozen=True)
class Person:
    user_id: int
    first_name: str
    last_name: str
    username: str


HEAD = Person(1001, "Ольга", "Смирнова", "olga_rop")
IVAN = Person(1002, "Иван", "Петров", "ivan_p")
MARIA = Person(1003, "Мария", "Соколова", "maria_s")
ALEXEY = Person(1004, "Алексей", "Козлов", "alexey_k")
DARIA = Person(1005, "Дарья", "Новикова", "daria_n")
MANAGERS = (IVAN, MARIA, ALEXEY, DARIA)


class Transcript:
    """Prints what users write and everything the bot sends, in order."""

    def __init__(self, sandbox: Sandbox, out: TextIO) -> None:
        self.sandbox = sandbox
        self.out = out
        self.names: dict[int, str] = {GROUP_ID: GROUP_TITLE}

    def stamp(self) -> str:
        return self.sandbox.clock.now().astimezone(MOSCOW).strftime("%H:%M")

    def user_wrote(self, chat_id: int, person: Person, text: str) -> None:
        self.out.write(f"[{self.stamp()}] {self.names[chat_id]} | {person.first_name}: {text}\n")

    def bot_sent(self, items: list[dict[str, Any]], at: datetime | None = None) -> None:
        stamp = at.astimezone(MOSCOW).strftime("%H:%M") if at else self.stamp()
        for item in items:
            if "photo" in item:
                body = f"[картинка: {item.get('caption') or 'без подписи'}]"
            else:
                body = item.get("text") or item.get("caption") or "[file]"
            indented = "\n".join(f"    {line}" for line in body.splitlines())
            self.out.write(f"[{stamp}] {self.names[item['chat']['id']]} | 🤖 Salesboard:\n{indented}\n")

    def job_sent(self, fire_time: datetime, items: list[dict[str, Any]]) -> None:
        self.bot_sent(items, at=fire_time)

    def day(self, title: str) -> None:
        self.out.write(f"\n{'=' * 72}\n{title}\n{'=' * 72}\n")

    def note(self, text: str) -> None:
        self.out.write(f"  ({text})\n")


async def run_demo(out: TextIO | None = None) -> int:
    logging.getLogger().setLevel(logging.WARNING)
    tokens = (f"demo-invite-{number}" for number in itertools.count(1))
    async with Sandbox(
        datetime(2026, 11, 2, 8, 0, tzinfo=MOSCOW), new_token=lambda: next(tokens), default_timezone="Europe/Moscow"
    ) as sandbox:
        await _play(sandbox, Transcript(sandbox, out or sys.stdout))
    return 0


async def _play(sandbox: Sandbox, log: Transcript) -> None:
    emulator = sandbox.emulator
    emulator.add_group(GROUP_ID, GROUP_TITLE, type="supergroup")
    for person in (HEAD, *MANAGERS):
        emulator.add_private_chat(person.user_id, person.first_name, person.last_name, person.username)
        log.names[person.user_id] = f"личный чат: {person.first_name}"

    async def at(hour: int, minute: int) -> None:
        day = sandbox.clock.now().astimezone(MOSCOW).date()
        await sandbox.advance(datetime(day.year, day.month, day.day, hour, minute, tzinfo=MOSCOW), log.job_sent)

    async def say(chat_id: int, person: Person, text: str) -> list[dict[str, Any]]:
        log.user_wrote(chat_id, person, text)
        replies = await sandbox.send(chat_id, person.user_id, text)
        log.bot_sent(replies)
        return replies

    async def next_day(day: int, title: str) -> None:
        await sandbox.advance(datetime(2026, 11, day, 8, 0, tzinfo=MOSCOW), log.job_sent)
        log.day(title)

    log.day("Понедельник, 2 ноября 2026 — подключение команды")
    await at(9, 0)
    await say(GROUP_ID, HEAD, "/setup")
    await at(9, 5)
    corporate = _invite_token((await say(HEAD.user_id, HEAD, "/invite Корпоративные продажи"))[-1]["text"])
    retail = _invite_token((await say(HEAD.user_id, HEAD, "/invite Розница"))[-1]["text"])
    await at(9, 10)
    for person, token in ((IVAN, corporate), (MARIA, corporate), (ALEXEY, retail), (DARIA, retail)):
        await say(person.user_id, person, f"/start {token}")
    await at(9, 20)
    await say(HEAD.user_id, HEAD, "/team")
    plans = (
        (IVAN, "60 000", "1 200 000", "800"),
        (MARIA, "55 000", "1 000 000", "700"),
        (ALEXEY, "45 000", "600 000", "900"),
        (DARIA, "45 000", "500 000", "900"),
    )
    for person, salary, revenue, calls in plans:
        await say(HEAD.user_id, HEAD, f"/salary @{person.username} {salary}")
        await say(HEAD.user_id, HEAD, f"/plan @{person.username} выручка {revenue}")
        await say(HEAD.user_id, HEAD, f"/plan @{person.username} звонки {calls}")

    await at(16, 40)
    await say(GROUP_ID, IVAN, "/report звонки 42 кп 6 встречи 3 сделки 1 выручка 250к")
    await at(16, 55)
    await say(MARIA.user_id, MARIA, "/report звонки 35 кп 4 встречи 2 выручка 180 000")
    await at(17, 30)
    await say(ALEXEY.user_id, ALEXEY, "/report звонки сорок")
    await say(ALEXEY.user_id, ALEXEY, "/report звонки 48 кп 5 встречи 1 сделки 2 выручка 96 500")
    await at(19, 30)

    await next_day(3, "Вторник, 3 ноября")
    await at(15, 10)
    await say(GROUP_ID, MARIA, "/report звонки 38 кп 5 встречи 3 сделки 2 выручка 320к")
    await at(16, 20)
    await say(DARIA.user_id, DARIA, "/report звонки 51 кп 3 встречи 2 сделки 1 выручка 74 300,50")
    await at(16, 45)
    await say(IVAN.user_id, IVAN, "/report звонки 44 кп 5 встречи 3 сделки 1 выручка 1,2 млн")
    log.note("Иван ошибся в сумме и отправляет отчёт ещё раз: прежняя версия сохранится")
    await at(16, 50)
    await say(IVAN.user_id, IVAN, "/report звонки 44 кп 5 встречи 3 сделки 1 выручка 210к")
    await at(17, 40)
    await say(ALEXEY.user_id, ALEXEY, "/report звонки 100000")
    await at(19, 30)

    await next_day(4, "Среда, 4 ноября — День народного единства, выходной")
    await at(21, 0)
    log.note("выходной по производственному календарю: ни напоминаний, ни поста")

    await next_day(5, "Четверг, 5 ноября")
    for person, line, (hour, minute) in (
        (IVAN, "звонки 39 кп 4 встречи 2 сделки 1 выручка 185к", (14, 0)),
        (MARIA, "звонки 33 кп 6 встречи 3 сделки 1 выручка 240 000", (15, 0)),
        (ALEXEY, "calls 55 proposals 4 meetings 2 deals 1 revenue 88.5k", (16, 0)),
        (DARIA, "звонки 47 кп 2 встречи 1 выручка 52к", (16, 30)),
    ):
        await at(hour, minute)
        await say(person.user_id, person, f"/report {line}")
    await at(19, 30)

    await next_day(6, "Пятница, 6 ноября")
    for person, line, (hour, minute) in (
        (IVAN, "звонки 45 кп 7 встречи 4 сделки 2 выручка 460к", (13, 0)),
        (MARIA, "звонки 30 кп 3 встречи 2 сделки 1 выручка 150к", (14, 30)),
        (ALEXEY, "звонки 52 кп 6 встречи 2 сделки 2 выручка 110 000", (15, 30)),
        (DARIA, "звонки 49 кп 4 встречи 2 сделки 1 выручка 96к", (16, 10)),
    ):
        await at(hour, minute)
        await say(person.user_id, person, f"/report {line}")
    await at(19, 30)
    await at(19, 40)
    await say(IVAN.user_id, IVAN, "/me")
    await say(ALEXEY.user_id, ALEXEY, "/need")
    await say(GROUP_ID, MARIA, "/top")
    await at(19, 50)
    await say(GROUP_ID, HEAD, "/payroll")
    await say(HEAD.user_id, HEAD, "/payroll")


def _invite_token(text: str) -> str:
    """Take the token from the invite link `https://t.me/<bot>?start=<token>` in a bot message."""
    return text.split("start=", 1)[1].split()[0]
