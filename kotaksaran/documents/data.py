"""What each document is made from: frozen snapshots that the document service fills.

The documents never read the database; they get exactly the fields they may print, so a
field that must not appear (a reporter's identity, the title of a rahasia slip) is simply not
here. Times are timezone-aware; each document shows them in the unit's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class UnitInfo:
    """The letterhead: from Pengaturan › Unit."""

    name: str
    unit_type: str
    address: str
    timezone: str
    logo: bytes | None = None  # image file bytes (PNG/JPEG) from the blob store


@dataclass(frozen=True)
class PrintInfo:
    """Who printed, when, and whether this is a reprint (marked SALINAN)."""

    printed_at: datetime
    printed_by: str
    copy: bool = False
    copy_number: int = 0  # 1 for the first reprint ...


@dataclass(frozen=True)
class ReceiptData:
    """Tanda terima: a slip's receipt. `title` is None when the slip is rahasia."""

    number: str
    received_at: datetime
    channel: str
    classification: str | None
    title: str | None
    anonim: bool
    rahasia: bool
    respon_awal_days: int
    respon_awal_due: date
    tracking_id: str | None = None
    tracking_url: str | None = None  # the QR code's content; only with a tracking ID
    upstream_status: str | None = None


@dataclass(frozen=True)
class MinutesData:
    """Berita acara pembukaan kotak saran: one box-opening session."""

    session_id: int
    box_code: str
    box_name: str
    location: str
    opened_at: datetime
    opened_by: str
    witnesses: tuple[str, ...]
    slips_found: int
    slips_digitised: int
    closed_at: datetime | None
    close_note: str
    numbers: tuple[str, ...]  # local numbers of the slips typed in, in order


@dataclass(frozen=True)
class BoardRow:
    number: str
    tracking_id: str | None
    status: str
    upstream_status: str | None
    received_on: date
    title: str | None = None  # None for rahasia slips (and when titles are not shown)


@dataclass(frozen=True)
class StatusBoardData:
    """Papan status: local numbers and tracking IDs with their status; no personal data."""

    as_of: datetime
    rows: tuple[BoardRow, ...]
    since: date | None = None
    show_titles: bool = False


@dataclass(frozen=True)
class ManifestItem:
    number: str
    state: str  # outbox item state: pending, sending, retrying, done, quarantined
    result: str | None = None  # for done: "registered" or "accepted"
    tracking_id: str | None = None
    attempts: int = 0
    problem: str | None = None  # the operator's sentence (sync.errors.describe)
    next_try_at: datetime | None = None


@dataclass(frozen=True)
class ManifestData:
    """The manifest of one sync batch: what went, what came back, what failed."""

    batch_id: int
    batch_uuid: str
    kind: str  # push, bundle_export, bundle_import, received
    adapter: str
    target: str
    created_at: datetime
    created_by: str
    finished_at: datetime | None
    items: tuple[ManifestItem, ...]

    def count(self, *states: str) -> int:
        return sum(1 for i in self.items if i.state in states)


@dataclass(frozen=True)
class OverdueItem:
    number: str
    received_on: date
    due: date
    working_days_late: int
    status: str
    what: str  # "respon_awal" or "tindak_lanjut"
    title: str | None = None  # None for rahasia slips


@dataclass(frozen=True)
class MonthlyData:
    """Laporan bulanan: the figures of one calendar month (in the unit's time zone)."""

    year: int
    month: int
    as_of: datetime
    total: int
    by_classification: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, str, int], ...]  # (code, 'Parent › Child', count)
    by_channel: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, int], ...]
    completed: int
    completion_base: int
    avg_days_respon_awal: float | None
    avg_days_tindak_lanjut: float | None
    respon_awal_measured: int = 0
    tindak_lanjut_measured: int = 0
    overdue: tuple[OverdueItem, ...] = ()
    sla_respon_awal_days: int = 5
    sla_tindak_lanjut_days: int = 10
    notes: tuple[str, ...] = field(default=())

    @property
    def completion_ratio(self) -> float | None:
        return self.completed / self.completion_base if self.completion_base else None
