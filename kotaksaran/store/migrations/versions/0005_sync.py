"""Sync: outbox batches and items, upstream status history, sync bookkeeping; the reference
receiver's record of what arrived and of the units allowed to send

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _dt(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "sync_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("adapter", sa.String(length=20), nullable=False),
        sa.Column("target", sa.String(length=500), nullable=False),
        _dt("created_at", False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        _dt("finished_at"),
        sa.Column("scheduled", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_batches")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sync_batches_uuid")),
    )
    op.create_table(
        "outbox_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("submission_uuid", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("adapter", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _dt("next_try_at"),
        _dt("lease_until"),
        sa.Column("last_error", sa.String(length=40), nullable=True),
        sa.Column("last_field", sa.String(length=60), nullable=True),
        sa.Column("last_detail", sa.Text(), nullable=True),
        sa.Column("result", sa.String(length=12), nullable=True),
        sa.Column("tracking_id", sa.String(length=60), nullable=True),
        sa.Column("upstream_ref", sa.String(length=100), nullable=True),
        sa.Column("upload_state", sa.JSON(), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        _dt("created_at", False),
        _dt("updated_at", False),
        _dt("done_at"),
        sa.ForeignKeyConstraint(["batch_id"], ["sync_batches.id"],
                                name=op.f("fk_outbox_items_batch_id_sync_batches")),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE",
                                name=op.f("fk_outbox_items_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_items")),
    )
    op.create_index("ix_outbox_items_state_next", "outbox_items", ["state", "next_try_at"])
    op.create_index("ix_outbox_items_submission", "outbox_items", ["submission_id", "id"])
    op.create_index("ix_outbox_items_batch", "outbox_items", ["batch_id", "id"])
    op.create_table(
        "upstream_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("submission_uuid", sa.String(length=36), nullable=False),
        _dt("at", False),
        _dt("recorded_at", False),
        sa.Column("status", sa.String(length=200), nullable=True),
        sa.Column("code", sa.String(length=30), nullable=True),
        sa.Column("tracking_id", sa.String(length=60), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submissions.id"], ondelete="CASCADE",
            name=op.f("fk_upstream_status_history_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upstream_status_history")),
    )
    op.create_index("ix_upstream_status_history_sub", "upstream_status_history",
                    ["submission_id", "at"])
    op.create_index("ix_upstream_status_history_at", "upstream_status_history", ["at"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        _dt("updated_at", False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "received_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_uuid", sa.String(length=36), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=60), nullable=False),
        sa.Column("dialect", sa.String(length=20), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        _dt("received_at", False),
        _dt("updated_at", False),
        sa.Column("stores", sa.Integer(), nullable=False),
        sa.Column("repeats", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=60), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE",
                                name=op.f("fk_received_items_submission_id_submissions")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_items")),
        sa.UniqueConstraint("submission_uuid", name=op.f("uq_received_items_submission_uuid")),
        sa.UniqueConstraint("token", name=op.f("uq_received_items_token")),
    )
    op.create_table(
        "receiver_clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=40), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        _dt("created_at", False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receiver_clients")),
        sa.UniqueConstraint("unit_code", name=op.f("uq_receiver_clients_unit_code")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_receiver_clients_token_sha256")),
    )


def downgrade() -> None:
    op.drop_table("receiver_clients")
    op.drop_table("received_items")
    op.drop_table("sync_state")
    op.drop_index("ix_upstream_status_history_at", table_name="upstream_status_history")
    op.drop_index("ix_upstream_status_history_sub", table_name="upstream_status_history")
    op.drop_table("upstream_status_history")
    op.drop_index("ix_outbox_items_batch", table_name="outbox_items")
    op.drop_index("ix_outbox_items_submission", table_name="outbox_items")
    op.drop_index("ix_outbox_items_state_next", table_name="outbox_items")
    op.drop_table("outbox_items")
    op.drop_table("sync_batches")
