"""Ed25519 key pairs of an installation, and the public keys of other units it trusts.

Layout in the data dir::

    keys/                     0700
      unit_ed25519.key        0600  the private key (PKCS#8 PEM); never leaves this folder
      unit_ed25519.pub              the own public key as text (the same as `public_text`)
      trusted_keys.json             public keys of other units that may send us bundles

A public key travels as one short line that survives being typed, read out over the phone or
put in a QR code (upper-case base32, QR alphanumeric mode)::

    KSD1:KEL01:<58 base32 characters>

The characters carry the 32 key bytes and a 4-byte checksum over the unit code and the key,
so a mistyped character or a key pasted under the wrong unit code is caught on import. The
fingerprint (16 hex digits in groups of four) is what two people compare by phone.

The private key is never written into the settings table, a log or a bundle.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import stat
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from ..domain.errors import DataDirNotWritable
from ..i18n import _
from .bundle_errors import KeyExists, KeyFileUnsafe, KeyMissing, KeyTextInvalid

KEY_DIR = "keys"
PRIVATE_FILE = "unit_ed25519.key"
PUBLIC_FILE = "unit_ed25519.pub"
TRUSTED_FILE = "trusted_keys.json"
TEXT_PREFIX = "KSD1"
_UNIT = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")
_B32 = re.compile(r"^[A-Z2-7]+$")


def _checksum(unit_code: str, key: bytes) -> bytes:
    return hashlib.sha256(b"KSD1\0" + unit_code.encode("ascii") + b"\0" + key).digest()[:4]


@dataclass(frozen=True)
class PublicKeyInfo:
    """A unit's public key: its raw 32 bytes and the unit code it belongs to."""

    unit_code: str
    key: bytes
    label: str = ""  # the unit's name, for people
    added_at: str | None = None  # when it was trusted (ISO 8601), for the list in Pengaturan

    @property
    def key_id(self) -> str:
        """16 hex digits naming the key inside bundles."""
        return hashlib.sha256(self.key).hexdigest()[:16]

    @property
    def fingerprint(self) -> str:
        """The key id in groups of four, for reading aloud: 'a1b2 c3d4 e5f6 0718'."""
        k = self.key_id
        return " ".join(k[i:i + 4] for i in range(0, len(k), 4))

    def to_text(self) -> str:
        body = base64.b32encode(self.key + _checksum(self.unit_code, self.key))
        return f"{TEXT_PREFIX}:{self.unit_code}:{body.decode('ascii').rstrip('=')}"

    def verify(self, signature: bytes, data: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.key).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_json(self) -> dict[str, Any]:
        return {"unit_code": self.unit_code, "label": self.label, "key": self.to_text(),
                "key_id": self.key_id, "fingerprint": self.fingerprint,
                "added_at": self.added_at}


def parse_public_text(text: str, label: str = "") -> PublicKeyInfo:
    """A public key from its text form (or a whole .pub file: the first KSD1 line counts)."""
    # Spaces from reading it aloud or from a line-wrapping mail program are dropped.
    line = next((c for c in ("".join(ln.split()).upper() for ln in text.splitlines()
                             if not ln.lstrip().startswith("#"))
                 if c.startswith(TEXT_PREFIX + ":")), "")
    if not line:
        raise KeyTextInvalid(detail=_("no line starting with KSD1: was found"))
    parts = line.split(":")
    if len(parts) != 3 or parts[0] != TEXT_PREFIX:
        raise KeyTextInvalid(detail=_("it must look like KSD1:UNIT:KEY"))
    unit_code, body = parts[1], parts[2]
    if not _UNIT.match(unit_code):
        raise KeyTextInvalid(detail=_("'{code}' is not a unit code").format(code=unit_code))
    if not _B32.match(body):
        raise KeyTextInvalid(detail=_("it contains characters that do not belong in a key"))
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:  # binascii.Error
        raise KeyTextInvalid(detail=_("it is too short or too long")) from None
    if len(raw) != 36:
        raise KeyTextInvalid(detail=_("it is too short or too long"))
    key, check = raw[:32], raw[32:]
    if _checksum(unit_code, key) != check:
        raise KeyTextInvalid(detail=_("a character is wrong: the check digits do not match"))
    return PublicKeyInfo(unit_code=unit_code, key=key, label=label)


def _write_private(path: Path, data: bytes) -> None:
    """Write a file that only its owner can read: created 0600, then renamed into place."""
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, 0o600)  # the umask may not widen 0600, but be explicit
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DataDirNotWritable(path=str(path.parent)) from exc


def _write_public(path: Path, text: str) -> None:
    tmp = path.with_name(f".tmp-{uuid.uuid4().hex}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DataDirNotWritable(path=str(path.parent)) from exc


def owner_only(path: Path) -> bool:
    """True when group and others have no access (always true where POSIX modes do not
    apply, i.e. on Windows, whose per-user profile folders carry that protection)."""
    if os.name != "posix":
        return True
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


class UnitKeys:
    """The key pair of one data dir and the public keys it trusts."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / KEY_DIR

    @property
    def private_path(self) -> Path:
        return self.root / PRIVATE_FILE

    @property
    def public_path(self) -> Path:
        return self.root / PUBLIC_FILE

    @property
    def trusted_path(self) -> Path:
        return self.root / TRUSTED_FILE

    def _ensure_dir(self) -> None:
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(self.root, 0o700)
        except OSError as exc:
            raise DataDirNotWritable(path=str(self.root)) from exc

    # --- own key pair ---------------------------------------------------------------------
    def has_key_pair(self) -> bool:
        return self.private_path.is_file()

    def generate(self, unit_code: str, unit_name: str = "", *,
                 replace: bool = False) -> PublicKeyInfo:
        """Make this installation's key pair (refused when one exists unless `replace`)."""
        if self.has_key_pair() and not replace:
            raise KeyExists(fingerprint=self.own_public().fingerprint)
        unit_code = unit_code.strip().upper()
        if not _UNIT.match(unit_code):
            raise KeyTextInvalid(detail=_("'{code}' is not a unit code").format(code=unit_code))
        self._ensure_dir()
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        info = PublicKeyInfo(unit_code=unit_code, key=private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw), label=unit_name)
        _write_private(self.private_path, pem)
        if not owner_only(self.private_path):
            raise KeyFileUnsafe(path=str(self.private_path))
        _write_public(self.public_path, public_file_text(info))
        return info

    def _private(self) -> Ed25519PrivateKey:
        if not self.has_key_pair():
            raise KeyMissing()
        if not owner_only(self.private_path):
            # Copied in by hand with a wide mode: tighten it before using it.
            try:
                os.chmod(self.private_path, 0o600)
            except OSError as exc:
                raise KeyFileUnsafe(path=str(self.private_path)) from exc
        try:
            data = self.private_path.read_bytes()
            key = serialization.load_pem_private_key(data, password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise KeyFileUnsafe(path=str(self.private_path)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyFileUnsafe(path=str(self.private_path))
        return key

    def own_public(self) -> PublicKeyInfo:
        if not self.public_path.is_file():
            raise KeyMissing()
        try:
            text = self.public_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KeyMissing() from exc
        label = ""
        for ln in text.splitlines():
            if ln.startswith("# unit: "):
                label = ln[len("# unit: "):].strip()
        info = parse_public_text(text, label)
        raw = self._private().public_key().public_bytes(serialization.Encoding.Raw,
                                                        serialization.PublicFormat.Raw)
        if raw != info.key:  # the .pub file was replaced by someone else's
            raise KeyTextInvalid(detail=_("the .pub file does not belong to this "
                                           "installation's private key"))
        return info

    def sign(self, data: bytes) -> bytes:
        return self._private().sign(data)

    def export_public(self, path: Path) -> Path:
        """Write the own public key to a .pub file (for the USB stick or an e-mail)."""
        info = self.own_public()
        target = Path(path)
        if target.is_dir():
            target = target / f"kotaksaran-{info.unit_code}.pub"
        _write_public(target, public_file_text(info))
        return target

    # --- trusted keys ---------------------------------------------------------------------
    def trusted(self) -> list[PublicKeyInfo]:
        if not self.trusted_path.is_file():
            return []
        try:
            rows = json.loads(self.trusted_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        out: list[PublicKeyInfo] = []
        for row in rows if isinstance(rows, list) else []:
            try:
                info = parse_public_text(str(row["key"]), str(row.get("label", "")))
            except (KeyError, TypeError, KeyTextInvalid):
                continue
            out.append(PublicKeyInfo(info.unit_code, info.key, info.label,
                                     row.get("added_at")))
        return out

    def find_trusted(self, key_id: str) -> PublicKeyInfo | None:
        return next((k for k in self.trusted() if k.key_id == key_id), None)

    def trust(self, text: str, label: str = "", *, now: datetime | None = None
              ) -> PublicKeyInfo:
        """Add (or relabel) another unit's public key given as text or a .pub file's content."""
        info = parse_public_text(text, label)
        if not label:
            for ln in text.splitlines():
                if ln.startswith("# unit: "):
                    info = PublicKeyInfo(info.unit_code, info.key, ln[8:].strip())
        at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        keys = [k for k in self.trusted() if k.key_id != info.key_id]
        info = PublicKeyInfo(info.unit_code, info.key, info.label, at)
        keys.append(info)
        self._save_trusted(keys)
        return info

    def trust_file(self, path: Path, label: str = "") -> PublicKeyInfo:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise KeyTextInvalid(detail=str(path)) from exc
        return self.trust(text, label)

    def untrust(self, key_id: str) -> bool:
        keys = self.trusted()
        kept = [k for k in keys if k.key_id != key_id.replace(" ", "")]
        if len(kept) == len(keys):
            return False
        self._save_trusted(kept)
        return True

    def _save_trusted(self, keys: list[PublicKeyInfo]) -> None:
        self._ensure_dir()
        rows = [{"unit_code": k.unit_code, "label": k.label, "key": k.to_text(),
                 "added_at": k.added_at} for k in keys]
        _write_public(self.trusted_path, json.dumps(rows, ensure_ascii=False, indent=2))


def public_file_text(info: PublicKeyInfo) -> str:
    """The content of a .pub file: the key line and two comment lines for people."""
    lines = [f"# Kotak Saran Digital public key of unit {info.unit_code}"]
    if info.label:
        lines.append(f"# unit: {info.label}")
    lines.append(f"# fingerprint: {info.fingerprint}")
    lines.append(info.to_text())
    return "\n".join(lines) + "\n"
