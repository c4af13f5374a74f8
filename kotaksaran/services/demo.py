"""Demo data: a unit, one user per role, boxes, box sessions and realistic slips.

Everything the services can do is done through them, as the listed users, with a clock that
walks through the last months (so created and audit times spread like in a real office).
The statuses only sync can reach (queued, sent, registered, closed) are written directly,
in the same style, with audit events by ``system:demo``.

For benchmark-sized data ``bulk=True`` (or :func:`bulk_insert_slips`) writes the slips and
their audit trail with SQLAlchemy core inserts in batches: same columns, same numbering, the
FTS triggers fire as usual on SQLite.
"""

from __future__ import annotations

import random
import time
import uuid as uuid_mod
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from ..domain import states
from ..domain.demo_corpus import DemoSlip, make_box_names, make_slip, make_witness_names
from ..domain.enums import Channel, Role, Status
from ..domain.errors import KotakSaranError
from ..domain.numbering import DEFAULT_PREFIX, format_number
from ..domain.validation import normalized_identity
from ..store.db import Store
from ..store.models import (
    Agency,
    AuditEvent,
    Box,
    BoxSession,
    Category,
    NumberCounter,
    Setting,
    Submission,
    Unit,
    User,
    utcnow,
)
from ..sync.demo import attach_outbox
from . import Services, audit
from .config import SPECS
from .context import Actor
from .setup import AdminInput, UnitInput, initialize, is_initialized
from .users import actor_for

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: Role
    full_name: str


# The README lists these; the login window offers them on demo data.
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "admin12345", Role.ADMIN, "Admin Kelurahan"),
    DemoUser("petugas1", "petugas12345", Role.PETUGAS, "Siti Rahmawati"),
    DemoUser("petugas2", "petugas12345", Role.PETUGAS, "Dedi Kurniawan"),
    DemoUser("supervisor", "supervisor123", Role.SUPERVISOR, "Hj. Nurhayati Lubis"),
    DemoUser("operator", "operator12345", Role.OPERATOR, "Rizky Pratama"),
)

_BOXES = make_box_names()
DEMO_UNIT = UnitInput(
    code="KLBS",
    name="Kelurahan Batu Selicin",
    unit_type="kelurahan",
    address="Jl. Raja Ali Haji, Kel. Batu Selicin, Kec. Lubuk Baja, Kota Batam",
    timezone="Asia/Jakarta",
    box_name=_BOXES[0][1],
    box_location="Lobi Kantor Lurah Batu Selicin",
)
# Further boxes of the demo office (the first one is the unit's default box, K1).
_EXTRA_BOXES = (
    ("K2", _BOXES[4][1], "Balai Warga RW 04, Batu Selicin"),
    ("K3", _BOXES[5][1], "Mal Pelayanan Publik Batam, loket kelurahan"),
)

# Share of each final status (percent) and of each channel.
STATUS_MIX: dict[Status, int] = {
    Status.DRAFT: 10, Status.VERIFIED: 10, Status.RETURNED: 5, Status.REJECTED: 5,
    Status.APPROVED: 15, Status.QUEUED: 5, Status.SENT: 10, Status.REGISTERED: 25,
    Status.CLOSED: 15,
}
CHANNEL_MIX: dict[Channel, int] = {
    Channel.KOTAK_SARAN: 55, Channel.LOKET: 25, Channel.SURAT: 12, Channel.LAINNYA: 8,
}

# How far along the way upstream each status is: older slips get the later stages.
_STAGE = {Status.DRAFT: 0, Status.VERIFIED: 1, Status.RETURNED: 2, Status.REJECTED: 2,
          Status.APPROVED: 3, Status.QUEUED: 4, Status.SENT: 5, Status.REGISTERED: 6,
          Status.CLOSED: 7}
# The status changes that lead to each final status, after the draft was created.
_PATH: dict[Status, tuple[Status, ...]] = {
    Status.DRAFT: (),
    Status.VERIFIED: (Status.VERIFIED,),
    Status.RETURNED: (Status.VERIFIED, Status.RETURNED),
    Status.REJECTED: (Status.VERIFIED, Status.REJECTED),
    Status.APPROVED: (Status.VERIFIED, Status.APPROVED),
    Status.QUEUED: (Status.VERIFIED, Status.APPROVED, Status.QUEUED),
    Status.SENT: (Status.VERIFIED, Status.APPROVED, Status.QUEUED, Status.SENT),
    Status.REGISTERED: (Status.VERIFIED, Status.APPROVED, Status.QUEUED, Status.SENT,
                        Status.REGISTERED),
    Status.CLOSED: (Status.VERIFIED, Status.APPROVED, Status.QUEUED, Status.SENT,
                    Status.REGISTERED, Status.CLOSED),
}
# Hours from the previous step to this one (low, high).
_GAP_HOURS: dict[Status, tuple[float, float]] = {
    Status.VERIFIED: (0.2, 30), Status.APPROVED: (1, 72), Status.RETURNED: (1, 72),
    Status.REJECTED: (1, 72), Status.QUEUED: (0.5, 24), Status.SENT: (0.02, 2),
    Status.REGISTERED: (2, 96), Status.CLOSED: (72, 720),
}
SYNC_STATUSES = frozenset({Status.QUEUED, Status.SENT, Status.REGISTERED, Status.CLOSED})
_UPSTREAM_REGISTERED = ("Terverifikasi", "Terdisposisi", "Ditindaklanjuti oleh instansi")
_RETURN_REASONS = (
    "Lokasi kejadian kurang jelas, mohon dilengkapi RT/RW-nya.",
    "Kategori tidak sesuai isi laporan, mohon diperiksa lagi.",
    "Isi laporan belum sama dengan lembar aslinya, mohon dicek ulang.",
    "Tanggal kejadian tidak terbaca, mohon dikonfirmasi ke pelapor.",
)
_REJECT_REASONS = (
    "Lembar hanya berisi coretan, bukan laporan.",
    "Duplikat dari laporan sebelumnya.",
    "Bukan laporan: iklan jasa.",
    "Tulisan tidak dapat dibaca sama sekali.",
)
_SHORT_NOTES = (
    "1 lembar kosong, tidak diinput.",
    "Lembar basah dan tidak terbaca.",
    "Satu lembar ternyata brosur, tidak diinput.",
)


@dataclass(frozen=True)
class DemoResult:
    unit_code: str
    users: tuple[DemoUser, ...]
    boxes: int
    sessions: int
    submissions: int
    by_status: dict[str, int]
    by_channel: dict[str, int]
    seconds: float


# --- the plan -----------------------------------------------------------------------------
@dataclass
class _SessionPlan:
    box_id: int
    opened_at: datetime
    stays_open: bool
    opened_by: str
    witnesses: list[str]
    extra_found: int = 0
    note: str = ""
    slips: list[int] = field(default_factory=list)
    closed_at: datetime | None = None
    id: int | None = None


@dataclass
class _SlipPlan:
    slip: DemoSlip
    channel: Channel
    created_at: datetime
    creator: str  # username
    session: int | None  # index into the session plans
    status: Status = Status.DRAFT
    steps: list[tuple[Status, datetime]] = field(default_factory=list)
    reason: str | None = None
    upstream_status: str | None = None
    tracking_id: str | None = None
    incomplete: bool = False
    uuid: str = ""


def allocate(total: int, mix: dict[Any, int]) -> list[Any]:
    """`total` items shared as `mix` says (largest remainder); each key gets at least one
    when there are enough items, so that a small demo still shows every kind."""
    weight = sum(mix.values())
    exact = {k: total * w / weight for k, w in mix.items()}
    counts = {k: int(v) for k, v in exact.items()}
    if total >= len(mix):
        for k in counts:
            counts[k] = max(counts[k], 1)
    left = total - sum(counts.values())
    by_rest = sorted(mix, key=lambda k: exact[k] - int(exact[k]), reverse=True)
    i = 0
    while left > 0:
        counts[by_rest[i % len(by_rest)]] += 1
        left -= 1
        i += 1
    while left < 0:  # the minimum of one each overshot: take from the largest
        biggest = max(counts, key=lambda k: counts[k])
        counts[biggest] -= 1
        left += 1
    return [k for k in mix for _ in range(counts[k])]


def _local_time(day: date, hours: float, tz: ZoneInfo) -> datetime:
    return (datetime.combine(day, dtime.min, tz) + timedelta(hours=hours)).astimezone(UTC)


def _weekday(day: date) -> date:
    """Offices open Monday to Friday: a weekend day moves back to the Friday."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _plan(rng: random.Random, count: int, now: datetime, tz: ZoneInfo, box_ids: list[int],
          petugas: list[tuple[str, str]], span_days: int
          ) -> tuple[list[_SessionPlan], list[_SlipPlan]]:
    """Who does what when: box sessions over `span_days`, and `count` slips with their steps."""
    today = now.astimezone(tz).date()
    start_day = today - timedelta(days=span_days)
    channels: list[Channel] = allocate(count, CHANNEL_MIX)
    rng.shuffle(channels)
    n_box = sum(1 for c in channels if c == Channel.KOTAK_SARAN)

    # Box openings: evenly spread, the boxes in turn; the last one opened today and still open.
    n_closed = max(2, min(26 * len(box_ids), n_box // 6 + 1))
    sessions: list[_SessionPlan] = []
    for k in range(n_closed):
        day = _weekday(start_day + timedelta(days=(span_days - 1) * k // n_closed))
        name, _ = rng.choice(petugas)
        sessions.append(_SessionPlan(
            box_id=box_ids[k % len(box_ids)], opened_at=_local_time(day, rng.uniform(8, 10), tz),
            stays_open=False, opened_by=name, witnesses=make_witness_names(rng, 2)))
    morning = _local_time(today, 8, tz)
    opened_today = morning if now - morning > timedelta(hours=1) else max(
        _local_time(today, 0, tz), now - timedelta(minutes=30))
    sessions.append(_SessionPlan(
        box_id=box_ids[0], opened_at=opened_today, stays_open=True,
        opened_by=rng.choice(petugas)[0], witnesses=make_witness_names(rng, 2)))
    # Some closed sessions found slips that were not typed in (the first one always does).
    for k, sp in enumerate(sessions[:-1]):
        if k == 0 or rng.random() < 0.2:
            sp.extra_found = rng.choice((1, 1, 2))
            sp.note = rng.choice(_SHORT_NOTES)

    slips: list[_SlipPlan] = []
    for channel in channels:
        slip = make_slip(rng)
        creator = rng.choice(petugas)[1]
        if channel == Channel.KOTAK_SARAN:
            s_idx = rng.randrange(len(sessions))
            sp = sessions[s_idx]
            latest = now if sp.stays_open else sp.opened_at + timedelta(hours=6)
            span = max((latest - sp.opened_at).total_seconds(), 1.0)
            created = sp.opened_at + timedelta(seconds=rng.uniform(min(600, span / 2), span))
            sp.slips.append(len(slips))
        else:
            s_idx = None
            day = _weekday(today - timedelta(days=rng.randrange(span_days + 1)))
            created = _local_time(day, rng.uniform(8, 15.5), tz)
            if created >= now:
                created = now - timedelta(minutes=rng.uniform(1, 60))
        slips.append(_SlipPlan(slip, channel, min(created, now), creator, s_idx))

    # Older slips went further: statuses by stage, with some noise, oldest first.
    statuses: list[Status] = allocate(count, STATUS_MIX)
    statuses.sort(key=lambda st: _STAGE[st] + rng.gauss(0, 1.5), reverse=True)
    for plan, status in zip(sorted(slips, key=lambda p: p.created_at), statuses, strict=True):
        plan.status = status
        gaps = [(step, rng.uniform(*_GAP_HOURS[step])) for step in _PATH[status]]
        room = (now - plan.created_at).total_seconds() / 3600 - 1 / 60
        total = sum(h for _, h in gaps)
        scale = min(1.0, max(room, 0.0) / total) if total else 1.0
        at = plan.created_at
        for step, hours in gaps:
            at += timedelta(hours=hours * scale)
            plan.steps.append((step, at))
        if status == Status.RETURNED:
            plan.reason = rng.choice(_RETURN_REASONS)
        elif status == Status.REJECTED:
            plan.reason = rng.choice(_REJECT_REASONS)
        if status == Status.DRAFT and rng.random() < 0.35:
            plan.incomplete = True  # still being typed: the form shows what is missing
        if status in (Status.REGISTERED, Status.CLOSED):
            plan.tracking_id = f"{rng.randrange(1_000_000, 10_000_000)}"
    for sp in sessions:
        if not sp.stays_open:
            last = max((slips[i].created_at for i in sp.slips), default=sp.opened_at)
            sp.closed_at = min(last + timedelta(minutes=rng.uniform(10, 60)), now)
    return sessions, slips


def _upstream(rng: random.Random, status: Status) -> str | None:
    if status == Status.SENT:
        return "Belum terverifikasi"
    if status == Status.REGISTERED:
        return rng.choice(_UPSTREAM_REGISTERED)
    if status == Status.CLOSED:
        return "Selesai" if rng.random() < 0.9 else "Diarsipkan"
    return None


def _fields(plan: _SlipPlan, tz: ZoneInfo, agencies: dict[str, int],
            categories: dict[str, int], sessions: list[_SessionPlan]) -> dict[str, Any]:
    slip = plan.slip
    reporter = slip.reporter
    fields: dict[str, Any] = {
        "classification": slip.classification,
        "title": slip.title,
        "body": slip.body,
        "event_date": plan.created_at.astimezone(tz).date()
        - timedelta(days=slip.event_date_offset_days),
        "location": "" if plan.incomplete else slip.location,
        "agency_id": agencies.get(slip.agency_code) if slip.agency_code else None,
        "category_id": categories.get(slip.category_code),
        "anonim": slip.anonim,
        "rahasia": slip.rahasia,
        "channel": plan.channel.value,
        "box_session_id": sessions[plan.session].id if plan.session is not None else None,
        "reporter_name": reporter.name if reporter else None,
        "reporter_nik": reporter.nik if reporter else None,
        "reporter_phone": reporter.phone if reporter else None,
        "reporter_email": reporter.email if reporter else None,
        "reporter_address": reporter.address if reporter else None,
    }
    return fields


# --- shared set-up ------------------------------------------------------------------------
class _Clock:
    """The fake "now" that the services read; the generator moves it forward."""

    def __init__(self, value: datetime) -> None:
        self.value = value

    def __call__(self) -> datetime:
        return self.value


def _refuse_non_empty(store: Store) -> None:
    if is_initialized(store) or _has_submissions(store):
        where = (str(store.data_dir.root) if store.is_sqlite
                 else store.engine.url.render_as_string(hide_password=True))
        raise KotakSaranError("data_dir_exists", path=where)


def _has_submissions(store: Store) -> bool:
    with store.read() as s:
        return s.scalar(select(Submission.id).limit(1)) is not None


def _setup(store: Store, clock: _Clock) -> Services:
    admin_user = DEMO_USERS[0]
    system = Actor.system("demo")
    admin = initialize(store, DEMO_UNIT,
                       AdminInput(admin_user.username, admin_user.full_name,
                                  admin_user.password),
                       demo=True, actor=system)
    svc = Services(store, admin, clock)
    for u in DEMO_USERS[1:]:
        svc.users.add(u.username, u.full_name, u.role, u.password)
    for code, name, location in _EXTRA_BOXES:
        svc.boxes.add_box(code, name, location)
    return svc


def _lookups(store: Store) -> tuple[ZoneInfo, dict[str, int], dict[str, int], list[int]]:
    with store.read() as s:
        unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).one()
        agencies = {c: i for c, i in s.execute(select(Agency.code, Agency.id))}
        categories = {c: i for c, i in s.execute(select(Category.code, Category.id))}
        boxes = list(s.scalars(select(Box.id).where(Box.unit_id == unit.id, Box.active.is_(True))
                               .order_by(Box.code)))
        return ZoneInfo(unit.timezone), agencies, categories, boxes


def _staff(store: Store) -> tuple[list[tuple[str, str]], str]:
    """(full name, username) of the petugas who type slips, and the reviewer's username."""
    with store.read() as s:
        users = list(s.execute(select(User.username, User.full_name, User.role)
                               .where(User.active.is_(True)).order_by(User.username)))
    petugas = [(name, un) for un, name, role in users if role == Role.PETUGAS.value]
    reviewers = [un for un, _, role in users if role == Role.SUPERVISOR.value]
    admins = [(name, un) for un, name, role in users if role == Role.ADMIN.value]
    if not petugas:
        petugas = admins[:1]
    reviewer = reviewers[0] if reviewers else admins[0][1]
    if not petugas:
        raise KotakSaranError("not_found", what="user", ref="petugas")
    return petugas, reviewer


# --- through the services -----------------------------------------------------------------
def create_demo(store: Store, count: int, seed: int = 1, progress: Progress | None = None, *,
                bulk: bool = False, now: datetime | None = None, span_days: int = 182,
                scanned: bool = False) -> DemoResult:
    """Fill an empty store with a demo office and `count` slips (see the module doc); with
    `scanned`, plus a few drafts with scanned page images waiting for OCR (demo_pages)."""
    started = time.perf_counter()
    if store.is_empty():
        store.ensure_schema(allow_migrate=False)
    _refuse_non_empty(store)
    real_now = now or utcnow()
    clock = _Clock(real_now - timedelta(days=span_days + 7))
    _setup(store, clock)
    if bulk:
        bulk_insert_slips(store, count, seed, progress=progress, now=real_now,
                          span_days=span_days)
    else:
        _through_services(store, count, seed, clock, real_now, span_days, progress)
        if scanned:
            # A few scanned slips with real page images, their text read by the window.
            from .demo_pages import add_scanned_drafts

            clock.value = real_now
            add_scanned_drafts(Services(store, actor_for(store, DEMO_USERS[1].username),
                                        clock), seed)
    attach_outbox(store, seed)  # batches, outbox items and status history (sync/demo.py)
    return _result(store, time.perf_counter() - started)


def _through_services(store: Store, count: int, seed: int, clock: _Clock, now: datetime,
                      span_days: int, progress: Progress | None) -> None:
    rng = random.Random(seed)
    tz, agencies, categories, box_ids = _lookups(store)
    petugas, reviewer = _staff(store)
    sessions, slips = _plan(rng, count, now, tz, box_ids, petugas, span_days)
    svc = {un: Services(store, actor_for(store, un), clock)
           for un in {p[1] for p in petugas} | {reviewer}}
    by_name = {name: un for name, un in petugas}

    # Everything in time order, so the clock only moves forward and sessions are open while
    # their slips are typed; the sequence number keeps each slip's own steps in order.
    events: list[tuple[datetime, int, str, int, Status | None]] = []
    seq = 0

    def add(at: datetime, kind: str, idx: int, step: Status | None = None) -> None:
        nonlocal seq
        events.append((at, seq, kind, idx, step))
        seq += 1

    # Ties: opening before typing, typing before closing.
    for i, sp in enumerate(sessions):
        add(sp.opened_at, "open", i)
    for i, plan in enumerate(slips):
        add(plan.created_at, "create", i)
        for step, at in plan.steps:
            add(at, "step", i, step)
    for i, sp in enumerate(sessions):
        if sp.closed_at is not None:
            add(sp.closed_at, "close", i)
    events.sort(key=lambda e: (e[0], e[1]))

    done = 0
    for at, _, kind, idx, target in events:
        clock.value = at
        if kind == "open":
            sp = sessions[idx]
            opener = svc[by_name.get(sp.opened_by, petugas[0][1])]
            view = opener.boxes.open_session(
                box_id=sp.box_id, opened_by=sp.opened_by, witnesses=sp.witnesses,
                slips_found=len(sp.slips) + sp.extra_found, opened_at=at)
            sp.id = view.id
        elif kind == "close":
            sp = sessions[idx]
            assert sp.id is not None
            svc[by_name.get(sp.opened_by, petugas[0][1])].boxes.close_session(
                sp.id, note=sp.note)
        elif kind == "create":
            plan = slips[idx]
            res = svc[plan.creator].submissions.create(
                _fields(plan, tz, agencies, categories, sessions))
            plan.uuid = res.submission.uuid
            done += 1
            if progress is not None and (done % 10 == 0 or done == count):
                progress(done, count)
        else:
            assert target is not None
            _step(store, svc[slips[idx].creator], svc[reviewer], slips[idx], target, at, rng)
    if progress is not None:
        progress(count, count)


def _step(store: Store, petugas: Services, reviewer: Services, plan: _SlipPlan, step: Status,
          at: datetime, rng: random.Random) -> None:
    if step == Status.VERIFIED:
        petugas.submissions.verify(plan.uuid)
    elif step == Status.APPROVED:
        reviewer.submissions.approve(plan.uuid)
    elif step == Status.RETURNED:
        reviewer.submissions.return_(plan.uuid, plan.reason or _RETURN_REASONS[0])
    elif step == Status.REJECTED:
        reviewer.submissions.reject(plan.uuid, plan.reason or _REJECT_REASONS[0])
    else:
        # Sync comes later: write what it will write, as the system.
        upstream = _upstream(rng, step)
        with store.write() as s:
            sub = s.scalars(select(Submission).where(Submission.uuid == plan.uuid)).one()
            _sync_move(s, sub, step, at, upstream,
                       plan.tracking_id if step in (Status.REGISTERED, Status.CLOSED) else None)


def _sync_move(s: Session, sub: Submission, target: Status, at: datetime,
               upstream: str | None, tracking_id: str | None) -> None:
    current = Status(sub.status)
    states.check_transition(current, target)
    changes: list[dict[str, Any]] = [
        {"field": "status", "old": current.value, "new": target.value}]
    if upstream is not None and upstream != sub.upstream_status:
        changes.append({"field": "upstream_status", "old": sub.upstream_status, "new": upstream})
        sub.upstream_status = upstream
    if tracking_id is not None and tracking_id != sub.tracking_id:
        changes.append({"field": "tracking_id", "old": sub.tracking_id, "new": tracking_id})
        sub.tracking_id = tracking_id
    sub.status = target.value
    sub.updated_at = at
    audit.record(s, at=at, actor="system:demo", actor_user_id=None,
                 action=f"status_{target.value}", entity_type="submission", entity_id=sub.uuid,
                 changes=changes, note=None)


# --- in bulk ------------------------------------------------------------------------------
def bulk_insert_slips(store: Store, n: int, seed: int = 1, *, progress: Progress | None = None,
                      now: datetime | None = None, span_days: int = 182, batch: int = 5_000,
                      with_audit: bool = True) -> int:
    """Add `n` demo slips to an initialized store with core inserts (benchmark sizes).

    Box sessions are opened and closed through the services (a few dozen); the slips, their
    numbers and their audit trail (create and every status change, as in the services) are
    written in batches. Returns the number of slips written.
    """
    now = now or utcnow()
    rng = random.Random(seed)
    tz, agencies, categories, box_ids = _lookups(store)
    petugas, reviewer = _staff(store)
    sessions, slips = _plan(rng, n, now, tz, box_ids, petugas, span_days)
    clock = _Clock(now)
    openers = {un: Services(store, actor_for(store, un), clock) for _, un in petugas}
    by_name = {name: un for name, un in petugas}

    for sp in sorted(sessions, key=lambda p: p.opened_at):
        clock.value = sp.opened_at
        svc = openers[by_name.get(sp.opened_by, petugas[0][1])]
        sp.id = svc.boxes.open_session(box_id=sp.box_id, opened_by=sp.opened_by,
                                       witnesses=sp.witnesses,
                                       slips_found=len(sp.slips) + sp.extra_found,
                                       opened_at=sp.opened_at).id

    with store.read() as s:
        unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).one()
        unit_id, unit_code = unit.id, unit.code
        user_ids = {un: uid for un, uid in s.execute(select(User.username, User.id))}
        prefix_row = s.get(Setting, "numbering.prefix")
        desk_row = s.get(Setting, "desk.code")
        prefix = str((prefix_row.value if prefix_row else SPECS["numbering.prefix"].default)
                     or DEFAULT_PREFIX)
        desk = str((desk_row.value if desk_row else "") or "")
        counters = {y: c for y, c in s.execute(
            select(NumberCounter.year, NumberCounter.last_seq)
            .where(NumberCounter.unit_id == unit_id, NumberCounter.desk_code == desk))}
    known_years = set(counters)

    order = sorted(range(len(slips)), key=lambda i: slips[i].created_at)
    rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    written = 0
    for count_done, i in enumerate(order, 1):
        plan = slips[i]
        values = _fields(plan, tz, agencies, categories, sessions)
        values.update(normalized_identity(values))
        year = plan.created_at.astimezone(tz).year
        counters[year] = counters.get(year, 0) + 1
        plan.uuid = str(uuid_mod.UUID(int=rng.getrandbits(128), version=4))
        creator_label = f"user:{plan.creator}"
        row: dict[str, Any] = {
            **values, "uuid": plan.uuid,
            "number": format_number(unit_code, year, counters[year], desk or None, prefix),
            "unit_id": unit_id, "desk_code": desk or None, "status": plan.status.value,
            "status_reason": plan.reason, "created_by_id": user_ids.get(plan.creator),
            "created_by": creator_label, "created_at": plan.created_at,
            "updated_at": plan.steps[-1][1] if plan.steps else plan.created_at,
            "verified_by": None, "verified_at": None, "reviewed_by": None,
            "reviewed_at": None, "upstream_status": None, "tracking_id": None, "revision": 1,
            "ocr_text": "", "flags": {},
        }
        if with_audit:
            create_changes = [{"field": k, "old": None, "new": audit.jsonable(values[k])}
                              for k in sorted(values) if values[k] not in (None, "", False)]
            events.append(_event(plan.created_at, creator_label, user_ids.get(plan.creator),
                                 "create", plan.uuid, create_changes, None))
        current = Status.DRAFT
        for step, at in plan.steps:
            actor, actor_id = "system:demo", None
            changes: list[dict[str, Any]] = [
                {"field": "status", "old": current.value, "new": step.value}]
            note = None
            if step == Status.VERIFIED:
                actor, actor_id = creator_label, user_ids.get(plan.creator)
                row["verified_by"], row["verified_at"] = actor, at
            elif step in (Status.APPROVED, Status.RETURNED, Status.REJECTED):
                actor, actor_id = f"user:{reviewer}", user_ids.get(reviewer)
                row["reviewed_by"], row["reviewed_at"] = actor, at
                if step != Status.APPROVED:
                    changes.append({"field": "status_reason", "old": None, "new": plan.reason})
                    note = plan.reason
            else:
                upstream = _upstream(rng, step)
                if upstream is not None:
                    changes.append({"field": "upstream_status", "old": row["upstream_status"],
                                    "new": upstream})
                    row["upstream_status"] = upstream
                if step == Status.REGISTERED:
                    changes.append({"field": "tracking_id", "old": None,
                                    "new": plan.tracking_id})
                    row["tracking_id"] = plan.tracking_id
            if with_audit:
                events.append(_event(at, actor, actor_id, f"status_{step.value}", plan.uuid,
                                     changes, note))
            current = step
        rows.append(row)
        if len(rows) >= batch:
            written += _flush(store, rows, events)
            rows, events = [], []
            if progress is not None:
                progress(count_done, n)
    written += _flush(store, rows, events)

    with store.write() as s:
        for year, last in counters.items():
            if year in known_years:
                s.execute(update(NumberCounter).where(
                    NumberCounter.unit_id == unit_id, NumberCounter.desk_code == desk,
                    NumberCounter.year == year).values(last_seq=last))
            else:
                s.add(NumberCounter(unit_id=unit_id, desk_code=desk, year=year, last_seq=last))

    for sp in sorted(sessions, key=lambda p: p.closed_at or now):
        if sp.closed_at is not None and sp.id is not None:
            clock.value = sp.closed_at
            svc = openers[by_name.get(sp.opened_by, petugas[0][1])]
            svc.boxes.close_session(sp.id, note=sp.note)
    if progress is not None:
        progress(n, n)
    return written


def _event(at: datetime, actor: str, actor_id: int | None, action: str, entity: str,
           changes: list[dict[str, Any]], note: str | None) -> dict[str, Any]:
    return {"at": at, "actor": actor, "actor_user_id": actor_id, "action": action,
            "entity_type": "submission", "entity_id": entity, "changes": changes, "note": note}


def _flush(store: Store, rows: list[dict[str, Any]], events: list[dict[str, Any]]) -> int:
    if not rows:
        return 0
    with store.write() as s:
        conn = s.connection()
        _insert_many(conn, Submission.__table__, rows)
        if events:
            _insert_many(conn, AuditEvent.__table__, events)
    return len(rows)


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """An executemany of one compiled INSERT, with the columns' own bind processing done
    here once per value: SQLAlchemy's per-row parameter handling cost more than SQLite's
    insert itself at 100,000 rows."""
    keys = list(rows[0])
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=keys, for_executemany=True)
    procs = [(i, p) for i, k in enumerate(keys)
             if (p := table.c[k].type.dialect_impl(dialect).bind_processor(dialect))
             is not None]
    prepared: list[list[Any]] = []
    for row in rows:
        values = [row[k] for k in keys]
        for i, proc in procs:
            values[i] = proc(values[i])
        prepared.append(values)
    if compiled.positional:
        order = [keys.index(k) for k in compiled.positiontup or ()]
        conn.exec_driver_sql(compiled.string, [tuple(v[i] for i in order) for v in prepared])
    else:
        conn.exec_driver_sql(compiled.string,
                             [dict(zip(keys, v, strict=True)) for v in prepared])


def _result(store: Store, seconds: float) -> DemoResult:
    with store.read() as s:
        unit_code = s.scalars(select(Unit.code).limit(1)).one()
        by_status = Counter({st: n for st, n in _grouped(s, Submission.status)})
        by_channel = Counter({ch: n for ch, n in _grouped(s, Submission.channel)})
        boxes = len(list(s.scalars(select(Box.id))))
        sessions = len(list(s.scalars(select(BoxSession.id))))
    return DemoResult(unit_code, DEMO_USERS, boxes, sessions, sum(by_status.values()),
                      dict(by_status), dict(by_channel), round(seconds, 2))


def _grouped(s: Session, col: Any) -> Iterable[tuple[str, int]]:
    return [(str(k), int(n)) for k, n in s.execute(select(col, func.count()).group_by(col))]
