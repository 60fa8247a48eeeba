"""The `reply-assistant` console script.

Arguments are declared here; each command's work lives in `assistant.commands.<name>` and is imported only
when that command runs, so `reply-assistant check` never pays for chromadb, openai or streamlit.

Exit codes shared by every command (`docs/cli.md`): 0 success, 1 a draft was blocked or a threshold failed,
2 bad input or configuration (the message says what to fix), 3 internal error (a bug), 130 Ctrl-C,
141 the reader of standard output went away (e.g. `| head`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from assistant.errors import AssistantError

EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 2, 3, 130, 141


def _add_input(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("text", nargs="?", help=f"the {what} (omit with --jsonl or --file)")
    parser.add_argument("--file", "-f", help=f"read the {what} from this file ('-' for standard input)")
    parser.add_argument(
        "--jsonl", action="store_true", help="read JSON Lines on standard input, write one JSON line each"
    )


def _add_workers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, help="with --jsonl: worker processes for a large batch (default: "
                        "every usable core; 1 answers every line in this process)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(prog="reply-assistant", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="run the guardrails on a reply draft")
    _add_input(check, "draft")
    check.add_argument("--scenario", help="scenario id whose requirements apply (e.g. damaged_or_broken)")
    check.add_argument("--buyer-message", default="", help="the buyer message the draft answers")
    check.add_argument("--order", help='order facts as JSON, e.g. \'{"price": 40, "currency": "USD"}\'')
    check.add_argument("--reply-language", help="language the draft should be in (en, de, fr, es, it, ja); "
                       "a draft in another language gets the language_mismatch warning")
    _add_workers(check)
    check.set_defaults(module="check")

    triage = sub.add_parser("triage", help="classify a buyer message into a scenario")
    _add_input(triage, "buyer message")
    triage.set_defaults(module="triage")

    retrieve = sub.add_parser("retrieve", help="find the playbook sections for a buyer message")
    _add_input(retrieve, "buyer message")
    retrieve.add_argument("-k", type=int, default=3, help="how many chunks (default 3)")
    retrieve.set_defaults(module="retrieve")

    draft = sub.add_parser("draft", help="draft a reply to a buyer message")
    _add_input(draft, "buyer message")
    draft.add_argument("--order", help="order facts as JSON")
    draft.add_argument("--drafter", choices=["auto", "llm", "offline"], help="override REPLY_ASSISTANT_DRAFTER")
    draft.add_argument("--reply-language", help="write the reply in this language (en, de, fr, es, it, ja) instead "
                       "of the buyer's; by default the buyer's language, the order's marketplace breaking ties")
    _add_workers(draft)
    draft.set_defaults(module="draft")

    ev = sub.add_parser("eval", help="run the eval suite, or compare two runs")
    ev.add_argument("action", nargs="?", default="run", choices=["run", "compare"])
    ev.add_argument("runs", nargs="*", help="with compare: two run JSON files (or run directories)")
    ev.add_argument("--cases", help="cases file (default evals/cases/reference.jsonl)")
    ev.add_argument("--prompt", action="append", help="prompt version, repeatable (e.g. v1 --prompt v2)")
    ev.add_argument("--model", action="append", help="model name, repeatable")
    ev.add_argument("--drafter", choices=["auto", "llm", "offline"], help="override REPLY_ASSISTANT_DRAFTER")
    ev.add_argument("--concurrency", type=int,
                    help="model requests in flight (default REPLY_ASSISTANT_EVAL_CONCURRENCY, 4)")
    ev.add_argument("--limit", type=int, help="only the first N cases")
    ev.add_argument("--out", help="output folder (default evals/runs)")
    ev.add_argument("--thresholds", help="thresholds file (default evals/thresholds.yaml)")
    ev.add_argument("--no-cache", action="store_true", help="do not read or write the LLM response cache")
    ev.add_argument("--judge", action="store_true", help="also grade drafts with the judge prompt")
    ev.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    ev.set_defaults(module="evaluate")

    app = sub.add_parser("app", help="start the agents' app (Streamlit) on 127.0.0.1")
    app.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    app.add_argument("--address", default="127.0.0.1",
                     help="address to bind (default 127.0.0.1: this machine only)")
    app.set_defaults(module="app")

    serve = sub.add_parser("serve", help="serve the HTTP API (triage, retrieve, draft, check) under uvicorn")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.set_defaults(module="serve")

    keys = sub.add_parser("keys", help="create, list or revoke the API keys of integrations")
    keys.add_argument("action", choices=["create", "list", "revoke"])
    keys.add_argument("name", nargs="?", help="create: the integration (e.g. zendesk); revoke: a key id or name")
    keys.add_argument("--rate-limit", type=int, help="create: requests per minute for this key "
                                                      "(default REPLY_ASSISTANT_API_RATE_LIMIT)")
    keys.add_argument("--json", action="store_true", help="print JSON (create: the token too)")
    keys.set_defaults(module="keys")

    db = sub.add_parser("db", help="migrate the history database, or show its schema revision")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(module="db")

    users = sub.add_parser("users", help="add, list or remove the people who may sign in (team mode)")
    users.add_argument("action", choices=["add", "list", "remove"])
    users.add_argument("name", nargs="?", help="user name (an e-mail for identity-provider logins)")
    users.add_argument("--role", choices=["agent", "lead"], default="agent",
                       help="lead: sees everyone's history and insights (default agent)")
    users.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    users.add_argument("--no-password", action="store_true",
                       help="no password: the user signs in through the identity provider; this sets the role")
    users.set_defaults(module="users")
    return parser


def _quiet_broken_pipe() -> int:
    """The reader closed standard output: stop without a traceback (and without one at interpreter exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (e.g. captured); nothing more will be written
        pass
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse arguments, run the command, turn errors into a message and an exit code."""
    given = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(given)
    return run_command(args, warm=given if args.module == "check" else None)


def run_command(args: argparse.Namespace, warm: list[str] | None = None) -> int:
    """Run a parsed command; errors become a message and an exit code.

    `warm` (the arguments of a `check`) lets the warm checker answer first (`assistant/warm_check.py`); the
    checker itself calls this without it, on the same arguments.
    """
    try:
        if warm is not None:
            from assistant.warm_check import try_warm

            code = try_warm(args, warm)
            if code is not None:
                return code
        command = importlib.import_module(f"assistant.commands.{args.module}")
        return int(command.run(args) or 0)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except Exception as exc:  # a bug: say so, with a masked traceback, and an exit code of its own
        import traceback

        from assistant.logs import redact

        print(redact("".join(traceback.format_exception(exc))), file=sys.stderr)
        print(f"internal error ({type(exc).__name__}): this is a bug in reply-assistant, not in your input",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
