"""Commands: session, new, edit, verify, approve, return, reject, list, show."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from .. import i18n
from ..domain.enums import BoxSessionState, Channel, Status
from ..domain.errors import (
    NotFound,
)
from ..i18n import _
from .base import (
    ACTION_LABELS,
    IDENTITY_FIELDS,
    SESSION_STATES,
    SHOW_LABELS,
    CommandFactory,
    UsageError,
    _json_flag,
    _slip_fields,
    _value_text,
    cmd_help,
    local_time,
    non_negative,
    note,
    out,
    parse_date,
    positive,
    print_json,
    services,
    shorten,
    table,
    unit_tz,
    warn,
)

PAGE_SIZE = 1_000  # rows per query when `list` streams every match

if TYPE_CHECKING:
    from ..services import Services

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
    from ..services import ListQuery

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


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
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

    from ..services.listing import SORT_COLUMNS

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

