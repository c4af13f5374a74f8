"""Getting a finished document out: into a file (written whole or not at all), or to a
printer queue through CUPS's `lp` (the command line; the window prints through Qt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OutputFailed, PrintFailed


def write_file(path: str | Path, content: bytes) -> Path:
    """Write `content` to `path` through a temporary file in the same folder, so that a full
    disk or a pulled USB stick never leaves half a document under the real name."""
    target = Path(path).expanduser()
    try:
        target = target.resolve()
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputFailed(file=str(target), detail=exc.strerror or str(exc)) from None
    return target


def lp_command() -> str | None:
    return shutil.which("lp")


def send_to_printer(content: bytes, printer: str | None, *, title: str,
                    options: dict[str, str] | None = None, timeout: float = 60) -> str:
    """Hand a PDF to a CUPS queue (the default queue when `printer` is None); returns the
    request id that lp printed, e.g. 'Kasir-58-12'."""
    lp = lp_command()
    if lp is None:
        raise PrintFailed("printer_unavailable")
    args = [lp, "-t", title]
    if printer:
        args += ["-d", printer]
    for key, value in (options or {}).items():
        args += ["-o", f"{key}={value}"]
    try:
        done = subprocess.run(args, input=content, capture_output=True, timeout=timeout,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintFailed(detail=str(exc)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"lp {done.returncode}"
        raise PrintFailed(detail=detail)
    text = done.stdout.decode("utf-8", "replace")
    # "request id is Kasir-58-12 (1 file(s))"
    for word in text.split():
        if printer and word.startswith(f"{printer}-"):
            return word
    return text.strip()
