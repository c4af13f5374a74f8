"""The `kotaksaran` command, in-process (main([...]) with captured output) and as a process.

Runs on SQLite; the PostgreSQL half of the services is covered by the service tests, plus one
smoke test here with --db-url when KOTAKSARAN_TEST_PG_URL is set.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from kotaksaran import cli, i18n
from kotaksaran.domain import errors as E
from kotaksaran.domain.enums import Channel, Status
from kotaksaran.services.demo import DEMO_USERS
from kotaksaran.store.db import DB_FILE
from kotaksaran.store.lock import InstanceLock
from tests.conftest import drop_database

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("KOTAKSARAN_TEST_PG_URL", "")
PASSWORD = "rahasia123"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


Runner = Callable[..., Result]


def msg(exc: E.KotakSaranError, lang: str = "id") -> str:
    """The message the CLI should print for `exc`, from the same catalog."""
    saved = i18n.get_language()
    i18n.set_language(lang)
    try:
        return i18n.error_message(exc)
    finally:
        i18n.set_language(saved)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("KOTAKSARAN_DATA_DIR", "KOTAKSARAN_DB_URL"):
        monkeypatch.delenv(name, raising=False)
    # Never the real per-user folders, whatever a test forgets to pass.
    monkeypatch.setenv("KOTAKSARAN_DEMO_DIR", str(tmp_path / "default-demo"))
    monkeypatch.setattr("platformdirs.user_data_dir",
                        lambda *a, **k: str(tmp_path / "platform-dirs"))


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    def _run(*args: str, stdin: str | None = None) -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin or ""))
        code = cli.main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "ks-data"


@pytest.fixture
def office(run: Runner, data: Path) -> Path:
    """An initialized data dir with an admin, a petugas and a supervisor (through the CLI)."""
    res = run("--data-dir", str(data), "init", "--unit-code", "KLBS",
              "--unit-name", "Kelurahan Batu Selicin", "--unit-type", "kelurahan",
              "--address", "Jl. Raja Ali Haji, Batam", "--box-location", "Lobi kantor",
              "--admin-user", "admin", "--admin-name", "Admin Kelurahan",
              "--admin-password-stdin", stdin=PASSWORD + "\n")
    assert res.code == 0, res.err
    assert "KLBS" in res.out
    for username, name, role in (("petugas1", "Siti Petugas", "petugas"),
                                 ("supervisor1", "Budi Supervisor", "supervisor")):
        res = run("--data-dir", str(data), "user", "add", username, "--name", name,
                  "--role", role, "--password-stdin", stdin=PASSWORD + "\n")
        assert res.code == 0, res.err
    return data


def slip_args(title: str = "Jalan berlubang di depan SD 003", **extra: str) -> list[str]:
    args = {"--classification": "pengaduan", "--title": title,
            "--body": "Jalan di depan SD Negeri 003 berlubang besar dan sering membuat motor "
                      "jatuh.",
            "--event-date": "2026-01-15", "--location": "Jl. Raja Haji Fisabilillah RT 02"}
    args.update(extra)
    return [x for kv in args.items() for x in kv]


def new(run: Runner, data: Path, *extra: str, as_user: str = "petugas1",
        title: str = "Jalan berlubang di depan SD 003") -> str:
    res = run("--data-dir", str(data), "--as", as_user, "new", *slip_args(title), *extra)
    assert res.code == 0, res.err
    return res.out.strip()


# --- the "Done when", with the CLI alone ------------------------------------------
def test_box_session_three_slips_verify_approve_return(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    res = run(*d, "--as", "petugas1", "session", "open", "--found", "3",
              "--witness", "Pak Rahmat (RT 02)", "--witness", "Bu Sari (RW 05)", "--json")
    assert res.code == 0, res.err
    session = res.json()
    assert isinstance(session, dict)
    assert session["state"] == "open" and session["witnesses"] == [
        "Pak Rahmat (RT 02)", "Bu Sari (RW 05)"] and session["opened_by"] == "Siti Petugas"

    numbers = [new(run, office, title=f"Laporan nomor {i}") for i in (1, 2, 3)]
    assert numbers == [f"KS-KLBS-{date.today().year}-00000{i}" for i in (1, 2, 3)]
    for number in numbers:
        res = run(*d, "--as", "petugas1", "verify", number)
        assert res.code == 0, res.err
        assert res.out.strip() == f"{number}: Terverifikasi"
    for number in numbers[:2]:
        assert run(*d, "--as", "supervisor1", "approve", number).code == 0
    res = run(*d, "--as", "supervisor1", "return", numbers[2], "--reason",
              "Lokasi kurang jelas, mohon lengkapi RT/RW")
    assert res.code == 0 and "Dikembalikan" in res.out

    rows = run(*d, "list", "--json").json()
    assert isinstance(rows, list)
    by_number = {r["number"]: r for r in rows}
    assert [by_number[n]["status"] for n in numbers] == ["approved", "approved", "returned"]
    for r in rows:
        assert {"id", "number", "status", "channel", "classification", "title",
                "created_at"} <= set(r)
        assert r["channel"] == "kotak_saran" and r["box_session"] == session["id"]
        uuid.UUID(r["id"])
        assert r["created_at"].endswith("+00:00")  # ISO 8601 with offset

    shown = run(*d, "show", numbers[2], "--json").json()
    assert isinstance(shown, dict)
    assert shown["status"] == "returned"
    assert shown["status_reason"] == "Lokasi kurang jelas, mohon lengkapi RT/RW"
    trail = [(e["actor"], e["action"]) for e in shown["audit"]]
    assert trail == [("user:petugas1", "create"), ("user:petugas1", "status_verified"),
                     ("user:supervisor1", "status_returned")]
    assert shown["audit"][2]["changes"][0] == {"field": "status", "old": "verified",
                                               "new": "returned"}
    approved = run(*d, "show", numbers[0], "--json").json()
    assert isinstance(approved, dict)
    assert approved["reviewed_by"] == "user:supervisor1"
    assert approved["audit"][-1]["actor"] == "user:supervisor1"

    text = run(*d, "show", numbers[2])
    assert "Riwayat:" in text.out and "user:supervisor1" in text.out
    assert "Status: Terverifikasi -> Dikembalikan" in text.out

    res = run(*d, "--as", "petugas1", "session", "close", str(session["id"]))
    assert res.code == 0 and "3 lembar ditemukan, 3 diinput" in res.out
    assert "Perhatian" not in res.err


def test_supervisor_cannot_approve_own_slip(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    number = new(run, office, as_user="supervisor1")
    assert run(*d, "--as", "supervisor1", "verify", number).code == 0
    res = run(*d, "--as", "supervisor1", "approve", number)
    assert res.code == 1
    assert res.err.strip() == msg(E.PermissionDenied(action="self_approval", number=number))
    assert "Traceback" not in res.err
    # A one-person office may allow it.
    assert run(*d, "config", "set", "review.allow_self_approval", "ya").code == 0
    assert run(*d, "--as", "supervisor1", "approve", number).code == 0


def test_petugas_may_not_approve(run: Runner, office: Path) -> None:
    number = new(run, office)
    d = ["--data-dir", str(office)]
    assert run(*d, "--as", "petugas1", "verify", number).code == 0
    res = run(*d, "--as", "petugas1", "approve", number)
    assert res.code == 1
    assert res.err.strip() == msg(E.PermissionDenied(action="approve", role="petugas"))


def test_session_close_warns_when_counts_differ(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    sid = run(*d, "session", "open", "--found", "4", "--json").json()["id"]  # type: ignore[index]
    new(run, office)
    res = run(*d, "session", "close", str(sid), "--note", "3 lembar kosong")
    assert res.code == 0
    assert "Perhatian: 4 lembar ditemukan tetapi 1 yang diinput" in res.err
    listed = run(*d, "session", "list", "--json").json()
    assert isinstance(listed, list) and listed[0]["slips_digitised"] == 1
    assert listed[0]["close_note"] == "3 lembar kosong"


def test_new_attaches_to_todays_session_only_when_one_is_open(run: Runner,
                                                              office: Path) -> None:
    d = ["--data-dir", str(office)]
    res = run(*d, "--as", "petugas1", "new", *slip_args(), "--json")
    assert res.json()["box_session_id"] is None  # type: ignore[index]
    run(*d, "session", "open")
    res = run(*d, "--as", "petugas1", "new", *slip_args(), "--json")
    assert res.json()["box_session_id"] == 1  # type: ignore[index]
    assert "sesi kotak saran 1" in res.err
    res = run(*d, "--as", "petugas1", "new", *slip_args(), "--channel", "loket", "--json")
    assert res.json()["box_session_id"] is None  # type: ignore[index]
    run(*d, "session", "open")
    res = run(*d, "--as", "petugas1", "new", *slip_args(), "--json")
    assert res.json()["box_session_id"] is None  # type: ignore[index]


def test_new_keeps_a_draft_with_problems_and_edit_fixes_it(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    res = run(*d, "--as", "petugas1", "new", *slip_args(), "--nik", "1234",
              "--phone", "0812-6655-1234", "--anonim", "--agency", "dbmsda")
    assert res.code == 0
    number = res.out.strip()
    assert "NIK harus tepat 16 angka." in res.err
    assert run(*d, "--as", "petugas1", "verify", number).code == 1
    res = run(*d, "--as", "petugas1", "edit", number, "--nik", "2171 0312 3456 0001",
              "--no-anonim", "--json")
    assert res.code == 0 and res.err == ""
    shown = res.json()
    assert isinstance(shown, dict)
    assert shown["reporter_nik"] == "2171031234560001"
    assert shown["reporter_phone"] == "+6281266551234"
    assert shown["anonim"] is False and shown["agency_code"] == "dbmsda"
    assert shown["problems"] == {}
    assert run(*d, "--as", "petugas1", "verify", number).code == 0
    res = run(*d, "edit", number)
    assert res.code == 2 and "tidak ada yang diubah" in res.err


def test_identity_is_hidden_in_show_for_other_petugas(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    run(*d, "user", "add", "petugas2", "--name", "Dedi", "--role", "petugas",
        "--password", PASSWORD)
    number = new(run, office, "--anonim", "--name", "Ahmad Fauzi",
                 "--nik", "2171031234560001")
    shown = run(*d, "--as", "petugas2", "show", number, "--json").json()
    assert isinstance(shown, dict)
    assert shown["reporter_nik"] is None and shown["identity_visible"] is False
    assert "2171031234560001" not in json.dumps(shown)
    text = run(*d, "--as", "petugas2", "show", number).out
    assert "2171031234560001" not in text and "(disembunyikan)" in text
    assert "2171031234560001" in run(*d, "--as", "supervisor1", "show", number).out


# --- list ----------------------------------------------------------------------------------
def test_list_streams_every_match_and_filters(run: Runner, office: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    d = ["--data-dir", str(office)]
    for i in range(5):
        new(run, office, title=f"Lampu jalan mati {i}")
    new(run, office, "--channel", "surat", title="Sampah menumpuk di pasar")
    monkeypatch.setattr(cli.slips, "PAGE_SIZE", 2)  # several pages even for six slips
    everything = run(*d, "list", "--json").json()
    assert isinstance(everything, list) and len(everything) == 6
    assert len({r["id"] for r in everything}) == 6
    limited = run(*d, "list", "--limit", "3", "--sort", "number", "--asc", "--json").json()
    assert [r["number"][-1] for r in limited] == ["1", "2", "3"]  # type: ignore[index]
    assert len(run(*d, "list", "--search", "sampah", "--json").json()) == 1  # type: ignore
    assert len(run(*d, "list", "--channel", "surat", "--json").json()) == 1  # type: ignore
    assert run(*d, "list", "--status", "verified", "--json").json() == []
    assert run(*d, "list", "--status", "draft", "--status", "verified", "--json",
               "--from", date.today().isoformat(), "--to", date.today().isoformat()
               ).json().__len__() == 6  # type: ignore[union-attr]
    text = run(*d, "list", "--lang", "en")
    lines = text.out.splitlines()
    assert lines[0].split()[:3] == ["Number", "Status", "Date"]
    assert len(lines) == 7 and "Draft" in lines[1]
    assert run(*d, "list", "--search", "tidakadakatainimuncul").err.strip() == \
        "Tidak ada lembar yang cocok."


# --- bad data dirs -------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["list"], ["show", "KS-KLBS-2026-000001"], ["user", "list"],
                                     ["session", "list"], ["db", "check"], ["db", "backup"],
                                     ["config", "list"], ["new", *slip_args()]])
def test_missing_data_dir_is_refused_and_not_created(run: Runner, tmp_path: Path,
                                                     command: list[str]) -> None:
    gone = tmp_path / "flashdisk" / "kotaksaran"
    res = run("--data-dir", str(gone), *command)
    assert res.code == 1
    assert res.err.strip() == msg(E.DataDirMissing(path=str(gone)))
    assert "tidak ditemukan" in res.err and "Traceback" not in res.err
    assert not gone.exists() and not gone.parent.exists()


def test_english_on_request(run: Runner, tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    res = run("--lang", "en", "--data-dir", str(gone), "list")
    assert res.code == 1 and res.err.strip() == msg(E.DataDirMissing(path=str(gone)), "en")
    assert "cannot be found" in res.err
    # --lang may also follow the command, like the other global options
    res = run("list", "--data-dir", str(gone), "--lang=en")
    assert "cannot be found" in res.err
    assert i18n.get_language() == "id"  # the process's language is left as it was


def test_data_dir_without_database_is_not_initialized(run: Runner, data: Path) -> None:
    data.mkdir()
    res = run("--data-dir", str(data), "list")
    assert res.code == 1 and res.err.strip() == msg(E.KotakSaranError("not_initialized"))
    assert list(data.iterdir()) == []  # nothing was created


def test_read_only_data_dir_is_refused_without_damage(run: Runner, office: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions (CI runs the tests as an unprivileged user)")
    number = new(run, office)
    db = office / DB_FILE
    before = db.read_bytes()
    office.chmod(0o555)
    db.chmod(0o444)
    try:
        res = run("--data-dir", str(office), "--as", "petugas1", "new", *slip_args())
        assert res.code == 1 and "Traceback" not in res.err
        assert res.err.strip() == msg(E.DataDirNotWritable(path=str(office)))
        res = run("--data-dir", str(office), "--as", "petugas1", "verify", number)
        assert res.code == 1
        assert db.read_bytes() == before
    finally:
        office.chmod(0o755)
        db.chmod(0o644)
    rows = run("--data-dir", str(office), "list", "--json").json()
    assert [r["status"] for r in rows] == ["draft"]  # type: ignore[index,union-attr]


def test_unknown_schema_version_is_refused(run: Runner, office: Path) -> None:
    db = office / DB_FILE
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999zz'")
    conn.close()
    before = db.read_bytes()
    res = run("--data-dir", str(office), "list")
    assert res.code == 1 and res.err.strip() == msg(E.SchemaTooNew(revision="9999zz"))
    assert "versi" in res.err and "lebih baru" in res.err
    res = run("--data-dir", str(office), "db", "check")
    assert res.code == 1 and "versi program yang lebih baru" in res.out
    assert run("--data-dir", str(office), "db", "upgrade").code == 1
    assert db.read_bytes() == before


def test_init_refuses_an_initialized_dir_and_leaves_nothing_on_failure(
        run: Runner, office: Path, tmp_path: Path) -> None:
    res = run("--data-dir", str(office), "init", "--unit-code", "X", "--unit-name", "X",
              "--unit-type", "kelurahan", "--admin-user", "a", "--admin-name", "A",
              "--admin-password", PASSWORD)
    assert res.code == 1
    assert res.err.strip() == msg(E.KotakSaranError("data_dir_exists", path=str(office)))
    fresh = tmp_path / "fresh"
    res = run("--data-dir", str(fresh), "init", "--unit-code", "kel urahan!",
              "--unit-name", "X", "--unit-type", "kelurahan", "--admin-user", "admin",
              "--admin-name", "A", "--admin-password", PASSWORD)
    assert res.code == 1 and "Kode" in res.err
    assert not fresh.exists()
    res = run("--data-dir", str(fresh), "init", "--unit-code", "KLBS", "--unit-name", "X",
              "--unit-type", "kelurahan", "--admin-user", "admin", "--admin-name", "A")
    assert res.code == 2 and "--password-stdin" in res.err  # no terminal to ask on
    assert not fresh.exists()


def test_usage_errors_exit_2(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    res = run(*d, "list", "--status", "nope")
    assert res.code == 2 and "pilihan tidak sah" in res.err
    res = run(*d, "new", "--title", "x")
    assert res.code == 2 and "argumen berikut wajib diisi" in res.err
    res = run(*d, "new", *slip_args(), "--event-date", "kemarin")
    assert res.code == 2 and "'kemarin' bukan tanggal" in res.err
    res = run(*d, "db")
    assert res.code == 2
    assert run("--version").code == 0


# --- users and settings --------------------------------------------------------------------
def test_users_and_passwords(run: Runner, office: Path) -> None:
    from datetime import UTC, datetime

    from kotaksaran.services.users import login
    from kotaksaran.store.db import open_store

    d = ["--data-dir", str(office)]
    users = run(*d, "user", "list", "--json").json()
    assert isinstance(users, list)
    assert {u["username"]: u["role"] for u in users} == {
        "admin": "admin", "petugas1": "petugas", "supervisor1": "supervisor"}
    assert "Petugas" in run(*d, "user", "list").out
    res = run(*d, "user", "add", "xy", "--name", "X", "--role", "petugas", "--password", "pendek")
    assert res.code == 1 and "terlalu pendek" in res.err
    # A petugas may not add users.
    res = run(*d, "--as", "petugas1", "user", "add", "y", "--name", "Y", "--role", "petugas",
              "--password", PASSWORD)
    assert res.code == 1
    res = run(*d, "user", "passwd", "petugas1", "--password-stdin", stdin="baru-sekali-123\n")
    assert res.code == 0
    store = open_store(office)
    try:
        now = datetime.now(UTC)
        assert login(store, "petugas1", "baru-sekali-123", now).username == "petugas1"
        for _ in range(5):
            with pytest.raises((E.AuthFailed, E.AccountLocked)):
                login(store, "petugas1", "salah", now)
        assert "terkunci" in run(*d, "user", "list").out
        assert run(*d, "user", "unlock", "petugas1").code == 0
        assert login(store, "petugas1", "baru-sekali-123", now).username == "petugas1"
    finally:
        store.dispose()
    res = run(*d, "--as", "nobody", "list")
    assert res.code == 1 and "nobody" in res.err


def test_config(run: Runner, office: Path) -> None:
    d = ["--data-dir", str(office)]
    settings = run(*d, "config", "list", "--json").json()
    assert isinstance(settings, list)
    keys = {s["key"]: s for s in settings}
    assert keys["ui.idle_lock_minutes"]["default"] == 10
    assert run(*d, "config", "get", "ui.idle_lock_minutes").out.strip() == "10"
    assert run(*d, "config", "set", "ui.idle_lock_minutes", "15").out.strip() == \
        "ui.idle_lock_minutes = 15"
    assert run(*d, "config", "get", "ui.idle_lock_minutes").out.strip() == "15"
    text = run(*d, "config", "list").out
    assert "(bawaan: 10)" in text and "Kunci jendela setelah" in text
    res = run(*d, "config", "set", "ui.idle_lock_minutes", "sepuluh")
    assert res.code == 1 and "sepuluh" in res.err
    res = run(*d, "config", "get", "tidak.ada")
    assert res.code == 1 and "tidak.ada" in res.err
    res = run(*d, "--as", "petugas1", "config", "set", "ui.idle_lock_minutes", "1")
    assert res.code == 1


# --- db ------------------------------------------------------------------------------------
def test_backup_and_restore_round_trip(run: Runner, office: Path, tmp_path: Path) -> None:
    d = ["--data-dir", str(office)]
    first = new(run, office, title="Sebelum cadangan")
    backup = tmp_path / "cadangan.db"
    res = run(*d, "db", "backup", "--out", str(backup))
    assert res.code == 0 and str(backup) in res.out and backup.exists()
    second = new(run, office, title="Sesudah cadangan")
    assert {r["number"] for r in run(*d, "list", "--json").json()} == {  # type: ignore
        first, second}

    res = run(*d, "db", "restore", str(backup))
    assert res.code == 0, res.err
    assert [r["number"] for r in run(*d, "list", "--json").json()] == [first]  # type: ignore
    saved = list((office / "backups").glob("kotaksaran-pre-restore-*.db"))
    assert len(saved) == 1 and str(saved[0]) in res.out
    with sqlite3.connect(saved[0]) as conn:
        assert conn.execute("SELECT count(*) FROM submissions").fetchone()[0] == 2
    conn.close()
    assert run(*d, "db", "check").code == 0
    # work goes on: the counter came back with the database
    assert new(run, office) == second


def test_default_backup_goes_to_the_backups_folder(run: Runner, office: Path) -> None:
    res = run("--data-dir", str(office), "db", "backup")
    assert res.code == 0
    made = list((office / "backups").glob("kotaksaran-manual-*.db"))
    assert len(made) == 1 and str(made[0]) in res.out


def test_restore_refuses_while_the_window_is_open(run: Runner, office: Path,
                                                  tmp_path: Path) -> None:
    backup = tmp_path / "b.db"
    run("--data-dir", str(office), "db", "backup", "--out", str(backup))
    before = (office / DB_FILE).read_bytes()
    gui = InstanceLock(office)
    gui.acquire()
    try:
        res = run("--data-dir", str(office), "db", "restore", str(backup))
    finally:
        gui.release()
    assert res.code == 1 and "sedang terbuka" in res.err
    assert (office / DB_FILE).read_bytes() == before


def test_restore_refuses_bad_and_newer_files(run: Runner, office: Path, tmp_path: Path) -> None:
    db = office / DB_FILE
    before = db.read_bytes()
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"ini bukan basis data" * 100)
    res = run("--data-dir", str(office), "db", "restore", str(junk))
    assert res.code == 1 and res.err.strip() == msg(E.DatabaseCorrupt(path=str(junk)))
    newer = tmp_path / "baru.db"
    run("--data-dir", str(office), "db", "backup", "--out", str(newer))
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999zz'")
    conn.close()
    res = run("--data-dir", str(office), "db", "restore", str(newer))
    assert res.code == 1 and res.err.strip() == msg(E.SchemaTooNew(revision="9999zz"))
    res = run("--data-dir", str(office), "db", "restore", str(tmp_path / "tidak-ada.db"))
    assert res.code == 1
    assert db.read_bytes() == before
    assert not list((office / "backups").glob("kotaksaran-pre-restore-*"))


NEXT_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "9001_cli"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("units") as b:
        b.add_column(sa.Column("motto", sa.String(50), nullable=True))


def downgrade():
    pass
'''


def test_db_check_and_upgrade(run: Runner, office: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.store import db as db_mod

    d = ["--data-dir", str(office)]
    res = run(*d, "db", "check")
    assert res.code == 0 and "terkini" in res.out
    res = run(*d, "db", "upgrade")
    assert res.code == 0 and "sudah terkini" in res.out
    # The next release brings one more revision.
    scripts = tmp_path / "migrations"
    shutil.copytree(db_mod.MIGRATIONS, scripts)
    (scripts / "versions" / "9001_cli.py").write_text(
        NEXT_REVISION.format(head=db_mod.head_revision()))
    monkeypatch.setattr(db_mod, "MIGRATIONS", scripts)
    res = run(*d, "db", "check")
    assert res.code == 1 and "db upgrade" in res.out
    res = run(*d, "db", "upgrade")
    assert res.code == 0, res.err
    assert "9001_cli" in res.out
    assert list((office / "backups").glob("kotaksaran-pre-upgrade-*.db"))
    assert run(*d, "db", "check").code == 0


# --- demo and gui --------------------------------------------------------------------------
def test_demo_command(run: Runner, tmp_path: Path) -> None:
    demo_dir = tmp_path / "demo"
    res = run("--data-dir", str(demo_dir), "demo", "--count", "30", "--seed", "7")
    assert res.code == 0, res.err
    for user in DEMO_USERS:
        assert user.username in res.out and user.password in res.out
    rows = run("--data-dir", str(demo_dir), "list", "--json").json()
    assert isinstance(rows, list) and len(rows) == 30
    assert {r["status"] for r in rows} == {s.value for s in Status}
    assert {r["channel"] for r in rows} == {c.value for c in Channel}
    assert run("--data-dir", str(demo_dir), "config", "get", "mode.demo").out.strip() == "true"
    again = run("--data-dir", str(demo_dir), "demo", "--count", "5")
    assert again.code == 1
    assert again.err.strip() == msg(E.KotakSaranError("data_dir_exists", path=str(demo_dir)))


def test_demo_defaults_to_the_demo_dir(run: Runner, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real-data"
    monkeypatch.setenv("KOTAKSARAN_DATA_DIR", str(real))
    res = run("demo", "--count", "12", "--json")
    assert res.code == 0, res.err
    summary = res.json()
    assert isinstance(summary, dict)
    assert summary["data_dir"] == str(tmp_path / "default-demo")
    assert summary["submissions"] == 12
    assert not real.exists()  # demo data never goes into the real data dir


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Stands in for kotaksaran.ui.app, so these tests need no Qt."""
    calls: list[tuple[object, ...]] = []
    module = types.ModuleType("kotaksaran.ui.app")

    def run_gui(data_dir: Path, db_url: str | None, lang: str | None, demo: bool) -> int:
        calls.append((data_dir, db_url, lang, demo))
        return 0

    module.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kotaksaran.ui.app", module)
    return calls


def test_gui_is_the_default(run: Runner, tmp_path: Path, fake_gui: list[tuple[object, ...]],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert run().code == 0
    assert fake_gui[-1] == (tmp_path / "platform-dirs" / "data", None, "id", False)
    assert run("gui", "--demo", "--lang", "en").code == 0
    assert fake_gui[-1] == (tmp_path / "default-demo", None, "en", True)
    monkeypatch.setenv("KOTAKSARAN_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("KOTAKSARAN_DB_URL", "postgresql+psycopg://x@/y")
    assert run("--data-dir", str(tmp_path / "given"), "gui").code == 0
    assert fake_gui[-1] == (tmp_path / "given", "postgresql+psycopg://x@/y", "id", False)
    assert run("gui").code == 0
    assert fake_gui[-1][0] == tmp_path / "env"


# --- as a process --------------------------------------------------------------------------
def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("KOTAKSARAN_DATA_DIR", "KOTAKSARAN_DB_URL")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "kotaksaran.cli", *args], cwd=ROOT,
                          env=full_env, capture_output=True, text=True, timeout=120, check=False)


def test_process_missing_dir_and_version(tmp_path: Path) -> None:
    gone = tmp_path / "usb" / "ks"
    done = _cli("--data-dir", str(gone), "list")
    assert done.returncode == 1
    assert done.stderr.strip() == msg(E.DataDirMissing(path=str(gone)))
    assert not gone.parent.exists()
    done = _cli("--version")
    assert done.returncode == 0 and done.stdout.strip().startswith("kotaksaran ")


def test_process_json_and_no_qt(office: Path) -> None:
    done = _cli("--data-dir", str(office), "--as", "petugas1", "new", *slip_args(), "--json")
    assert done.returncode == 0, done.stderr
    created = json.loads(done.stdout)
    done = _cli("--data-dir", str(office), "list", "--json")
    assert [r["id"] for r in json.loads(done.stdout)] == [created["id"]]
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys; from kotaksaran import cli; cli.build_parser(); "
         "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert probe.stdout.strip() == "[]"


# --- PostgreSQL ----------------------------------------------------------------------------
@pytest.fixture
def pg_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set KOTAKSARAN_TEST_PG_URL to run this")
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"ks_cli_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    drop_database(admin, name)
    admin.dispose()


def test_postgresql_smoke(run: Runner, tmp_path: Path, pg_url: str) -> None:
    d = ["--data-dir", str(tmp_path / "desk"), "--db-url", pg_url]
    res = run(*d, "init", "--unit-code", "PKM1", "--unit-name", "Puskesmas Sekupang",
              "--unit-type", "puskesmas", "--admin-user", "admin", "--admin-name", "Admin",
              "--admin-password", PASSWORD)
    assert res.code == 0, res.err
    assert run(*d, "user", "add", "petugas1", "--name", "Siti", "--role", "petugas",
               "--password", PASSWORD).code == 0
    number = run(*d, "--as", "petugas1", "new", *slip_args()).out.strip()
    assert run(*d, "--as", "petugas1", "verify", number).code == 0
    assert run(*d, "approve", number).code == 0
    rows = run(*d, "list", "--search", "berlubang", "--json").json()
    assert [(r["number"], r["status"]) for r in rows] == [(number, "approved")]  # type: ignore
    assert run(*d, "db", "check").code == 0
    assert "sudah terkini" in run(*d, "db", "upgrade").out
    res = run(*d, "db", "restore", str(tmp_path / "x.db"))
    assert res.code == 1 and "pg_restore" in res.err
    if shutil.which("pg_dump"):
        res = run(*d, "db", "backup")
        assert res.code == 0, res.err
        assert list((tmp_path / "desk" / "backups").glob("kotaksaran-manual-*.dump"))
    res = run(*d, "init", "--unit-code", "X", "--unit-name", "X", "--unit-type", "x",
              "--admin-user", "a", "--admin-name", "A", "--admin-password", PASSWORD)
    assert res.code == 1 and "sudah berisi basis data" in res.err


def test_postgresql_upgrade_only_by_db_upgrade(run: Runner, tmp_path: Path, pg_url: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.store import db as db_mod

    d = ["--data-dir", str(tmp_path / "desk"), "--db-url", pg_url]
    assert run(*d, "init", "--unit-code", "PKM1", "--unit-name", "Puskesmas Sekupang",
               "--unit-type", "puskesmas", "--admin-user", "admin", "--admin-name", "Admin",
               "--admin-password", PASSWORD).code == 0
    number = new(run, tmp_path / "desk", "--db-url", pg_url, as_user="admin")
    scripts = tmp_path / "migrations"
    shutil.copytree(db_mod.MIGRATIONS, scripts)
    (scripts / "versions" / "9001_cli.py").write_text(
        NEXT_REVISION.format(head=db_mod.head_revision()))
    monkeypatch.setattr(db_mod, "MIGRATIONS", scripts)
    # A desk with the next release does not upgrade the shared database by itself.
    res = run(*d, "list")
    assert res.code == 1
    assert res.err.strip() == msg(E.SchemaOutdated(revision="0001", head="9001_cli"))
    if shutil.which("pg_dump"):
        res = run(*d, "db", "upgrade")
        assert res.code == 0, res.err
        dumps = list((tmp_path / "desk" / "backups").glob("kotaksaran-pre-upgrade-*.dump"))
        assert len(dumps) == 1 and str(dumps[0]) in res.out
    else:
        assert run(*d, "db", "upgrade").code == 1  # no pg_dump: refused without the flag
        assert run(*d, "db", "upgrade", "--skip-backup").code == 0
    rows = run(*d, "list", "--json").json()
    assert [r["number"] for r in rows] == [number]  # type: ignore[index,union-attr]
