"""The team setup's files agree with the code: compose services, their commands, the image, the README.

Docker is not available where the tests run, so this checks what can go wrong without it: a command the
CLI would reject, an instance not pointed at the shared database or Chroma server, a port opened beyond
loopback, a folder the app needs missing from the image, a README command that names no compose file.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from assistant.cli import build_parser
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
INSTANCES = ("app-1", "app-2", "api", "migrate")


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_starts_the_whole_stack_on_one_database_and_chroma() -> None:
    services = compose()["services"]
    assert {"postgres", "chroma", "migrate", "app-1", "app-2", "lb", "api"} <= set(services)
    password = services["postgres"]["environment"]["POSTGRES_PASSWORD"]
    for name in INSTANCES:
        env = services[name]["environment"]
        settings = Settings(database_url=env["REPLY_ASSISTANT_DATABASE_URL"], chroma_host=env["CHROMA_HOST"])
        assert settings.database_url is not None
        url = settings.database_url.get_secret_value()
        assert url.startswith("postgresql://replies:") and "@postgres:5432/replies" in url
        assert password.split(":-")[0] in url  # the same password variable as the server's
        assert env["CHROMA_HOST"] == "chroma"
    for name in ("app-1", "app-2", "api"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_compose_commands_are_ones_the_cli_and_streamlit_accept() -> None:
    services = compose()["services"]
    parser = build_parser()
    for name in ("migrate", "api"):
        command = services[name]["command"]
        assert command[0] == "reply-assistant"
        parser.parse_args(command[1:])  # raises SystemExit on an unknown command or option
    assert services["api"]["command"][services["api"]["command"].index("--host") + 1] == "0.0.0.0"
    for name in ("app-1", "app-2"):
        command = services[name]["command"]
        assert command[:3] == ["streamlit", "run", "app.py"] and "--server.port" in command


def test_ports_are_published_on_loopback_only() -> None:
    for name, service in compose()["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), (name, port)


def test_load_balancer_reaches_both_app_instances_over_websockets() -> None:
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "server app-1:8501;" in conf and "server app-2:8501;" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf
    assert compose()["services"]["lb"]["volumes"][0].startswith("./deploy/nginx.conf:")


def test_image_holds_what_the_app_reads_beside_the_package() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    copied = set(re.findall(r"^COPY (\S+)", dockerfile, flags=re.MULTILINE))
    assert {"assistant", "app.py", "pages", "knowledge", "prompts", "evals", ".streamlit"} <= copied
    assert "pip install -e ." in dockerfile  # in place: the settings find knowledge/ and prompts/ beside it
    assert "USER assistant" in dockerfile


def test_readme_team_setup_starts_the_stack_with_one_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Team setup", 1)[1].split("\n## ", 1)[0]
    commands = [line.strip() for line in section.splitlines() if line.startswith("    ")]
    assert any(re.fullmatch(r"(\w+=\S+ )*docker compose up -d --build", c) for c in commands), commands
    assert (ROOT / "compose.yaml").exists()
    keys = next(c for c in commands if "keys create" in c)
    build_parser().parse_args(keys.split("reply-assistant ", 1)[1].split())
