"""The `salesboard calc` and `salesboard template` subcommands.

Messages go to stderr in Russian unless `--lang en` is given. Every error names what failed,
where, and how to fix it, and the command then exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.calc.data import read_month
from bot.calc.output import write_json, write_text, write_xlsx
from bot.calc.template import write_template
from bot.calc.texts import PlainTexts, load_texts
from bot.render.texts import DEFAULT_CURRENCY
from bot.services.team_settings import normalize_currency
from bot.calc.workbook import WorkbookError, read_tables
from bot.render.rules import scheme_error_text
from bot.render.workbook_errors import workbook_error_text
from kpi.calendar import WorkingCalendar
from kpi.health import plan_health
from kpi.payroll import compute_payroll
from kpi.period import Month
from kpi.presets import PRESET_NAMES, load_preset
from kpi.scheme import Scheme, SchemeHistory
from kpi.scheme_toml import SchemeError, load_scheme

EXIT_ERROR = 2


def add_calc_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "calc",
        help="рассчитать выплаты по книге Excel / compute payroll from a workbook",
        description="Рассчитать выплаты за месяц по схеме оплаты и книге Excel (или папке CSV). "
        "Compute a month's payroll from a pay scheme and a workbook (or a folder of CSV files).",
    )
    parser.add_argument(
        "--scheme",
        action="append",
        required=True,
        metavar="FILE",
        help="файл схемы .toml или готовая схема (" + ", ".join(PRESET_NAMES) + "); можно несколько версий / "
        "scheme file or preset name; repeat for several versions",
    )
    parser.add_argument("--data", required=True, type=Path, metavar="PATH", help="книга .xlsx или папка с CSV / workbook or CSV folder")
    parser.add_argument("--month", required=True, metavar="YYYY-MM", help="расчётный месяц, например 2026-11 / the month")
    parser.add_argument("--format", choices=("text", "json", "xlsx"), default="text", help="вид результата / output format")
    parser.add_argument(
        "--output", type=Path, metavar="FILE", help="куда записать; по умолчанию экран, для xlsx payroll-YYYY-MM.xlsx / output file"
    )
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="язык / language")
    parser.add_argument(
        "--currency", default=DEFAULT_CURRENCY, type=_currency, help="валюта сумм, код ISO 4217 / currency code of amounts"
    )
    parser.add_argument("--country", default="RU", help="производственный календарь страны (ISO 3166) / calendar country")
    parser.add_argument(
        "--timezone", default="Europe/Moscow", help="часовой пояс для времени изменения планов / timezone of plan change times"
    )


def add_template_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "template",
        help="записать пустую книгу для calc / write an empty workbook for calc",
        description="Записать книгу .xlsx с листами, которые читает salesboard calc, и примером строк. "
        "Write an .xlsx workbook with the sheets salesboard calc reads and example rows.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="куда записать книгу .xlsx / where to write the workbook")
    parser.add_argument("--month", metavar="YYYY-MM", help="месяц для примеров; по умолчанию текущий / month of the examples")
    parser.add_argument("--lang", choices=("ru", "en"), default="ru", help="язык пояснений / language of the readme sheet")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_ERROR


def _load_schemes(names: list[str], texts: PlainTexts) -> SchemeHistory | str:
    """Load every --scheme value; return the history, or an error message."""
    versions: list[Scheme] = []
    for name in names:
        path = Path(name)
        if not path.exists() and name in PRESET_NAMES:
            versions.append(load_preset(name))
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return texts("calc-error-scheme-not-found", path=name, presets=", ".join(PRESET_NAMES))
        except (OSError, UnicodeDecodeError) as error:
            return texts("calc-error-scheme-unreadable", path=name, detail=str(error))
        try:
            versions.append(load_scheme(text))
        except SchemeError as error:
            return texts("calc-error-in-file", path=name, message=scheme_error_text(texts, error))
    try:
        return SchemeHistory(tuple(versions))
    except ValueError:
        return texts("calc-error-scheme-same-month")


def _currency(text: str) -> str:
    code = normalize_currency(text)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"неизвестная валюта «{text}»: нужен код ISO 4217, например RUB или KZT / "
            f"unknown currency {text!r}: expected an ISO 4217 code such as RUB or KZT"
        )
    return code


def run_calc(args: argparse.Namespace) -> int:
    texts = load_texts(args.lang).with_currency(args.currency)
    try:
        month = Month.parse(args.month)
    except ValueError:
        return _fail(texts("calc-error-month", value=args.month))
    try:
        zone = ZoneInfo(args.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return _fail(texts("calc-error-timezone", value=args.timezone))
    try:
        calendar = WorkingCalendar(country=args.country.upper())
    except ValueError:
        return _fail(texts("calc-error-country", value=args.country))

    history = _load_schemes(args.scheme, texts)
    if isinstance(history, str):
        return _fail(history)
    try:
        scheme = history.in_force(month)
    except LookupError:
        first = history.versions[0].effective_from
        return _fail(texts("calc-error-scheme-not-in-force", month=str(month), first=str(first)))

    try:
        data = read_month(read_tables(args.data), month, scheme, zone)
    except WorkbookError as error:
        return _fail(workbook_error_text(texts, error))
    try:
        payroll = compute_payroll(data.managers, month, calendar, scheme=scheme, department_plans=data.department_plans)
    except ValueError as error:
        return _fail(texts("calc-error-compute", detail=str(error)))
    health = plan_health(payroll, scheme.health)

    if args.format == "xlsx":
        output = args.output or Path(f"payroll-{month}.xlsx")
        try:
            write_xlsx(payroll, texts, scheme, output)
        except OSError as error:
            return _fail(texts("calc-error-write", path=str(output), detail=str(error)))
        print(texts("calc-saved", path=str(output)), file=sys.stderr)
        return 0

    result = write_json(payroll, health, texts, scheme) if args.format == "json" else write_text(payroll, health, texts, scheme)
    if args.output is None:
        sys.stdout.write(result)
        return 0
    try:
        args.output.write_text(result, encoding="utf-8")
    except OSError as error:
        return _fail(texts("calc-error-write", path=str(args.output), detail=str(error)))
    print(texts("calc-saved", path=str(args.output)), file=sys.stderr)
    return 0


def run_template(args: argparse.Namespace) -> int:
    texts = load_texts(args.lang)
    if args.month is None:
        month = Month.of(date.today())
    else:
        try:
            month = Month.parse(args.month)
        except ValueError:
            return _fail(texts("calc-error-month", value=args.month))
    try:
        write_template(args.file, month, texts)
    except OSError as error:
        return _fail(texts("calc-error-write", path=str(args.file), detail=str(error)))
    print(texts("calc-template-saved", path=str(args.file), month=str(month)), file=sys.stderr)
    return 0
