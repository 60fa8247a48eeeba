"""Team history: source, language and verdict per case; hashes and reasons on events; API keys.

Cases and events say where they came from (the app or an integration); a case keeps its language and newest
verdict for filtering; events keep the hash of their text and an override's reason; the API's integration
keys and their rate windows get their own tables.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime(timezone=True).with_variant(sa.Text(), "sqlite")


def upgrade() -> None:
    """Add the columns (nullable or defaulted, so existing rows stay valid) and the key tables."""
    op.add_column("cases", sa.Column("source", sa.Text(), nullable=False, server_default="app"))
    op.add_column("cases", sa.Column("language", sa.Text()))
    op.add_column("cases", sa.Column("verdict", sa.Text()))
    op.add_column("events", sa.Column("source", sa.Text(), nullable=False, server_default="app"))
    op.add_column("events", sa.Column("text_hash", sa.Text()))
    op.add_column("events", sa.Column("reason", sa.Text()))
    # Existing cases get the verdict of their newest event that has one.
    op.execute("UPDATE cases SET verdict = (SELECT e.verdict FROM events e WHERE e.case_id = cases.id "
               "AND e.verdict IS NOT NULL ORDER BY e.id DESC LIMIT 1)")
    op.create_index("cases_updated", "cases", ["updated_at", "id"])
    op.create_index("cases_created", "cases", ["created_at"])
    op.create_index("cases_scenario", "cases", ["scenario"])
    op.create_index("events_source_kind", "events", ["source", "kind"])
    op.create_table(
        "api_keys",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("key_id", sa.Text(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("digest", sa.Text(), nullable=False),
        sa.Column("rate_limit", sa.Integer()),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("revoked_at", TIMESTAMP),
    )
    op.create_table(
        "api_usage",
        sa.Column("key_id", sa.Text(), primary_key=True),
        sa.Column("window_start", sa.BigInteger(), primary_key=True),
        sa.Column("hits", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    """Drop the key tables, indexes and columns."""
    op.drop_table("api_usage")
    op.drop_table("api_keys")
    for name in ("events_source_kind", "cases_scenario", "cases_created", "cases_updated"):
        op.drop_index(name)
    with op.batch_alter_table("events") as batch:
        for column in ("reason", "text_hash", "source"):
            batch.drop_column(column)
    with op.batch_alter_table("cases") as batch:
        for column in ("verdict", "language", "source"):
            batch.drop_column(column)
