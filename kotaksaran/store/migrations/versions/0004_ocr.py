"""OCR results per page (words with boxes and confidences, state, mean confidence, error,
manual redaction boxes); the OCR text and flags of a submission; full-text search over the
OCR text too

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PG_OLD = ("CREATE INDEX ix_submissions_fts ON submissions USING gin "
           "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '')))")
_PG_NEW = ("CREATE INDEX ix_submissions_fts ON submissions USING gin "
           "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '') || ' ' || "
           "coalesce(ocr_text, '')))")


def _sqlite_fts(columns: tuple[str, ...]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    for trigger in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS submissions_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS submissions_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE submissions_fts USING fts5({cols}, "
        "content='submissions', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER submissions_fts_ai AFTER INSERT ON submissions BEGIN "
        f"INSERT INTO submissions_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER submissions_fts_ad AFTER DELETE ON submissions BEGIN "
        f"INSERT INTO submissions_fts(submissions_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER submissions_fts_au AFTER UPDATE OF {cols} ON submissions BEGIN "
        f"INSERT INTO submissions_fts(submissions_fts, rowid, {cols}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO submissions_fts(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    op.execute("INSERT INTO submissions_fts(submissions_fts) VALUES ('rebuild')")


# Plain ALTER TABLE ADD/DROP COLUMN on both backends (SQLite >= 3.35). No batch mode: it
# would copy and drop `submissions`, and with foreign keys on, dropping it deletes its pages.
_PAGE_COLUMNS = (
    sa.Column("ocr_state", sa.String(length=12), nullable=False,
              server_default=sa.text("'pending'")),
    sa.Column("ocr_words", sa.JSON(), nullable=True),
    sa.Column("ocr_conf", sa.Float(), nullable=True),
    sa.Column("ocr_error", sa.String(length=60), nullable=True),
    sa.Column("ocr_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("redactions", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
)
_SUBMISSION_COLUMNS = (
    sa.Column("ocr_text", sa.Text(), nullable=False, server_default=sa.text("''")),
    sa.Column("flags", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
)


def upgrade() -> None:
    for column in _PAGE_COLUMNS:
        op.add_column("pages", column)
    for column in _SUBMISSION_COLUMNS:
        op.add_column("submissions", column)
    op.create_index("ix_pages_ocr_state", "pages", ["ocr_state"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts(("title", "body", "ocr_text"))
    else:
        op.execute("DROP INDEX IF EXISTS ix_submissions_fts")
        op.execute(_PG_NEW)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts(("title", "body"))
    else:
        op.execute("DROP INDEX IF EXISTS ix_submissions_fts")
        op.execute(_PG_OLD)
    op.drop_index("ix_pages_ocr_state", table_name="pages")
    for column in _SUBMISSION_COLUMNS:
        op.execute(f"ALTER TABLE submissions DROP COLUMN {column.name}")
    for column in _PAGE_COLUMNS:
        op.execute(f"ALTER TABLE pages DROP COLUMN {column.name}")
