"""The one interface every upstream adapter implements.

The outbox engine (`kotaksaran/sync/engine.py`) hands an adapter one `OutgoingItem` at a time
and records the `SendResult` it returns in the same transaction as the slip's status change and
its audit event. An adapter never touches the database and never raises for a problem the
upstream or the network caused: it returns `SendResult.retry(...)` (try again later, with
backoff) or `SendResult.refused(...)` (the upstream will never take this record as it is: the
item is quarantined and the slip goes back to the petugas). An exception that escapes an
adapter is treated as a retryable `internal` error, so one bad record never stops a batch.

Status pulls: `pull(cursor, known)` returns what changed upstream since `cursor` (an opaque
string the adapter made last time; None the first time) for the records in `known`.

Reason codes (`SendResult.reason`, `StatusChange` never carries one) are the keys of
`kotaksaran.sync.messages.PROBLEMS`; the operator sees the sentence, never raw HTTP text.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class Attachment:
    """One page image as it leaves the office: compressed, redacted where the slip is anonim
    or rahasia (from `svc.privacy.outgoing_pages`). `sha256` is of `data`."""

    name: str
    mime: str
    sha256: str
    data: bytes
    redacted: bool = False

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class OutgoingItem:
    """What an adapter receives per record.

    `payload` is the canonical record (the exchange API's `Submission` schema in
    docs/openapi.yaml, already privacy-filtered: no identity for anonim slips, masked body and
    title for anonim/rahasia). Dialect adapters map it to their own format. `attachments`
    hold the bytes; `payload["attachments"]` lists their metadata in the same order.

    `upload_state` is what this adapter saved for the record on an earlier, interrupted
    attempt (see `UploadProgress`); {} the first time.
    """

    item_id: int
    submission_uuid: str  # the idempotency key, everywhere
    revision: int
    number: str
    payload: Mapping[str, Any]
    attachments: tuple[Attachment, ...]
    attempt: int  # 1 for the first try
    upload_state: Mapping[str, Any] = field(default_factory=dict)
    upstream_ref: str | None = None  # e.g. an Open311 token from an earlier attempt


# An adapter calls this to persist resumable-upload progress for the item (committed at once,
# so a killed process resumes from it). The mapping must be JSON-serialisable and small.
UploadProgress = Callable[[Mapping[str, Any]], None]


class ResultKind(StrEnum):
    REGISTERED = "registered"  # accepted, and the upstream gave its tracking id
    ACCEPTED = "accepted"  # accepted; the tracking id comes later (a status pull)
    RETRY = "retry"  # not taken this time; try again after a backoff
    REFUSED = "refused"  # permanent refusal: quarantine, slip back to the petugas


@dataclass(frozen=True)
class SendResult:
    kind: ResultKind
    tracking_id: str | None = None
    upstream_ref: str | None = None  # transaction id / Open311 token, to poll with later
    upstream_status: str | None = None  # status text as the upstream wrote it
    reason: str | None = None  # a key of sync.messages.PROBLEMS (RETRY and REFUSED)
    field: str | None = None  # the slip's field to fix (REFUSED), e.g. "category_id"
    detail: str | None = None  # technical detail for the log, never shown as the message
    retry_after: float | None = None  # seconds the upstream asked us to wait (RETRY)
    offline: bool = False  # the link itself is down: the engine stops the run early
    bytes_sent: int = 0  # request bytes this call put on the wire (bodies; for the figures)

    @classmethod
    def registered(cls, tracking_id: str, *, upstream_ref: str | None = None,
                   upstream_status: str | None = None) -> SendResult:
        return cls(ResultKind.REGISTERED, tracking_id=tracking_id, upstream_ref=upstream_ref,
                   upstream_status=upstream_status)

    @classmethod
    def accepted(cls, *, upstream_ref: str | None = None,
                 upstream_status: str | None = None) -> SendResult:
        return cls(ResultKind.ACCEPTED, upstream_ref=upstream_ref,
                   upstream_status=upstream_status)

    @classmethod
    def retry(cls, reason: str, *, detail: str | None = None, retry_after: float | None = None,
              offline: bool = False, upstream_ref: str | None = None) -> SendResult:
        return cls(ResultKind.RETRY, reason=reason, detail=detail, retry_after=retry_after,
                   offline=offline, upstream_ref=upstream_ref)

    @classmethod
    def refused(cls, reason: str, *, field: str | None = None,
                detail: str | None = None) -> SendResult:
        return cls(ResultKind.REFUSED, reason=reason, field=field, detail=detail)

    @property
    def ok(self) -> bool:
        return self.kind in (ResultKind.REGISTERED, ResultKind.ACCEPTED)


@dataclass(frozen=True)
class KnownItem:
    """A record already handed upstream, for adapters that poll per record (Open311)."""

    submission_uuid: str
    tracking_id: str | None
    upstream_ref: str | None


@dataclass(frozen=True)
class StatusChange:
    """One change upstream: a tracking id assigned, and/or a new status text.

    At least one of `submission_uuid` / `tracking_id` / `upstream_ref` identifies the record;
    the engine ignores (and counts as unknown) changes for records it does not have.
    """

    submission_uuid: str | None
    tracking_id: str | None = None
    status: str | None = None  # as the upstream wrote it ("Terdisposisi ke Dinas PU")
    at: datetime | None = None  # when it changed upstream (None: now)
    upstream_ref: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PullResult:
    changes: tuple[StatusChange, ...]
    cursor: str | None  # give it back on the next pull; None keeps the old one
    complete: bool = True  # False: more pages are waiting (the engine pulls again)
    problem: str | None = None  # reason code when the pull failed as a whole
    detail: str | None = None


@dataclass(frozen=True)
class AdapterInfo:
    """Human-facing identity of an adapter (the name shown in Antrian Kirim and batches)."""

    code: str  # "exchange", "open311", "lapor_xml", "bundle"
    target: str  # URL or path, never with a token in it


class Adapter(abc.ABC):
    """One upstream. Made per push/pull run by `kotaksaran.sync.adapters.create_adapter`;
    `close()` is called at the end of the run. `send` is called from up to `parallel` worker
    threads at once (one record each); set `parallel = 1` if the adapter cannot do that."""

    code: str = ""
    # True when `send` needs the page bytes (all HTTP adapters); a dialect that only sends
    # URLs to attachments may say False and save the work of preparing them.
    needs_attachments: bool = True
    parallel: int = 1

    @abc.abstractmethod
    def info(self) -> AdapterInfo: ...

    @abc.abstractmethod
    def send(self, item: OutgoingItem, progress: UploadProgress) -> SendResult:
        """Deliver one record; must be idempotent on `item.submission_uuid`."""

    @abc.abstractmethod
    def pull(self, cursor: str | None, known: Sequence[KnownItem]) -> PullResult:
        """Status changes since `cursor`."""

    def ping(self) -> bool:
        """Is the upstream reachable now? (for resuming on its own when the link is back)"""
        return True

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
