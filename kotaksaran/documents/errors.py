"""Typed errors of the printed documents, with their sentences (registered with i18n)."""

from __future__ import annotations

from ..domain.errors import EnvironmentProblem, KotakSaranError
from ..i18n import N_, register_error_messages


class FontMissing(EnvironmentProblem):
    """The TrueType font the documents embed cannot be found or read."""

    code = "document_font_missing"


class DocumentUnavailable(KotakSaranError):
    """A document that cannot be made for this record (e.g. no batch, nothing to print)."""

    code = "document_unavailable"


class UnknownPaperSize(KotakSaranError):
    code = "document_paper_size"


class UnknownReportFormat(KotakSaranError):
    code = "report_format_unknown"


class ScanUnreadable(KotakSaranError):
    """The scan of signed minutes is neither an image nor a PDF."""

    code = "minutes_scan_unreadable"


class PrintFailed(EnvironmentProblem):
    code = "print_failed"


class OutputFailed(EnvironmentProblem):
    """The document file could not be written."""

    code = "document_output_failed"


MESSAGES = {
    "document_font_missing": N_(
        "The font {font} that printed documents use cannot be found (looked in: {folders}). "
        "Reinstall Kotak Saran Digital, or on Debian/Ubuntu install it with 'sudo apt-get "
        "install fonts-dejavu-core'."),
    "document_unavailable": N_("This document cannot be made: {reason}."),
    "document_paper_size": N_(
        "'{size}' is not a paper size for this document. Choose one of: {choices}."),
    "report_format_unknown": N_(
        "The report cannot be saved as '{suffix}'. Give the file name the ending .pdf, .csv "
        "or .xlsx."),
    "minutes_scan_unreadable": N_(
        "{file} is not a scanned image or PDF. Scan the signed minutes again (JPEG, PNG, "
        "TIFF or PDF) and attach that file."),
    "print_failed": N_(
        "The document could not be printed ({detail}). Check that the printer is on and has "
        "paper, or save the document as PDF and print it later."),
    "document_output_failed": N_(
        "{file} could not be written ({detail}). Check that the folder exists and that you "
        "may write there, or choose another folder."),
    "printer_unavailable": N_(
        "Printing from the command line needs CUPS (the 'lp' command), which this computer "
        "does not have. Save the document with --out and print the file, or print from the "
        "window."),
}

register_error_messages(MESSAGES)
