"""Baseline: the case history as the single-machine app created it (cases and their events).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite keeps timestamps as ISO-8601 text (as the app always has); PostgreSQL as timestamptz. Ids are 64-bit
# on PostgreSQL; on SQLite only "INTEGER PRIMARY KEY" is the rowid, so the type is Integer there.
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TIMESTAMP = sa.DateTime(timezone=True).with_variant(sa.Text(), "sqlite")


def upgrade() -> None:
    """Create cases and events."""
    op.create_table(
        "cases",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("agent", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("order_json", sa.Text()),
        sa.Column("scenario", sa.Text()),
        sa.Column("status", sa.Text(), nullable=False, server_default="open"),
        sqlite_autoincrement=True,  # ids never reused, as before migrations
    )
    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True, autoincrement=True),
        sa.Column("case_id", ID, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("agent", sa.Text()),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("draft", sa.Text()),
        sa.Column("verdict", sa.Text()),
        sa.Column("rules", sa.Text()),
        sa.Column("drafter", sa.Text()),
        sa.Column("detail", sa.Text()),
        sqlite_autoincrement=True,
    )
    op.create_index("events_case", "events", ["case_id", "id"])
    op.create_index("cases_agent", "cases", ["agent", "status", "updated_at"])


def downgrade() -> None:
    """Drop everything."""
    op.drop_table("events")
    op.drop_table("cases")
