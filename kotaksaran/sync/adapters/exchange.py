"""The Kotak Saran exchange API (docs/openapi.yaml): our own JSON-over-HTTPS protocol.

Per record: each page image goes up as a resumable upload named by its SHA-256
(`PATCH /v1/uploads/{sha256}` with `Upload-Offset`; `HEAD` says how much arrived), then the
record itself with `PUT /v1/submissions/{uuid}` — the UUID is the idempotency key: 201 for a new
record or revision, 200 for a repeat of the same one, 409 for a stale revision.
Status changes: `GET /v1/changes?since=CURSOR`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

import httpx

from ..http import classify_exception, classify_status, json_body, make_client
from . import AdapterConfig
from .base import (
    Adapter,
    AdapterInfo,
    Attachment,
    KnownItem,
    OutgoingItem,
    PullResult,
    SendResult,
    StatusChange,
    UploadProgress,
)

CHUNK = 1024 * 1024  # bytes per upload request
# payload key -> the slip's field, for refusals that name a field
_FIELDS = {"category": "category_id", "agency": "agency_id", "reporter": "reporter",
           "attachments": "attachments"}
_REFUSAL_CODES = {"unknown_value", "invalid_field", "missing_field", "too_long",
                  "stale_revision", "attachment_rejected", "refused"}


class _Retry(Exception):
    def __init__(self, result: SendResult) -> None:
        super().__init__(result.reason)
        self.result = result


class ExchangeAdapter(Adapter):
    code = "exchange"
    parallel = 4

    def __init__(self, config: AdapterConfig) -> None:
        self.config = config
        headers = {"Accept": "application/json"}
        if config.token:
            headers["Authorization"] = f"Bearer {config.token}"
        if config.unit_code:
            headers["X-Unit"] = config.unit_code
        self.client = make_client(config.url, ca_file=config.ca_file, proxy=config.proxy,
                                  timeout=config.timeout, headers=headers, demo=config.demo)

    def info(self) -> AdapterInfo:
        return AdapterInfo(self.code, str(self.client.base_url).rstrip("/"))

    def close(self) -> None:
        self.client.close()

    def ping(self) -> bool:
        try:
            return self.client.get("/v1/ping").status_code == 200
        except httpx.HTTPError:
            return False

    # --- send ---------------------------------------------------------------------------
    def send(self, item: OutgoingItem, progress: UploadProgress) -> SendResult:
        sent = [0]
        result = self._send(item, progress, sent)
        return replace(result, bytes_sent=sent[0])

    def _send(self, item: OutgoingItem, progress: UploadProgress,
              sent: list[int]) -> SendResult:
        try:
            for att in item.attachments:
                self._upload(att, resume=item.attempt > 1 or att.sha256 in item.upload_state,
                             progress=progress, state=dict(item.upload_state), sent=sent)
            body = json.dumps(dict(item.payload), ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8")
            sent[0] += len(body)
            resp = self.client.put(
                f"/v1/submissions/{item.submission_uuid}", content=body,
                headers={"Content-Type": "application/json",
                         "Idempotency-Key": item.submission_uuid})
        except _Retry as r:
            return r.result
        except httpx.HTTPError as exc:
            return classify_exception(exc)
        return self._submit_result(resp)

    def _submit_result(self, resp: httpx.Response) -> SendResult:
        if resp.status_code in (200, 201):
            data = json_body(resp)
            if not isinstance(data, dict):
                return SendResult.retry("bad_answer", detail=resp.text[:300])
            tracking = data.get("tracking_id")
            status = data.get("status")
            if tracking:
                return SendResult.registered(str(tracking), upstream_status=status)
            return SendResult.accepted(upstream_status=status)
        general = classify_status(resp)
        if general is not None:
            return general
        err = _first_error(resp)
        code = str(err.get("code") or "")
        field = err.get("field")
        detail = f"HTTP {resp.status_code}: {resp.text[:300]}"
        if resp.status_code == 409:
            return SendResult.refused("stale_revision", detail=detail)
        if code in ("missing_attachment", "hash_mismatch"):
            return SendResult.retry("upload_incomplete", detail=detail)
        if resp.status_code in (400, 404, 413, 415, 422):
            reason = code if code in _REFUSAL_CODES else "refused"
            if resp.status_code == 413:
                reason, field = "attachment_rejected", "attachments"
            slip_field = _FIELDS.get(str(field), str(field)) if field else None
            return SendResult.refused(reason, field=slip_field, detail=detail)
        return SendResult.retry("bad_answer", detail=detail)

    def _upload(self, att: Attachment, *, resume: bool, progress: UploadProgress,
                state: dict[str, Any], sent: list[int]) -> None:
        url = f"/v1/uploads/{att.sha256}"
        offset = 0
        if resume:
            head = self.client.head(url)
            if head.status_code == 200:
                offset = _offset(head)
            elif head.status_code != 404:
                self._raise_for(head)
        for _ in range(2 + len(att.data) // CHUNK * 2):  # bounded: offsets may be re-synced
            if offset >= att.size:
                return
            chunk = att.data[offset:offset + CHUNK]
            sent[0] += len(chunk)
            resp = self.client.patch(url, content=chunk, headers={
                "Upload-Offset": str(offset), "Upload-Length": str(att.size),
                "Content-Type": "application/offset+octet-stream"})
            if resp.status_code in (200, 201):
                return
            if resp.status_code == 204:
                offset = _offset(resp)
                if att.size > CHUNK:
                    state[att.sha256] = offset
                    progress(state)
                continue
            if resp.status_code == 409 and "Upload-Offset" in resp.headers:
                offset = _offset(resp)  # the receiver holds a different part: go on from there
                continue
            if resp.status_code == 413:
                raise _Retry(SendResult.refused("attachment_rejected", field="attachments",
                                                detail=resp.text[:300]))
            self._raise_for(resp)
        raise _Retry(SendResult.retry("upload_incomplete"))

    def _raise_for(self, resp: httpx.Response) -> None:
        general = classify_status(resp)
        if general is not None:
            raise _Retry(general)
        code = str(_first_error(resp).get("code") or "")
        if code == "hash_mismatch":
            raise _Retry(SendResult.retry("upload_incomplete", detail=resp.text[:300]))
        raise _Retry(SendResult.retry("bad_answer", detail=f"HTTP {resp.status_code}"))

    # --- pull ---------------------------------------------------------------------------
    def pull(self, cursor: str | None, known: Sequence[KnownItem]) -> PullResult:
        try:
            resp = self.client.get("/v1/changes", params={"since": cursor or "0",
                                                          "limit": "500"})
        except httpx.HTTPError as exc:
            r = classify_exception(exc)
            return PullResult((), None, problem=r.reason, detail=r.detail)
        if resp.status_code != 200:
            r = classify_status(resp) or SendResult.retry("bad_answer")
            return PullResult((), None, problem=r.reason, detail=f"HTTP {resp.status_code}")
        data = json_body(resp)
        if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
            return PullResult((), None, problem="bad_answer", detail=resp.text[:300])
        changes = []
        for c in data["changes"]:
            if not isinstance(c, dict):
                continue
            at = None
            if c.get("at"):
                try:
                    at = datetime.fromisoformat(str(c["at"]))
                except ValueError:
                    at = None
            changes.append(StatusChange(
                submission_uuid=c.get("uuid"), tracking_id=c.get("tracking_id"),
                status=c.get("status"), at=at))
        next_cursor = data.get("cursor")
        return PullResult(tuple(changes), str(next_cursor) if next_cursor is not None else None,
                          complete=not data.get("more"))


def _offset(resp: httpx.Response) -> int:
    try:
        return int(resp.headers.get("Upload-Offset", "0"))
    except ValueError:
        return 0


def _first_error(resp: httpx.Response) -> dict[str, Any]:
    data = json_body(resp)
    if isinstance(data, dict) and isinstance(data.get("errors"), list) and data["errors"]:
        first = data["errors"][0]
        if isinstance(first, dict):
            return first
    return {}
