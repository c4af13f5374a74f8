"""Indexes for sorting the list by status and by title with the id tie-breaker

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_submissions_status_id", "submissions", ["status", "id"])
    op.create_index("ix_submissions_title_id", "submissions", ["title", "id"])


def downgrade() -> None:
    op.drop_index("ix_submissions_title_id", table_name="submissions")
    op.drop_index("ix_submissions_status_id", table_name="submissions")
