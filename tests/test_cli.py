"""The `salesboard` command line as a user runs it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

SALESBOARD = str(Path(sys.executable).parent / "salesboard")


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "BOT_TOKEN"}
    return {**env, **extra}


def test_run_without_token_explains_botfather(tmp_path):
    result = subprocess.run(
        [SALESBOARD, "run"], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=60, check=False
    )

    assert result.returncode == 2
    assert "@BotFather" in result.stderr
    assert "Не задан BOT_TOKEN" in result.stderr
    assert "BOT_TOKEN is not set" in result.stderr
    assert "salesboard demo" in result.stderr


def test_emulator_prints_url_and_stops_on_sigterm(tmp_path):
    process = subprocess.Popen(
        [SALESBOARD, "emulator", "--username", "demo_bot"], cwd=tmp_path, env=_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        first = process.stdout.readline()
        token = process.stdout.readline()
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)

    assert first.startswith("TELEGRAM_API_URL=http://127.0.0.1:")
    assert token.strip() == "BOT_TOKEN=123456:TEST"
    assert process.returncode == 0
    assert "stopped" in stderr


def test_unknown_option_rejected(tmp_path):
    result = subprocess.run(
        [SALESBOARD, "demo", "--fast"], cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "unrecognized arguments: --fast" in result.stderr
