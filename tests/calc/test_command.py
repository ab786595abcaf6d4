"""`salesboard calc` and `salesboard template` through bot.cli.main, as a head would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bot.cli import main
from tests.calc.support import TWO_BONUSES, base_sheets, write_xlsx

NBSP = "\u00a0"


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "month.xlsx"
    assert main(["template", str(path), "--month", "2026-11"]) == 0
    return path


def test_template_sheets(template: Path) -> None:
    workbook = openpyxl.load_workbook(template)
    assert workbook.sheetnames == ["readme", "team", "plans", "reports", "absences", "criteria", "deductions", "refunds"]
    assert [cell.value for cell in workbook["team"][1]] == ["manager", "department", "hired_on", "left_on", "salary"]
    assert workbook["team"].max_row == 3
    assert "salesboard calc" in "\n".join(str(row[0].value) for row in workbook["readme"].iter_rows())


def test_calc_template_as_text(template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # November 2026 has 20 working days.
    # Анна: 650 000 + 420 000 = 1 070 000 of 1 000 000 (107 %): 7 % = 74 900; a 50 000 refund
    # for October at 7 % takes 3 500. 60 000 + 74 900 - 3 500 = 131 400.
    # Иван: on vacation 10 November, 19 of 20 days: 50 000 x 19 / 20 = 47 500; plan
    # 600 000 x 19 / 20 = 570 000; 150 000 + 250 000 = 400 000 is 70.2 %: 5 % = 20 000. Total 67 500.
    assert main(["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11"]) == 0
    output = capsys.readouterr().out.replace(NBSP, " ")
    assert "Расчёт выплат — ноябрь 2026 (схема «Процент по выполнению плана», действует с 01.01.2026)" in output
    assert "1. Анна Смирнова (Москва) — 131 400,00 ₽" in output
    assert "2. Иван Петров (Москва) — 67 500,00 ₽" in output
    assert "• Оклад: 50 000 ₽ × 19 рабочих дней из 20 = 47 500,00 ₽" in output
    assert "Итого по команде: 198 900,00 ₽" in output


def test_calc_json(template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    anna, ivan = result["managers"]
    assert anna["manager"] == "Анна Смирнова"
    assert (anna["salary"], anna["bonus"], anna["kpi_premium"]) == ("60000.00", "74900.00", "0.00")
    assert (anna["deductions"], anna["adjustments"], anna["total"]) == ("0.00", "-3500.00", "131400.00")
    assert anna["attainment"] == "1.070000"
    assert ivan["attainment"] == "0.701754"
    assert ivan["fixed_share_flag"] == "high"
    bonus = anna["lines"][1]
    assert bonus["kind"] == "bonus"
    assert (bonus["rate"], bonus["tier_index"], bonus["base"]) == ("0.07", 2, "1070000.00")
    assert bonus["text"].startswith("Премия с выручки: 7")
    totals = result["totals"]
    assert totals["total"] == "198900.00"
    assert Decimal(totals["total"]) == sum(Decimal(manager["total"]) for manager in result["managers"])
    assert result["departments"][0]["name"] == "Москва"
    assert result["scheme"] == {"title": "Процент по выполнению плана", "effective_from": "2026-01"}


def test_calc_xlsx(template: Path, tmp_path: Path) -> None:
    output = tmp_path / "payroll.xlsx"
    arguments = ["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11"]
    assert main([*arguments, "--format", "xlsx", "--output", str(output)]) == 0
    workbook = openpyxl.load_workbook(output)
    assert workbook.sheetnames == ["Расчёт", "Строки", "Отделы"]
    summary = workbook["Расчёт"]
    assert summary["A1"].value == "Расчёт выплат — ноябрь 2026"
    assert summary["B1"].value.startswith("схема «Процент по выполнению плана», действует с 01.01.2026")
    assert summary.cell(3, 1).value == "Менеджер"
    assert [cell.value for cell in summary[4]][:8] == ["Анна Смирнова", "Москва", 60000, 74900, 0, 0, -3500, 131400]
    assert (summary.cell(6, 1).value, summary.cell(6, 8).value) == ("Итого по команде", 198900)
    lines = workbook["Строки"]
    assert lines.max_row == 1 + 3 + 2
    assert [cell.value for cell in lines[2]][:2] == ["Анна Смирнова", "Оклад"]
    assert (lines.cell(4, 2).value, lines.cell(4, 4).value, lines.cell(4, 5).value) == ("Корректировка", -3500, "refund")
    assert workbook["Отделы"].cell(2, 1).value == "Москва"


def test_calc_in_english(template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11", "--lang", "en"]) == 0
    output = capsys.readouterr().out.replace(NBSP, " ")
    assert 'Payroll for November 2026 (scheme "Процент по выполнению плана"' in output
    assert "Team total: RUB 198,900.00" in output


def test_calc_in_other_currency(template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11", "--currency", "kzt"]
    assert main(args) == 0
    output = capsys.readouterr().out.replace(NBSP, " ")
    assert "Итого по команде: 198 900,00 KZT" in output


def test_calc_unknown_currency_declined(template: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["calc", "--scheme", "by_attainment", "--data", str(template), "--month", "2026-11", "--currency", "рубли"])
    assert "неизвестная валюта «рубли»" in capsys.readouterr().err


def test_worked_numbers_to_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 669.73 + 376.47 = 1 046.20 for Анна; 30 952.38 for Борис, hired 13 August.
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(TWO_BONUSES, encoding="utf-8")
    data = write_xlsx(tmp_path / "august.xlsx", base_sheets())
    assert main(["calc", "--scheme", str(scheme), "--data", str(data), "--month", "2026-08", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    anna, boris = result["managers"]
    assert [line["amount"] for line in anna["lines"]] == ["0.00", "669.73", "376.47"]
    assert anna["bonus"] == "1046.20"
    assert boris["salary"] == "30952.38"
    assert result["totals"]["total"] == "31998.58"


def test_scheme_versions_by_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    later = tmp_path / "from-november.toml"
    later.write_text(TWO_BONUSES.replace("2026-01", "2026-11").replace("Выручка и оплаты", "С ноября"), encoding="utf-8")
    earlier = tmp_path / "from-january.toml"
    earlier.write_text(TWO_BONUSES, encoding="utf-8")
    data = write_xlsx(tmp_path / "august.xlsx", base_sheets())
    arguments = ["calc", "--scheme", str(later), "--scheme", str(earlier), "--data", str(data), "--format", "json"]
    assert main([*arguments, "--month", "2026-08"]) == 0
    assert json.loads(capsys.readouterr().out)["scheme"]["title"] == "Выручка и оплаты"


def run_failing(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.strip()


def test_text_in_number_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets = base_sheets()
    sheets["reports"][2][3] = "сорок тысяч"
    data = write_xlsx(tmp_path / "august.xlsx", sheets)
    message = run_failing(["calc", "--scheme", "flat_percent", "--data", str(data), "--month", "2026-08"], capsys)
    assert message == (
        "Лист «reports», строка 3, столбец «revenue»: «сорок тысяч» — не число. "
        "Впишите число, например 250000 или 1 250 000,50."
    )


def test_unknown_manager_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets = base_sheets()
    sheets["reports"][1][1] = "Вера"
    data = write_xlsx(tmp_path / "august.xlsx", sheets)
    message = run_failing(
        ["calc", "--scheme", "flat_percent", "--data", str(data), "--month", "2026-08", "--lang", "en"], capsys
    )
    assert message == (
        'Sheet "reports", row 2, column "manager": "Вера" is not on the team sheet. '
        "Add them there or fix the name. On the team sheet: Анна, Борис."
    )


def test_missing_sheet_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets = base_sheets()
    del sheets["plans"]
    data = write_xlsx(tmp_path / "august.xlsx", sheets)
    message = run_failing(["calc", "--scheme", "flat_percent", "--data", str(data), "--month", "2026-08"], capsys)
    assert message == (
        "Лист «plans»: листа нет. Добавьте его (образец даёт salesboard template). В книге есть: team, reports."
    )


def test_date_outside_month_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_xlsx(tmp_path / "august.xlsx", base_sheets())
    message = run_failing(["calc", "--scheme", "flat_percent", "--data", str(data), "--month", "2026-09"], capsys)
    assert message.startswith("Лист «reports», строка 2, столбец «date»: дата 2026-08-03 не входит в расчётный месяц 2026-09.")


def test_bad_scheme_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scheme = tmp_path / "bad.toml"
    scheme.write_text('title = "Т"\neffective_from = "2026-01"\n[bonus]\nbase = "revenue"\ntiers = [{ from = 0, rate = 7 }]\n')
    data = write_xlsx(tmp_path / "august.xlsx", base_sheets())
    message = run_failing(["calc", "--scheme", str(scheme), "--data", str(data), "--month", "2026-08"], capsys)
    assert message == (
        f"Файл {scheme}. Ошибка в схеме оплаты, ключ bonus.tiers[0].rate: 7 без знака % читается как доля, "
        'то есть 7 × 100 %. Если имеется в виду 7 процентов, напишите "7 %".'
    )


@pytest.mark.parametrize(
    ("arguments", "start"),
    [
        pytest.param(["--scheme", "nope.toml", "--month", "2026-08"], "Файл схемы «nope.toml» не найден.", id="no-scheme"),
        pytest.param(["--scheme", "flat_percent", "--month", "август"], "«август» — не месяц.", id="bad-month"),
        pytest.param(
            ["--scheme", "flat_percent", "--month", "2025-12"],
            "В 2025-12 не действует ни одна версия схемы: первая действует с 2026-01.",
            id="not-in-force",
        ),
        pytest.param(
            ["--scheme", "flat_percent", "--month", "2026-08", "--country", "XX"],
            "Для страны «XX» нет производственного календаря.",
            id="bad-country",
        ),
    ],
)
def test_argument_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], start: str) -> None:
    data = write_xlsx(tmp_path / "august.xlsx", base_sheets())
    message = run_failing(["calc", "--data", str(data), *arguments], capsys)
    assert message.startswith(start)


def test_missing_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.xlsx"
    message = run_failing(["calc", "--scheme", "flat_percent", "--data", str(missing), "--month", "2026-08"], capsys)
    assert message == f"Файл или папка «{missing}» не найдены. Укажите в --data книгу .xlsx или папку с CSV-файлами."


def test_installed_command_runs(tmp_path: Path) -> None:
    # The real entry point in a fresh process: template, then calc on it.
    book = tmp_path / "book.xlsx"
    template = subprocess.run(
        [sys.executable, "-m", "bot.cli", "template", str(book), "--month", "2026-11"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert template.returncode == 0, template.stderr
    calc = subprocess.run(
        [sys.executable, "-m", "bot.cli", "calc", "--scheme", "by_attainment", "--data", str(book), "--month", "2026-11",
         "--format", "json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert calc.returncode == 0, calc.stderr
    assert json.loads(calc.stdout)["totals"]["total"] == "198900.00"
