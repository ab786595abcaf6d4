"""Message text for contests: the rules announced in the group, the standings, the results and cancelling."""

from __future__ import annotations

from decimal import Decimal

from bot.db.models import ContestKind
from bot.render.texts import Markup, Texts
from bot.render.views import metric_value
from bot.services.contests import ContestInfo, ContestResult, ContestStandings, Winner
from kpi.contests import GroupStanding

# The scheduled board post shows this many places of each running contest; /contest shows all.
BOARD_PLACES = 3


def contest_title(texts: Texts, contest: ContestInfo) -> str:
    """Return the contest's title line: the head's name with the kind and period, or the generated name."""
    if contest.title is not None:
        return _named_title(texts, contest)
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


def _named_title(texts: Texts, contest: ContestInfo) -> str:
    assert contest.title is not None
    if contest.kind is ContestKind.CUSTOM:
        return texts(
            "contest-named-custom",
            number=contest.id,
            title=contest.title,
            metric=texts(f"metric-{contest.metric}"),
            start=texts.day(contest.start),
            end=texts.day(contest.end),
        )
    return texts(
        f"contest-named-{contest.kind}",
        number=contest.id,
        title=contest.title,
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
    return "\n\n".join(_standings_block(texts, standing, newcomer_months) for standing in contests)


def _standings_block(texts: Texts, standing: ContestStandings, newcomer_months: int, places: int | None = None) -> str:
    """Render one contest's title and standings; `places` limits a custom contest to its first places."""
    lines = [texts("contest-block-header", title=Markup(contest_title(texts, standing.contest)))]
    if not standing.started:
        lines.append(texts("contest-not-started", date=texts.day(standing.contest.start)))
    elif standing.contest.kind is ContestKind.CUSTOM:
        lines.extend(_place_lines(texts, standing)[:places])
    else:
        if standing.contest.kind is ContestKind.HUNGRY_GAMES:
            lines.append(texts("contest-newcomers-are", months=newcomer_months))
        hungry_games = standing.contest.kind is ContestKind.HUNGRY_GAMES
        lines.extend(_group_line(texts, group, hungry_games) for group in standing.groups)
    return "\n".join(lines)


def render_board_contests(texts: Texts, contests: list[ContestStandings], newcomer_months: int) -> str:
    """Render the running contests for the daily board post: the first places of each, or "" for none."""
    started = [standing for standing in contests if standing.started]
    if not started:
        return ""
    blocks = [_standings_block(texts, standing, newcomer_months, BOARD_PLACES) for standing in started]
    return texts("contest-board-header") + "\n" + "\n\n".join(blocks)


def render_cancelled(texts: Texts, contest: ContestInfo) -> str:
    return texts("contest-cancelled-notice", title=Markup(contest_title(texts, contest)))


def render_results(texts: Texts, result: ContestResult, newcomer_months: int) -> str:
    """Render the results post for the team group: the winners with their prizes, then the final standings."""
    contest = result.standings.contest
    lines = [texts("contest-results-header", title=Markup(contest_title(texts, contest)))]
    if contest.kind is ContestKind.CUSTOM:
        for winner in result.winners:
            lines.append(_winner_line(texts, contest, winner))
        if not result.winners:
            lines.append(texts("contest-results-no-winner"))
    else:
        hungry_games = contest.kind is ContestKind.HUNGRY_GAMES
        names = [texts(f"contest-group-{group}") if hungry_games else group for group in result.winning_groups]
        if names:
            lines.append(texts("contest-results-group-winner", names=texts.join(names), count=len(names)))
        else:
            lines.append(texts("contest-results-no-winner"))
    lines.append("")
    lines.append(_standings_block(texts, result.standings, newcomer_months))
    return "\n".join(lines)


def _winner_line(texts: Texts, contest: ContestInfo, winner: Winner) -> str:
    return _place_text(texts, "contest-results-winner", contest, winner, name=winner.name)


def _place_text(texts: Texts, key: str, contest: ContestInfo, winner: Winner, **extra: object) -> str:
    """Render a winner's place with the metric value, using the `-prize` variant of `key` when a prize is due."""
    assert winner.value is not None
    params = {
        "rank": winner.rank,
        "value": metric_value(texts, contest.metric, winner.value),
        "metric": texts(f"metric-{contest.metric}"),
        **extra,
    }
    if winner.prize > 0:
        return texts(f"{key}-prize", prize=texts.money(winner.prize, kopecks=False), **params)
    return texts(key, **params)


def render_winner_note(texts: Texts, result: ContestResult, winner: Winner) -> str:
    """Render the private congratulations for one winner."""
    contest = result.standings.contest
    title = Markup(contest_title(texts, contest))
    if winner.group is not None:
        group = texts(f"contest-group-{winner.group}") if contest.kind is ContestKind.HUNGRY_GAMES else winner.group
        return texts("contest-winner-note-group", title=title, group=group)
    return _place_text(texts, "contest-winner-note", contest, winner, title=title)


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
