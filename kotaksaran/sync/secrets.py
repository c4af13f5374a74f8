"""The upstream API token: in the OS keyring where one exists, else an owner-only file.

Where the `keyring` package finds a real backend (Windows Credential Manager, macOS Keychain,
the Secret Service of a Linux desktop session), the token lives there, under the service
name ``kotaksaran`` and an entry name that includes a short hash of the data dir (so a demo
data dir and the real one never share a token). On a headless Linux machine keyring has no
backend; then the token is kept in ``<data dir>/secrets/<name>.token``, created with mode 0600
in a 0700 folder, readable only by the OS account that runs the program.

The token is never written to the settings table, a log or a bundle, and `describe()` never
returns it. ``KOTAKSARAN_TOKEN_STORE=file`` forces the file (a scheduled task under a service
account that has no keyring session).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import uuid
from pathlib import Path
from typing import Any, Literal

from .bundle_errors import TokenStoreProblem
from .keys import owner_only

log = logging.getLogger(__name__)

SERVICE = "kotaksaran"
SECRETS_DIR = "secrets"
FORCE_ENV = "KOTAKSARAN_TOKEN_STORE"
_NAME = re.compile(r"^[a-z0-9_.-]{1,40}$")

Where = Literal["keyring", "file"]


def _usable_keyring() -> Any | None:
    """The keyring backend when a real one is there, else None (the fail/null backends,
    or no keyring package at all)."""
    if os.environ.get(FORCE_ENV, "").strip().lower() == "file":
        return None
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: fall back, never crash
        log.debug("keyring backend could not be loaded", exc_info=True)
        return None
    if isinstance(backend, fail.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    priority = getattr(backend, "priority", 0)
    try:
        if float(priority) <= 0:
            return None
    except (TypeError, ValueError):
        return None
    return backend


class TokenStore:
    """Get, set and clear one named secret of one data dir."""

    def __init__(self, data_dir: Path, name: str = "upstream", *,
                 backend: Any | None = None, use_keyring: bool = True) -> None:
        if not _NAME.match(name):
            raise ValueError(f"bad secret name {name!r}")
        self.data_dir = Path(data_dir)
        self.name = name
        self._backend = backend if backend is not None else (
            _usable_keyring() if use_keyring else None)

    # --- where ----------------------------------------------------------------------------
    @property
    def entry(self) -> str:
        """The keyring entry name: secret name plus a hash of the data dir's full path."""
        where = str(self.data_dir.expanduser().resolve())
        return f"{self.name}@{hashlib.sha256(where.encode('utf-8')).hexdigest()[:12]}"

    @property
    def file_path(self) -> Path:
        return self.data_dir / SECRETS_DIR / f"{self.name}.token"

    def where(self) -> Where:
        """Where a token set now would be kept."""
        return "keyring" if self._backend is not None else "file"

    def describe(self) -> dict[str, Any]:
        """For Pengaturan and `sync status`: whether a token is set and where; not the token."""
        token = self.get()
        stored: Where | None = None
        if token is not None:
            stored = "file" if self._file_token() == token else "keyring"
        backend = type(self._backend).__name__ if self._backend is not None else None
        return {"set": token is not None, "stored_in": stored, "keyring_backend": backend,
                "file": str(self.file_path)}

    # --- reading and writing --------------------------------------------------------------
    def get(self) -> str | None:
        if self._backend is not None:
            try:
                value = self._backend.get_password(SERVICE, self.entry)
            except Exception as exc:  # a locked or vanished keyring: try the file
                log.warning("keyring read failed (%s); trying the token file",
                            type(exc).__name__)
                value = None
            if value:
                return str(value)
        return self._file_token()

    def set(self, token: str) -> Where:
        token = token.strip()
        if not token:
            self.clear()
            return self.where()
        if any(c in token for c in "\r\n\0"):
            raise TokenStoreProblem(detail="token contains a line break")
        if self._backend is not None:
            try:
                self._backend.set_password(SERVICE, self.entry, token)
            except Exception as exc:
                log.warning("keyring write failed (%s); keeping the token in the data dir",
                            type(exc).__name__)
            else:
                self._remove_file()  # one copy only
                return "keyring"
        self._write_file(token)
        return "file"

    def clear(self) -> None:
        if self._backend is not None:
            with contextlib.suppress(Exception):
                self._backend.delete_password(SERVICE, self.entry)
        self._remove_file()

    # --- the file -------------------------------------------------------------------------
    def _file_token(self) -> str | None:
        path = self.file_path
        if not path.is_file():
            return None
        if not owner_only(path):
            # Copied in with a wide mode (a restore from a USB stick): narrow it first.
            try:
                os.chmod(path, 0o600)
            except OSError as exc:
                raise TokenStoreProblem(detail=f"{path}: {exc.strerror}") from exc
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise TokenStoreProblem(detail=f"{path}: {exc.strerror}") from exc
        return value or None

    def _write_file(self, token: str) -> None:
        folder = self.file_path.parent
        tmp = folder / f".tmp-{uuid.uuid4().hex}"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(folder, 0o700)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, token.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.file_path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise TokenStoreProblem(detail=f"{folder}: {exc.strerror}") from exc

    def _remove_file(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file_path.unlink()


def upstream_token(data_dir: Path, name: str = "upstream") -> str | None:
    """The stored token, for the adapters (None when none is set)."""
    return TokenStore(data_dir, name).get()
