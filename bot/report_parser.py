"""Parse the one-line daily report a manager types after /report.

A report is metric names and values in any mix of "name value" and
"value name" pairs: "звонки 40 кп 5 встречи 3 сделки 1 выручка 250к",
"40 звонков, 5 кп, выручка 1,2 млн" or "звонки: 40, кп: 5". Pairs may be
separated by spaces, commas, semicolons or new lines. A comma between two
digits is a decimal comma, any other comma separates pairs.

The parser is pure and imports only ``kpi``. Errors carry a message key and
parameters, never user-facing text, so the bot can reply in the user's
language.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from kpi.metrics import METRICS, MetricDef, MetricKind
from kpi.money import KOPECK


class ReportParseError(ValueError):
    """A report that cannot be stored, with a message id in ``key`` and its arguments in ``params``.

    Keys and their params:

    - report-error-empty: none
    - report-error-unknown-metric: name
    - report-error-missing-value, report-error-duplicate-metric: metric, code
    - report-error-not-a-number, report-error-negative,
      report-error-fractional-count, report-error-too-precise: metric, code, value
    - report-error-absurd: metric, code, value, limit
    - report-error-ambiguous-thousands: metric, code, value, decimal, thousands

    ``name``, ``metric`` and ``value`` are the text as the user typed it
    ("звонков", "250 тыс."), so a message can quote it back. ``code`` is the
    metric code such as "calls", and ``limit`` is the daily limit such as "1000".
    """

    def __init__(self, key: str, params: Mapping[str, str] | None = None) -> None:
        super().__init__(key, dict(params or {}))
        self.key = key
        self.params: dict[str, str] = dict(params or {})

    def __str__(self) -> str:
        return f"{self.key} {self.params}"


def normalize_alias(text: str) -> str:
    """Return ``text`` as METRIC_ALIASES keys are written: casefolded, ё as е, single spaces."""
    return " ".join(text.casefold().replace("ё", "е").split())


def _aliases(**names_by_code: tuple[str, ...]) -> Mapping[str, str]:
    aliases: dict[str, str] = {}
    for code, names in names_by_code.items():
        for name in names:
            key = normalize_alias(name)
            if aliases.setdefault(key, code) != code:
                raise ValueError(f"alias {name!r} is given for both {aliases[key]} and {code}")
    return MappingProxyType(aliases)


# Casefolded names with ё written as е. Russian names include the forms used
# after a number ("1 звонок", "2 звонка", "5 звонков"), so "40 звонков" reads.
METRIC_ALIASES: Mapping[str, str] = _aliases(
    calls=("звонки", "звонок", "звонка", "звонков", "зв", "calls", "call"),
    proposals=(
        "кп",
        "предложения",
        "предложение",
        "предложений",
        "proposals",
        "proposal",
        "props",
        "offers",
        "offer",
    ),
    meetings=("встречи", "встреча", "встреч", "переговоры", "переговоров", "meetings", "meeting", "meet"),
    new_clients=(
        "новые клиенты",
        "новый клиент",
        "новых клиента",
        "новых клиентов",
        "нк",
        "клиенты",
        "клиент",
        "клиента",
        "клиентов",
        "new clients",
        "new client",
        "new_clients",
        "clients",
    ),
    deals=("сделки", "сделка", "сделок", "договоры", "договор", "договора", "договоров", "deals", "deal"),
    revenue=("выручка", "выручки", "продажи", "продаж", "revenue", "rev", "sales"),
    margin=("маржа", "маржи", "margin"),
    payments=(
        "оплаты",
        "оплата",
        "оплат",
        "поступления",
        "поступление",
        "поступлений",
        "payments",
        "payment",
        "paid",
    ),
)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The metrics a report may name: definitions by code, and every accepted name by alias key."""

    metrics: Mapping[str, MetricDef]
    aliases: Mapping[str, str]

    @property
    def longest_alias_words(self) -> int:
        return max(len(alias.split()) for alias in self.aliases)

    def extended(self, extra: Iterable[tuple[MetricDef, Iterable[str]]]) -> "Vocabulary":
        """Return this vocabulary with ``extra`` metrics, each under its code and the names given.

        A name that already means another metric keeps that meaning, so a stored team metric can
        never make the built-in names ambiguous. Raises ValueError when a code is defined twice.
        """
        metrics = dict(self.metrics)
        aliases = dict(self.aliases)
        for metric, names in extra:
            if metric.code in metrics:
                raise ValueError(f"metric {metric.code!r} is defined twice")
            metrics[metric.code] = metric
            for name in (metric.code, *names):
                key = alias_key(name)
                if key is not None:
                    aliases.setdefault(key, metric.code)
        return Vocabulary(MappingProxyType(metrics), MappingProxyType(aliases))



# Spaces allowed between digit groups: ordinary, no-break, figure, thin and
# narrow no-break. Babel formats Russian numbers with no-break spaces, and
# users paste such numbers back.
_GROUP_SPACES = " \u00a0\u2007\u2009\u202f"
_MULTIPLIERS = {"тысяч": 3, "тыс": 3, "к": 3, "k": 3, "млн": 6, "кк": 6, "kk": 6, "m": 6, "млрд": 9}
# The parser has no access to the team, so it accepts the code and sign of every currency the setup
# wizard offers. The unit is dropped and the amount is taken in the team's currency, unconverted.
_CURRENCY_UNITS = ("byn", "br", "kzt", "₸", "тг", "uzs", "сум", "usd", "$", "eur", "€")
_UNITS = ("рублей", "руб", "rub", "р", "₽", "шт", *_CURRENCY_UNITS)
_MULTIPLIER_PATTERN = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_UNIT_PATTERN = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"""
    (?P<sign>[-−])?
    (?P<number>[0-9]+(?:[{_GROUP_SPACES}.,][0-9]+)*)
    \s*(?:(?P<multiplier>{_MULTIPLIER_PATTERN})\.?)?
    \s*(?:(?:{_UNIT_PATTERN})\.?)?
    """,
    re.VERBOSE,
)
_AMOUNT_WORD = re.compile(rf"(?:{_MULTIPLIER_PATTERN}|{_UNIT_PATTERN})\.?")


class AmbiguousAmountError(ValueError):
    """A number such as "250,000" or "1.250" that reads both as a decimal and as thousands.

    ``typed`` is the number as written, ``as_decimal`` and ``as_thousands`` are its two readings
    written so that ``parse_amount`` reads each back unambiguously ("250", "1,25", "250 000").
    """

    def __init__(self, typed: str, as_decimal: str, as_thousands: str) -> None:
        super().__init__(f"ambiguous amount {typed!r}: {as_decimal} or {as_thousands}")
        self.typed = typed
        self.as_decimal = as_decimal
        self.as_thousands = as_thousands


_THOUSANDS = re.compile(rf"[0-9]{{1,3}}(?:[{_GROUP_SPACES}.,][0-9]{{3}})+|[0-9]+")


def split_number(body: str, *, scaled: bool = False) -> tuple[str, str]:
    """Split the digits of a typed number into its whole and fraction digits.

    Spaces always group thousands. A single "." or "," is a decimal mark, except that a
    fraction of exactly three digits ("250,000", "1.250") may just as well be a thousands
    separator: money has two decimals and counts none, so such a number raises
    AmbiguousAmountError unless ``scaled`` says a multiplier follows ("1,250 млн") or the whole
    part is zero ("0,250"). A mark
    repeated ("1.000.000", "1,000,000") groups thousands, and a different last mark is the
    decimal one ("1.250.000,50", "1,250,000.50"). Raises ValueError for anything else.
    """
    marks = [character for character in body if character in ".,"]
    decimal_mark: str | None = None
    if len(marks) == 1 or (marks and marks[-1] not in marks[:-1] and len(set(marks)) == 2):
        decimal_mark = marks[-1]
    whole, _, fraction = body.rpartition(decimal_mark) if decimal_mark else (body, "", "")
    if not _THOUSANDS.fullmatch(whole) or (decimal_mark and not fraction.isdigit()):
        raise ValueError(f"invalid amount {body!r}: digit groups must have three digits")
    grouping = {character for character in whole if not character.isdigit()}
    if len(grouping - set(_GROUP_SPACES)) > 1:
        raise ValueError(f"invalid amount {body!r}: thousands are grouped by two different marks")
    whole = re.sub(r"[^0-9]", "", whole)
    # A whole part of zeros cannot head a thousands group, so "0,250" is a decimal.
    if len(marks) == 1 and len(fraction) == 3 and not scaled and whole.strip("0"):
        thousands = _group_thousands(whole + fraction)
        decimal = f"{_group_thousands(whole)}{decimal_mark}{fraction.rstrip('0')}".rstrip(".,")
        raise AmbiguousAmountError(body, decimal, thousands)
    return whole, fraction


def _group_thousands(digits: str) -> str:
    """Write digits in groups of three split by no-break spaces, as Babel writes Russian numbers."""
    digits = digits.lstrip("0") or "0"
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[index : index + 3] for index in range(head, len(digits), 3)]
    return "\u00a0".join(groups)


def parse_amount(text: str) -> Decimal:
    """Parse a number as managers type it, exactly and without floats.

    Accepted: "40", "250 000" (groups of 3 split by an ordinary, no-break,
    narrow no-break, figure or thin space), "1 250 000,50", "1250000.50",
    "1.000.000" and "1,250,000.50" (a repeated mark groups thousands), a multiplier
    ("250к", "250k", "250 тыс.", "1,2 млн", "1.2m", "1,2кк", "1 млрд") and a unit
    ("₽", "р", "руб", "шт", or a currency code or sign such as "BYN", "₸", "$"). A leading minus is kept, so the caller can
    reject it with a clear message. Raises AmbiguousAmountError for "250,000" or "1.250" without a
    multiplier (see split_number) and ValueError for anything else.
    """
    match = _AMOUNT.fullmatch(text.strip().casefold())
    if match is None:
        raise ValueError(
            f"invalid amount {text!r}: expected a number such as 40, 250 000, 1 250 000,50, 250к or 1,2 млн"
        )
    whole, fraction = split_number(match["number"], scaled=match["multiplier"] is not None)
    shift = _MULTIPLIERS[match["multiplier"]] if match["multiplier"] else 0
    # Move the decimal point by string, because Decimal arithmetic would round
    # an amount longer than the context precision of 28 digits.
    moved = fraction[:shift]
    whole += moved + "0" * (shift - len(moved))
    fraction = fraction[shift:]
    sign = "-" if match["sign"] else ""
    return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")


@dataclass(frozen=True, slots=True)
class ParsedReport:
    """A valid daily report: metric code -> value, in the order typed.

    Counts are whole Decimals such as Decimal("40"). Money has exactly two
    decimal places, such as Decimal("250000.00").
    """

    values: Mapping[str, Decimal]


@dataclass(frozen=True, slots=True)
class _Name:
    code: str
    typed: str


@dataclass(frozen=True, slots=True)
class _Value:
    typed: str


# A comma between two digits is a decimal comma. Any other comma separates pairs.
_PAIR_SEPARATOR = re.compile(r"[;\n]|,(?![0-9])|(?<![0-9]),")
_TOKEN = re.compile(
    r"""
    (?P<number>[-−]?[0-9]+(?:[.,][0-9]+)*)
    | (?P<word>[^\W\d]+\.?)
    | (?P<punctuation>[:=—–-])
    | (?P<other>\S)
    """,
    re.VERBOSE,
)
# Words read as "and" between pairs: "40 звонков и 5 кп".
_CONNECTIVES = frozenset({"и", "and"})

BUILTIN_VOCABULARY = Vocabulary(METRICS, METRIC_ALIASES)


def alias_key(name: str) -> str | None:
    """Return ``name`` as a key of ``Vocabulary.aliases``, or None when a report cannot name it.

    A report reads names as runs of words, so a name with digits or signs in it ("Продукт X5")
    can never be matched and gets no key.
    """
    tokens = list(_TOKEN.finditer(name))
    if not tokens or any(token.lastgroup != "word" for token in tokens):
        return None
    key = " ".join(normalize_alias(token.group()).rstrip(".") for token in tokens)
    if key in _CONNECTIVES or _AMOUNT_WORD.fullmatch(key):
        return None
    return key


def parse_report(text: str, vocabulary: Vocabulary = BUILTIN_VOCABULARY) -> ParsedReport:
    """Parse and validate a whole report; raise ReportParseError on the first problem.

    ``vocabulary`` is the metrics the report may name: the built-in ones, and a team's own
    metrics when the team has some. Nothing is returned unless every pair is valid, so the bot never stores
    part of a report. Problems with names and pairing are found before
    problems with values, and a pair's value before its repetition.
    """
    # A final full stop ends the sentence and is not part of the last value.
    body = text.strip().removesuffix(".")
    pairs: list[tuple[_Name, _Value]] = []
    for chunk in _PAIR_SEPARATOR.split(body):
        pairs.extend(_pair(_items(chunk, vocabulary)))
    if not pairs:
        raise ReportParseError("report-error-empty")

    values: dict[str, Decimal] = {}
    for name, value in pairs:
        # The value is checked first, so "выручка 100к выручка 10,005" reports
        # the bad amount the user typed rather than only the repetition.
        amount = _validate(vocabulary.metrics[name.code], name, value)
        if name.code in values:
            raise ReportParseError("report-error-duplicate-metric", {"metric": name.typed, "code": name.code})
        values[name.code] = amount
    return ParsedReport(MappingProxyType(values))


def _items(chunk: str, vocabulary: Vocabulary) -> list[_Name | _Value]:
    """Split a chunk into metric names and values; adjacent value tokens form one value."""
    tokens = list(_TOKEN.finditer(chunk))
    items: list[_Name | _Value] = []
    value_span: tuple[int, int] | None = None
    # True while the open value consists of words right after a name, as in
    # "звонки сорок": such words are a value that is not a number.
    value_is_words = False

    def end_value() -> None:
        nonlocal value_span, value_is_words
        if value_span is not None:
            items.append(_Value(chunk[value_span[0] : value_span[1]]))
        value_span = None
        value_is_words = False

    def extend_value(token: re.Match[str]) -> None:
        nonlocal value_span
        start = token.start() if value_span is None else value_span[0]
        value_span = (start, token.end())

    position = 0
    while position < len(tokens):
        token = tokens[position]
        kind = token.lastgroup
        normalized = normalize_alias(token.group())
        if kind == "punctuation":
            position += 1
        elif kind != "word" or _AMOUNT_WORD.fullmatch(normalized):
            extend_value(token)
            value_is_words = False
            position += 1
        elif normalized.rstrip(".") in _CONNECTIVES:
            end_value()
            position += 1
        else:
            name = _match_name(tokens, position, vocabulary)
            if name is not None:
                end_value()
                items.append(name[0])
                position += name[1]
                continue
            after_name = value_span is None and bool(items) and isinstance(items[-1], _Name)
            if not (after_name or value_is_words):
                raise ReportParseError("report-error-unknown-metric", {"name": token.group().rstrip(".")})
            extend_value(token)
            value_is_words = True
            position += 1
    end_value()
    return items


def _match_name(
    tokens: list[re.Match[str]], position: int, vocabulary: Vocabulary
) -> tuple[_Name, int] | None:
    """Match the longest alias starting at ``position``; return it and the number of tokens used."""
    for length in range(vocabulary.longest_alias_words, 0, -1):
        words = tokens[position : position + length]
        if len(words) < length or any(word.lastgroup != "word" for word in words):
            continue
        key = " ".join(normalize_alias(word.group()).rstrip(".") for word in words)
        code = vocabulary.aliases.get(key)
        if code is not None:
            typed = " ".join(word.group().rstrip(".") for word in words)
            return _Name(code, typed), length
    return None


def _pair(items: list[_Name | _Value]) -> list[tuple[_Name, _Value]]:
    """Pair each name with the value next to it.

    Two names in a row end a run, so "40 звонков выручка 250к" pairs the first
    run value-first and the second name-first. Within a run the first item
    sets the direction.
    """
    runs: list[list[_Name | _Value]] = []
    for item in items:
        if runs and not (isinstance(item, _Name) and isinstance(runs[-1][-1], _Name)):
            runs[-1].append(item)
        else:
            runs.append([item])

    pairs: list[tuple[_Name, _Value]] = []
    for run in runs:
        for first, second in zip(run[::2], run[1::2]):
            if isinstance(first, _Name) and isinstance(second, _Value):
                pairs.append((first, second))
            elif isinstance(first, _Value) and isinstance(second, _Name):
                pairs.append((second, first))
        if len(run) % 2:
            leftover = run[-1]
            if isinstance(leftover, _Name):
                raise ReportParseError(
                    "report-error-missing-value", {"metric": leftover.typed, "code": leftover.code}
                )
            # NOTE: no message key exists for a value without a metric name,
            # so it is reported as an unknown metric named by the value. That
            # reply still lists the metrics the user can add.
            raise ReportParseError("report-error-unknown-metric", {"name": leftover.typed})
    return pairs


def _validate(metric: MetricDef, name: _Name, value: _Value) -> Decimal:
    params = {"metric": name.typed, "code": name.code, "value": value.typed}
    try:
        amount = parse_amount(value.typed)
    except AmbiguousAmountError as error:
        readings = {"decimal": error.as_decimal, "thousands": error.as_thousands}
        raise ReportParseError("report-error-ambiguous-thousands", {**params, **readings}) from None
    except ValueError:
        raise ReportParseError("report-error-not-a-number", params) from None

    if amount < 0:
        raise ReportParseError("report-error-negative", params)
    # The limit is checked before the decimals because Decimal's remainder
    # fails on amounts longer than 28 digits.
    if amount > metric.daily_limit:
        raise ReportParseError("report-error-absurd", {**params, "limit": str(metric.daily_limit)})
    if metric.kind is MetricKind.COUNT and amount != amount.to_integral_value():
        raise ReportParseError("report-error-fractional-count", params)
    if metric.kind is MetricKind.MONEY and amount % KOPECK != 0:
        raise ReportParseError("report-error-too-precise", params)

    if metric.kind is MetricKind.COUNT:
        return Decimal(int(amount))
    return amount.quantize(KOPECK)
