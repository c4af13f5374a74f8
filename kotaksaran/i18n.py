"""Texts outside Qt (CLI, documents, error messages) through gettext catalogs.

Message ids are English; `resources/locale/<lang>/LC_MESSAGES/*.po` (kotaksaran.po plus one
catalog per area) hold the translations and are read directly (no compile step). Bahasa
Indonesia is the default.
Typed errors carry a code and parameters; `error_message` turns them into a sentence that
says what happened and what to do next.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .domain.errors import KotakSaranError, ValidationFailed

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")

_language = DEFAULT_LANGUAGE
_catalogs: dict[str, dict[str, str]] = {}


def locale_dir() -> Path:
    root = os.environ.get("KOTAKSARAN_RESOURCES")
    base = Path(root) if root else Path(__file__).resolve().parents[1] / "resources"
    return base / "locale"


def _load(lang: str) -> dict[str, str]:
    if lang not in _catalogs:
        table: dict[str, str] = {}
        folder = locale_dir() / lang / "LC_MESSAGES"
        # kotaksaran.po first, then one catalog per area (ocr.po, sync.po, documents.po ...).
        files = sorted(folder.glob("*.po"), key=lambda p: (p.name != "kotaksaran.po", p.name))
        for path in files:
            from babel.messages.pofile import read_po

            with path.open("rb") as fh:
                for msg in read_po(fh):
                    if msg.id and isinstance(msg.id, str) and msg.string and not msg.fuzzy:
                        table[msg.id] = str(msg.string)
        _catalogs[lang] = table
    return _catalogs[lang]


def set_language(lang: str | None) -> str:
    global _language
    _language = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return _language


def get_language() -> str:
    return _language


def _(msgid: str) -> str:
    """Translate an English message id into the current language."""
    if _language == "en":
        return msgid
    return _load(_language).get(msgid, msgid)


def N_(msgid: str) -> str:
    """Mark a string for translation without translating it yet."""
    return msgid


# --- codes shown to people ---------------------------------------------------------------
STATUS_LABELS = {
    "draft": N_("Draft"),
    "verified": N_("Verified"),
    "returned": N_("Returned"),
    "rejected": N_("Rejected"),
    "approved": N_("Approved"),
    "queued": N_("Queued"),
    "sent": N_("Sent"),
    "registered": N_("Registered"),
    "closed": N_("Closed"),
}
CLASSIFICATION_LABELS = {
    "pengaduan": N_("Complaint"),
    "aspirasi": N_("Suggestion"),
    "permintaan_informasi": N_("Request for information"),
}
CHANNEL_LABELS = {
    "kotak_saran": N_("Suggestion box"),
    "loket": N_("Service desk"),
    "surat": N_("Letter"),
    "lainnya": N_("Other"),
}
ROLE_LABELS = {
    "petugas": N_("Desk staff"),
    "supervisor": N_("Supervisor"),
    "operator": N_("Sync operator"),
    "admin": N_("Administrator"),
}
FIELD_LABELS = {
    "classification": N_("Classification"),
    "title": N_("Title"),
    "body": N_("Report text"),
    "event_date": N_("Date of the event"),
    "location": N_("Location"),
    "agency_id": N_("Agency"),
    "category_id": N_("Category"),
    "anonim": N_("Anonymous"),
    "rahasia": N_("Confidential"),
    "channel": N_("Channel"),
    "box_session_id": N_("Box session"),
    "reporter_name": N_("Reporter name"),
    "reporter_nik": N_("NIK"),
    "reporter_phone": N_("Phone"),
    "reporter_email": N_("Email"),
    "reporter_address": N_("Address"),
    "reason": N_("Reason"),
    "username": N_("Username"),
    "full_name": N_("Full name"),
    "password": N_("Password"),
    "code": N_("Code"),
    "name": N_("Name"),
    "unit_type": N_("Unit type"),
    "timezone": N_("Time zone"),
    "parent_id": N_("Parent category"),
    "slips_found": N_("Slips found"),
}
PROBLEM_MESSAGES = {
    "required": N_("This field is required."),
    "too_long": N_("This text is too long."),
    "unknown_code": N_("Choose one of the values in the list."),
    "future_date": N_("The date cannot be in the future."),
    "date_format": N_("Write the date as YYYY-MM-DD, e.g. 2026-06-01."),
    "nik_digits": N_("A NIK has only digits."),
    "nik_length": N_("A NIK has exactly 16 digits."),
    "phone_country": N_("Only Indonesian numbers (+62) are accepted."),
    "phone_digits": N_("A phone number has only digits."),
    "phone_prefix": N_("Write the number starting with 0 or +62."),
    "phone_length": N_("This phone number has too few or too many digits."),
    "email_format": N_("This is not a valid email address."),
    "username_format": N_("Use 2-60 lower-case letters, digits, dots or dashes."),
    "too_short": N_("The password is too short."),
    "code_format": N_("Use 1-12 capital letters or digits."),
    "unknown_ref": N_("That item no longer exists; choose another."),
    "session_closed": N_("That box session is already closed."),
    "not_root": N_("A sub-category must sit under a top-level category."),
    "has_children": N_("This category has sub-categories, so it must stay at the top level."),
    "negative": N_("The number cannot be negative."),
}
ERROR_MESSAGES = {
    "validation_failed": N_("Some fields need attention: {fields}."),
    "illegal_transition": N_(
        "A slip with status '{current}' cannot be moved to '{target}'. Refresh the list; "
        "someone may have changed it."),
    "permission_denied": N_("Your role may not do this ({action}). Ask a supervisor or admin."),
    "not_found": N_("Not found: {what} {ref}. Check the number and try again."),
    "conflict": N_("{what} '{ref}' already exists."),
    "auth_failed": N_("Wrong username or password. Check Caps Lock and try again."),
    "account_locked": N_(
        "This account is locked after too many wrong passwords, until {until}. "
        "An admin can unlock it sooner."),
    "stale_revision": N_(
        "Slip {number} was changed by someone else in the meantime. Open it again to see "
        "the latest version."),
    "not_editable": N_(
        "Slip {number} has status '{status}' and can no longer be edited."),
    "session_not_open": N_("Box session {session} is already closed."),
    "unit_code_in_use": N_(
        "The unit code is part of local numbers already given out and cannot change."),
    "setting_invalid": N_("'{value}' is not a valid value for {key}."),
    "environment": N_("A problem outside the program: {detail}."),
    "data_dir_missing": N_(
        "The data folder {path} cannot be found. If it is on a USB drive or network share, "
        "connect it again and restart the program."),
    "data_dir_not_writable": N_(
        "The program cannot write to the data folder {path}. Check that the drive is not "
        "write-protected and that your Windows/Linux account may write there."),
    "database_locked": N_(
        "The database is busy (another desk or program is writing). Wait a moment and try "
        "again; nothing was lost."),
    "database_read_only": N_(
        "The database file {path} is read-only. Ask the admin to restore write access; "
        "nothing was changed."),
    "disk_full": N_(
        "The disk is full, so nothing could be saved. Free some space (empty the recycle bin, "
        "move old backups) and try again; what was already saved is safe."),
    "database_corrupt": N_(
        "The database file is damaged. Do not keep working on it: restore the latest backup "
        "with 'kotaksaran db restore'."),
    "database_unavailable": N_(
        "The database server cannot be reached ({detail}). Check the network cable or Wi-Fi "
        "and that the server PC is on, then try again."),
    "schema_too_new": N_(
        "This database was made by a newer version of Kotak Saran Digital. Install the newer "
        "version on this PC; nothing was changed."),
    "schema_outdated": N_(
        "The shared database must be upgraded first. The admin runs 'kotaksaran db upgrade' "
        "(after a backup) on one PC; then start again."),
    "already_running": N_(
        "Kotak Saran Digital is already open on this data folder. Switch to that window "
        "(look in the taskbar)."),
    "data_dir_exists": N_(
        "The data folder {path} already holds a database; nothing was changed."),
    "not_initialized": N_(
        "This data folder has not been set up yet. Start the program to run the setup, or use "
        "'kotaksaran init'."),
    "backup_failed": N_("The backup could not be made: {detail}."),
    "blob_corrupt": N_(
        "A stored image ({sha}) is damaged on disk. Restore the latest backup of the data "
        "folder, or scan that slip again."),
    "blob_missing": N_(
        "A stored image ({sha}) is missing from the data folder. Restore the latest backup of "
        "the data folder, or scan that slip again."),
    "import_problem": N_("The file {file} could not be imported."),
    "unsupported_file": N_(
        "{file} is not an image or PDF the program can read. Save it as JPEG, PNG, TIFF, BMP, "
        "WebP or PDF and import it again."),
    "empty_file": N_(
        "{file} is empty (0 bytes). Scan again or copy it again from its source."),
    "file_damaged": N_(
        "{file} is damaged or cut short. Scan again or copy it again from its source."),
    "image_too_large": N_(
        "{file} is far too large for a page ({megapixels} million pixels). Scan it again at "
        "300 dpi."),
    "pdf_encrypted": N_(
        "{file} is protected with a password. Open it, save a copy without a password, and "
        "import that copy."),
    "pdf_empty": N_("{file} has no pages. Check the file and export it again."),
    "file_vanished": N_(
        "{file} disappeared while it was being read (moved or deleted). Put it back and "
        "import it again."),
    "file_missing": N_("{file} does not exist. Check the file name and folder."),
    "file_unreadable": N_(
        "{file} cannot be read ({detail}). Check that it is a file and that your account may "
        "open it."),
    "already_imported": N_(
        "{file}: this file was already imported in {number}; it was not imported again."),
    "import_cancelled": N_("{file}: the import was cancelled; nothing of it was kept."),
    "watch_folder_problem": N_(
        "The watch folder {folder} cannot be used. Check it in Settings, or import the files "
        "by hand."),
    "watch_folder_missing": N_(
        "The watch folder {folder} cannot be found. If it is on a network share or USB "
        "drive, connect it again; or choose another folder in Settings."),
    "watch_folder_not_writable": N_(
        "Files cannot be moved out of the watch folder {folder} (it is read-only). Ask for "
        "write access to it, or choose another folder in Settings; nothing was imported "
        "twice."),
    "scanner_problem": N_(
        "The scanner reported a problem. Check it and try again, or import the scanned files "
        "instead."),
    "scanner_driver_missing": N_(
        "No scanner driver (SANE) is available on this PC. Files can still be imported with "
        "'Import' or 'kotaksaran import'."),
    "scanner_not_found": N_(
        "The scanner cannot be reached. Check that it is switched on and its cable is "
        "plugged in, then choose it again."),
    "scanner_busy": N_(
        "The scanner is busy (another program may be using it). Close that program or wait a "
        "moment, then try again."),
    "scanner_jammed": N_(
        "Paper is jammed in the scanner. Remove it carefully, put the slips back and scan "
        "again; the pages already scanned are kept."),
    "scanner_cover_open": N_("The scanner's cover is open. Close it and scan again."),
    "scanner_feeder_empty": N_(
        "The document feeder is empty. Put the slips in the feeder, or choose the flatbed."),
    "scanner_failed": N_(
        "The scanner stopped with an error ({detail}). Switch it off and on, then try again; "
        "or import the scanned files instead."),
    "restore_refused": N_("The file cannot be restored: {detail}."),
    "tesseract_missing": N_(
        "The text recognition program (tesseract) is not installed, so text cannot be read "
        "from the pages; everything else keeps working. On Debian/Ubuntu: 'sudo apt-get "
        "install tesseract-ocr tesseract-ocr-ind'. On Windows: install tesseract with the UB "
        "Mannheim installer (github.com/UB-Mannheim/tesseract/wiki), tick Indonesian under "
        "'Additional language data', then restart the program."),
    "tesseract_language_missing": N_(
        "Tesseract is installed but lacks the language data '{lang}'. On Debian/Ubuntu: "
        "'sudo apt-get install tesseract-ocr tesseract-ocr-{lang}'. On Windows: run the UB "
        "Mannheim installer again and tick that language under 'Additional language data'."),
    "ocr_problem": N_("{file}: the text could not be read."),
    "ocr_timeout": N_(
        "{file}: reading the text took longer than {seconds} seconds and was stopped. Scan "
        "the page again at 300 dpi, or type the text by hand."),
    "ocr_failed": N_(
        "{file}: the text recognition stopped with an error ({detail}). Scan the page "
        "again, or type the text by hand."),
}


def label(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return _(table.get(code, code))


def problem_message(code: str) -> str:
    return _(PROBLEM_MESSAGES.get(code, code))


def field_problems_text(fields: dict[str, list[str]]) -> str:
    """One line per field: 'NIK: A NIK has exactly 16 digits.'"""
    return "\n".join(
        f"{label(FIELD_LABELS, name)}: {' '.join(problem_message(c) for c in codes)}"
        for name, codes in sorted(fields.items())
    )


def register_error_messages(messages: dict[str, str]) -> None:
    """Error codes of one area (sync, documents ...) with their English templates, declared in
    that area's module (wrap each template in N_ so that it is extracted for translation)."""
    clash = {code for code, text in messages.items()
             if code in ERROR_MESSAGES and ERROR_MESSAGES[code] != text}
    if clash:
        raise ValueError(f"error codes registered twice: {sorted(clash)}")
    ERROR_MESSAGES.update(messages)


def error_message(exc: KotakSaranError) -> str:
    if isinstance(exc, ValidationFailed):
        return _("Some fields need attention:") + "\n" + field_problems_text(exc.fields)
    template = _(ERROR_MESSAGES.get(exc.code, exc.code))
    params: dict[str, Any] = {k: _localize_param(k, v) for k, v in exc.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def _localize_param(key: str, value: Any) -> Any:
    if key in ("current", "target", "status") and isinstance(value, str):
        return label(STATUS_LABELS, value)
    return value
