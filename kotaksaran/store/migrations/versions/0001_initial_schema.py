"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agencies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('category_codes', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agencies')),
    sa.UniqueConstraint('code', name=op.f('uq_agencies_code'))
    )
    op.create_table('categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('upstream_id', sa.String(length=40), nullable=True),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['categories.id'], name=op.f('fk_categories_parent_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories')),
    sa.UniqueConstraint('code', name=op.f('uq_categories_code'))
    )
    op.create_table('days_off',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_days_off'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit_type', sa.String(length=40), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('logo_sha256', sa.String(length=64), nullable=True),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('default_box_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_units')),
    sa.UniqueConstraint('code', name=op.f('uq_units_code'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('actor_user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=60), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_user_id'], ['users.id'], name=op.f('fk_audit_events_actor_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity_type', 'entity_id', 'id'], unique=False)

    op.create_table('boxes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_boxes_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_boxes')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_boxes_unit_id'))
    )
    op.create_table('desks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_desks_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_desks')),
    sa.UniqueConstraint('unit_id', 'code', name=op.f('uq_desks_unit_id'))
    )
    op.create_table('number_counters',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('desk_code', sa.String(length=12), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_number_counters_unit_id_units')),
    sa.PrimaryKeyConstraint('unit_id', 'desk_code', 'year', name=op.f('pk_number_counters'))
    )
    op.create_table('box_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('box_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('opened_by', sa.String(length=200), nullable=False),
    sa.Column('witnesses', sa.JSON(), nullable=False),
    sa.Column('slips_found', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('slips_digitised', sa.Integer(), nullable=True),
    sa.Column('close_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['box_id'], ['boxes.id'], name=op.f('fk_box_sessions_box_id_boxes')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['users.id'], name=op.f('fk_box_sessions_closed_by_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_box_sessions_created_by_id_users')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_box_sessions_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_box_sessions')),
    sa.UniqueConstraint('uuid', name=op.f('uq_box_sessions_uuid'))
    )
    op.create_table('submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('number', sa.String(length=60), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('desk_code', sa.String(length=12), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('classification', sa.String(length=30), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('agency_id', sa.Integer(), nullable=True),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('anonim', sa.Boolean(), nullable=False),
    sa.Column('rahasia', sa.Boolean(), nullable=False),
    sa.Column('reporter_name', sa.String(length=200), nullable=True),
    sa.Column('reporter_nik', sa.String(length=40), nullable=True),
    sa.Column('reporter_phone', sa.String(length=40), nullable=True),
    sa.Column('reporter_email', sa.String(length=200), nullable=True),
    sa.Column('reporter_address', sa.Text(), nullable=True),
    sa.Column('box_session_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verified_by', sa.String(length=100), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by', sa.String(length=100), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('upstream_status', sa.String(length=200), nullable=True),
    sa.Column('tracking_id', sa.String(length=60), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agency_id'], ['agencies.id'], name=op.f('fk_submissions_agency_id_agencies')),
    sa.ForeignKeyConstraint(['box_session_id'], ['box_sessions.id'], name=op.f('fk_submissions_box_session_id_box_sessions')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_submissions_category_id_categories')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_submissions_created_by_id_users')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_submissions_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('number', name=op.f('uq_submissions_number')),
    sa.UniqueConstraint('uuid', name=op.f('uq_submissions_uuid'))
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index('ix_submissions_channel_created', ['channel', 'created_at'], unique=False)
        batch_op.create_index('ix_submissions_created_at_id', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_submissions_number_sort', ['number'], unique=False)
        batch_op.create_index('ix_submissions_session', ['box_session_id'], unique=False)
        batch_op.create_index('ix_submissions_status_created', ['status', 'created_at'], unique=False)

    op.create_table('pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('original_sha256', sa.String(length=64), nullable=True),
    sa.Column('source_name', sa.String(length=500), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('dpi', sa.Integer(), nullable=False),
    sa.Column('ocr_text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_pages_submission_id_submissions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pages')),
    sa.UniqueConstraint('submission_id', 'position', name=op.f('uq_pages_submission_id'))
    )
    # units.default_box_id points at boxes, which is created after units.
    with op.batch_alter_table("units") as batch:
        batch.create_foreign_key(
            op.f("fk_units_default_box_id_boxes"), "boxes", ["default_box_id"], ["id"],
            ondelete="SET NULL",
        )
    _create_search_index()


def _create_search_index() -> None:
    """Full-text search over title and body: FTS5 on SQLite, a GIN index on PostgreSQL."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE submissions_fts USING fts5(title, body, "
            "content='submissions', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER submissions_fts_ai AFTER INSERT ON submissions BEGIN "
            "INSERT INTO submissions_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER submissions_fts_ad AFTER DELETE ON submissions BEGIN "
            "INSERT INTO submissions_fts(submissions_fts, rowid, title, body) "
            "VALUES ('delete', old.id, old.title, old.body); END"
        )
        op.execute(
            "CREATE TRIGGER submissions_fts_au AFTER UPDATE OF title, body ON submissions BEGIN "
            "INSERT INTO submissions_fts(submissions_fts, rowid, title, body) "
            "VALUES ('delete', old.id, old.title, old.body); "
            "INSERT INTO submissions_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
        )
    else:
        op.execute(
            "CREATE INDEX ix_submissions_fts ON submissions USING gin "
            "(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '')))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS submissions_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_submissions_fts")
    with op.batch_alter_table("units") as batch:
        batch.drop_constraint(op.f("fk_units_default_box_id_boxes"), type_="foreignkey")
    op.drop_table('pages')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index('ix_submissions_status_created')
        batch_op.drop_index('ix_submissions_session')
        batch_op.drop_index('ix_submissions_number_sort')
        batch_op.drop_index('ix_submissions_created_at_id')
        batch_op.drop_index('ix_submissions_channel_created')

    op.drop_table('submissions')
    op.drop_table('box_sessions')
    op.drop_table('number_counters')
    op.drop_table('desks')
    op.drop_table('boxes')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_events')
    op.drop_table('users')
    op.drop_table('units')
    op.drop_table('settings')
    op.drop_table('days_off')
    op.drop_table('categories')
    op.drop_table('agencies')
