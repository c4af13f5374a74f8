"""Turns database and file-system failures into the app's typed environmental errors."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc

from ..domain import errors as E


def classify_db_error(exc: BaseException, data_dir: Path | None = None) -> E.KotakSaranError | None:
    """The environmental error behind `exc`, or None when it looks like a bug."""
    if isinstance(exc, OSError):
        return classify_os_error(exc)
    if not isinstance(exc, sa_exc.DBAPIError):
        return None
    text = str(exc.orig if exc.orig is not None else exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return E.DatabaseLocked()
    if "readonly database" in text or "read-only" in text:
        return E.DatabaseReadOnly()
    if "disk is full" in text or "no space left" in text or "disk full" in text:
        return E.DiskFull()
    if "unable to open database" in text or "disk i/o error" in text:
        if data_dir is not None and not data_dir.exists():
            return E.DataDirMissing(path=str(data_dir))
        return E.DataDirNotWritable(path=str(data_dir or ""))
    if "not a database" in text or "malformed" in text:
        return E.DatabaseCorrupt()
    if isinstance(exc, sa_exc.OperationalError) and (
        "connection" in text or "could not connect" in text or "server closed" in text
    ):
        return E.DatabaseUnavailable(detail=text.splitlines()[0][:200])
    return None


def classify_os_error(exc: OSError) -> E.KotakSaranError:
    if exc.errno == errno.ENOSPC:
        return E.DiskFull()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return E.DataDirNotWritable(path=str(exc.filename or ""))
    if exc.errno == errno.ENOENT:
        return E.DataDirMissing(path=str(exc.filename or ""))
    return E.EnvironmentProblem(detail=str(exc))


@contextmanager
def translated(data_dir: Path | None = None) -> Iterator[None]:
    """Re-raise environmental failures as typed errors; leave bugs alone."""
    try:
        yield
    except E.KotakSaranError:
        raise
    except (sa_exc.DBAPIError, OSError) as exc:
        typed = classify_db_error(exc, data_dir)
        if typed is None:
            raise
        raise typed from exc
