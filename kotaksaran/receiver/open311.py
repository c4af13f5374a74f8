"""The reference receiver's Open311 GeoReport v2 routes (under /open311/v2).

- `GET services.json` — the service codes of the mapping file;
- `POST requests.json` — form-encoded (or multipart with `media` file parts); answers
  `[{"service_request_id"}]` when the receiver hands out ids at once, otherwise
  `[{"token"}]` (deferred and relay modes: a batch-style server);
- `GET tokens/<token>.json` — `[{"token", "service_request_id"}]` (null while none is given);
- `GET requests.json?service_request_id=a,b` and `GET requests/<id>.json` — status as
  GeoReport has it (`open`/`closed`, `status_notes` = the status text).

The API key (`api_key`) is the sending unit's token; errors are GeoReport's list of
`{code, description}` (403 bad key, 404 unknown, 400 otherwise; 409 a stale revision).
A request without the slip's UUID attribute gets a UUID derived from its content (uuid5), so
that the same request sent twice is a repeat.
"""

from __future__ import annotations

import secrets
import uuid as uuid_mod
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField
from sqlalchemy import select

from ..store.models import ReceivedItem, Submission
from ..sync.open311_format import Open311Mapping, error_list, mapping_for, record_from_form
from ..sync.outgoing import sniff_mime
from ..sync.statuses import CLOSING, normalise
from .context import ReceiverContext
from .core import AttachmentRef, IncomingRecord, Refusal

BASE = "/open311/v2"
_NS = uuid_mod.UUID("5b0f3d4e-8f0e-4d61-9a53-0e1f6c7a2b90")
_STATE = web.AppKey("open311", dict)


def _errors(status: int, description: str) -> web.Response:
    return web.json_response([{"code": status, "description": description}], status=status)


class _Routes:
    def __init__(self, ctx: ReceiverContext, mapping: Open311Mapping) -> None:
        self.ctx = ctx
        self.mapping = mapping

    async def _who(self, key: str | None) -> str | None:
        return await self.ctx.sender(key or None)

    # --- services ---------------------------------------------------------------------------
    async def services(self, request: web.Request) -> web.Response:
        if await self._who(request.query.get("api_key")) is None:
            return _errors(403, "Invalid api_key")
        return web.json_response(self.mapping.services())

    # --- POST requests ----------------------------------------------------------------------
    async def post_request(self, request: web.Request) -> web.Response:
        form = await request.post()
        fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
        who = await self._who(fields.get("api_key") or request.query.get("api_key"))
        if who is None:
            return _errors(403, "Invalid api_key")
        if not fields.get("service_code"):
            return web.json_response(error_list(400, "missing_field", "category_id"),
                                     status=400)
        record = record_from_form(self.mapping, fields)
        if record["category"] is None and fields["service_code"] != \
                self.mapping.default_service_code:
            return web.json_response(error_list(400, "unknown_value", "category_id"),
                                     status=400)
        if not record.get("classification"):
            record["classification"] = "pengaduan"  # a service request is a complaint
        if not record.get("event_date"):
            record["event_date"] = datetime.now(UTC).date().isoformat()
        atts: list[AttachmentRef] = []
        for part in form.getall("media", []):
            if not isinstance(part, FileField):
                continue
            data = part.file.read()
            sha = await self.ctx.run(self.ctx.core.put_blob, data)
            mime = part.content_type or sniff_mime(data)[0]
            atts.append(AttachmentRef(sha, part.filename or "media", mime, len(data)))
        sub_uuid = record.get("uuid") or str(uuid_mod.uuid5(_NS, "\n".join(
            (who, *(f"{k}={v}" for k, v in sorted(fields.items()) if k != "api_key")))))
        try:
            sub_uuid = str(uuid_mod.UUID(str(sub_uuid)))
        except ValueError:
            return web.json_response(error_list(400, "invalid_field", None,
                                                "attribute uuid is not a UUID"), status=400)
        record["uuid"] = sub_uuid
        record["attachments"] = [{"sha256": a.sha256, "name": a.name, "mime": a.mime,
                                  "size": a.size} for a in atts]
        rec = IncomingRecord(sub_uuid, int(record.get("revision") or 1), record, tuple(atts))
        token = secrets.token_hex(8)
        try:
            acc = await self.ctx.run(self.ctx.core.accept, rec, sender=who, dialect="open311",
                                     token=token)
        except Refusal as r:
            status = 409 if r.status == 409 else 413 if r.status == 413 else 400
            field = {"category": "category_id", "agency": "agency_id"}.get(r.field or "",
                                                                           r.field)
            return web.json_response(error_list(status, r.code, field), status=status)
        if acc.tracking_id and self.ctx.tracking_mode == "immediate":
            answer: dict[str, Any] = {"service_request_id": acc.tracking_id,
                                      "service_notice": acc.status or "", "account_id": None}
        else:
            answer = {"token": acc.token or token}
        return web.json_response([answer], status=200 if acc.outcome == "repeat" else 201)

    # --- tokens -----------------------------------------------------------------------------
    async def get_token(self, request: web.Request) -> web.Response:
        if await self._who(request.query.get("api_key")) is None:
            return _errors(403, "Invalid api_key")
        token = request.match_info["token"]
        await self.ctx.run(self.ctx.core.assign_deferred)
        found = await self.ctx.run(self.ctx.core.find, token=token)
        if found is None:
            return _errors(404, "token not found")
        return web.json_response([{"token": token, "service_request_id": found.tracking_id}])

    # --- requests ---------------------------------------------------------------------------
    def _rows(self, ids: list[str]) -> list[dict[str, Any]]:
        out = []
        with self.ctx.core.store.read() as s:
            rows = s.execute(select(Submission, ReceivedItem.received_at).join(
                ReceivedItem, ReceivedItem.submission_id == Submission.id).where(
                Submission.tracking_id.in_(ids))).all()
            for sub, received_at in rows:
                code = normalise(sub.upstream_status)
                closed = code in CLOSING or sub.status == "closed"
                out.append({
                    "service_request_id": sub.tracking_id,
                    "status": "closed" if closed else "open",
                    "status_notes": sub.upstream_status,
                    "service_code": self.mapping.service_code(
                        {"category": {"code": sub.category.code}} if sub.category else {}),
                    "description": sub.title,
                    "requested_datetime": received_at.isoformat(),
                    "updated_datetime": sub.updated_at.isoformat(),
                    "address": sub.location,
                    "media_url": None,
                })
        return out

    async def get_requests(self, request: web.Request) -> web.Response:
        if await self._who(request.query.get("api_key")) is None:
            return _errors(403, "Invalid api_key")
        ids = [i.strip() for i in request.query.get("service_request_id", "").split(",")
               if i.strip()][:200]
        await self.ctx.run(self.ctx.core.assign_deferred)
        return web.json_response(await self.ctx.run(self._rows, ids) if ids else [])

    async def get_request(self, request: web.Request) -> web.Response:
        if await self._who(request.query.get("api_key")) is None:
            return _errors(403, "Invalid api_key")
        rows = await self.ctx.run(self._rows, [request.match_info["id"]])
        if not rows:
            return _errors(404, "service_request_id not found")
        return web.json_response(rows)


def setup(app: web.Application, ctx: ReceiverContext) -> None:
    """Mount the Open311 routes (called by the receiver's server)."""
    mapping = mapping_for({}, ctx.core.store.data_dir.root)
    routes = _Routes(ctx, mapping)
    app[_STATE] = {"mapping": str(mapping.path)}
    r = app.router
    r.add_get(f"{BASE}/services.json", routes.services)
    r.add_post(f"{BASE}/requests.json", routes.post_request)
    r.add_get(f"{BASE}/requests.json", routes.get_requests)
    r.add_get(f"{BASE}/requests/{{id}}.json", routes.get_request)
    r.add_get(f"{BASE}/tokens/{{token}}.json", routes.get_token)
