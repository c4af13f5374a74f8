"""The file bundle: a signed zip that carries slips (office -> city desk) or statuses (back).

Layout of a bundle (`*.ksb`, a plain zip)::

    manifest.json     format, version, kind, sender (unit, key id), recipient, created time,
                      per item the submission payload and its attachments' metadata, and
                      per file its SHA-256 and size
    manifest.sig      {"algorithm": "ed25519", "key_id", "unit_code", "signature"} over the
                      exact bytes of manifest.json
    files/<sha256>    the attachments (page images), stored as they are (already compressed)

`read_bundle` verifies everything before anything is handed out: the zip is whole, the
signature was made by a key this installation trusts and matches the manifest byte for byte,
the signer's unit is the sender named in the manifest, and every file is present, nothing
extra is there, and each matches its SHA-256 and size. Only then does it return a
`VerifiedBundle`; importing (see `bundle_import.py`) writes nothing before that.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import uuid as uuid_mod
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..i18n import N_, _
from .bundle_errors import (
    BundleBadSignature,
    BundleTampered,
    BundleTooNew,
    BundleUnknownKey,
    BundleUnreadable,
    BundleWrongKind,
)
from .keys import PublicKeyInfo, UnitKeys

FORMAT = "kotaksaran-bundle"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FILES_DIR = "files/"
SUFFIX = ".ksb"
MAX_MANIFEST = 256 * 1024 * 1024  # a manifest of 1,000 slips is ~5 MB; refuse absurd ones
MAX_FILE = 512 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")

Kind = Literal["submissions", "statuses"]
KINDS: tuple[str, ...] = ("submissions", "statuses")
KIND_LABELS = {"submissions": N_("slips"), "statuses": N_("status updates")}


@dataclass(frozen=True)
class BundleFile:
    """One attachment of an item as the bundle carries it."""

    name: str
    mime: str
    sha256: str
    size: int
    redacted: bool = False

    @property
    def path(self) -> str:
        return FILES_DIR + self.sha256

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mime": self.mime, "sha256": self.sha256,
                "size": self.size, "redacted": self.redacted, "path": self.path}


@dataclass(frozen=True)
class OutgoingEntry:
    """A slip to write into a bundle: its payload and attachment bytes."""

    submission_uuid: str
    revision: int
    number: str
    payload: Mapping[str, Any]
    files: Sequence[tuple[BundleFile, bytes]] = ()


@dataclass(frozen=True)
class BundleItem:
    """A slip as read from a verified bundle (the bytes stay in the zip until imported)."""

    submission_uuid: str
    revision: int
    number: str
    payload: Mapping[str, Any]
    files: tuple[BundleFile, ...]


@dataclass(frozen=True)
class StatusEntry:
    """One status change going back to the office."""

    submission_uuid: str
    tracking_id: str | None
    status: str | None
    at: str | None  # ISO 8601 with offset
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"uuid": self.submission_uuid, "tracking_id": self.tracking_id,
                "status": self.status, "at": self.at, "note": self.note}


@dataclass(frozen=True)
class Sender:
    unit_code: str
    unit_name: str
    key_id: str


@dataclass(frozen=True)
class BundleSummary:
    """What `write_bundle` made (for the batch record and the operator)."""

    path: Path
    bundle_id: str
    kind: str
    items: int
    statuses: int
    files: int
    size: int
    sha256: str  # of the whole .ksb file, to compare at the other end if in doubt


@dataclass(frozen=True)
class VerifiedBundle:
    """A bundle whose signature and every file were checked. Read bytes with `file_bytes`."""

    path: Path
    bundle_id: str
    kind: str
    created_at: str
    sender: Sender
    signer: PublicKeyInfo
    recipient: str | None
    items: tuple[BundleItem, ...]
    statuses: tuple[StatusEntry, ...]
    manifest: Mapping[str, Any] = field(repr=False)

    def file_bytes(self, f: BundleFile) -> bytes:
        """The attachment, checked again against its SHA-256 (the stick may have changed)."""
        try:
            with zipfile.ZipFile(self.path) as zf:
                data = zf.read(f.path)
        except (OSError, zipfile.BadZipFile, KeyError, EOFError, zlib.error) as exc:
            raise BundleUnreadable(file=self.path.name) from exc
        if hashlib.sha256(data).hexdigest() != f.sha256:
            raise BundleTampered(file=self.path.name, detail=f.path)
        return data


# --- writing ---------------------------------------------------------------------------------
def write_bundle(
    path: Path,
    *,
    keys: UnitKeys,
    kind: Kind,
    created_at: datetime,
    unit_name: str = "",
    items: Sequence[OutgoingEntry] = (),
    statuses: Sequence[StatusEntry] = (),
    recipient: str | None = None,
    bundle_id: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> BundleSummary:
    """Write and sign a bundle. The file appears under its name only when complete."""
    own = keys.own_public()  # raises KeyMissing before any file is made
    bundle_id = bundle_id or str(uuid_mod.uuid4())
    files: dict[str, int] = {}
    manifest_items: list[dict[str, Any]] = []
    blobs: dict[str, bytes] = {}
    for entry in items:
        metas = []
        for meta, data in entry.files:
            digest = hashlib.sha256(data).hexdigest()
            if digest != meta.sha256 or len(data) != meta.size:
                raise ValueError(f"attachment {meta.name} does not match its hash or size")
            blobs[meta.sha256] = data
            files[meta.path] = meta.size
            metas.append(meta.to_json())
        manifest_items.append({"uuid": entry.submission_uuid, "revision": entry.revision,
                               "number": entry.number, "payload": dict(entry.payload),
                               "attachments": metas})
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "bundle_id": bundle_id,
        "created_at": created_at.isoformat(),
        "sender": {"unit_code": own.unit_code, "unit_name": unit_name or own.label,
                   "key_id": own.key_id},
        "recipient": recipient,
        "items": manifest_items,
        "statuses": [s.to_json() for s in statuses],
        "files": [{"path": FILES_DIR + sha, "sha256": sha, "size": len(data)}
                  for sha, data in sorted(blobs.items())],
    }
    if extra:
        manifest["extra"] = dict(extra)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                separators=(",", ":")).encode("utf-8")
    signature = {"algorithm": "ed25519", "key_id": own.key_id, "unit_code": own.unit_code,
                 "signature": base64.b64encode(keys.sign(manifest_bytes)).decode("ascii")}
    target = Path(path)
    if not target.exists() and target.suffix.lower() not in (SUFFIX, ".zip"):
        # A folder that is not there yet (a fresh folder on the USB stick): make it.
        with contextlib.suppress(FileExistsError):
            target.mkdir(parents=False)
    if target.is_dir():
        stamp = created_at.strftime("%Y%m%d-%H%M")
        target = target / f"kotaksaran-{own.unit_code}-{kind}-{stamp}-{bundle_id[:8]}{SUFFIX}"
    tmp = target.with_name(f".{target.name}.part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(_info(MANIFEST, created_at), manifest_bytes,
                        compress_type=zipfile.ZIP_DEFLATED)
            zf.writestr(_info(SIGNATURE, created_at),
                        json.dumps(signature, indent=1).encode("utf-8"),
                        compress_type=zipfile.ZIP_DEFLATED)
            for sha, data in sorted(blobs.items()):
                # Page images are JPEG/PNG already: deflating them again wastes time.
                zf.writestr(_info(FILES_DIR + sha, created_at), data,
                            compress_type=zipfile.ZIP_STORED)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    whole = hashlib.sha256()
    with open(target, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            whole.update(chunk)
    return BundleSummary(path=target, bundle_id=bundle_id, kind=kind, items=len(items),
                         statuses=len(statuses), files=len(blobs),
                         size=target.stat().st_size, sha256=whole.hexdigest())


def _info(name: str, when: datetime) -> zipfile.ZipInfo:
    stamp = when.timetuple()[:6]
    info = zipfile.ZipInfo(name, date_time=(max(stamp[0], 1980), *stamp[1:]))
    info.external_attr = 0o644 << 16
    return info


# --- reading and verifying ---------------------------------------------------------------------
def read_bundle(path: Path, keys: UnitKeys, *, expect: Kind | None = None) -> VerifiedBundle:
    """Open and verify a bundle completely; raises a `BundleProblem` subclass on any fault."""
    path = Path(path)
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            return _verify(zf, path, keys, expect)
    except (zipfile.BadZipFile, EOFError, zlib.error, zipfile.LargeZipFile) as exc:
        raise BundleUnreadable(file=name) from exc
    except FileNotFoundError as exc:
        raise BundleUnreadable(file=name) from exc
    except OSError as exc:  # a USB stick pulled out while reading
        raise BundleUnreadable(file=name) from exc


def _read_member(zf: zipfile.ZipFile, name: str, limit: int, file: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise BundleTampered(file=file, detail=f"{name} missing") from None
    if info.file_size > limit:
        raise BundleTampered(file=file, detail=f"{name} too large")
    with zf.open(info) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise BundleTampered(file=file, detail=f"{name} too large")
    return data


def _verify(zf: zipfile.ZipFile, path: Path, keys: UnitKeys,
            expect: Kind | None) -> VerifiedBundle:
    file = path.name
    names = zf.namelist()
    if len(names) != len(set(names)):
        raise BundleTampered(file=file, detail="duplicate entries")
    if MANIFEST not in names or SIGNATURE not in names:
        # Not one of ours at all (or the manifest was removed).
        raise BundleUnreadable(file=file)
    sig_raw = _read_member(zf, SIGNATURE, 64 * 1024, file)
    try:
        sig = json.loads(sig_raw)
        key_id = str(sig["key_id"])
        signature = base64.b64decode(str(sig["signature"]), validate=True)
        sig_unit = str(sig.get("unit_code", "?"))
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleBadSignature(file=file) from exc
    signer = keys.find_trusted(key_id)
    if signer is None:
        fingerprint = " ".join(key_id[i:i + 4] for i in range(0, len(key_id), 4))
        raise BundleUnknownKey(file=file, unit=sig_unit, fingerprint=fingerprint)
    manifest_bytes = _read_member(zf, MANIFEST, MAX_MANIFEST, file)
    if not signer.verify(signature, manifest_bytes):
        raise BundleBadSignature(file=file)
    # From here on the manifest is exactly what the trusted signer wrote.
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError as exc:
        raise BundleBadSignature(file=file) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleUnreadable(file=file)
    version = manifest.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BundleTooNew(file=file, version=version)
    kind = manifest.get("kind")
    if kind not in KINDS:
        raise BundleUnreadable(file=file)
    if expect is not None and kind != expect:
        raise BundleWrongKind(file=file, found=_(KIND_LABELS[kind]),
                              expected=_(KIND_LABELS[expect]))
    sender_raw = manifest.get("sender") or {}
    sender = Sender(unit_code=str(sender_raw.get("unit_code", "")),
                    unit_name=str(sender_raw.get("unit_name", "")),
                    key_id=str(sender_raw.get("key_id", "")))
    if sender.key_id != signer.key_id or sender.unit_code != signer.unit_code:
        # A trusted key of one unit signing in the name of another.
        raise BundleUnknownKey(file=file, unit=sender.unit_code or sig_unit,
                               fingerprint=signer.fingerprint)
    declared = _declared_files(manifest, file)
    present = set(names) - {MANIFEST, SIGNATURE}
    extra = sorted(present - set(declared))
    if extra:
        raise BundleTampered(file=file, detail=f"unexpected {extra[0]}")
    missing = sorted(set(declared) - present)
    if missing:
        raise BundleTampered(file=file, detail=f"{missing[0]} missing")
    for member, (sha, size) in sorted(declared.items()):
        _check_file(zf, member, sha, size, file)
    items = tuple(_items(manifest, declared, file))
    statuses = tuple(_statuses(manifest, file))
    return VerifiedBundle(path=path, bundle_id=str(manifest.get("bundle_id", "")), kind=kind,
                          created_at=str(manifest.get("created_at", "")), sender=sender,
                          signer=signer, recipient=manifest.get("recipient"), items=items,
                          statuses=statuses, manifest=manifest)


def _declared_files(manifest: Mapping[str, Any], file: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for row in manifest.get("files") or []:
        try:
            member, sha, size = str(row["path"]), str(row["sha256"]), int(row["size"])
        except (KeyError, TypeError, ValueError):
            raise BundleTampered(file=file, detail="file list") from None
        if not _SHA.match(sha) or member != FILES_DIR + sha or size < 0 or size > MAX_FILE:
            raise BundleTampered(file=file, detail=f"file list entry {member}")
        out[member] = (sha, size)
    return out


def _check_file(zf: zipfile.ZipFile, member: str, sha: str, size: int, file: str) -> None:
    info = zf.getinfo(member)
    if info.file_size != size:
        raise BundleTampered(file=file, detail=f"{member} has the wrong size")
    digest = hashlib.sha256()
    total = 0
    with zf.open(info) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            total += len(chunk)
            if total > size:
                raise BundleTampered(file=file, detail=f"{member} has the wrong size")
            digest.update(chunk)
    if total != size or digest.hexdigest() != sha:
        raise BundleTampered(file=file, detail=f"{member} does not match its SHA-256")


def _items(manifest: Mapping[str, Any], declared: Mapping[str, tuple[str, int]],
           file: str) -> Iterator[BundleItem]:
    seen: set[str] = set()
    for row in manifest.get("items") or []:
        try:
            sub_uuid = str(uuid_mod.UUID(str(row["uuid"])))
            payload = row["payload"]
            files = tuple(
                BundleFile(name=str(a["name"]), mime=str(a["mime"]), sha256=str(a["sha256"]),
                           size=int(a["size"]), redacted=bool(a.get("redacted", False)))
                for a in row.get("attachments") or [])
            item = BundleItem(submission_uuid=sub_uuid, revision=int(row.get("revision", 1)),
                              number=str(row.get("number", "")), payload=payload, files=files)
        except (KeyError, TypeError, ValueError):
            raise BundleTampered(file=file, detail="item list") from None
        if not isinstance(payload, dict) or sub_uuid in seen:
            raise BundleTampered(file=file, detail=f"item {sub_uuid}")
        for f in files:
            if declared.get(f.path) != (f.sha256, f.size):
                raise BundleTampered(file=file, detail=f"attachment {f.path} of {sub_uuid}")
        seen.add(sub_uuid)
        yield item


def _statuses(manifest: Mapping[str, Any], file: str) -> Iterator[StatusEntry]:
    for row in manifest.get("statuses") or []:
        try:
            yield StatusEntry(submission_uuid=str(uuid_mod.UUID(str(row["uuid"]))),
                              tracking_id=_opt(row.get("tracking_id")),
                              status=_opt(row.get("status")), at=_opt(row.get("at")),
                              note=_opt(row.get("note")))
        except (KeyError, TypeError, ValueError):
            raise BundleTampered(file=file, detail="status list") from None


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
