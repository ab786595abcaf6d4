"""The scheme files and the calc run shown in the READMEs are real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main
from kpi.scheme_toml import load_scheme

ROOT = Path(__file__).resolve().parents[2]
READMES = ["README.md", "README.ru.md"]


def toml_blocks(name: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", (ROOT / name).read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize("name", READMES)
def test_readme_scheme_loads(name: str) -> None:
    (block,) = toml_blocks(name)
    scheme = load_scheme(block)
    assert scheme.kpi is not None
    assert scheme.deductions[0].code == "late_report"


@pytest.mark.parametrize(("name", "language"), [("README.md", "en"), ("README.ru.md", "ru")])
def test_readme_calc_run_matches(name: str, language: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    (shown,) = re.findall(r"```console\n\$ salesboard calc [^\n]*\n(.*?)```", text, re.DOTALL)
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(toml_blocks(name)[0], encoding="utf-8")
    book = tmp_path / "month.xlsx"
    assert main(["template", str(book), "--month", "2026-11"]) == 0
    arguments = ["calc", "--scheme", str(scheme), "--data", str(book), "--month", "2026-11", "--lang", language]
    assert main(arguments) == 0
    assert capsys.readouterr().out.replace("\u00a0", " ") == shown
