"""Adapter: Open311 GeoReport v2, including batch servers that answer with a token first.

`send` posts `requests.json` (form-encoded UTF-8; multipart when page images go along as
`media` parts). A server that answers `[{"service_request_id"}]` registers the slip at once;
one that answers `[{"token"}]` is asked once right away (`GET tokens/<token>.json`) and
otherwise the token is kept as the item's `upstream_ref`: a later status pull turns it into the
tracking id, and a resend of the same item asks for the token instead of posting twice.

`pull` asks per record (GeoReport has no change feed): tokens without an id through
`tokens/<token>.json`, registered records through `requests.json?service_request_id=a,b,…`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from .. import http
from ..open311_format import Open311Mapping, description, form_fields, mapping_for, problem_of
from . import AdapterConfig
from .base import (
    Adapter,
    AdapterInfo,
    KnownItem,
    OutgoingItem,
    PullResult,
    SendResult,
    StatusChange,
    UploadProgress,
)

ID_CHUNK = 50


class Open311Adapter(Adapter):
    code = "open311"

    def __init__(self, config: AdapterConfig) -> None:
        self.config = config
        self.mapping: Open311Mapping = mapping_for(config.options, config.data_dir)
        self.needs_attachments = self.mapping.media == "multipart"
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = http.make_client(
                self.config.url, ca_file=self.config.ca_file, proxy=self.config.proxy,
                timeout=self.config.timeout, demo=self.config.demo,
                headers={"Accept": "application/json"})
        return self._client

    def info(self) -> AdapterInfo:
        return AdapterInfo(code=self.code, target=self.config.url)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # --- sending ----------------------------------------------------------------------------
    def send(self, item: OutgoingItem, progress: UploadProgress) -> SendResult:
        if item.upstream_ref:
            # An earlier attempt got a token: the server has the request already.
            known = self._resolve_token(item.upstream_ref)
            if known is not None:
                return known
        text = description(self.mapping, item.payload)
        if len(text) > self.mapping.max_description:
            return SendResult.refused("too_long", field="body",
                                      detail=f"description of {len(text)} characters")
        data = dict(form_fields(self.mapping, item.payload, self.config.token))
        files = [("media", (a.name, a.data, a.mime)) for a in item.attachments] \
            if self.needs_attachments else []
        try:
            response = self.client.post("requests.json", data=data, files=files or None)
        except (httpx.HTTPError, OSError) as exc:
            return http.classify_exception(exc)
        return self._read_reply(response)

    def _read_reply(self, response: httpx.Response) -> SendResult:
        code = response.status_code
        detail = f"HTTP {code}: {response.text[:300]}"
        body = http.json_body(response)
        if 200 <= code < 300:
            first = body[0] if isinstance(body, list) and body else body
            if not isinstance(first, Mapping):
                return SendResult.retry("bad_answer", detail=detail)
            request_id = _text(first.get("service_request_id"))
            token = _text(first.get("token"))
            if request_id:
                return SendResult.registered(request_id, upstream_ref=token,
                                             upstream_status=self.mapping.status_text.get(
                                                 "open"))
            if token:
                resolved = self._resolve_token(token)
                return resolved or SendResult.accepted(upstream_ref=token)
            return SendResult.retry("bad_answer", detail=detail)
        general = http.classify_status(response)
        if general is not None:
            return general
        if code == 409:
            return SendResult.refused("stale_revision", detail=detail)
        if code == 413:
            return SendResult.refused("attachment_rejected", field="attachments",
                                      detail=detail)
        if code == 404 and not isinstance(body, list):
            return SendResult.retry("bad_answer", detail=detail, offline=True)
        if 400 <= code < 500:
            reason, field = problem_of(body)
            if field and field not in _SLIP_FIELDS:
                field = self.mapping.field_for_attribute(field)
            return SendResult.refused(reason, field=field, detail=detail)
        return SendResult.retry("bad_answer", detail=detail)

    def _resolve_token(self, token: str) -> SendResult | None:
        """Ask for a token's request id: registered, accepted (not yet), or None (unknown to
        the server, or the question failed: the caller decides)."""
        try:
            response = self.client.get(f"tokens/{token}.json", params=self._key())
        except (httpx.HTTPError, OSError):
            return None
        if response.status_code == 404 or response.status_code >= 300:
            return None
        body = http.json_body(response)
        first = body[0] if isinstance(body, list) and body else body
        if not isinstance(first, Mapping):
            return None
        request_id = _text(first.get("service_request_id"))
        if request_id:
            return SendResult.registered(request_id, upstream_ref=token,
                                         upstream_status=self.mapping.status_text.get("open"))
        return SendResult.accepted(upstream_ref=token)

    def _key(self) -> dict[str, str]:
        return {"api_key": self.config.token} if self.config.token else {}

    # --- status -----------------------------------------------------------------------------
    def pull(self, cursor: str | None, known: Sequence[KnownItem]) -> PullResult:
        changes: list[StatusChange] = []
        try:
            for k in known:
                if k.upstream_ref and not k.tracking_id:
                    got = self._resolve_token(k.upstream_ref)
                    if got is not None and got.tracking_id:
                        changes.append(StatusChange(
                            submission_uuid=k.submission_uuid, tracking_id=got.tracking_id,
                            upstream_ref=k.upstream_ref, status=got.upstream_status))
            by_id = {k.tracking_id: k for k in known if k.tracking_id}
            ids = sorted(by_id)
            for start in range(0, len(ids), ID_CHUNK):
                chunk = ids[start:start + ID_CHUNK]
                response = self.client.get("requests.json", params={
                    **self._key(), "service_request_id": ",".join(chunk)})
                if response.status_code >= 400:
                    failed = http.classify_status(response) or SendResult.retry(
                        "bad_answer", detail=f"HTTP {response.status_code}")
                    return PullResult(tuple(changes), None, problem=failed.reason,
                                      detail=failed.detail)
                body = http.json_body(response)
                for row in body if isinstance(body, list) else []:
                    change = self._change(row, by_id)
                    if change is not None:
                        changes.append(change)
        except (httpx.HTTPError, OSError) as exc:
            failed = http.classify_exception(exc)
            return PullResult(tuple(changes), None, problem=failed.reason, detail=failed.detail)
        return PullResult(changes=tuple(changes), cursor=cursor)

    def _change(self, row: Any, by_id: Mapping[str, KnownItem]) -> StatusChange | None:
        if not isinstance(row, Mapping):
            return None
        request_id = _text(row.get("service_request_id"))
        if not request_id:
            return None
        k = by_id.get(request_id)
        state = str(row.get("status") or "").lower()
        notes = _text(row.get("status_notes"))
        status = notes or self.mapping.status_text.get(state) or state or None
        return StatusChange(submission_uuid=k.submission_uuid if k else None,
                            tracking_id=request_id, status=status,
                            at=_when(row.get("updated_datetime")),
                            upstream_ref=k.upstream_ref if k else None)

    def ping(self) -> bool:
        try:
            response = self.client.get("services.json", params=self._key())
        except (httpx.HTTPError, OSError):
            return False
        return response.status_code < 500


_SLIP_FIELDS = frozenset({"category_id", "agency_id", "title", "body", "event_date",
                          "location", "classification", "reporter_name", "reporter_email",
                          "reporter_phone", "attachments"})


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        at = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)
