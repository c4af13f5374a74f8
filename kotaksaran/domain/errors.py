"""Typed errors with a code and parameters; the GUI and CLI turn them into messages.

Environmental errors (disk full, locked database, missing data dir ...) derive from
`EnvironmentProblem`: the user gets a calm message and a way forward. Anything that is not a
`KotakSaranError` is a bug and reaches the crash handler.
"""

from __future__ import annotations

from typing import Any


class KotakSaranError(Exception):
    """Base of every error the app expects. `code` keys the message catalog."""

    code: str = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class ValidationFailed(KotakSaranError):
    """One or more fields are invalid. `fields` maps field name -> list of error codes."""

    code = "validation_failed"

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(None, fields=", ".join(sorted(fields)))
        self.fields = fields


class IllegalTransition(KotakSaranError):
    code = "illegal_transition"

    def __init__(self, current: str, target: str) -> None:
        super().__init__(None, current=current, target=target)


class PermissionDenied(KotakSaranError):
    code = "permission_denied"


class NotFound(KotakSaranError):
    code = "not_found"


class Conflict(KotakSaranError):
    """The thing exists already or was changed by someone else."""

    code = "conflict"


class AuthFailed(KotakSaranError):
    code = "auth_failed"


class AccountLocked(KotakSaranError):
    code = "account_locked"


class EnvironmentProblem(KotakSaranError):
    """Something outside the program: disk, database file, network, device."""

    code = "environment"


class DataDirMissing(EnvironmentProblem):
    code = "data_dir_missing"


class DataDirNotWritable(EnvironmentProblem):
    code = "data_dir_not_writable"


class DatabaseLocked(EnvironmentProblem):
    code = "database_locked"


class DatabaseReadOnly(EnvironmentProblem):
    code = "database_read_only"


class DiskFull(EnvironmentProblem):
    code = "disk_full"


class DatabaseCorrupt(EnvironmentProblem):
    code = "database_corrupt"


class DatabaseUnavailable(EnvironmentProblem):
    code = "database_unavailable"


class SchemaTooNew(EnvironmentProblem):
    code = "schema_too_new"


class SchemaOutdated(EnvironmentProblem):
    """A shared PostgreSQL database needs `kotaksaran db upgrade` first."""

    code = "schema_outdated"


class NotInitialized(EnvironmentProblem):
    """The data dir exists but holds no database yet (setup or `init` has not run)."""

    code = "not_initialized"


class AlreadyRunning(EnvironmentProblem):
    code = "already_running"


class BlobCorrupt(EnvironmentProblem):
    """A stored image no longer matches its SHA-256 name (disk damage, a hand-edited file)."""

    code = "blob_corrupt"


class BlobMissing(EnvironmentProblem):
    """A page row points to an image file that is not in the blobs folder."""

    code = "blob_missing"


# --- importing files: each a per-file problem; the rest of a batch goes on ----------------
class ImportProblem(KotakSaranError):
    """A file that cannot be imported as it is; `file` names it in the message."""

    code = "import_problem"


class UnsupportedFile(ImportProblem):
    code = "unsupported_file"


class EmptyFile(ImportProblem):
    code = "empty_file"


class FileDamaged(ImportProblem):
    code = "file_damaged"


class ImageTooLarge(ImportProblem):
    code = "image_too_large"


class PdfEncrypted(ImportProblem):
    code = "pdf_encrypted"


class PdfEmpty(ImportProblem):
    code = "pdf_empty"


class FileVanished(ImportProblem):
    """The file was there when the import started and disappeared before it was read."""

    code = "file_vanished"


class FileMissing(ImportProblem):
    """No such file (a mistyped name)."""

    code = "file_missing"


class FileUnreadable(ImportProblem):
    """No permission to read the file, or it is a folder or a device."""

    code = "file_unreadable"


class AlreadyImported(ImportProblem):
    """A byte-identical file was imported before; `number` names its submission."""

    code = "already_imported"


class ImportCancelled(ImportProblem):
    code = "import_cancelled"


# --- text recognition (tesseract) ---------------------------------------------------------
class TesseractMissing(EnvironmentProblem):
    """The tesseract program is not installed (or not on PATH)."""

    code = "tesseract_missing"


class TesseractLanguageMissing(EnvironmentProblem):
    """Tesseract runs but lacks the language data `lang` (e.g. "ind")."""

    code = "tesseract_language_missing"


class OcrProblem(KotakSaranError):
    """Text recognition failed on one page; `file` names it when known."""

    code = "ocr_problem"


class OcrTimeout(OcrProblem):
    code = "ocr_timeout"


class OcrFailed(OcrProblem):
    code = "ocr_failed"
