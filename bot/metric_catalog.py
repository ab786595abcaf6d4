"""The metrics one team reports: the built-in ones, then the team's own, in the order they are shown.

Pure: it imports only `kpi` and the report parser, so services build it once per request from
the `team_metrics` rows and hand it to parsing, storage conversion and rendering.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from bot.report_parser import BUILTIN_VOCABULARY, Vocabulary
from kpi.metrics import METRICS, MetricDef, MetricKind

BUILTIN_KINDS: Mapping[str, MetricKind] = MappingProxyType({code: metric.kind for code, metric in METRICS.items()})

# The limits a new team metric gets until the head sets another: the same as the largest
# built-in count, and the built-in money limit in roubles.
DEFAULT_DAILY_LIMITS: Mapping[MetricKind, Decimal] = MappingProxyType(
    {MetricKind.COUNT: Decimal(1000), MetricKind.MONEY: Decimal(1_000_000_000)}
)


@dataclass(frozen=True, slots=True)
class TeamMetricInfo:
    """A metric the team defined, whose ``daily_limit`` is a count, or roubles for money."""

    code: str
    title_ru: str
    title_en: str | None
    kind: MetricKind
    daily_limit: Decimal
    active: bool = True

    def title(self, locale: str) -> str:
        """Return the English title for an English reader when there is one, else the Russian title."""
        if locale == "en" and self.title_en:
            return self.title_en
        return self.title_ru

    @property
    def definition(self) -> MetricDef:
        return MetricDef(self.code, self.kind, self.daily_limit)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name in (self.title_ru, self.title_en) if name)


@dataclass(frozen=True, slots=True)
class MetricCatalog:
    """The built-in metrics and ``custom``, the team's own in their position order."""

    custom: tuple[TeamMetricInfo, ...] = ()

    def find(self, code: str) -> TeamMetricInfo | None:
        """Return the team metric with ``code``, active or not, or None for a built-in or unknown code."""
        for metric in self.custom:
            if metric.code == code:
                return metric
        return None

    @property
    def active_custom(self) -> tuple[TeamMetricInfo, ...]:
        return tuple(metric for metric in self.custom if metric.active)

    @property
    def kinds(self) -> Mapping[str, MetricKind]:
        """Kinds of every metric whose stored values can be read, switched-off team metrics included."""
        return MappingProxyType({**BUILTIN_KINDS, **{metric.code: metric.kind for metric in self.custom}})

    def __contains__(self, code: object) -> bool:
        return code in METRICS or any(metric.code == code for metric in self.custom)

    def __iter__(self) -> Iterator[str]:
        """Yield every code in display order: the built-in sales funnel first, then the team's metrics."""
        yield from METRICS
        yield from (metric.code for metric in self.custom)

    @property
    def report_codes(self) -> tuple[str, ...]:
        """Return the codes a report may carry today: the built-in ones and the active team metrics."""
        return (*METRICS, *(metric.code for metric in self.active_custom))

    @property
    def vocabulary(self) -> Vocabulary:
        """Return what the report parser accepts: built-in names, and each active team metric by code and titles."""
        return BUILTIN_VOCABULARY.extended((metric.definition, metric.names) for metric in self.active_custom)


EMPTY_CATALOG = MetricCatalog()
