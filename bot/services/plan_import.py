"""Plans from a file the head fills in: one row per manager and metric, all checked before any is saved."""

from __future__ import annotations

import io
import logging
import tempfile
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy.ext.asyncio import AsyncSession

from bot.calc.data import decimal_of
from bot.calc.workbook import WorkbookError, read_tables
from bot.db import repo
from bot.db.models import Member
from bot.metric_catalog import EMPTY_CATALOG, MetricCatalog
from bot.report_parser import normalize_alias
from bot.services import teams
from bot.services.errors import UserError
from bot.services.team_metrics import load_catalog
from kpi.metrics import MetricKind
from kpi.period import Month

logger = logging.getLogger(__name__)

SHEET = "plans"
# The template's second sheet lists the team's own metrics, whose codes the "metric" column takes.
METRICS_SHEET = "metrics"
COLUMNS = ("manager", "metric", "value")
# A plan file is a few hundred rows at most; a larger upload is a mistake.
MAX_PLAN_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImportResult:
    changes: list[tuple[teams.PlanChange, str, Decimal]]
    unchanged: int


def template(
    managers: list[Member], plans: dict[int, dict[str, int]], month: Month, catalog: MetricCatalog = EMPTY_CATALOG
) -> bytes:
    """Return an .xlsx with one revenue row per manager (the current plan, if any) to fill in.

    When the team has metrics of its own, a second sheet lists their codes and titles.
    """
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([*COLUMNS, "name"])
    for manager in managers:
        reference = f"@{manager.username}" if manager.username else str(manager.id)
        current = plans.get(manager.id, {}).get("revenue")
        sheet.append([reference, "выручка", None if current is None else Decimal(current) / 100, manager.display_name])
    sheet.column_dimensions["D"].width = 30
    if catalog.active_custom:
        listing = book.create_sheet(METRICS_SHEET)
        listing.append(["code", "title", "kind"])
        for metric in catalog.active_custom:
            listing.append([metric.code, metric.title_ru, metric.kind.value])
        listing.column_dimensions["B"].width = 30
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def import_plans(
    session: AsyncSession, head: Member, filename: str, content: bytes, month: Month, now: datetime
) -> ImportResult:
    """Read and check every row, then save all the plans in one transaction.

    Raises WorkbookError naming the sheet, row and column of the first problem, or UserError for
    a manager who is not in the head's reach; nothing is saved then.
    """
    catalog = await load_catalog(session, head.team_id)
    rows = _read_rows(filename, content, catalog)
    changes: list[tuple[teams.PlanChange, str, Decimal]] = []
    unchanged = 0
    try:
        for reference, metric, value in rows:
            change = await teams.stage_plan(session, head, reference, metric, month, value, now)
            if change.changed:
                changes.append((change, metric, value))
            else:
                unchanged += 1
    except UserError:
        await session.rollback()
        raise
    await session.commit()
    logger.info("Member %s imported %s plans (%s unchanged) for %s", head.id, len(changes), unchanged, month)
    return ImportResult(changes, unchanged)


async def team_template(session: AsyncSession, head: Member, month: Month) -> bytes:
    managers = await repo.members_of(session, head.team_id)
    managers = [manager for manager in managers if teams.may_see(head, manager)]
    catalog = await load_catalog(session, head.team_id)
    return template(managers, await repo.plans_for(session, head.team_id, str(month)), month, catalog)


def _named_after_upload(error: WorkbookError, server_path: str, filename: str) -> WorkbookError:
    """Return `error` with the temporary server path replaced by the name of the file the user sent."""
    params = {
        name: value.replace(server_path, filename) if isinstance(value, str) else value
        for name, value in error.params.items()
    }
    if "path" in params:
        params["path"] = filename
    return WorkbookError(error.key, **params)


def _read_rows(filename: str, content: bytes, catalog: MetricCatalog) -> list[tuple[str, str, Decimal]]:
    suffix = Path(filename).suffix.casefold()
    if suffix not in (".xlsx", ".csv"):
        raise UserError("plan-import-error-format", name=filename)
    with tempfile.TemporaryDirectory(prefix="salesboard-plans-") as folder:
        if suffix == ".csv":
            path = Path(folder)
            (path / f"{SHEET}.csv").write_bytes(content)
        else:
            path = Path(folder) / "plans.xlsx"
            path.write_bytes(content)
        try:
            tables = read_tables(path)
        except WorkbookError as error:
            raise _named_after_upload(error, str(path), filename) from None
    table = tables.get(SHEET) or (next(iter(tables.values())) if len(tables) == 1 else None)
    if table is None:
        raise WorkbookError("calc-error-sheet-missing", sheet=SHEET, found=", ".join(tables) or "—")
    table.require_columns(*COLUMNS)
    vocabulary = catalog.vocabulary
    rows = []
    for row in table.rows:
        reference = row.get("manager")
        metric_cell = row.get("metric")
        if reference.is_empty and metric_cell.is_empty and row.get("value").is_empty:
            continue
        for cell in (reference, metric_cell, row.get("value")):
            if cell.is_empty:
                raise cell.error("calc-error-empty-cell")
        metric = vocabulary.aliases.get(normalize_alias(str(metric_cell.value)))
        if metric is None:
            raise metric_cell.error("calc-error-unknown-metric", known=", ".join(catalog.report_codes))
        money = vocabulary.metrics[metric].kind is MetricKind.MONEY
        value = decimal_of(row.get("value"), whole=not money, money=money)
        reference_text = str(reference.value).strip()
        if reference_text.endswith(".0") and reference_text[:-2].isdigit():
            reference_text = reference_text[:-2]
        rows.append((reference_text, metric, value))
    if not rows:
        raise WorkbookError("plan-import-error-empty", sheet=table.name)
    return rows
