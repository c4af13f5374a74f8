"""Demo data, through the services and in bulk, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from kotaksaran.domain.enums import BoxSessionState, Channel, Role, Status
from kotaksaran.domain.errors import KotakSaranError
from kotaksaran.services import Actor, ListQuery, Services
from kotaksaran.services.demo import (
    CHANNEL_MIX,
    DEMO_USERS,
    STATUS_MIX,
    allocate,
    bulk_insert_slips,
    create_demo,
)
from kotaksaran.services.users import actor_for, login
from kotaksaran.store.db import Store, open_store
from kotaksaran.store.models import NumberCounter, Submission
from tests.conftest import PG_URL, drop_database, valid_slip

NOW = datetime(2026, 6, 10, 6, 30, tzinfo=UTC)  # 13:30 WIB, a Wednesday


@pytest.fixture
def empty_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """A store with the schema and nothing else."""
    data = tmp_path / "demo"
    if backend == "sqlite":
        st = open_store(data, create=True)
        yield st
        st.dispose()
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set KOTAKSARAN_TEST_PG_URL to run these")
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"ks_demo_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    st = open_store(data, url, create=True)
    yield st
    st.dispose()
    drop_database(admin, name)
    admin.dispose()


def _all_rows(svc: Services) -> list[object]:
    return list(svc.listing.page(ListQuery(sort="number", descending=False), 0, None))


def _check_office(store: Store, count: int) -> Services:
    """What every demo office has, however it was made."""
    system = Services(store, Actor.system("test"))
    rows = _all_rows(system)
    assert len(rows) == count
    assert {r.status for r in rows} == set(Status)  # type: ignore[attr-defined]
    assert {r.channel for r in rows} == {c.value for c in Channel}  # type: ignore[attr-defined]
    # Box slips belong to a session, the others to none.
    for r in rows:
        assert (r.box_session_id is not None) == (  # type: ignore[attr-defined]
            r.channel == Channel.KOTAK_SARAN.value)  # type: ignore[attr-defined]
    # Numbers: one sequence per year, in creation order, continued by the next real slip.
    numbers = [r.number for r in rows]  # type: ignore[attr-defined]
    assert all(re.fullmatch(r"KS-KLBS-\d{4}-\d{6}", n) for n in numbers)
    assert len(set(numbers)) == count
    created = sorted(r.created_at for r in rows)  # type: ignore[attr-defined]
    assert created[-1] <= NOW and created[-1] - created[0] > timedelta(days=90)
    with store.read() as s:
        counters = {y: n for y, n in s.execute(sa.select(NumberCounter.year,
                                                         NumberCounter.last_seq))}
    per_year = Counter(int(n.split("-")[2]) for n in numbers)
    assert counters == dict(per_year)

    users = {u.username: u for u in system.users.list()}
    assert {u.username for u in DEMO_USERS} == set(users)
    assert {u.role for u in users.values()} == set(Role)

    sessions = system.boxes.sessions()
    tz = ZoneInfo("Asia/Jakarta")
    open_ = [v for v in sessions if v.state == BoxSessionState.OPEN]
    assert len(open_) == 1 and open_[0].opened_at.astimezone(tz).date() == NOW.astimezone(
        tz).date()
    closed = [v for v in sessions if v.state == BoxSessionState.CLOSED]
    assert len(closed) >= 2 and any(v.differs for v in closed)
    assert all(len(v.witnesses) == 2 for v in sessions)
    assert len({v.box_id for v in sessions}) == 3
    assert system.config.get("mode.demo") is True
    return system


def _check_trails(system: Services) -> None:
    rows = _all_rows(system)
    by_status = {r.status: r for r in rows}  # type: ignore[attr-defined]
    approved = system.submissions.get(by_status[Status.APPROVED].uuid,  # type: ignore
                                      with_audit=True)
    trail = [(e.actor, e.action) for e in approved.audit]
    assert [a for _, a in trail] == ["create", "status_verified", "status_approved"]
    assert trail[0][0] in ("user:petugas1", "user:petugas2")
    assert trail[1][0] == trail[0][0] and trail[2][0] == "user:supervisor"
    closed = system.submissions.get(by_status[Status.CLOSED].uuid, with_audit=True)  # type: ignore
    assert re.fullmatch(r"\d{7}", closed.tracking_id or "")
    assert closed.upstream_status in ("Selesai", "Diarsipkan")
    assert [e.action for e in closed.audit][-4:] == [
        "status_queued", "status_sent", "status_registered", "status_closed"]
    assert closed.audit[-1].actor == "system:demo"
    assert [e.at for e in closed.audit] == sorted(e.at for e in closed.audit)
    returned = system.submissions.get(by_status[Status.RETURNED].uuid)  # type: ignore
    assert returned.status_reason and returned.reviewed_by == "user:supervisor"
    sent = system.submissions.get(by_status[Status.SENT].uuid)  # type: ignore
    assert sent.tracking_id is None and sent.upstream_status


def test_demo_office_through_the_services(empty_store: Store) -> None:
    progress: list[tuple[int, int]] = []
    result = create_demo(empty_store, 45, seed=3, now=NOW,
                         progress=lambda done, total: progress.append((done, total)))
    assert result.submissions == 45 and progress[-1] == (45, 45)
    assert set(result.by_status) == {s.value for s in Status}
    system = _check_office(empty_store, 45)
    _check_trails(system)
    for user in DEMO_USERS:  # the passwords the README lists
        assert login(empty_store, user.username, user.password, NOW).role == user.role
    # The office works on from here: the next slip gets the next number of this year.
    pet = Services(empty_store, actor_for(empty_store, "petugas1"), lambda: NOW)
    last = max(r.number for r in _all_rows(system) if "-2026-" in r.number)  # type: ignore
    following = pet.submissions.create(valid_slip()).submission.number
    assert int(following[-6:]) == int(last[-6:]) + 1


def test_demo_refuses_a_store_with_data(empty_store: Store) -> None:
    create_demo(empty_store, 10, now=NOW)
    with pytest.raises(KotakSaranError) as err:
        create_demo(empty_store, 10, now=NOW)
    assert err.value.code == "data_dir_exists"


def test_demo_refuses_an_initialized_office(office: object) -> None:
    store: Store = office.store  # type: ignore[attr-defined]
    with pytest.raises(KotakSaranError) as err:
        create_demo(store, 5)
    assert err.value.code == "data_dir_exists"


def test_demo_in_bulk(empty_store: Store) -> None:
    result = create_demo(empty_store, 120, seed=5, bulk=True, now=NOW)
    assert result.submissions == 120
    system = _check_office(empty_store, 120)
    _check_trails(system)
    # Full-text search finds the bulk rows (FTS triggers on SQLite, the GIN index on PG).
    some = _all_rows(system)[0]
    word = max(some.title.split(), key=len)  # type: ignore[attr-defined]
    found = system.listing.page(ListQuery(search=word), 0, None)
    assert some.uuid in {r.uuid for r in found}  # type: ignore[attr-defined]
    # Identity fields are stored normalised, as the services would.
    with empty_store.read() as s:
        phones = list(s.scalars(sa.select(Submission.reporter_phone)
                                .where(Submission.reporter_phone.is_not(None))))
    assert phones and all(p.startswith("+62") for p in phones)
    # Closed sessions counted what was digitised.
    for v in system.boxes.sessions(state=BoxSessionState.CLOSED):
        n = len(system.listing.page(ListQuery(box_session_id=v.id), 0, None))
        assert v.slips_digitised == n and v.slips_found >= n


def test_bulk_insert_adds_to_an_existing_office(office: object) -> None:
    store: Store = office.store  # type: ignore[attr-defined]
    written = bulk_insert_slips(store, 30, seed=2, now=NOW, with_audit=False)
    assert written == 30
    rows = _all_rows(Services(store, Actor.system("test")))
    assert len(rows) == 30
    assert {r.created_by for r in [Services(store, Actor.system("t")).submissions.get(
        rows[0].uuid)]} <= {"user:petugas1"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("total", [0, 1, 5, 9, 10, 45, 300, 1001])
def test_allocate_shares_and_minimums(total: int) -> None:
    for mix in (STATUS_MIX, CHANNEL_MIX):
        got = Counter(allocate(total, mix))
        assert sum(got.values()) == total
        if total >= len(mix):
            assert set(got) == set(mix)
    shares = Counter(allocate(300, STATUS_MIX))
    assert shares[Status.REGISTERED] == 75 and shares[Status.DRAFT] == 30
