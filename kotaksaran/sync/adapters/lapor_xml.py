"""Adapter: the LAPOR! XML stream as publicly observed, mapped by a configuration file.

Element names, endpoint paths and the reply's names come from the mapping file (see
`kotaksaran/sync/lapor_xml_format.py` and `resources/sync/lapor_xml.toml`). The unit's
token travels as the root element's attribute, as in the public client. The slip's UUID goes
in its own element (`idlokal` in the built-in mapping), so that a receiver can answer a
repeat as a repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from .. import http
from ..lapor_xml_format import (
    FeedEntry,
    LaporMapping,
    XmlAttachment,
    XmlRejected,
    build_submission,
    mapping_for,
    parse_answer,
    parse_status_feed,
)
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


class LaporXmlAdapter(Adapter):
    code = "lapor_xml"

    def __init__(self, config: AdapterConfig) -> None:
        self.config = config
        self.mapping: LaporMapping = mapping_for(config.options, config.data_dir)
        self.needs_attachments = self.mapping.attachments_to is not None
        self._client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = http.make_client(
                self.config.url, ca_file=self.config.ca_file, proxy=self.config.proxy,
                timeout=self.config.timeout, demo=self.config.demo,
                headers={"Accept": "text/xml, application/xml, application/json"})
        return self._client

    def info(self) -> AdapterInfo:
        return AdapterInfo(code=self.code,
                           target=f"{self.config.url.rstrip('/')}/{self.mapping.submit_path}")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # --- sending ----------------------------------------------------------------------------
    def send(self, item: OutgoingItem, progress: UploadProgress) -> SendResult:
        attachments = [XmlAttachment(a.name, a.mime, a.sha256, a.data)
                       for a in item.attachments] if self.needs_attachments else []
        body = build_submission(self.mapping, item.payload, attachments, self.config.token)
        try:
            response = self.client.post(self.mapping.submit_path, content=body,
                                        headers={"Content-Type": self.mapping.content_type})
        except (httpx.HTTPError, OSError) as exc:
            return http.classify_exception(exc)
        return self.read_reply(response)

    def read_reply(self, response: httpx.Response) -> SendResult:
        answer = parse_answer(self.mapping, response.content)
        code = response.status_code
        detail = f"HTTP {code}: {response.text[:300]}"
        if 200 <= code < 300:
            tracking = answer.get("tracking_id")
            transaction = answer.get("transaction_id")
            if tracking:
                return SendResult.registered(tracking, upstream_ref=transaction,
                                             upstream_status=answer.get("status"))
            if transaction:
                return SendResult.accepted(upstream_ref=transaction,
                                           upstream_status=answer.get("status"))
            return SendResult.retry("bad_answer", detail=detail)
        if code in (401, 403) and answer.get("error_code") not in self.mapping.error_codes:
            return SendResult.retry("auth_failed", detail=detail, offline=True)
        general = http.classify_status(response)
        if general is not None and code not in (401, 403):
            return general
        if code == 404 and not answer:
            # The address or the submit path is wrong: no record will get through.
            return SendResult.retry("bad_answer", detail=detail, offline=True)
        if code == 409:
            return SendResult.refused("stale_revision", detail=detail)
        if code == 413:
            return SendResult.refused("attachment_rejected", field="attachments",
                                      detail=detail)
        if 400 <= code < 500:
            reason = self.mapping.error_codes.get(answer.get("error_code", ""), "refused")
            if reason in ("auth_failed",):
                return SendResult.retry(reason, detail=detail, offline=True)
            field = self.mapping.slip_field_for(answer.get("error_field"))
            return SendResult.refused(reason, field=field, detail=detail)
        return SendResult.retry("bad_answer", detail=detail)

    # --- status -----------------------------------------------------------------------------
    def pull(self, cursor: str | None, known: Sequence[KnownItem]) -> PullResult:
        if not self.mapping.status_path:
            return PullResult(changes=(), cursor=cursor)
        params: dict[str, Any] = {"since": cursor or ""}
        if self.config.token:
            params[self.mapping.token_attribute or "token"] = self.config.token
        try:
            response = self.client.get(self.mapping.status_path, params=params)
        except (httpx.HTTPError, OSError) as exc:
            failed = http.classify_exception(exc)
            return PullResult((), None, problem=failed.reason, detail=failed.detail)
        if response.status_code >= 400:
            failed = http.classify_status(response) or SendResult.retry(
                "bad_answer", detail=f"HTTP {response.status_code}")
            return PullResult((), None, problem=failed.reason, detail=failed.detail)
        try:
            entries, new_cursor, more = parse_status_feed(self.mapping, response.content)
        except XmlRejected as exc:
            return PullResult((), None, problem="bad_answer", detail=str(exc)[:300])
        return PullResult(changes=tuple(_change(e) for e in entries),
                          cursor=new_cursor or cursor, complete=not more)

    def ping(self) -> bool:
        try:
            response = self.client.get(self.mapping.status_path or self.mapping.submit_path,
                                       params={"since": "", "limit": "0"})
        except (httpx.HTTPError, OSError):
            return False
        return response.status_code < 500


def _change(e: FeedEntry) -> StatusChange:
    at = None
    if e.at:
        try:
            at = datetime.fromisoformat(e.at)
        except ValueError:
            at = None
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=UTC)
    return StatusChange(submission_uuid=e.local_id, tracking_id=e.tracking_id,
                        status=e.status, at=at)
