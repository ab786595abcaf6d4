"""/metrics: the head lists the team's own metrics, adds one, switches one off or on, sets its daily limit."""

from __future__ import annotations

from decimal import Decimal

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.handlers.arguments import read_amount
from bot.db.models import Member
from bot.metric_catalog import MetricCatalog, TeamMetricInfo
from bot.handlers.replies import answer_long
from bot.middlewares.access import HEAD_ONLY, Access
from bot.render.texts import Texts
from bot.report_parser import alias_key, normalize_alias
from bot.services import team_metrics
from bot.services.errors import UserError
from kpi.metrics import MetricKind

ADD_WORDS = frozenset({"add", "добавить"})
OFF_WORDS = frozenset({"off", "выкл", "выключить"})
ON_WORDS = frozenset({"on", "вкл", "включить"})
LIMIT_WORDS = frozenset({"limit", "лимит"})

KIND_WORDS = {
    "count": MetricKind.COUNT,
    "шт": MetricKind.COUNT,
    "штуки": MetricKind.COUNT,
    "количество": MetricKind.COUNT,
    "money": MetricKind.MONEY,
    "руб": MetricKind.MONEY,
    "рубли": MetricKind.MONEY,
    "деньги": MetricKind.MONEY,
    "сумма": MetricKind.MONEY,
}


async def metrics(
    message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts
) -> None:
    """`/metrics`, `/metrics add <code> <count|money> <title> [ / <English title>]`, `/metrics off|on <code>`,
    `/metrics limit <code> <number>`."""
    words = (command.args or "").split(maxsplit=1)
    action = normalize_alias(words[0]) if words else ""
    rest = words[1] if len(words) > 1 else ""
    if not action:
        catalog = await team_metrics.load_catalog(session, member.team_id)
        await answer_long(message, render_metrics(texts, catalog))
    elif action in ADD_WORDS:
        code, kind, title_ru, title_en = _parse_add(rest)
        info = await team_metrics.add_metric(session, member, code, kind, title_ru, title_en, clock.now())
        added = texts("metrics-added", title=info.title(texts.locale), code=info.code)
        await message.answer(f"{added}\n{_how_to_report(texts, info)}")
    elif action in OFF_WORDS or action in ON_WORDS:
        if not rest.strip():
            raise UserError("metrics-usage")
        info = await team_metrics.set_active(session, member, rest.split()[0], active=action in ON_WORDS)
        key = "metrics-switched-on" if info.active else "metrics-switched-off"
        await message.answer(texts(key, title=info.title(texts.locale), code=info.code))
    elif action in LIMIT_WORDS:
        parts = rest.split(maxsplit=1)
        if len(parts) < 2:
            raise UserError("metrics-usage")
        limit = read_amount(parts[1], "metrics-error-limit")
        info = await team_metrics.set_limit(session, member, parts[0], limit)
        limit_text = _amount(texts, info, info.daily_limit)
        await message.answer(texts("metrics-limit-set", title=info.title(texts.locale), limit=limit_text))
    else:
        raise UserError("metrics-usage")


def _parse_add(text: str) -> tuple[str, MetricKind, str, str | None]:
    """Split `<code> <kind> <title> [ / <English title>]`; raise UserError when a part is missing."""
    parts = text.split(maxsplit=2)
    if len(parts) < 3:
        raise UserError("metrics-usage")
    code, kind_word, titles = parts
    kind = KIND_WORDS.get(normalize_alias(kind_word))
    if kind is None:
        raise UserError("metrics-error-kind", value=kind_word)
    # Spaces around the slash, so that a title such as "Линейка А/Б" stays whole.
    title_ru, _, title_en = titles.partition(" / ")
    return code, kind, title_ru.strip(), title_en.strip() or None


def render_metrics(texts: Texts, catalog: MetricCatalog) -> str:
    if not catalog.custom:
        return texts("metrics-empty")
    lines = [texts("metrics-header")]
    for info in catalog.custom:
        kind = texts("metrics-kind-money") if info.kind is MetricKind.MONEY else texts("metrics-kind-count")
        key = "metrics-line" if info.active else "metrics-line-off"
        lines.append(
            texts(key, code=info.code, title=info.title(texts.locale), kind=kind, limit=_amount(texts, info, info.daily_limit))
        )
    lines.append("")
    lines.append(texts("metrics-hint"))
    return "\n".join(lines)


def _how_to_report(texts: Texts, info: TeamMetricInfo) -> str:
    thousands = "250к" if texts.locale == "ru" else "250k"
    example = thousands if info.kind is MetricKind.MONEY else "3"
    names = [name for name in info.names if alias_key(name) is not None]
    # The reader's own title comes first when a report can carry it.
    names.sort(key=lambda name: name != info.title(texts.locale))
    if names:
        return texts("metrics-how-to-report", code=info.code, title=names[0].lower(), example=example)
    return texts("metrics-how-to-report-code", code=info.code, example=example)


def _amount(texts: Texts, info: TeamMetricInfo, value: Decimal) -> str:
    return texts.money(value, kopecks=False) if info.kind is MetricKind.MONEY else texts.number(value)


def create_router() -> Router:
    router = Router(name=__name__)
    head_private = Access(roles=HEAD_ONLY, private_key="metrics-error-private-only")
    router.message.register(metrics, Command("metrics"), flags={"access": head_private})
    return router
