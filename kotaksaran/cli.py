"""The `kotaksaran` command: the same services as the GUI, without Qt.

The command line acts with admin rights, audited as ``cli:<os user>``; the data dir's file
permissions are its access control. ``--as USERNAME`` acts as that user instead (that role's
permissions, and nobody approves their own slip). Only ``init``, ``demo`` and the GUI's first
start create a data dir; any other command on a missing one says so and stops (it may be a
USB drive that was pulled out). Output is Bahasa Indonesia unless ``--lang en``.

Exit codes: 0 done, 1 refused or failed (an expected error, printed as one calm message),
2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from . import __version__, i18n, paths
from .domain.enums import BoxSessionState, Channel, Classification, Role, Status
from .domain.errors import (
    AlreadyRunning,
    DataDirMissing,
    KotakSaranError,
    NotFound,
    SchemaTooNew,
)
from .i18n import N_, _

PROG = "kotaksaran"
# The reporter's identity, hidden from people who may not see it (ARCHITECTURE.md, privacy).
IDENTITY_FIELDS = frozenset({"reporter_name", "reporter_nik", "reporter_phone",
                             "reporter_email", "reporter_address"})
PAGE_SIZE = 1_000  # rows per query when `list` streams every match

# The services and the store are imported when a command needs them, so that --help and
# --version stay quick; these names are for type checkers only.
if TYPE_CHECKING:
    from .services import Services
    from .store.db import DataDir, Store


class UsageError(Exception):
    """A command line that cannot be carried out as typed (exit code 2)."""


# --- texts ---------------------------------------------------------------------------------
# Labels of `show` beyond i18n.FIELD_LABELS.
SHOW_LABELS = {
    "number": N_("Number"),
    "id": N_("UUID"),
    "status": N_("Status"),
    "status_reason": N_("Reason"),
    "category_parent_name": N_("Parent category"),
    "created": N_("Created"),
    "verified": N_("Verified by"),
    "reviewed": N_("Reviewed by"),
    "upstream_status": N_("Status at LAPOR!"),
    "tracking_id": N_("LAPOR! tracking ID"),
    "page_count": N_("Pages"),
    "audit": N_("History"),
}
ACTION_LABELS = {
    "create": N_("created"),
    "autosave": N_("saved automatically"),
    "edit": N_("edited"),
    "import": N_("imported from a file"),
}
SCHEMA_STATES = {
    "current": N_("current"),
    "behind": N_("older than this program: run 'kotaksaran db upgrade'"),
    "ahead": N_("made by a newer version of the program"),
    "empty": N_("empty (not set up yet)"),
    "foreign": N_("not a Kotak Saran Digital database"),
}
SESSION_STATES = {"open": N_("open"), "closed": N_("closed")}
# argparse's own messages (its gettext domain), in the CLI's language.
ARGPARSE_MESSAGES = (
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "the following arguments are required: %s",
    "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)",
    "argument %(argument_name)s: %(message)s",
    "expected one argument",
    "invalid %(type)s value: %(value)r",
    "not allowed with argument %s",
    "ambiguous option: %(option)s could match %(matches)s",
    "%(prog)s: error: %(message)s\n",
)


def _argparse_gettext(msgid: str) -> str:
    return _(msgid)


@contextmanager
def _argparse_language() -> Iterator[None]:
    """argparse's usage and error lines in the CLI's language, for this call only."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


# --- output --------------------------------------------------------------------------------
def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def warn(text: str) -> None:
    print(_("Warning: {text}").format(text=text), file=sys.stderr)


def note(text: str) -> None:
    print(text, file=sys.stderr)


def print_json(obj: Any) -> None:
    out(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def local_time(dt: datetime | None, tz: ZoneInfo) -> str:
    """A moment as people at the unit read it: '2026-06-10 09:15 WIB'."""
    if dt is None:
        return "-"
    return dt.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def table(rows: Sequence[Sequence[str]], header: Sequence[str] | None = None) -> None:
    """Aligned columns; the last column is not padded."""
    all_rows = [list(header)] + [list(r) for r in rows] if header else [list(r) for r in rows]
    if not all_rows:
        return
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(all_rows[0]))]
    for r in all_rows:
        out("  ".join(c.ljust(w) for c, w in zip(r[:-1], widths[:-1], strict=True))
            + ("  " if len(r) > 1 else "") + r[-1])


def _value_text(value: Any) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    return str(value)


# --- argument types ------------------------------------------------------------------------
def parse_date(text: str) -> date:
    """YYYY-MM-DD, or DD-MM-YYYY / DD/MM/YYYY as people write it on a slip."""
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        _("'{value}' is not a date; write it as YYYY-MM-DD").format(value=text))


def non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number of 0 or more").format(value=text))
    return value


def positive(text: str) -> int:
    value = non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number of 1 or more").format(value=text))
    return value


# --- the parser ----------------------------------------------------------------------------
def _global_options(p: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The global options; repeated on every subcommand so they may follow it too."""
    default: Any = argparse.SUPPRESS if suppress else None
    p.add_argument("--data-dir", type=Path, metavar=_("DIR"), default=default,
                   help=_("data folder (default: $KOTAKSARAN_DATA_DIR or the per-user folder)"))
    p.add_argument("--db-url", metavar="URL", default=default,
                   help=_("shared PostgreSQL database, postgresql+psycopg://... "
                          "(default: $KOTAKSARAN_DB_URL; otherwise SQLite in the data folder)"))
    p.add_argument("--lang", choices=i18n.LANGUAGES, default=default,
                   help=_("language of the output (default: id)"))
    p.add_argument("--as", dest="as_user", metavar=_("USERNAME"), default=default,
                   help=_("act as this user, with that role's permissions "
                          "(default: the command line, with admin rights)"))


def _json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=_("print JSON instead of text"))


def _slip_fields(p: argparse.ArgumentParser, *, edit: bool) -> None:
    """The slip's fields as options; for `edit` every one is optional and may be cleared."""
    p.add_argument("--classification", choices=[c.value for c in Classification],
                   required=not edit, help=_("classification of the report"))
    p.add_argument("--title", required=not edit, help=_("title of the report"))
    p.add_argument("--body", required=not edit,
                   help=_("text of the report ('-' reads it from standard input)"))
    p.add_argument("--event-date", type=parse_date, required=not edit, metavar=_("DATE"),
                   help=_("date of the event (YYYY-MM-DD)"))
    p.add_argument("--location", required=not edit, help=_("where it happened"))
    p.add_argument("--channel", choices=[c.value for c in Channel],
                   help=_("how the slip reached the office (default: kotak_saran)"))
    p.add_argument("--session", type=positive, metavar="ID",
                   help=_("box session the slip was found in"))
    p.add_argument("--agency", metavar=_("CODE"), help=_("agency, by code or number"))
    p.add_argument("--category", metavar=_("CODE"), help=_("category, by code or number"))
    if edit:
        p.add_argument("--anonim", action=argparse.BooleanOptionalAction, default=None,
                       help=_("the reporter's identity never leaves the office"))
        p.add_argument("--rahasia", action=argparse.BooleanOptionalAction, default=None,
                       help=_("the report is not public upstream"))
    else:
        p.add_argument("--anonim", action="store_true",
                       help=_("the reporter's identity never leaves the office"))
        p.add_argument("--rahasia", action="store_true",
                       help=_("the report is not public upstream"))
    p.add_argument("--name", help=_("reporter's name"))
    p.add_argument("--nik", help=_("reporter's NIK (16 digits)"))
    p.add_argument("--phone", help=_("reporter's phone number"))
    p.add_argument("--email", help=_("reporter's email"))
    p.add_argument("--address", help=_("reporter's address"))
    _json_flag(p)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_("Kotak Saran Digital: suggestion-box slips into verified SP4N-LAPOR! "
                      "reports. Without a command the window opens."),
    )
    _global_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help=_("print the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def command(name: str, help_: str, func: Callable[[argparse.Namespace], int],
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=help_, description=help_,
                                                       parents=[common])
        p.set_defaults(func=func)
        return p

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
    _json_flag(p)

    session = command("session", _("box-opening sessions"), cmd_help)
    session_sub = session.add_subparsers(dest="session_command", metavar=_("COMMAND"))
    p = command("open", _("open a box: who opened it, witnesses, slips found"),
                cmd_session_open, session_sub)
    p.add_argument("--box", metavar=_("BOX"), help=_("box code or number (default box)"))
    p.add_argument("--found", type=non_negative, default=0, metavar="N",
                   help=_("number of slips found in the box"))
    p.add_argument("--witness", action="append", default=[], metavar=_("NAME"),
                   help=_("a witness (repeat for each)"))
    p.add_argument("--opened-by", metavar=_("NAME"),
                   help=_("who opened the box (default: the acting user)"))
    p.add_argument("--location", help=_("where it was opened (default: the box's place)"))
    _json_flag(p)
    p = command("close", _("close a session; says when found and digitised differ"),
                cmd_session_close, session_sub)
    p.add_argument("id", type=positive, metavar="ID")
    p.add_argument("--found", type=non_negative, metavar="N",
                   help=_("corrected number of slips found"))
    p.add_argument("--note", default="", help=_("note, e.g. why the counts differ"))
    _json_flag(p)
    p = command("list", _("list sessions, newest first"), cmd_session_list, session_sub)
    p.add_argument("--open", action="store_true", help=_("only open sessions"))
    _json_flag(p)

    p = command("new", _("type a slip in; prints its number"), cmd_new)
    _slip_fields(p, edit=False)
    p = command("edit", _("change fields of a slip"), cmd_edit)
    p.add_argument("ref", metavar="ID", help=_("UUID or number of the slip"))
    _slip_fields(p, edit=True)

    for name, help_, func in (
        ("verify", _("mark a slip as checked against the paper"), cmd_verify),
        ("approve", _("approve a verified slip for sending"), cmd_approve),
    ):
        p = command(name, help_, func)
        p.add_argument("ref", metavar="ID", help=_("UUID or number of the slip"))
        _json_flag(p)
    for name, help_, func in (
        ("return", _("send a slip back to the desk with a reason"), cmd_return),
        ("reject", _("reject a slip that is not a report, with a reason"), cmd_reject),
    ):
        p = command(name, help_, func)
        p.add_argument("ref", metavar="ID", help=_("UUID or number of the slip"))
        p.add_argument("--reason", required=True, help=_("the reason"))
        _json_flag(p)

    from .services.listing import SORT_COLUMNS

    p = command("list", _("list slips (every match unless --limit)"), cmd_list)
    p.add_argument("--status", action="append", choices=[s.value for s in Status], default=[],
                   help=_("only this status (repeatable)"))
    p.add_argument("--channel", action="append", choices=[c.value for c in Channel],
                   default=[], help=_("only this channel (repeatable)"))
    p.add_argument("--session", type=positive, metavar="ID", help=_("only this box session"))
    p.add_argument("--from", dest="date_from", type=parse_date, metavar=_("DATE"),
                   help=_("created on or after this day (unit time zone)"))
    p.add_argument("--to", dest="date_to", type=parse_date, metavar=_("DATE"),
                   help=_("created on or before this day (unit time zone)"))
    p.add_argument("--search", default="", metavar=_("TEXT"),
                   help=_("words in the title or text, or a number"))
    p.add_argument("--sort", choices=sorted(SORT_COLUMNS), default="created_at",
                   help=_("sort column (default: created_at, newest first)"))
    p.add_argument("--asc", action="store_true", help=_("ascending order"))
    p.add_argument("--limit", type=positive, metavar="N", help=_("at most N slips"))
    _json_flag(p)

    p = command("show", _("one slip with every field and its history"), cmd_show)
    p.add_argument("ref", metavar="ID", help=_("UUID or number of the slip"))
    _json_flag(p)

    p = command("import", _("import image files and PDFs: each file becomes one draft slip"),
                cmd_import)
    p.add_argument("files", nargs="+", metavar=_("FILE"),
                   help=_("JPEG, PNG, TIFF, BMP, WebP or PDF files"))
    p.add_argument("--session", type=positive, metavar="ID",
                   help=_("into this box session (default: today's open session, or a new "
                          "one for the default box)"))
    _json_flag(p)

    p = command("scanners", _("list the scanners this PC can use"), cmd_scanners)
    _json_flag(p)

    p = command("ocr", _("read the text of image or PDF files (first page) with tesseract; "
                         "no data folder needed"), cmd_ocr)
    p.add_argument("files", nargs="+", metavar=_("IMAGE"),
                   help=_("JPEG, PNG, TIFF, BMP, WebP or PDF files"))
    p.add_argument("--no-cleanup", action="store_true",
                   help=_("read the page as it is, without straightening and cropping"))
    p.add_argument("--ocr-lang", default="ind+eng", metavar=_("LANGUAGES"),
                   help=_("tesseract languages, joined with + (default: ind+eng)"))
    p.add_argument("--psm", type=non_negative, default=3,
                   help=_("tesseract page segmentation: 3 a whole page (default), 6 a block, "
                          "7 one line"))
    _json_flag(p)

    parser.set_defaults(func=cmd_gui, demo=False)
    return parser


# --- main ----------------------------------------------------------------------------------
def _language_from(argv: Sequence[str]) -> str | None:
    """--lang before the parser exists, so that its help and errors are translated too."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    previous = i18n.get_language()
    i18n.set_language(_language_from(args_list))
    try:
        with _argparse_language():
            parser = build_parser()
            try:
                args = parser.parse_args(args_list)
            except SystemExit as exc:  # argparse: 2 on a usage error, 0 after --help
                return exc.code if isinstance(exc.code, int) else 2
        _resolve_globals(args)
        try:
            return int(args.func(args))
        except KotakSaranError as exc:
            note(i18n.error_message(exc))
            return 1
        except UsageError as exc:
            note(f"{PROG}: {exc}")
            return 2
        except KeyboardInterrupt:
            note(_("Interrupted."))
            return 130
        except BrokenPipeError:
            # `kotaksaran list | head`: the reader went away; that is not an error.
            _silence_stdout()
            return 0
    finally:
        i18n.set_language(previous)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _resolve_globals(args: argparse.Namespace) -> None:
    args.explicit_data_dir = args.data_dir is not None
    demo_dir = (args.command == "demo") or (args.command in (None, "gui") and args.demo)
    if args.data_dir is None:
        # Demo data never goes into the real data dir, so $KOTAKSARAN_DATA_DIR is not used.
        args.data_dir = paths.default_demo_dir() if demo_dir else paths.default_data_dir()
    args.data_dir = Path(args.data_dir).expanduser()
    if args.db_url is None:
        args.db_url = paths.default_db_url()
    args.lang = args.lang or i18n.get_language()


# --- opening the database ------------------------------------------------------------------
def _require_data_dir(args: argparse.Namespace) -> None:
    if not args.data_dir.is_dir():
        raise DataDirMissing(path=str(args.data_dir))


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The office database of an existing, set-up data dir (never creates anything)."""
    from .services.setup import is_initialized
    from .store.db import DataDir, open_store

    _require_data_dir(args)
    dd = DataDir(args.data_dir)
    if args.db_url is None and not dd.db_path.exists():
        raise KotakSaranError("not_initialized")
    store = open_store(args.data_dir, args.db_url, migrate=False)
    try:
        if store.schema_state() == "empty":
            raise KotakSaranError("not_initialized")
        store.ensure_schema(allow_migrate=False)
        if not is_initialized(store):
            raise KotakSaranError("not_initialized")
        yield store
    finally:
        store.dispose()


@contextmanager
def services(args: argparse.Namespace) -> Iterator[Services]:
    from .services import Actor, Services
    from .services.users import actor_for

    with opened(args) as store:
        actor = actor_for(store, args.as_user) if args.as_user else Actor.cli()
        yield Services(store, actor)


def unit_tz(svc: Services) -> ZoneInfo:
    return ZoneInfo(svc.admin.unit().timezone)


def read_password(args: argparse.Namespace, value: str | None, from_stdin: bool,
                  prompt: str) -> str:
    """A password from the option, the first line of stdin, or a prompt on a terminal."""
    if value is not None:
        return value
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        again = getpass.getpass(_("Type it again: "))
        if first != again:
            raise UsageError(_("the two passwords differ"))
        return first
    raise UsageError(_("no password given: use --password-stdin (or type it on a terminal)"))


# --- gui, init, demo -----------------------------------------------------------------------
def cmd_help(args: argparse.Namespace) -> int:
    """`kotaksaran db` (etc.) without its subcommand."""
    raise UsageError(_("choose a command; see '{prog} {command} --help'").format(
        prog=PROG, command=args.command))


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run_gui  # Qt only here, and only when the window is wanted

    return int(run_gui(args.data_dir, args.db_url, args.lang, bool(args.demo)))


@contextmanager
def new_store(args: argparse.Namespace) -> Iterator[Store]:
    """A database in a data dir that `init`/`demo` creates; if anything fails, a folder this
    call created is removed again, so a second try starts from scratch."""
    from .store.db import DataDir, open_store

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
    from .services import Actor
    from .services.setup import AdminInput, UnitInput, initialize, is_initialized
    from .store.db import DataDir

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
        from .services import Services

        unit = Services(store, admin).admin.unit()
    if args.json:
        print_json({"data_dir": str(args.data_dir), "unit": unit.to_json(),
                    "admin": admin.username})
    else:
        out(_("Data folder {path} is set up for {unit} ({code}); admin: {admin}.").format(
            path=args.data_dir, unit=unit.name, code=unit.code, admin=admin.username))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import create_demo
    from .store.db import DataDir

    dd = DataDir(args.data_dir)
    if args.db_url is None and dd.db_path.exists() and _holds_data(dd):
        # Refused before opening: opening would upgrade an older database first.
        raise KotakSaranError("data_dir_exists", path=str(args.data_dir))
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    with new_store(args) as store:
        result = create_demo(store, args.count, args.seed, progress, bulk=args.bulk)
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
    from .services.setup import is_initialized
    from .store.db import Store

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
    from .store.db import DataDir, Store

    _require_data_dir(args)
    dd = DataDir(args.data_dir)
    if args.db_url is None and not dd.db_path.exists():
        raise KotakSaranError("not_initialized")
    return Store(dd, args.db_url)


def cmd_db_check(args: argparse.Namespace) -> int:
    from .store.db import head_revision

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
    from .store.db import head_revision

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

    from .store.db import alembic_config

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def cmd_db_restore(args: argparse.Namespace) -> int:
    from .store.db import DataDir, check_sqlite_file, copy_sqlite, open_store
    from .store.lock import InstanceLock

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
    from .store.db import Store

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


# --- box sessions --------------------------------------------------------------------------
def _find_box(svc: Services, ref: str) -> int:
    for box in svc.boxes.boxes():
        if box.code.lower() == ref.strip().lower() or str(box.id) == ref.strip():
            return box.id
    raise NotFound(what=_("box"), ref=ref)


def _session_line(view: Any, tz: ZoneInfo) -> list[str]:
    return [str(view.id), _(SESSION_STATES[view.state.value]), local_time(view.opened_at, tz),
            str(view.slips_found), str(view.slips_digitised), view.opened_by, view.box_name]


def cmd_session_open(args: argparse.Namespace) -> int:
    with services(args) as svc:
        box_id = _find_box(svc, args.box) if args.box else None
        view = svc.boxes.open_session(box_id=box_id, opened_by=args.opened_by,
                                      witnesses=args.witness, slips_found=args.found,
                                      location=args.location)
        tz = unit_tz(svc)
    if args.json:
        print_json(view.to_json())
    else:
        out(_("Box session {id} opened: {box}, {time}, {found} slips found.").format(
            id=view.id, box=view.box_name, time=local_time(view.opened_at, tz),
            found=view.slips_found))
    return 0


def cmd_session_close(args: argparse.Namespace) -> int:
    with services(args) as svc:
        view = svc.boxes.close_session(args.id, slips_found=args.found, note=args.note)
    if args.json:
        print_json(view.to_json())
    else:
        out(_("Box session {id} closed: {found} slips found, {digitised} typed in.").format(
            id=view.id, found=view.slips_found, digitised=view.slips_digitised))
    if view.differs:
        warn(_("{found} slips were found but {digitised} were typed in; write the reason in "
               "the minutes.").format(found=view.slips_found,
                                      digitised=view.slips_digitised))
    return 0


def cmd_session_list(args: argparse.Namespace) -> int:
    with services(args) as svc:
        views = svc.boxes.sessions(state=BoxSessionState.OPEN if args.open else None)
        tz = unit_tz(svc)
    if args.json:
        print_json([v.to_json() for v in views])
        return 0
    table([_session_line(v, tz) for v in views],
          header=["ID", _("State"), _("Opened"), _("Found"), _("Typed in"), _("Opened by"),
                  _("Box")])
    return 0


# --- slips ---------------------------------------------------------------------------------
_IDENTITY_OPTIONS = {"name": "reporter_name", "nik": "reporter_nik",
                     "phone": "reporter_phone", "email": "reporter_email",
                     "address": "reporter_address"}


def _slip_changes(svc: Services, args: argparse.Namespace, *, edit: bool) -> dict[str, Any]:
    """Service field values from the options that were given."""
    fields: dict[str, Any] = {}
    for name in ("classification", "title", "location", "channel"):
        value = getattr(args, name)
        if value is not None:
            fields[name] = value
    if args.body is not None:
        fields["body"] = sys.stdin.read() if args.body == "-" else args.body
    if args.event_date is not None:
        fields["event_date"] = args.event_date
    if args.session is not None:
        fields["box_session_id"] = args.session
    if args.agency is not None:
        fields["agency_id"] = svc.admin.find_agency(args.agency).id if args.agency.strip() \
            else None
    if args.category is not None:
        fields["category_id"] = svc.admin.find_category(args.category).id \
            if args.category.strip() else None
    for name in ("anonim", "rahasia"):
        value = getattr(args, name)
        if value is not None and (edit or value):
            fields[name] = bool(value)
    for option, name in _IDENTITY_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            fields[name] = value
    return fields


def _todays_session(svc: Services) -> int | None:
    """The box session opened today, when exactly one is open."""
    tz = unit_tz(svc)
    today = datetime.now(tz).date()
    opened = [v for v in svc.boxes.sessions(state=BoxSessionState.OPEN)
              if v.opened_at.astimezone(tz).date() == today]
    return opened[0].id if len(opened) == 1 else None


def _report_saved(args: argparse.Namespace, result: Any) -> None:
    view = result.submission
    if args.json:
        obj = view.to_json(with_audit=False)
        obj["problems"] = result.problems
        print_json(obj)
    else:
        out(view.number)
    if result.problems:
        warn(_("the draft is saved, but before it can be verified:") + "\n"
             + i18n.field_problems_text(result.problems))


def cmd_new(args: argparse.Namespace) -> int:
    with services(args) as svc:
        fields = _slip_changes(svc, args, edit=False)
        channel = fields.get("channel", Channel.KOTAK_SARAN.value)
        if channel == Channel.KOTAK_SARAN.value and "box_session_id" not in fields:
            session = _todays_session(svc)
            if session is not None:
                fields["box_session_id"] = session
                note(_("Added to box session {id} (opened today).").format(id=session))
        result = svc.submissions.create(fields)
    _report_saved(args, result)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with services(args) as svc:
        fields = _slip_changes(svc, args, edit=True)
        if not fields:
            raise UsageError(_("nothing to change: give at least one field option"))
        result = svc.submissions.save_draft(args.ref, fields, autosave=False)
    _report_saved(args, result)
    return 0


def _moved(args: argparse.Namespace, action: Callable[[Services], Any]) -> int:
    with services(args) as svc:
        view = action(svc)
    if args.json:
        print_json(view.to_json(with_audit=False))
    else:
        out(f"{view.number}: {i18n.label(i18n.STATUS_LABELS, view.status.value)}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    return _moved(args, lambda svc: svc.submissions.verify(args.ref))


def cmd_approve(args: argparse.Namespace) -> int:
    return _moved(args, lambda svc: svc.submissions.approve(args.ref))


def cmd_return(args: argparse.Namespace) -> int:
    return _moved(args, lambda svc: svc.submissions.return_(args.ref, args.reason))


def cmd_reject(args: argparse.Namespace) -> int:
    return _moved(args, lambda svc: svc.submissions.reject(args.ref, args.reason))


def cmd_list(args: argparse.Namespace) -> int:
    from .services import ListQuery

    query = ListQuery(
        statuses=tuple(Status(s) for s in args.status),
        channels=tuple(args.channel),
        box_session_id=args.session,
        created_from=args.date_from,
        created_to=args.date_to,
        search=args.search,
        sort=args.sort,
        descending=not args.asc,
    )
    with services(args) as svc:
        tz = unit_tz(svc)
        first = True
        widths: list[int] = []
        if args.json:
            sys.stdout.write("[")
        else:
            widths = [19, max(len(i18n.label(i18n.STATUS_LABELS, s.value)) for s in Status),
                      10, 50]
            header = [_("Number"), _("Status"), _("Date"), _("Title"), _("Agency")]
            out(_row(header, widths))
        offset = 0
        remaining = args.limit
        # Page by page: a 100,000-slip office never sits in memory at once.
        while remaining is None or remaining > 0:
            size = PAGE_SIZE if remaining is None else min(PAGE_SIZE, remaining)
            rows = svc.listing.page(query, offset, size)
            for r in rows:
                if args.json:
                    sys.stdout.write(("\n" if first else ",\n")
                                     + json.dumps(r.to_json(), ensure_ascii=False))
                else:
                    out(_row([r.number, i18n.label(i18n.STATUS_LABELS, r.status.value),
                              r.created_at.astimezone(tz).date().isoformat(),
                              shorten(r.title, 50), r.agency_name or "-"], widths))
                first = False
            offset += len(rows)
            if remaining is not None:
                remaining -= len(rows)
            if len(rows) < size:
                break
        if args.json:
            sys.stdout.write("\n]\n" if not first else "]\n")
        elif first:
            note(_("No slips match."))
    return 0


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [c.ljust(w) for c, w in zip(cells[:-1], widths, strict=True)]
    return "  ".join([*padded, cells[-1]]).rstrip()


def cmd_show(args: argparse.Namespace) -> int:
    with services(args) as svc:
        view = svc.submissions.get(args.ref, with_audit=True)
        tz = unit_tz(svc)
        names: dict[str, dict[Any, str]] = {}
        if not args.json:
            # The trail stores agency and category ids; people read names.
            names["agency_id"] = {a.id: a.name for a in svc.admin.agencies(
                include_inactive=True)}
            names["category_id"] = {c.id: c.name for c in svc.admin.categories(
                include_inactive=True)}
    if args.json:
        obj = view.to_json(with_audit=True)
        if not view.identity_visible:
            # The trail holds the identity fields' old and new values: hidden alike.
            for event in obj["audit"]:
                for change in event["changes"]:
                    if change.get("field") in IDENTITY_FIELDS:
                        change["old"] = change["new"] = None
        print_json(obj)
        return 0
    _show_text(view, tz, names)
    return 0


def _show_text(v: Any, tz: ZoneInfo, names: dict[str, dict[Any, str]]) -> None:
    f = i18n.FIELD_LABELS
    hidden = _("(hidden)")

    def ident(value: Any) -> str:
        return _value_text(value) if v.identity_visible else hidden

    category = v.category_name
    if category and v.category_parent_name:
        category = f"{v.category_parent_name} / {category}"
    rows: list[tuple[str, str]] = [
        (_(SHOW_LABELS["number"]), v.number),
        (_(SHOW_LABELS["id"]), v.uuid),
        (_(SHOW_LABELS["status"]), i18n.label(i18n.STATUS_LABELS, v.status.value)),
    ]
    if v.status_reason:
        rows.append((_(SHOW_LABELS["status_reason"]), v.status_reason))
    rows += [
        (_(f["channel"]), i18n.label(i18n.CHANNEL_LABELS, v.channel)),
        (_(f["box_session_id"]), _value_text(v.box_session_id)),
        (_(f["classification"]), i18n.label(i18n.CLASSIFICATION_LABELS, v.classification)
         or "-"),
        (_(f["title"]), _value_text(v.title)),
        (_(f["event_date"]), _value_text(v.event_date.isoformat() if v.event_date else None)),
        (_(f["location"]), _value_text(v.location)),
        (_(f["agency_id"]), _value_text(v.agency_name)),
        (_(f["category_id"]), _value_text(category)),
        (_(f["anonim"]), _value_text(v.anonim)),
        (_(f["rahasia"]), _value_text(v.rahasia)),
        (_(f["reporter_name"]), ident(v.reporter_name)),
        (_(f["reporter_nik"]), ident(v.reporter_nik)),
        (_(f["reporter_phone"]), ident(v.reporter_phone)),
        (_(f["reporter_email"]), ident(v.reporter_email)),
        (_(f["reporter_address"]), ident(v.reporter_address)),
        (_(SHOW_LABELS["created"]), f"{local_time(v.created_at, tz)}  {v.created_by}"),
    ]
    if v.verified_by:
        rows.append((_(SHOW_LABELS["verified"]),
                     f"{local_time(v.verified_at, tz)}  {v.verified_by}"))
    if v.reviewed_by:
        rows.append((_(SHOW_LABELS["reviewed"]),
                     f"{local_time(v.reviewed_at, tz)}  {v.reviewed_by}"))
    if v.upstream_status or v.tracking_id:
        rows.append((_(SHOW_LABELS["upstream_status"]), _value_text(v.upstream_status)))
        rows.append((_(SHOW_LABELS["tracking_id"]), _value_text(v.tracking_id)))
    rows.append((_(SHOW_LABELS["page_count"]), str(v.page_count)))
    width = max(len(k) for k, _v in rows) + 1
    for key, value in rows:
        out(f"{(key + ':').ljust(width)} {value}")
    out(f"{(_(f['body']) + ':')}")
    for line in (v.body or "-").splitlines() or ["-"]:
        out(f"  {line}")
    out()
    out(_(SHOW_LABELS["audit"]) + ":")
    for e in v.audit:
        out(f"  {local_time(e.at, tz)}  {e.actor}  {_action_text(e.action)}"
            + (f"  ({e.note})" if e.note and e.action != "edit" else ""))
        for c in e.changes:
            name = c.get("field", "?")
            label = _(f.get(name, SHOW_LABELS.get(name, name)))
            old, new = (_change_value(name, names.get(name, {}).get(c.get(k), c.get(k)))
                        for k in ("old", "new"))
            if name in IDENTITY_FIELDS and not v.identity_visible:
                old, new = (hidden if c.get("old") else "-"), (hidden if c.get("new") else "-")
            out(f"      {label}: {old} -> {new}")


def _action_text(action: str) -> str:
    if action.startswith("status_"):
        return _("status") + ": " + i18n.label(i18n.STATUS_LABELS, action[len("status_"):])
    return _(ACTION_LABELS.get(action, action))


def _change_value(field: str, value: Any) -> str:
    if field == "status" and isinstance(value, str):
        return i18n.label(i18n.STATUS_LABELS, value)
    if field == "channel" and isinstance(value, str):
        return i18n.label(i18n.CHANNEL_LABELS, value)
    if field == "classification" and isinstance(value, str):
        return i18n.label(i18n.CLASSIFICATION_LABELS, value)
    return shorten(_value_text(value), 60)



# --- import and scanners -----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 when every file was imported, 1 when any failed (the others are imported)."""
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show_progress and name:
            note(_("({done}/{total}) reading {file} ...").format(
                done=done + 1, total=total, file=name))

    with services(args) as svc:
        report = svc.intake.import_files(args.files, session_id=args.session,
                                         progress=progress)
    if args.json:
        print_json(report.to_json())
    else:
        for item in report.imported:
            out(_("{file}: imported as {number} ({pages} page(s))").format(
                file=item.file, number=item.submission, pages=item.pages))
            if item.possible_duplicates:
                warn(_("{file} looks like a slip already stored in {numbers}; check that it "
                       "is not the same slip twice.").format(
                    file=item.file, numbers=", ".join(item.possible_duplicates)))
        for failed in report.failed:
            note(_("{file}: NOT imported. {message}").format(file=failed.file,
                                                             message=failed.message))
        note(_("{imported} file(s) imported, {failed} failed.").format(
            imported=len({i.file for i in report.imported}), failed=len(report.failed)))
    return 0 if report.ok else 1


def cmd_scanners(args: argparse.Namespace) -> int:
    """The scanners SANE (or the Windows driver) finds; no data folder needed."""
    devices: list[Any] = []
    problem = ""
    try:
        from .intake import scanner

        devices = list(scanner.list_devices())
    except ImportError:
        problem = _("No scanner driver (SANE) is available on this PC.")
    except (KotakSaranError, OSError) as exc:
        driver = not isinstance(exc, KotakSaranError) or exc.code == "scanner_driver_missing"
        problem = (_("No scanner driver (SANE) is available on this PC.") if driver
                   else i18n.error_message(exc))
    rows = [{k: str(getattr(d, k, "") or "") for k in ("name", "vendor", "model", "type")}
            for d in devices]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            out(f"{r['name']}  {r['vendor']} {r['model']} ({r['type']})")
    if not rows:
        note((problem + " " if problem else "") + _(
            "No scanner was found. Check that it is switched on and connected; files from "
            "the scanner's folder can still be imported with 'kotaksaran import FILE...'."))
    return 0


# --- text recognition ----------------------------------------------------------------------
def cmd_ocr(args: argparse.Namespace) -> int:
    """Exit 0 when every file was read, 1 when any failed or tesseract is missing."""
    from .ocr import engine

    files: list[str] = list(args.files)
    try:
        results = engine.recognize_files(files, cleanup=not args.no_cleanup,
                                         lang=args.ocr_lang, psm=args.psm)
    except KotakSaranError as exc:  # tesseract or its language data is missing
        if args.json:
            print_json([{"file": f, "error": i18n.error_message(exc)} for f in files])
        note(i18n.error_message(exc))
        return 1
    rows: list[dict[str, Any]] = []
    for path, res in results:
        if isinstance(res, KotakSaranError):
            rows.append({"file": str(path), "error": i18n.error_message(res)})
        else:
            rows.append({"file": str(path), "text": res.text,
                         "words": [{"text": w.text, "conf": round(w.conf, 2),
                                    "box": list(w.box)} for w in res.words],
                         "seconds": round(res.seconds, 3)})
    failed = sum(1 for r in rows if "error" in r)
    if args.json:
        print_json(rows)
    else:
        for i, r in enumerate(rows):
            if "error" in r:
                note(_("{file}: NOT read. {message}").format(file=r["file"],
                                                            message=r["error"]))
                continue
            if i:
                out()
            out(f"== {r['file']} ==")
            out(r["text"])
        if failed:
            note(_("{done} file(s) read, {failed} failed.").format(
                done=len(rows) - failed, failed=failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
