"""Settings read from the environment and `.env`."""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///salesboard.db"


class Settings(BaseSettings):
    """Everything the bot process can be configured with; `.env.example` documents each field."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    telegram_api_url: str | None = None
    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"

    default_timezone: str = "Europe/Moscow"
    default_locale: str = "ru"
    default_calendar: str = "RU"
    reminder_time: time = time(17, 0)
    report_deadline: time = time(18, 0)
    post_time: time = time(19, 0)

    # Redis for form state when several bot processes share the work; empty keeps it in the database.
    fsm_redis_url: str | None = None
    # Flood control per user: up to FLOOD_BURST messages at once, then FLOOD_RATE a second; 0 turns it off.
    flood_burst: int = Field(default=8, ge=0)
    flood_rate: float = Field(default=1.0, gt=0)
    # Days an invite link works; a head gets a fresh one from /setup or /invite after that. 0: never expires.
    invite_ttl_days: int = Field(default=7, ge=0, le=365)
    # Managers employed fewer months than this are newcomers in /top and the hungry games.
    newcomer_months: int = Field(default=3, ge=1, le=36)
    # How many days back a manager may still report (0: today only).
    report_backdate_days: int = Field(default=3, ge=0, le=31)
    # The catch-up window: seconds a scheduled post may still go out late, e.g. after a restart.
    # A post missed by more is skipped, logged and reported to the head.
    misfire_grace_seconds: int = Field(default=3600, ge=0)
    # Minutes after the report deadline when the head gets the list of managers still missing.
    head_note_delay_minutes: int = Field(default=30, ge=0, le=360)
    # Time on the 1st of each month (team timezone) for the month close of the month before.
    month_close_time: time = time(10, 0)
    # Seconds between the scheduler's heartbeat and its pass over failed posts due for a retry.
    maintenance_interval_seconds: int = Field(default=60, ge=5)
    polling_timeout: int = Field(default=30, ge=1, le=50)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown timezone {value!r}; use an IANA name such as Europe/Moscow") from error
        return value

    @field_validator("default_locale")
    @classmethod
    def _supported_locale(cls, value: str) -> str:
        if value not in ("ru", "en"):
            raise ValueError(f"unsupported locale {value!r}; use ru or en")
        return value


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, `.env` and explicit overrides (overrides win)."""
    return Settings(**overrides)  # type: ignore[arg-type]
