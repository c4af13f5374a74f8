"""Commands: gui, init, demo, db, user, config."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..domain.enums import Role
from ..domain.errors import (
    AlreadyRunning,
    KotakSaranError,
    NotFound,
    SchemaTooNew,
)
from ..i18n import _
from .base import (
    PROG,
    SCHEMA_STATES,
    CommandFactory,
    UsageError,
    _json_flag,
    _require_data_dir,
    cmd_help,
    local_time,
    non_negative,
    out,
    print_json,
    read_password,
    services,
    table,
    unit_tz,
    warn,
)

if TYPE_CHECKING:
    from ..store.db import DataDir, Store


def cmd_gui(args: argparse.Namespace) -> int:
    from ..ui.app import run_gui  # Qt only here, and only when the window is wanted

    return int(run_gui(args.data_dir, args.db_url, args.lang, bool(args.demo)))


@contextmanager
def new_store(args: argparse.Namespace) -> Iterator[Store]:
    """A database in a data dir that `init`/`demo` creates; if anything fails, a folder this
    call created is removed again, so a second try starts from scratch."""
    from ..store.db import DataDir, open_store

    created = not DataDir(args.data_dir).exists()
    store = None
    try:
        store = open_store(args.data_dir, args.db_url, create=True)
        yield store
    except BaseException:
        if store is not None:
            store.dispose()
            store = None
        if created:
            shutil.rmtree(args.data_dir, ignore_errors=True)
        raise
    finally:
        if store is not None:
            store.dispose()


def cmd_init(args: argparse.Namespace) -> int:
    from ..services import Actor
    from ..services.setup import AdminInput, UnitInput, initialize, is_initialized
    from ..store.db import DataDir

    dd = DataDir(args.data_dir)
    if args.db_url is None and dd.db_path.exists():
        raise KotakSaranError("data_dir_exists", path=str(args.data_dir))
    password = read_password(args, args.admin_password, args.admin_password_stdin,
                             _("Admin password: "))
    with new_store(args) as store:
        if is_initialized(store):
            raise KotakSaranError("data_dir_exists", path=str(args.data_dir))
        admin = initialize(
            store,
            UnitInput(code=args.unit_code, name=args.unit_name, unit_type=args.unit_type,
                      address=args.address, timezone=args.timezone, box_name=args.box_name,
                      box_location=args.box_location),
            AdminInput(args.admin_user, args.admin_name, password),
            actor=Actor.cli(),
        )
        from ..services import Services

        unit = Services(store, admin).admin.unit()
    if args.json:
        print_json({"data_dir": str(args.data_dir), "unit": unit.to_json(),
                    "admin": admin.username})
    else:
        out(_("Data folder {path} is set up for {unit} ({code}); admin: {admin}.").format(
            path=args.data_dir, unit=unit.name, code=unit.code, admin=admin.username))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ..services.demo import create_demo
    from ..store.db import DataDir

    dd = DataDir(args.data_dir)
    if args.db_url is None and dd.db_path.exists() and _holds_data(dd):
        # Refused before opening: opening would upgrade an older database first.
        raise KotakSaranError("data_dir_exists", path=str(args.data_dir))
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with new_store(args) as store:
        result = create_demo(store, args.count, args.seed, progress, bulk=args.bulk,
                             scanned=args.scans)
    if show_progress:
        print(file=sys.stderr)
    if args.json:
        print_json({
            "data_dir": str(args.data_dir), "unit": result.unit_code,
            "submissions": result.submissions, "sessions": result.sessions,
            "boxes": result.boxes, "by_status": result.by_status,
            "by_channel": result.by_channel, "seconds": result.seconds,
            "users": [{"username": u.username, "password": u.password, "role": u.role.value,
                       "full_name": u.full_name} for u in result.users],
        })
        return 0
    out(_("Demo data in {path}: {n} slips, {sessions} box sessions, {boxes} boxes "
          "({seconds:.1f} s).").format(path=args.data_dir, n=result.submissions,
                                       sessions=result.sessions, boxes=result.boxes,
                                       seconds=result.seconds))
    out()
    table([[u.username, u.password, i18n.label(i18n.ROLE_LABELS, u.role.value)]
           for u in result.users],
          header=[_("Username"), _("Password"), _("Role")])
    out()
    opener = f"{PROG} gui --demo" if not args.explicit_data_dir else \
        f"{PROG} --data-dir {args.data_dir} gui"
    out(_("Open it with: {command}").format(command=opener))
    return 0


def _holds_data(dd: DataDir) -> bool:
    """Whether a SQLite file holds anything beyond an empty schema."""
    from ..services.setup import is_initialized
    from ..store.db import Store

    probe = Store(dd)
    try:
        state = probe.schema_state()
        return state != "empty" and (state != "current" or is_initialized(probe))
    finally:
        probe.dispose()


# --- db ------------------------------------------------------------------------------------
def _pg_dump(url: str, target: Path) -> None:
    """pg_dump -Fc of the shared database; the password goes through the environment."""
    from sqlalchemy import make_url

    exe = shutil.which("pg_dump")
    if exe is None:
        raise KotakSaranError("backup_failed", detail=_(
            "pg_dump was not found; install the PostgreSQL client programs"))
    u = make_url(url)
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    conninfo = u.set(drivername="postgresql", password=None).render_as_string(
        hide_password=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([exe, "-Fc", "-f", str(target), "--dbname", conninfo], env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise KotakSaranError("backup_failed", detail=detail[-1] if detail else "pg_dump")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _raw_store(args: argparse.Namespace) -> Store:
    """The database without any schema check or upgrade (for `db` commands)."""
    from ..store.db import DataDir, Store

    _require_data_dir(args)
    dd = DataDir(args.data_dir)
    if args.db_url is None and not dd.db_path.exists():
        raise KotakSaranError("not_initialized")
    return Store(dd, args.db_url)


def cmd_db_check(args: argparse.Namespace) -> int:
    from ..store.db import head_revision

    store = _raw_store(args)
    try:
        state = store.schema_state()
        current = store.current_revision()
    finally:
        store.dispose()
    head = head_revision()
    out(_("Database schema: {state}").format(state=_(SCHEMA_STATES[state])))
    out(_("Revision in the database: {current}; this program: {head}").format(
        current=current or "-", head=head))
    return 0 if state == "current" else 1


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from ..store.db import head_revision

    store = _raw_store(args)
    try:
        store.data_dir.check_usable()
        state = store.schema_state()
        if state == "current":
            out(_("The database schema is already current ({head}).").format(
                head=head_revision()))
            return 0
        if state == "ahead":
            raise SchemaTooNew(revision=store.current_revision() or "?")
        before = store.current_revision()
        dump: Path | None = None
        if not store.is_sqlite and state == "behind":
            target = store.data_dir.backups / f"kotaksaran-pre-upgrade-{_stamp()}.dump"
            if shutil.which("pg_dump") is not None:
                _pg_dump(store.url, target)
                dump = target
            elif not args.skip_backup:
                raise KotakSaranError("backup_failed", detail=_(
                    "pg_dump was not found; install the PostgreSQL client programs, or "
                    "upgrade without a backup with --skip-backup"))
            else:
                warn(_("upgrading without a backup (--skip-backup)"))
        copy = store.ensure_schema(allow_migrate=True)
    finally:
        store.dispose()
    out(_("Database schema upgraded: {old} -> {new}.").format(old=before or "-",
                                                              new=head_revision()))
    saved = copy or (str(dump) if dump else None)
    if saved:
        out(_("The copy from before the upgrade: {path}").format(path=saved))
    return 0


def cmd_db_backup(args: argparse.Namespace) -> int:
    store = _raw_store(args)
    try:
        if store.is_sqlite:
            target = args.out.resolve() if args.out else None
            written = store.backup_sqlite(target=target, reason="manual")
        else:
            written = (args.out.resolve() if args.out else
                       store.data_dir.backups / f"kotaksaran-manual-{_stamp()}.dump")
            _pg_dump(store.url, written)
    finally:
        store.dispose()
    out(_("Backup written: {path}").format(path=written))
    return 0


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    from ..store.db import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def cmd_db_restore(args: argparse.Namespace) -> int:
    from ..store.db import DataDir, check_sqlite_file, copy_sqlite, open_store
    from ..store.lock import InstanceLock

    _require_data_dir(args)
    if args.db_url is not None:
        raise KotakSaranError("restore_refused", detail=_(
            "only a SQLite data folder can be restored here; a shared PostgreSQL database is "
            "restored with pg_restore by its administrator"))
    source: Path = args.file.expanduser().resolve()
    if not source.is_file():
        raise NotFound(what=_("file"), ref=str(source))
    dd = DataDir(args.data_dir)
    dd.check_usable()
    if source == dd.db_path.resolve():
        raise KotakSaranError("restore_refused", detail=_(
            "that is the database in use itself"))
    revision = check_sqlite_file(source)
    if not _known_revision(revision):
        raise SchemaTooNew(revision=revision)

    lock = InstanceLock(args.data_dir)
    try:
        lock.acquire()  # held until done: the window cannot start in the middle
    except AlreadyRunning:
        raise KotakSaranError("restore_refused", detail=_(
            "Kotak Saran Digital is open on this data folder; close it first")) from None
    try:
        saved = _save_current(dd) if dd.db_path.exists() else None
        # Copy through SQLite's backup API: it includes the source's own WAL, if it has one.
        fd, tmp_name = tempfile.mkstemp(prefix=".restore-", suffix=".db", dir=dd.root)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            copy_sqlite(source, tmp, read_only=True)
            # The old database's WAL and shared-memory files belong to it alone: left beside
            # the restored file, SQLite would replay them into it.
            for suffix in ("-wal", "-shm"):
                Path(f"{dd.db_path}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, dd.db_path)
        except sqlite3.Error as exc:
            raise KotakSaranError("restore_refused", detail=str(exc)) from exc
        finally:
            tmp.unlink(missing_ok=True)
        store = open_store(args.data_dir)  # migrates an older backup (after its own copy)
        store.dispose()
    finally:
        lock.release()
    out(_("Restored from {file} (schema revision {revision}).").format(file=source,
                                                                       revision=revision))
    if saved:
        out(_("The database from before the restore: {path}").format(path=saved))
    return 0


def _save_current(dd: DataDir) -> Path:
    """A copy of the database about to be replaced; a plain file copy when it is too
    damaged for SQLite's backup (a damaged database is why people restore)."""
    from ..store.db import Store

    store = Store(dd)
    try:
        return Path(store.backup_sqlite(reason="pre-restore"))
    except KotakSaranError:
        target = dd.backups / f"kotaksaran-pre-restore-{_stamp()}.damaged.db"
        dd.backups.mkdir(parents=True, exist_ok=True)
        shutil.copy2(dd.db_path, target)
        for suffix in ("-wal", "-shm"):
            extra = Path(f"{dd.db_path}{suffix}")
            if extra.exists():
                shutil.copy2(extra, Path(f"{target}{suffix}"))
        return target
    finally:
        store.dispose()


# --- users ---------------------------------------------------------------------------------
def cmd_user_add(args: argparse.Namespace) -> int:
    password = read_password(args, args.password, args.password_stdin, _("Password: "))
    with services(args) as svc:
        user = svc.users.add(args.username, args.name, Role(args.role), password)
    if args.json:
        print_json(user.to_json())
    else:
        out(_("User {username} ({role}) added.").format(
            username=user.username, role=i18n.label(i18n.ROLE_LABELS, user.role.value)))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with services(args) as svc:
        users = svc.users.list()
        tz = unit_tz(svc)
    if args.json:
        print_json([u.to_json() for u in users])
        return 0
    now = datetime.now(UTC)
    rows = []
    for u in users:
        state = _("active") if u.active else _("inactive")
        if u.locked_until is not None and u.locked_until > now:
            state = _("locked until {time}").format(time=local_time(u.locked_until, tz))
        rows.append([u.username, i18n.label(i18n.ROLE_LABELS, u.role.value), state,
                     local_time(u.last_login_at, tz), u.full_name])
    table(rows, header=[_("Username"), _("Role"), _("State"), _("Last login"),
                        _("Full name")])
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    password = read_password(args, args.password, args.password_stdin, _("New password: "))
    with services(args) as svc:
        old = None
        own = svc.actor.username == args.username.strip().lower()
        if own and svc.actor.role != Role.ADMIN:
            if sys.stdin is None or not sys.stdin.isatty():
                raise UsageError(_("changing your own password needs the current one: "
                                   "run this on a terminal"))
            old = getpass.getpass(_("Current password: "))
        svc.users.set_password(args.username, password, old_password=old)
    out(_("Password of {username} changed.").format(username=args.username))
    return 0


def cmd_user_unlock(args: argparse.Namespace) -> int:
    with services(args) as svc:
        svc.users.unlock(args.username)
    out(_("User {username} unlocked.").format(username=args.username))
    return 0


# --- config --------------------------------------------------------------------------------
def _setting_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def cmd_config_list(args: argparse.Namespace) -> int:
    with services(args) as svc:
        items = svc.config.all()
    if args.json:
        print_json([{"key": spec.key, "value": value, "default": spec.default,
                     "type": spec.type.__name__, "description": spec.description}
                    for spec, value in items])
        return 0
    table([[spec.key, _setting_text(value),
            _("(default: {value})").format(value=_setting_text(spec.default))
            if value != spec.default else "", _(spec.description)]
           for spec, value in items],
          header=[_("Key"), _("Value"), "", _("Description")])
    return 0


def cmd_config_get(args: argparse.Namespace) -> int:
    with services(args) as svc:
        out(_setting_text(svc.config.get(args.key)))
    return 0


def cmd_config_set(args: argparse.Namespace) -> int:
    with services(args) as svc:
        value = svc.config.set(args.key, args.value)
    out(f"{args.key} = {_setting_text(value)}")
    return 0


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
    p = command("gui", _("open the window (the default)"), cmd_gui)
    p.add_argument("--demo", action="store_true",
                   help=_("use the separate demo data folder, with demo data"))

    p = command("init", _("set up a new data folder: the unit and its admin"), cmd_init)
    p.add_argument("--unit-code", required=True, metavar=_("CODE"),
                   help=_("unit code in local numbers, e.g. KLBS"))
    p.add_argument("--unit-name", required=True, metavar=_("NAME"), help=_("unit name"))
    p.add_argument("--unit-type", required=True, metavar=_("TYPE"),
                   help=_("kelurahan, kecamatan, puskesmas, dinas ..."))
    p.add_argument("--address", default="", help=_("unit address"))
    p.add_argument("--timezone", default="Asia/Jakarta",
                   help=_("unit time zone (default: Asia/Jakarta)"))
    p.add_argument("--box-name", default="Kotak Saran", metavar=_("NAME"),
                   help=_("name of the default suggestion box"))
    p.add_argument("--box-location", default="", metavar=_("PLACE"),
                   help=_("where the default box hangs"))
    p.add_argument("--admin-user", required=True, metavar=_("USERNAME"),
                   help=_("admin username"))
    p.add_argument("--admin-name", required=True, metavar=_("NAME"),
                   help=_("admin full name"))
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--admin-password", metavar=_("PASSWORD"),
                    help=_("admin password (visible to other users of this PC; "
                           "prefer --admin-password-stdin)"))
    pw.add_argument("--admin-password-stdin", action="store_true",
                    help=_("read the admin password from the first line of standard input"))
    _json_flag(p)

    db = command("db", _("database: upgrade, check, backup, restore"), cmd_help)
    db_sub = db.add_subparsers(dest="db_command", metavar=_("COMMAND"))
    p = command("upgrade", _("bring the database schema up to date (after a backup)"),
                cmd_db_upgrade, db_sub)
    p.add_argument("--skip-backup", action="store_true",
                   help=_("PostgreSQL: upgrade even when pg_dump is not available"))
    command("check", _("print the schema state; exit code 0 only when current"),
            cmd_db_check, db_sub)
    p = command("backup", _("make a consistent copy of the database"), cmd_db_backup, db_sub)
    p.add_argument("--out", type=Path, metavar=_("FILE"),
                   help=_("where to write it (default: the backups folder)"))
    p = command("restore", _("replace the database with a backup (SQLite)"),
                cmd_db_restore, db_sub)
    p.add_argument("file", type=Path, metavar=_("FILE"), help=_("the backup file"))

    user = command("user", _("user accounts"), cmd_help)
    user_sub = user.add_subparsers(dest="user_command", metavar=_("COMMAND"))
    p = command("add", _("add a user"), cmd_user_add, user_sub)
    p.add_argument("username", metavar=_("USERNAME"))
    p.add_argument("--name", required=True, help=_("full name"))
    p.add_argument("--role", required=True, choices=[r.value for r in Role], help=_("role"))
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password", metavar=_("PASSWORD"),
                    help=_("password (visible to other users of this PC; "
                           "prefer --password-stdin)"))
    pw.add_argument("--password-stdin", action="store_true",
                    help=_("read the password from the first line of standard input"))
    _json_flag(p)
    p = command("list", _("list the users"), cmd_user_list, user_sub)
    _json_flag(p)
    p = command("passwd", _("set a user's password"), cmd_user_passwd, user_sub)
    p.add_argument("username", metavar=_("USERNAME"))
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password", metavar=_("PASSWORD"), help=_("the new password"))
    pw.add_argument("--password-stdin", action="store_true",
                    help=_("read the new password from the first line of standard input"))
    p = command("unlock", _("unlock an account locked after wrong passwords"),
                cmd_user_unlock, user_sub)
    p.add_argument("username", metavar=_("USERNAME"))

    config = command("config", _("settings"), cmd_help)
    config_sub = config.add_subparsers(dest="config_command", metavar=_("COMMAND"))
    p = command("list", _("every setting with its value and default"), cmd_config_list,
                config_sub)
    _json_flag(p)
    p = command("get", _("print one setting"), cmd_config_get, config_sub)
    p.add_argument("key", metavar=_("KEY"))
    p = command("set", _("change one setting"), cmd_config_set, config_sub)
    p.add_argument("key", metavar=_("KEY"))
    p.add_argument("value", metavar=_("VALUE"))

    p = command("demo", _("create a demo data folder (default: the separate demo folder)"),
                cmd_demo)
    p.add_argument("--count", type=non_negative, default=300,
                   help=_("number of slips (default: 300)"))
    p.add_argument("--seed", type=int, default=1, help=_("random seed (default: 1)"))
    p.add_argument("--bulk", action="store_true",
                   help=_("write the slips directly in batches (for very large counts)"))
    p.add_argument("--scans", action="store_true",
                   help=_("also add 8 scanned slips with page images, their text not read "
                          "yet (as the window's demo has)"))
    _json_flag(p)

