"""The file bundle (USB stick) and the unit keys, for offices without internet.

Office: `export_submissions` takes every approved slip into an outbox batch (adapter
"bundle", the same states as a push) and writes one signed bundle; `import_bundle` of a
status bundle from the city desk applies tracking ids and statuses like a status pull.

City desk: `import_bundle` of an office's bundle stores the slips through the receiver core
(the same code the reference receiver's server uses), so they can be reviewed and pushed
onward with the city desk's own outbox; `export_statuses` writes what changed upstream for one
office into a status bundle addressed to it.

Every bundle is verified completely (signature by a trusted key, every file's SHA-256) before
anything is written; a bad one is refused with a `BundleProblem` and nothing is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from ..domain.enums import Role, Status
from ..domain.errors import KotakSaranError
from ..store.errors import classify_os_error
from ..store.models import OutboxItem, SyncState, Unit
from ..sync import bundle as B
from ..sync.adapters.base import SendResult, StatusChange
from ..sync.bundle_errors import (
    BundleEmpty,
    BundleExportCancelled,
    BundleNoStatuses,
    BundleNotForUs,
    BundleTargetMissing,
)
from ..sync.keys import PublicKeyInfo, UnitKeys
from ..sync.outbox import OPEN_STATES
from .context import ServiceBase
from .sync import SyncService

_OPERATORS = (Role.OPERATOR, Role.ADMIN)
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class ExportReport:
    path: str
    bundle_id: str
    kind: str
    batch: str | None
    items: int
    statuses: int
    files: int
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "bundle": self.bundle_id, "kind": self.kind,
                "batch": self.batch, "items": self.items, "statuses": self.statuses,
                "files": self.files, "bytes": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class ImportReport:
    path: str
    bundle_id: str
    kind: str
    sender: str
    sender_name: str
    created: int = 0  # new slips stored (city desk)
    updated: int = 0  # a newer revision replaced an older one
    repeated: int = 0  # already here (the same bundle imported twice)
    refused: tuple[tuple[str, str], ...] = ()  # (number, sentence) of slips not taken
    changes: int = 0  # status bundle: changes read
    registered: int = 0
    closed: int = 0
    unknown: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "bundle": self.bundle_id, "kind": self.kind,
                "sender": self.sender, "sender_name": self.sender_name,
                "created": self.created, "updated": self.updated, "repeated": self.repeated,
                "refused": [{"number": n, "message": m} for n, m in self.refused],
                "changes": self.changes, "registered": self.registered,
                "closed": self.closed, "unknown": self.unknown}


class BundleService(ServiceBase):
    # --- keys -----------------------------------------------------------------------------
    @property
    def keys(self) -> UnitKeys:
        return UnitKeys(self.store.data_dir.root)

    def _unit(self) -> tuple[str, str]:
        with self.store.read() as s:
            unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).first()
            return (unit.code, unit.name) if unit else ("", "")

    def own_key(self) -> PublicKeyInfo | None:
        return self.keys.own_public() if self.keys.has_key_pair() else None

    def generate_key(self, *, replace: bool = False) -> PublicKeyInfo:
        self.require(Role.ADMIN, action="keys_generate")
        code, name = self._unit()
        old = self.own_key()
        info = self.keys.generate(code, name, replace=replace)
        with self.store.write() as s:
            self.audit(s, "key_generate", "unit_key", info.key_id, [
                {"field": "fingerprint", "old": old.fingerprint if old else None,
                 "new": info.fingerprint}])
        return info

    def trusted_keys(self) -> list[PublicKeyInfo]:
        return self.keys.trusted()

    def trust_key(self, text: str, label: str = "") -> PublicKeyInfo:
        self.require(Role.ADMIN, action="keys_trust")
        info = self.keys.trust(text, label, now=self.now())
        with self.store.write() as s:
            self.audit(s, "key_trust", "unit_key", info.key_id, [
                {"field": "unit", "old": None, "new": info.unit_code},
                {"field": "fingerprint", "old": None, "new": info.fingerprint}])
        return info

    def untrust_key(self, key_id: str) -> bool:
        self.require(Role.ADMIN, action="keys_trust")
        key_id = key_id.replace(" ", "").lower()
        gone = next((k for k in self.keys.trusted() if k.key_id == key_id), None)
        if gone is None or not self.keys.untrust(key_id):
            return False
        with self.store.write() as s:
            self.audit(s, "key_untrust", "unit_key", key_id, [
                {"field": "unit", "old": gone.unit_code, "new": None}])
        return True

    # --- office: slips out ----------------------------------------------------------------
    def waiting_count(self) -> int:
        """Slips an export would carry now: approved ones and open outbox items."""
        with self.store.read() as s:
            from ..store.models import Submission

            approved = s.scalar(select(func.count()).select_from(Submission)
                                .where(Submission.status == Status.APPROVED.value)) or 0
            open_items = s.scalar(select(func.count()).select_from(OutboxItem)
                                  .where(OutboxItem.state.in_(OPEN_STATES))) or 0
        return int(approved) + int(open_items)

    def export_submissions(self, target: Path, *, progress: Progress | None = None,
                           cancel: Cancel | None = None) -> ExportReport:
        """Every approved slip (and every record still waiting to go) into one bundle."""
        self.require(*_OPERATORS, action="bundle_export")
        self.keys.own_public()  # no key pair: say so before anything is queued
        if self.waiting_count() == 0:
            raise BundleEmpty()
        _code, name = self._unit()
        sync = SyncService(self.store, self.actor, self.now)
        prepared = sync.prepare(kind="bundle_export", adapter="bundle", target=str(target))
        ids = list(prepared.item_ids)
        try:
            entries: list[B.OutgoingEntry] = []
            for n, item_id in enumerate(ids):
                if cancel is not None and cancel():
                    raise BundleExportCancelled()
                out = sync.outgoing(item_id)
                entries.append(B.OutgoingEntry(
                    submission_uuid=out.submission_uuid, revision=out.revision,
                    number=out.number, payload=out.payload,
                    files=[(B.BundleFile(a.name, a.mime, a.sha256, a.size, a.redacted), a.data)
                           for a in out.attachments]))
                if progress is not None:
                    progress(n + 1, len(ids) + 1, out.number)
            try:
                summary = B.write_bundle(Path(target), keys=self.keys, kind="submissions",
                                         created_at=self.now(), unit_name=name, items=entries,
                                         extra={"batch": prepared.batch})
            except OSError as exc:
                raise _target_error(exc, Path(target)) from exc
        except BaseException:
            sync.release(ids)  # nothing left the office: the items wait as they were
            sync.finish_batch(prepared.batch_id)
            raise
        for entry, item_id in zip(entries, ids, strict=True):
            size = sum(len(data) for _meta, data in entry.files)
            sync.record_result(item_id, SendResult.accepted(upstream_ref=summary.bundle_id),
                               bytes_sent=size)
        sync.finish_batch(prepared.batch_id)
        if progress is not None:
            progress(len(ids) + 1, len(ids) + 1, summary.path.name)
        return ExportReport(path=str(summary.path), bundle_id=summary.bundle_id,
                            kind=summary.kind, batch=prepared.batch, items=summary.items,
                            statuses=0, files=summary.files, size=summary.size,
                            sha256=summary.sha256)

    # --- import (both directions) ---------------------------------------------------------
    def inspect(self, path: Path) -> B.VerifiedBundle:
        """Verify a bundle without importing it (the import dialog's preview)."""
        self.require(*_OPERATORS, action="bundle_import")
        return B.read_bundle(Path(path), self.keys)

    def import_bundle(self, path: Path, *, progress: Progress | None = None) -> ImportReport:
        self.require(*_OPERATORS, action="bundle_import")
        verified = B.read_bundle(Path(path), self.keys)  # everything checked, nothing written
        if verified.kind == "statuses":
            return self._import_statuses(verified)
        return self._import_submissions(verified, progress)

    def _import_statuses(self, v: B.VerifiedBundle) -> ImportReport:
        code, _name = self._unit()
        if v.recipient and v.recipient != code:
            raise BundleNotForUs(file=v.path.name, unit=v.recipient)
        changes = [StatusChange(submission_uuid=e.submission_uuid, tracking_id=e.tracking_id,
                                status=e.status, at=_when(e.at), note=e.note)
                   for e in v.statuses]
        report = SyncService(self.store, self.actor, self.now).apply_changes(
            changes, source="bundle")
        return ImportReport(path=str(v.path), bundle_id=v.bundle_id, kind=v.kind,
                            sender=v.sender.unit_code, sender_name=v.sender.unit_name,
                            changes=report.changes, registered=report.registered,
                            closed=report.closed, unknown=report.unknown)

    def _import_submissions(self, v: B.VerifiedBundle,
                            progress: Progress | None) -> ImportReport:
        from .bundle_receiving import store_items

        report: ImportReport = store_items(self, v, progress)
        return report

    # --- city desk: statuses back -----------------------------------------------------------
    def status_recipients(self) -> list[str]:
        """The units whose slips arrived here (by bundle or through the receiver)."""
        from ..store.models import ReceivedItem

        with self.store.read() as s:
            return sorted(u for u in s.scalars(select(ReceivedItem.sender).distinct()) if u)

    def export_statuses(self, target: Path, unit: str, *, everything: bool = False
                        ) -> ExportReport:
        """What changed upstream for the slips `unit` sent, into a status bundle for it."""
        self.require(*_OPERATORS, action="bundle_export")
        from .bundle_receiving import status_entries

        self.keys.own_public()
        _code, name = self._unit()
        unit = unit.strip().upper()
        key = f"bundle_status_cursor:{unit}"
        cursor = None if everything else self._recall(key)
        entries, new_cursor = status_entries(self.store, unit, cursor)
        if not entries:
            raise BundleNoStatuses(unit=unit)
        try:
            summary = B.write_bundle(Path(target), keys=self.keys, kind="statuses",
                                     created_at=self.now(), unit_name=name, statuses=entries,
                                     recipient=unit)
        except OSError as exc:
            raise _target_error(exc, Path(target)) from exc
        self._remember(key, new_cursor)
        with self.store.write() as s:
            self.audit(s, "bundle_export_statuses", "bundle", summary.bundle_id, [
                {"field": "unit", "old": None, "new": unit},
                {"field": "statuses", "old": None, "new": len(entries)}])
        return ExportReport(path=str(summary.path), bundle_id=summary.bundle_id,
                            kind=summary.kind, batch=None, items=0, statuses=len(entries),
                            files=0, size=summary.size, sha256=summary.sha256)

    def _recall(self, key: str) -> Any:
        with self.store.read() as s:
            row = s.get(SyncState, key)
            return None if row is None else row.value

    def _remember(self, key: str, value: Any) -> None:
        with self.store.write() as s:
            row = s.get(SyncState, key)
            if row is None:
                s.add(SyncState(key=key, value=value, updated_at=self.now()))
            else:
                row.value, row.updated_at = value, self.now()


def _target_error(exc: OSError, target: Path) -> KotakSaranError:
    """Where the bundle was to go: a missing folder is said as such, not as a data folder."""
    if isinstance(exc, FileNotFoundError):
        folder = target if not target.suffix else target.parent
        return BundleTargetMissing(folder=str(folder))
    return classify_os_error(exc)


def _when(text: str | None) -> Any:
    from datetime import UTC, datetime

    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


