"""The reference receiver's LAPOR! XML stream routes (under /lapor), by the same mapping file
the adapter uses (`resources/sync/lapor_xml.toml`, or `<data dir>/sync/lapor_xml.toml`).

- `POST /lapor/<submit path>` — the XML document with the token as the root's attribute;
  answers `<response><trackingid/><transaksiid/><status/></response>` (no tracking id in
  deferred and relay modes: it comes through the status feed), or on a refusal
  `<response><kode/><field/><pesan/></response>` with 422 (409 for a stale revision,
  401 for a bad token, 400 for XML that cannot be read);
- `GET /lapor/<status path>?since=<cursor>&token=…` — the status feed (`<statuses
  cursor more><laporan idlokal trackingid status waktu/></statuses>`).
"""

from __future__ import annotations

import uuid as uuid_mod
from typing import Any

from aiohttp import web

from ..sync.lapor_xml_format import (
    FeedEntry,
    LaporMapping,
    XmlRejected,
    build_answer,
    build_status_feed,
    mapping_for,
    parse_submission,
)
from .context import ReceiverContext
from .core import AttachmentRef, IncomingRecord, Refusal

BASE = "/lapor"
_NS = uuid_mod.UUID("0d7c1a52-5f3e-4b8b-9a61-7c2f1e9d4a30")
XML = "text/xml"
MESSAGES = {
    "unauthorized": "Token tidak dikenal",
    "missing_field": "Data wajib belum diisi",
    "invalid_field": "Data tidak valid",
    "unknown_value": "Nilai tidak dikenal",
    "too_long": "Teks terlalu panjang",
    "stale_revision": "Sudah ada versi laporan yang lebih baru",
    "attachment_rejected": "Lampiran ditolak",
    "missing_attachment": "Lampiran tidak lengkap",
}


class _Routes:
    def __init__(self, ctx: ReceiverContext, mapping: LaporMapping) -> None:
        self.ctx = ctx
        self.mapping = mapping

    def _xml(self, values: dict[str, str | None], status: int) -> web.Response:
        return web.Response(body=build_answer(self.mapping, values), status=status,
                            content_type=XML, charset="utf-8")

    def _refuse(self, status: int, code: str, field: str | None) -> web.Response:
        return self._xml({"error_code": code, "error_field": self._element(field),
                          "message": MESSAGES.get(code, "Laporan ditolak")}, status)

    def _element(self, field: str | None) -> str | None:
        """The XML element name behind a receiver field name ("category" -> "kategori")."""
        if not field:
            return None
        for f in self.mapping.fields:
            head = f.source.split(".", 1)[0]
            if head == field or f.slip_field in (field, f"{field}_id"):
                return f.to.rsplit("/", 1)[-1].lstrip("@")
        return field

    async def submit(self, request: web.Request) -> web.Response:
        body = await request.read()
        try:
            parsed = parse_submission(self.mapping, body)
        except XmlRejected:
            return self._refuse(400, "invalid_field", "body")
        who = await self.ctx.sender(parsed.token)
        if who is None:
            return self._refuse(401, "unauthorized", None)
        record: dict[str, Any] = parsed.record
        refs: list[AttachmentRef] = []
        for a in parsed.attachments:
            sha = await self.ctx.run(self.ctx.core.put_blob, a.data)
            refs.append(AttachmentRef(sha, a.name, a.mime, len(a.data)))
        raw_uuid = record.get("uuid")
        try:
            sub_uuid = str(uuid_mod.UUID(str(raw_uuid))) if raw_uuid else str(
                uuid_mod.uuid5(_NS, f"{who}\n".encode().hex() + body.hex()[:4096]))
        except ValueError:
            return self._refuse(422, "invalid_field", "uuid")
        record["uuid"] = sub_uuid
        try:
            revision = int(str(record.get("revision") or 1))
        except ValueError:
            return self._refuse(422, "invalid_field", "revision")
        record["revision"] = revision
        record["attachments"] = [{"sha256": r.sha256, "name": r.name, "mime": r.mime,
                                  "size": r.size} for r in refs]
        rec = IncomingRecord(sub_uuid, revision, record, tuple(refs))
        try:
            acc = await self.ctx.run(self.ctx.core.accept, rec, sender=who,
                                     dialect="lapor_xml")
        except Refusal as r:
            return self._refuse(r.status if r.status in (409, 413) else 422, r.code, r.field)
        tracking = acc.tracking_id if self.ctx.tracking_mode == "immediate" else None
        return self._xml({"tracking_id": tracking, "transaction_id": acc.uuid,
                          "status": acc.status if tracking else None},
                         200 if acc.outcome == "repeat" else 201)

    async def status(self, request: web.Request) -> web.Response:
        token_name = self.mapping.token_attribute or "token"
        if await self.ctx.sender(request.query.get(token_name)) is None:
            return self._refuse(401, "unauthorized", None)
        raw = request.query.get("since") or "0"
        try:
            since = int(raw)
            limit = max(0, min(1000, int(request.query.get("limit") or 500)))
        except ValueError:
            return self._refuse(400, "invalid_field", "since")
        await self.ctx.run(self.ctx.core.assign_deferred)
        changes, cursor, more = await self.ctx.run(self.ctx.core.changes_since, since,
                                                   max(limit, 1))
        if limit == 0:
            changes, cursor, more = [], since, bool(changes)
        entries = [FeedEntry(local_id=c.uuid, tracking_id=c.tracking_id, status=c.status,
                             at=c.at.isoformat()) for c in changes]
        return web.Response(body=build_status_feed(self.mapping, entries, str(cursor), more),
                            content_type=XML, charset="utf-8")


def setup(app: web.Application, ctx: ReceiverContext) -> None:
    """Mount the LAPOR! XML routes (called by the receiver's server)."""
    mapping = mapping_for({}, ctx.core.store.data_dir.root)
    routes = _Routes(ctx, mapping)
    app.router.add_post(f"{BASE}/{mapping.submit_path.strip('/')}", routes.submit)
    if mapping.status_path:
        app.router.add_get(f"{BASE}/{mapping.status_path.strip('/')}", routes.status)
