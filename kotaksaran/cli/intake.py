"""Commands: import, scanners, ocr."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import i18n
from ..domain.errors import KotakSaranError
from ..i18n import _
from .base import (
    CommandFactory,
    _json_flag,
    non_negative,
    note,
    out,
    positive,
    print_json,
    services,
    warn,
)

if TYPE_CHECKING:
    from ..services import Services

# --- import and scanners -----------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    """Exit 0 when every file was imported, 1 when any failed (the others are imported)."""
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show_progress and name:
            note(_("({done}/{total}) reading {file} ...").format(
                done=done + 1, total=total, file=name))

    ocr_report: dict[str, Any] | None = None
    with services(args) as svc:
        if args.no_ocr:
            report = svc.intake.import_files(args.files, session_id=args.session,
                                             progress=progress)
        else:
            # OCR reads each page as soon as it is stored, while the next file is cleaned.
            imported = threading.Event()
            reader = _Reader(svc, args, show_progress, imported)
            reader.start()
            try:
                report = svc.intake.import_files(args.files, session_id=args.session,
                                                 progress=progress)
            finally:
                imported.set()
                reader.join()
            ocr_report = reader.result
    if args.json:
        data = report.to_json()
        if ocr_report is not None:
            data["ocr"] = ocr_report
        print_json(data)
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


class _Reader(threading.Thread):
    def __init__(self, svc: Services, args: argparse.Namespace, show_progress: bool,
                 imported: threading.Event) -> None:
        super().__init__(name="ocr", daemon=True)
        self.svc, self.args, self.show_progress, self.imported = (svc, args, show_progress,
                                                                 imported)
        self.result: dict[str, Any] | None = None

    def run(self) -> None:
        self.result = _read_pending(self.svc, self.args, self.show_progress,
                                    until=self.imported.is_set)


def _read_pending(svc: Services, args: argparse.Namespace, show_progress: bool,
                  until: Callable[[], bool] | None = None) -> dict[str, Any]:
    """OCR of every page waiting in the data folder; a missing tesseract is a warning (the
    pages stay waiting for the next run), not a failed import."""
    def progress(done: int, total: int, _page: int) -> None:
        if show_progress:
            note(_("reading text: page {done} of {total}").format(done=done, total=total))

    try:
        result = svc.ocr.run(progress=progress, until=until)
    except KotakSaranError as exc:
        if not args.json:
            warn(i18n.error_message(exc))
        return {"error": exc.code, "pending": len(svc.ocr.pending_pages())}
    if not args.json:
        for page_id, problem in result.failed:
            warn(_("page {page}: text not read. {message}").format(
                page=page_id, message=i18n.error_message(problem)))
        note(_("Text read from {done} page(s); {filled} draft(s) filled from printed pages.")
             .format(done=len(result.done), filled=len(result.prefilled)))
    return result.to_json()


def cmd_ocr_pending(args: argparse.Namespace) -> int:
    """`kotaksaran ocr-queue`: read the pages waiting in the data folder."""
    with services(args) as svc:
        if args.retry_failed:
            svc.ocr.retry_failed()
        data = _read_pending(svc, args, not args.json and sys.stderr.isatty())
    if args.json:
        print_json(data)
    return 1 if data.get("error") or data.get("failed") else 0


def cmd_scanners(args: argparse.Namespace) -> int:
    """The scanners SANE (or the Windows driver) finds; no data folder needed."""
    devices: list[Any] = []
    problem = ""
    try:
        from ..intake import scanner

        devices = list(scanner.list_devices())
    except ImportError:
        problem = _("No scanner driver (SANE) is available on this PC.")
    except (KotakSaranError, OSError) as exc:
        if isinstance(exc, KotakSaranError) and exc.code != "scanner_driver_missing":
            problem = i18n.error_message(exc)
        else:
            problem = _("No scanner driver (SANE) is available on this PC.")
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
    from ..ocr import engine

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


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
    p = command("import", _("import image files and PDFs: each file becomes one draft slip"),
                cmd_import)
    p.add_argument("files", nargs="+", metavar=_("FILE"),
                   help=_("JPEG, PNG, TIFF, BMP, WebP or PDF files"))
    p.add_argument("--session", type=positive, metavar="ID",
                   help=_("into this box session (default: today's open session, or a new "
                          "one for the default box)"))
    p.add_argument("--no-ocr", action="store_true",
                   help=_("do not read the text now; the pages wait for 'kotaksaran ocr-queue' "
                          "or the window"))
    _json_flag(p)

    p = command("ocr-queue", _("read the text of the pages waiting in the data folder"),
                cmd_ocr_pending)
    p.add_argument("--retry-failed", action="store_true",
                   help=_("also try again the pages whose reading failed before"))
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

