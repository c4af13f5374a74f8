"""Shared parts of the `kotaksaran` command: output, parsing helpers, opening the data."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from .. import i18n
from ..domain.enums import Channel, Classification
from ..domain.errors import (
    DataDirMissing,
    KotakSaranError,
)
from ..i18n import N_, _

if TYPE_CHECKING:
    from ..services import Services
    from ..store.db import Store

PROG = "kotaksaran"
# The reporter's identity, hidden from people who may not see it (ARCHITECTURE.md, privacy).
IDENTITY_FIELDS = frozenset({"reporter_name", "reporter_nik", "reporter_phone",
                             "reporter_email", "reporter_address"})




class CommandFactory(Protocol):
    """`command(name, help, func[, parent])`: adds one (sub)command and returns its parser."""

    def __call__(self, name: str, help_: str, func: Callable[[argparse.Namespace], int],
                 parent: Any = ...) -> argparse.ArgumentParser: ...


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
    "document_print": N_("printed or saved as PDF"),
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



# --- opening the database ------------------------------------------------------------------
def _require_data_dir(args: argparse.Namespace) -> None:
    if not args.data_dir.is_dir():
        raise DataDirMissing(path=str(args.data_dir))


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The office database of an existing, set-up data dir (never creates anything)."""
    from ..services.setup import is_initialized
    from ..store.db import DataDir, open_store

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
    from ..services import Actor, Services
    from ..services.users import actor_for

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

