"""Settings, read once at the edge (CLI, app, eval runner) and passed in.

Explicit arguments beat environment variables: construct `Settings(...)` in code and nothing is read from the
environment for the fields you pass. Environment variables use the `REPLY_ASSISTANT_` prefix, except the
conventional `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `CHROMA_HOST` and `CHROMA_PORT`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent
_SECRET_FIELDS = frozenset({"database_url", "openai_api_key", "OPENAI_API_KEY"})


def default_data_dir() -> Path:
    """The user's data folder (XDG on Linux, Application Support on macOS, AppData on Windows)."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "reply-assistant"


class Settings(BaseSettings):
    """Every knob of the assistant; see README for the variables."""

    model_config = SettingsConfigDict(env_prefix="REPLY_ASSISTANT_", extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default_factory=default_data_dir)
    knowledge_dir: Path = REPO_ROOT / "knowledge"
    prompts_dir: Path = REPO_ROOT / "prompts"
    drafter: Literal["auto", "llm", "offline"] = "auto"
    model: str | None = None
    prompt_version: str = "v5"
    repair_rounds: int = Field(default=2, ge=0, le=5)
    llm_timeout: float = Field(default=30.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_temperature: float = Field(default=0.2, ge=0, le=2)
    # Longest reply the model may write (sent as max_tokens) and the most characters read from it.
    llm_max_tokens: int = Field(default=600, ge=16, le=8192)
    llm_max_chars: int = Field(default=4000, ge=200)
    # Wall-clock limit for the whole draft-check-repair loop; a model call never outlives it.
    draft_deadline: float = Field(default=90.0, gt=0)
    # Model requests in flight during `reply-assistant eval` (a server with shared context slots wants few).
    eval_concurrency: int = Field(default=4, ge=1, le=64)
    max_model_chars: int = Field(default=8000, ge=200)
    embedder: str = "wordllama"
    runs_dir: Path = REPO_ROOT / "evals" / "runs"
    judge_model: str | None = None
    agent: str = "agent"
    # Team mode: every page asks for a login (identity provider from .streamlit/secrets.toml, else users_file).
    team_mode: bool = False
    users_file: Path | None = None
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "openai_api_key")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "openai_base_url")
    )
    chroma_host: str | None = Field(default=None, validation_alias=AliasChoices("CHROMA_HOST", "chroma_host"))
    chroma_port: int = Field(default=8000, validation_alias=AliasChoices("CHROMA_PORT", "chroma_port"))
    # A PostgreSQL URL shared by every instance of a team (it may hold a password, hence secret).
    database_url: SecretStr | None = None
    api_max_body_bytes: int = Field(default=256_000, ge=1_000)
    api_rate_limit: int = Field(default=120, ge=1)  # requests per minute per key, unless the key has its own

    @field_validator("database_url", mode="before")
    @classmethod
    def _postgres_url(cls, value: object) -> object:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        if not isinstance(text, str) or not text.startswith(("postgresql://", "postgres://",
                                                             "postgresql+psycopg://")):
            # The message must not echo the value: it may hold a password.
            raise ValueError("must be a PostgreSQL URL like postgresql://user:password@host:5432/dbname "
                             "(unset it to keep the history in the local SQLite file)")
        return text.strip()

    @property
    def llm_configured(self) -> bool:
        """True when a model name and either a key or a custom endpoint are set."""
        return bool(self.model and (self.openai_api_key or self.openai_base_url))

    @property
    def users_path(self) -> Path:
        """The local users file: REPLY_ASSISTANT_USERS_FILE, else users.json in the data folder."""
        return self.users_file or self.data_dir / "users.json"

    def resolved_drafter(self) -> tuple[Literal["llm", "offline"], str]:
        """Which drafter to use and why, as the result shows it to the agent."""
        if self.drafter == "offline":
            return "offline", "offline composer chosen (REPLY_ASSISTANT_DRAFTER=offline)"
        if self.llm_configured:
            return "llm", f"model {self.model} configured"
        if self.drafter == "llm":
            raise ConfigError(
                "REPLY_ASSISTANT_DRAFTER=llm but no model is configured - set REPLY_ASSISTANT_MODEL and "
                "OPENAI_API_KEY (or OPENAI_BASE_URL for a local server), or use REPLY_ASSISTANT_DRAFTER=auto",
                variable="REPLY_ASSISTANT_MODEL",
            )
        return "offline", "no model configured (set REPLY_ASSISTANT_MODEL and OPENAI_API_KEY to use one)"

    def safe_summary(self) -> dict[str, str]:
        """Settings fit to show on a page or in a report: never the key, only the endpoint's host."""
        from urllib.parse import urlparse

        host = urlparse(self.openai_base_url).netloc if self.openai_base_url else "api.openai.com (default)"
        return {
            "model": self.model or "(none)",
            "endpoint host": host if self.model else "(none)",
            "api key": "set" if self.openai_api_key else "not set",
            "drafter mode": self.drafter,
            "prompt version": self.prompt_version,
            "data directory": str(self.data_dir),
            "knowledge directory": str(self.knowledge_dir),
            "chroma": f"{self.chroma_host}:{self.chroma_port}" if self.chroma_host else "embedded",
            "history": self.history_location(),
            "team mode": "on (login required)" if self.team_mode else "off (single user on this machine)",
        }

    def history_location(self) -> str:
        """Where the case history is: the PostgreSQL server and database (no password), or the SQLite file."""
        if self.database_url is None:
            return f"SQLite file {self.data_dir / 'history.sqlite3'}"
        from assistant.history.postgres import redact_url

        return f"PostgreSQL {redact_url(self.database_url.get_secret_value())}"


def load_settings(**overrides: object) -> Settings:
    """Read the settings once; invalid values become a ConfigError naming the variable."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        item = exc.errors()[0]
        field = str(item["loc"][0]) if item["loc"] else ""
        name = "REPLY_ASSISTANT_" + field.upper() if field else "settings"
        # A database URL or key may hold a password: never echo what was given for those.
        shown = "" if field in _SECRET_FIELDS else f" (got {item.get('input')!r})"
        raise ConfigError(f"{name}: {item['msg']}{shown}", variable=name) from None
