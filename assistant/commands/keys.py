"""`reply-assistant keys create|list|revoke`: the integrations' API keys, in the history database.

A new key's token is printed once and never stored (only its digest is); keep it in the helpdesk's secret
settings. Revoking takes effect at once on every API instance sharing the database.
"""

from __future__ import annotations

import argparse
import json

from assistant.errors import InputError


def run(args: argparse.Namespace) -> int:
    """Create, list or revoke keys; list and create print JSON with --json."""
    from assistant.api.keys import create_key
    from assistant.history import open_store
    from assistant.settings import load_settings

    store = open_store(load_settings())
    try:
        if args.action == "create":
            if not args.name:
                raise InputError("keys create needs the integration's name, e.g. `reply-assistant keys create "
                                 "zendesk`", field="name")
            key_id, token = create_key(store, args.name, args.rate_limit)
            if args.json:
                print(json.dumps({"key_id": key_id, "name": args.name.strip().lower(), "token": token}))
            else:
                print(f"key {key_id} for {args.name.strip().lower()} created; its token (shown only now):\n{token}")
            return 0
        if args.action == "revoke":
            if not args.name:
                raise InputError("keys revoke needs a key id or an integration name", field="name")
            count = store.revoke_api_key(args.name)
            if not count:
                raise InputError(f"no live key with id or integration name {args.name!r} (see `keys list`)",
                                 field="name")
            print(f"revoked {count} key{'s' if count > 1 else ''}")
            return 0
        rows = store.list_api_keys()
        if args.json:
            for row in rows:
                print(row.model_dump_json(exclude={"digest"}))
            return 0
        for row in rows:
            state = f"revoked {row.revoked_at:%Y-%m-%d %H:%M}" if row.revoked_at else "live"
            limit = f"{row.rate_limit}/min" if row.rate_limit else "default limit"
            print(f"{row.key_id}  {row.name:<24} {limit:<14} created {row.created_at:%Y-%m-%d %H:%M}  {state}")
        if not rows:
            print("no keys yet: `reply-assistant keys create NAME`")
        return 0
    finally:
        store.close()
