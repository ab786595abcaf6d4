"""Message text for contests: the rules announced in the group and the standings under /contest."""

from __future__ import annotations

from decimal import Decimal

from bot.db.models import ContestKind
from bot.render.texts import Markup, Texts
from bot.render.views import metric_value
from bot.services.contests import ContestInfo, ContestStandings
from kpi.contests import GroupStanding

def contest_title(texts: Texts, contest: ContestInfo) -> str:
    if contest.kind is ContestKind.CUSTOM:
        return texts(
            "contest-title-custom",
            number=contest.id,
            metric=texts(f"metric-{contest.metric}"),
            start=texts.day(contest.start),
            end=texts.day(contest.end),
        )
    return texts(
        f"contest-title-{contest.kind}",
        number=contest.id,
        month=texts.month_name(contest.start.year, contest.start.month),
    )


def prize_lines(texts: Texts, prizes: tuple[Decimal, ...]) -> list[str]:
    return [
        texts("contest-prize-line", place=place, prize=texts.money(prize, kopecks=False))
        for place, prize in enumerate(prizes, start=1)
    ]


def render_announcement(texts: Texts, contest: ContestInfo, newcomer_months: int) -> str:
    lines = [texts("contest-announce-header", title=Markup(contest_title(texts, contest)))]
    if contest.kind is ContestKind.HUNGRY_GAMES:
        lines.append(texts("contest-rules-hungry_games", months=newcomer_months))
    elif contest.kind is ContestKind.DEPARTMENTS:
        lines.append(texts("contest-rules-departments"))
    else:
        lines.append(texts("contest-rules-custom", metric=texts(f"metric-{contest.metric}")))
        if contest.prizes:
            lines.append(texts("contest-prizes-header"))
            lines.extend(prize_lines(texts, contest.prizes))
            lines.append(texts("contest-rules-ties"))
    lines.append(texts("contest-rules-standings"))
    return "\n".join(lines)


def render_contests(texts: Texts, contests: list[ContestStandings], newcomer_months: int) -> str:
    if not contests:
        return texts("contest-none")
    blocks = []
    for standing in contests:
        lines = [texts("contest-block-header", title=Markup(contest_title(texts, standing.contest)))]
        if not standing.started:
            lines.append(texts("contest-not-started", date=texts.day(standing.contest.start)))
        elif standing.contest.kind is ContestKind.CUSTOM:
            lines.extend(_place_lines(texts, standing))
        else:
            if standing.contest.kind is ContestKind.HUNGRY_GAMES:
                lines.append(texts("contest-newcomers-are", months=newcomer_months))
            hungry_games = standing.contest.kind is ContestKind.HUNGRY_GAMES
            lines.extend(_group_line(texts, group, hungry_games) for group in standing.groups)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _group_line(texts: Texts, standing: GroupStanding, hungry_games: bool) -> str:
    """Render one group's line, translating the hungry games' "newcomers" and "veterans" but not department names."""
    group = standing.group
    name = texts(f"contest-group-{group.name}") if hungry_games else group.name
    actual = texts.money(group.actual, kopecks=False)
    if group.plan is None:
        return texts(
            "contest-group-line-no-plan", rank=standing.rank, name=name, actual=actual, count=len(group.member_ids)
        )
    return texts(
        "contest-group-line",
        rank=standing.rank,
        name=name,
        percent=texts.percent(group.attainment),
        actual=actual,
        plan=texts.money(group.plan, kopecks=False),
        count=len(group.member_ids),
    )


def _place_lines(texts: Texts, standing: ContestStandings) -> list[str]:
    metric = standing.contest.metric
    lines = []
    for place in standing.places:
        line = texts("contest-place-line", rank=place.rank, name=place.name, value=metric_value(texts, metric, place.value))
        if place.prize > 0:
            line += texts("contest-place-prize", prize=texts.money(place.prize, kopecks=False))
        lines.append(line)
    return lines or [texts("contest-no-managers")]
