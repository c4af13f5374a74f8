"""Pages for import and cleanup: perceptual hash, flags, rotation, skew, source page index,
cleanup record, soft delete; indexes for finding a file or a look-alike page imported before

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Server defaults fill the rows that exist already; the models set the values from now on.
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("phash", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("flags", sa.JSON(), nullable=False,
                                   server_default=sa.text("'{}'")))
        batch.add_column(sa.Column("rotation", sa.Integer(), nullable=False,
                                   server_default=sa.text("0")))
        batch.add_column(sa.Column("skew", sa.Float(), nullable=False,
                                   server_default=sa.text("0")))
        batch.add_column(sa.Column("source_page", sa.Integer(), nullable=False,
                                   server_default=sa.text("0")))
        batch.add_column(sa.Column("cleanup", sa.JSON(), nullable=False,
                                   server_default=sa.text("'{}'")))
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_pages_original_sha256", "pages", ["original_sha256"])
    op.create_index("ix_pages_phash", "pages", ["phash"])


def downgrade() -> None:
    op.drop_index("ix_pages_phash", table_name="pages")
    op.drop_index("ix_pages_original_sha256", table_name="pages")
    with op.batch_alter_table("pages") as batch:
        for name in ("deleted_at", "cleanup", "source_page", "skew", "rotation", "flags",
                     "phash"):
            batch.drop_column(name)
