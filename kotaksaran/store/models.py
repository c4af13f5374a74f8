"""SQLAlchemy models: the tables of one office's database.

Times are stored as UTC (timezone-aware in Python); dates as plain dates.
"""

from __future__ import annotations

import uuid as uuid_mod
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[Any]: JSON}


class Unit(Base):
    """The public-service unit (kelurahan, puskesmas ...) that runs this installation."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_type: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(Text, default="")
    logo_sha256: Mapped[str | None] = mapped_column(String(64))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Jakarta")
    default_box_id: Mapped[int | None] = mapped_column(
        ForeignKey("boxes.id", use_alter=True, ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Desk(Base):
    """One PC that hands out local numbers (needed when an office runs several SQLite desks)."""

    __tablename__ = "desks"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100), default="")


class Box(Base):
    """A physical suggestion box (kotak saran) and where it hangs."""

    __tablename__ = "boxes"
    __table_args__ = (UniqueConstraint("unit_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(300), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BoxSession(Base):
    """Sesi pembukaan kotak saran: one opening of a box, with its witnesses and slip count."""

    __tablename__ = "box_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    box_id: Mapped[int] = mapped_column(ForeignKey("boxes.id"))
    state: Mapped[str] = mapped_column(String(10), default="open")
    location: Mapped[str] = mapped_column(String(300), default="")
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_by: Mapped[str] = mapped_column(String(200))  # name of who opened it
    witnesses: Mapped[list[Any]] = mapped_column(default=list)
    slips_found: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None] = mapped_column()
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    slips_digitised: Mapped[int | None] = mapped_column(Integer)
    close_note: Mapped[str] = mapped_column(Text, default="")

    box: Mapped[Box] = relationship()


class Agency(Base):
    """Instansi tujuan: the agency a report is addressed to."""

    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="lainnya")
    category_codes: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Category(Base):
    """Kategori: LAPOR!'s two-level topic tree (parent is NULL for a root)."""

    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    name: Mapped[str] = mapped_column(String(200))
    upstream_id: Mapped[str | None] = mapped_column(String(40))
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Submission(Base):
    """One slip on its way to a LAPOR! report. `uuid` is the idempotency key upstream."""

    __tablename__ = "submissions"
    __table_args__ = (
        Index("ix_submissions_created_at_id", "created_at", "id"),
        Index("ix_submissions_status_created", "status", "created_at"),
        Index("ix_submissions_channel_created", "channel", "created_at"),
        Index("ix_submissions_session", "box_session_id"),
        Index("ix_submissions_number_sort", "number"),
        Index("ix_submissions_status_id", "status", "id"),
        Index("ix_submissions_title_id", "title", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    desk_code: Mapped[str | None] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    status_reason: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(20), default="kotak_saran")
    classification: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    event_date: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(300), default="")
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    anonim: Mapped[bool] = mapped_column(Boolean, default=False)
    rahasia: Mapped[bool] = mapped_column(Boolean, default=False)
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_nik: Mapped[str | None] = mapped_column(String(40))
    reporter_phone: Mapped[str | None] = mapped_column(String(40))
    reporter_email: Mapped[str | None] = mapped_column(String(200))
    reporter_address: Mapped[str | None] = mapped_column(Text)
    box_session_id: Mapped[int | None] = mapped_column(ForeignKey("box_sessions.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[str] = mapped_column(String(100))  # audit actor label
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    verified_by: Mapped[str | None] = mapped_column(String(100))
    verified_at: Mapped[datetime | None] = mapped_column()
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[datetime | None] = mapped_column()
    upstream_status: Mapped[str | None] = mapped_column(String(200))
    tracking_id: Mapped[str | None] = mapped_column(String(60))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # The OCR text of its live pages, joined (full-text search covers it too), and flags such
    # as {"ocr": {"quality": "printed" | "handwritten" | "mixed", "mean_conf": .., "prefilled":
    # true}}.
    ocr_text: Mapped[str] = mapped_column(Text, default="")
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)

    agency: Mapped[Agency | None] = relationship()
    category: Mapped[Category | None] = relationship()
    box_session: Mapped[BoxSession | None] = relationship()
    pages: Mapped[list[Page]] = relationship(
        back_populates="submission", order_by="Page.position", cascade="all, delete-orphan"
    )


class Page(Base):
    """A page image of a slip; images live in the blob store, named by SHA-256.

    `blob_sha256` is the cleaned, stored page; `original_sha256` the file as it came in (one
    blob shared by every page of a multi-page file). `phash` is a 64-bit perceptual hash (hex)
    for spotting a slip imported twice; `flags` holds e.g. {"possible_duplicate_of": "KS-...",
    "blank": true}. A deleted page keeps its row (`deleted_at`) so the delete can be undone.
    """

    __tablename__ = "pages"
    __table_args__ = (
        UniqueConstraint("submission_id", "position"),
        Index("ix_pages_original_sha256", "original_sha256"),
        Index("ix_pages_phash", "phash"),
        Index("ix_pages_ocr_state", "ocr_state"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    blob_sha256: Mapped[str] = mapped_column(String(64))
    original_sha256: Mapped[str | None] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(500), default="")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    dpi: Mapped[int] = mapped_column(Integer, default=0)
    ocr_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    phash: Mapped[str | None] = mapped_column(String(16))
    flags: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rotation: Mapped[int] = mapped_column(Integer, default=0)  # degrees clockwise applied
    skew: Mapped[float] = mapped_column(Float, default=0.0)  # degrees measured and removed
    source_page: Mapped[int] = mapped_column(Integer, default=0)  # index in the original file
    cleanup: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"steps": {name: s}, ...}
    deleted_at: Mapped[datetime | None] = mapped_column()
    # OCR: state pending | done | failed | skipped (blank page); words as [text, conf, x, y, w,
    # h] in pixels of the stored (cleaned) page image; mean confidence; an error code.
    ocr_state: Mapped[str] = mapped_column(String(12), default="pending")
    ocr_words: Mapped[list[Any] | None] = mapped_column()
    ocr_conf: Mapped[float | None] = mapped_column(Float)
    ocr_error: Mapped[str | None] = mapped_column(String(60))
    ocr_at: Mapped[datetime | None] = mapped_column()
    # Boxes a person added by hand: [{"box": [x, y, w, h], "kind": "manual"}]; the automatic
    # ones are computed from the OCR words when an image leaves the office.
    redactions: Mapped[list[Any]] = mapped_column(default=list)

    submission: Mapped[Submission] = relationship(back_populates="pages")


class NumberCounter(Base):
    """Last local number handed out per unit, desk and year."""

    __tablename__ = "number_counters"
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    desk_code: Mapped[str] = mapped_column(String(12), primary_key=True)  # "" for none
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Who did what when, with the old and new value of each field changed."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_entity", "entity_type", "entity_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    actor_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    action: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60))
    changes: Mapped[list[Any]] = mapped_column(default=list)  # [{field, old, new}]
    note: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Typed settings; every key is declared once in services/config.py."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DayOff(Base):
    """Cuti bersama and local days off, on top of the national holidays."""

    __tablename__ = "days_off"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="local")


# ==========================================================================================
# Sync (outbox, upstream status history) and the reference receiver's bookkeeping.
# Written by kotaksaran/sync and kotaksaran/receiver; migration 0005.
# ==========================================================================================


class SyncBatch(Base):
    """One push run or one bundle: when, who, through which adapter, to where.

    `kind`: "push" (a run of the outbox engine), "bundle_export", "bundle_import",
    "received" (the receiver's record of what one sender delivered). `target` never holds a
    token (URLs with credentials are refused)."""

    __tablename__ = "sync_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(20), default="push")
    adapter: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))  # audit actor label
    finished_at: Mapped[datetime | None] = mapped_column()
    scheduled: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class OutboxItem(Base):
    """One submission on its way upstream in one batch.

    `state`: pending, sending, retrying, done, quarantined. The idempotency key is
    `submission_uuid`. `upload_state` is the adapter's resumable-upload progress; `lease_until`
    guards an item being sent (a dead process's lease runs out, or is taken back at once by
    the next run holding the data dir's sync lock)."""

    __tablename__ = "outbox_items"
    __table_args__ = (
        Index("ix_outbox_items_state_next", "state", "next_try_at"),
        Index("ix_outbox_items_submission", "submission_id", "id"),
        Index("ix_outbox_items_batch", "batch_id", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("sync_batches.id"))
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    submission_uuid: Mapped[str] = mapped_column(String(36))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    adapter: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column()
    lease_until: Mapped[datetime | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(String(40))  # problem code
    last_field: Mapped[str | None] = mapped_column(String(60))  # the field to fix
    last_detail: Mapped[str | None] = mapped_column(Text)  # technical, for the log
    result: Mapped[str | None] = mapped_column(String(12))  # "registered" | "accepted"
    tracking_id: Mapped[str | None] = mapped_column(String(60))
    upstream_ref: Mapped[str | None] = mapped_column(String(100))
    upload_state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None] = mapped_column()

    batch: Mapped[SyncBatch] = relationship()


class UpstreamStatusEvent(Base):
    """Every upstream status change of a submission, with its time (the monthly report's
    working-day averages come from here). `status` is the text as received; `code` the
    normalised step (sync/statuses.py), e.g. "registered", "terdisposisi", "selesai"."""

    __tablename__ = "upstream_status_history"
    __table_args__ = (
        Index("ix_upstream_status_history_sub", "submission_id", "at"),
        Index("ix_upstream_status_history_at", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    submission_uuid: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column()  # when it changed upstream
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str | None] = mapped_column(String(200))
    code: Mapped[str | None] = mapped_column(String(30))
    tracking_id: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str] = mapped_column(String(40), default="")  # adapter code, "receiver"...


class SyncState(Base):
    """Small sync bookkeeping by key: pull cursors per adapter and target, last push time."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReceivedItem(Base):
    """The receiver's record of one submission that arrived (by its UUID, the idempotency
    key): which revision it holds, the hash of what was stored, from whom, and how often it
    was stored (a new revision) or answered as a repeat."""

    __tablename__ = "received_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"))
    sender: Mapped[str] = mapped_column(String(60), default="")
    dialect: Mapped[str] = mapped_column(String(20), default="exchange")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    content_sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    stores: Mapped[int] = mapped_column(Integer, default=1)
    repeats: Mapped[int] = mapped_column(Integer, default=0)
    token: Mapped[str | None] = mapped_column(String(60), unique=True)  # Open311 batch token


class ReceiverClient(Base):
    """A sending unit allowed to deliver to this receiver, by the SHA-256 of its API token."""

    __tablename__ = "receiver_clients"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(40), unique=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
