"""Commands: print, report (receipts, minutes, status boards, manifests, monthly reports).

`kotaksaran print receipt ID --out FILE.pdf [--size a6|58mm|80mm]`, `print minutes SESSION`,
`print status-board`, `print manifest BATCH`, and `kotaksaran report monthly --month YYYY-MM
--out FILE.pdf|.csv|.xlsx`. `--printer QUEUE` sends the PDF to a CUPS queue instead of (or
besides) a file. Every print is audited; printing a receipt, minutes or manifest again gives a
copy marked SALINAN.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import N_, _
from .base import (
    CommandFactory,
    UsageError,
    _json_flag,
    cmd_help,
    out,
    parse_date,
    positive,
    print_json,
    services,
)

if TYPE_CHECKING:
    from ..services import Services
    from ..services.documents import RenderedDocument

DOCUMENT_NAMES = {
    "receipt": N_("Receipt"),
    "minutes": N_("Minutes"),
    "status_board": N_("Status board"),
    "manifest": N_("Manifest"),
    "monthly": N_("Monthly report"),
}


def _month(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not m or not 1 <= int(m[2]) <= 12:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a month; write it as YYYY-MM, e.g. 2026-06").format(value=text))
    return int(m[1]), int(m[2])


def _deliver(svc: Services, doc: RenderedDocument, args: argparse.Namespace) -> int:
    """Write the file and/or send it to the printer; audit each; report what happened."""
    from ..documents.output import send_to_printer, write_file

    if args.out is None and args.printer is None:
        raise UsageError(_("say where the document goes: --out FILE or --printer QUEUE"))
    written: Path | None = None
    job: str | None = None
    if args.out is not None:
        written = write_file(args.out, doc.content)
        svc.documents.record_print(doc, "file", str(written))
    if args.printer is not None:
        if doc.fmt != "pdf":
            raise UsageError(_("only a PDF can be sent to a printer"))
        job = send_to_printer(doc.content, args.printer or None, title=doc.file_name)
        svc.documents.record_print(doc, "printer", args.printer or "")
    if args.json:
        print_json({"document": doc.kind, "entity": f"{doc.entity_type}:{doc.entity_id}",
                    "file": str(written) if written else None, "print_job": job,
                    "copy": doc.copy, "format": doc.fmt, "bytes": len(doc.content),
                    "options": dict(doc.options)})
        return 0
    name = _(DOCUMENT_NAMES[doc.kind])
    if doc.copy:
        name += " (" + _("COPY") + ")"
    if written is not None:
        out(_("{document} written: {path}").format(document=name, path=written))
    if job is not None:
        out(_("{document} sent to the printer: {job}").format(document=name, job=job))
    return 0


def cmd_print_receipt(args: argparse.Namespace) -> int:
    with services(args) as svc:
        doc = svc.documents.receipt(args.ref, args.size, copy=True if args.copy else None)
        return _deliver(svc, doc, args)


def cmd_print_minutes(args: argparse.Namespace) -> int:
    with services(args) as svc:
        doc = svc.documents.minutes(args.session, copy=True if args.copy else None)
        return _deliver(svc, doc, args)


def cmd_attach_scan(args: argparse.Namespace) -> int:
    with services(args) as svc:
        view = svc.documents.attach_minutes_scan(args.session, args.file)
    if args.json:
        print_json({"session": view.session_id, "sha256": view.sha256, "file": view.file_name,
                    "kind": view.kind})
    else:
        out(_("The signed minutes {file} are kept with box session {session}.").format(
            file=view.file_name, session=view.session_id))
    return 0


def cmd_print_status_board(args: argparse.Namespace) -> int:
    since: date | None = args.since
    with services(args) as svc:
        doc = svc.documents.status_board(since, show_titles=args.titles)
        return _deliver(svc, doc, args)


def cmd_print_manifest(args: argparse.Namespace) -> int:
    with services(args) as svc:
        doc = svc.documents.manifest(args.batch, copy=True if args.copy else None)
        return _deliver(svc, doc, args)


def cmd_report_monthly(args: argparse.Namespace) -> int:
    from ..services.documents import report_format

    year, month = args.month
    fmt = report_format(args.out) if args.out is not None else "pdf"
    with services(args) as svc:
        doc = svc.documents.monthly(year, month, fmt)
        return _deliver(svc, doc, args)


def _targets(p: argparse.ArgumentParser, *, pdf_only: bool = True) -> None:
    p.add_argument("--out", type=Path, metavar=_("FILE"),
                   help=_("write the PDF to this file") if pdf_only else
                   _("write the report to this file: .pdf, .csv or .xlsx"))
    p.add_argument("--printer", nargs="?", const="", metavar=_("QUEUE"),
                   help=_("send the PDF to this printer queue (CUPS); without a name, to the "
                          "default printer"))
    _json_flag(p)


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
    pr = command("print", _("print documents: receipt, minutes, status board, manifest"),
                 cmd_help)
    sub = pr.add_subparsers(dest="print_command", metavar=_("DOCUMENT"))

    p = command("receipt", _("the receipt of a slip (tanda terima)"), cmd_print_receipt, sub)
    p.add_argument("ref", metavar="ID", help=_("the slip: local number, UUID or id"))
    p.add_argument("--size", choices=("a6", "58mm", "80mm"),
                   help=_("paper: an A6 sheet or a 58/80 mm receipt roll (default: the "
                          "setting documents.receipt_size)"))
    p.add_argument("--copy", action="store_true",
                   help=_("mark it SALINAN (copy) even when it was never printed before"))
    _targets(p)

    p = command("minutes", _("the minutes of a box opening (berita acara)"), cmd_print_minutes,
                sub)
    p.add_argument("session", type=positive, metavar=_("SESSION"), help=_("box session id"))
    p.add_argument("--copy", action="store_true",
                   help=_("mark it SALINAN (copy) even when it was never printed before"))
    _targets(p)

    p = command("minutes-scan", _("keep the scan of the signed minutes with a box session"),
                cmd_attach_scan, sub)
    p.add_argument("session", type=positive, metavar=_("SESSION"), help=_("box session id"))
    p.add_argument("file", type=Path, metavar=_("FILE"),
                   help=_("the scan: JPEG, PNG, TIFF or PDF"))
    _json_flag(p)

    p = command("status-board", _("the status board for the notice board (no personal data)"),
                cmd_print_status_board, sub)
    p.add_argument("--since", type=parse_date, metavar=_("DATE"),
                   help=_("reports received since this date (default: the last "
                          "documents.status_board_days days)"))
    p.add_argument("--titles", action="store_true",
                   help=_("show the titles too (never those of confidential reports)"))
    _targets(p)

    p = command("manifest", _("the manifest of a sync batch"), cmd_print_manifest, sub)
    p.add_argument("batch", metavar=_("BATCH"), help=_("batch id or UUID"))
    p.add_argument("--copy", action="store_true",
                   help=_("mark it SALINAN (copy) even when it was never printed before"))
    _targets(p)

    rep = command("report", _("reports: monthly"), cmd_help)
    rsub = rep.add_subparsers(dest="report_command", metavar=_("REPORT"))
    p = command("monthly", _("the monthly report: PDF, or the figures as CSV or XLSX"),
                cmd_report_monthly, rsub)
    p.add_argument("--month", type=_month, required=True, metavar="YYYY-MM",
                   help=_("the month, e.g. 2026-06 (by the date slips were entered, in the "
                          "unit's time zone)"))
    _targets(p, pdf_only=False)
