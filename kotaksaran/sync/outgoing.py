"""The canonical record that leaves the office (the exchange API's `Submission` schema).

What may leave is decided by the privacy service (`svc.privacy.outgoing_text` and
`outgoing_pages`); the sync service passes their results in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from ..store.models import Agency, Category, Submission, Unit
from .adapters.base import Attachment

SCHEMA_VERSION = 1


def _agency(a: Agency | None) -> dict[str, Any] | None:
    return None if a is None else {"code": a.code, "name": a.name}


def _category(s: Session, c: Category | None) -> dict[str, Any] | None:
    if c is None:
        return None
    parent = s.get(Category, c.parent_id) if c.parent_id else None
    return {
        "code": c.code, "name": c.name, "upstream_id": c.upstream_id,
        "parent": None if parent is None else {
            "code": parent.code, "name": parent.name, "upstream_id": parent.upstream_id},
    }


def build_payload(s: Session, sub: Submission, text: Mapping[str, str],
                  attachments: Sequence[Attachment]) -> dict[str, Any]:
    """The record as JSON-ready data. Anonim: no reporter block at all; rahasia: the identity
    goes (so the agency can answer) and the report is marked not public."""
    unit = s.get(Unit, sub.unit_id)
    reporter = None
    if not sub.anonim:
        ident = {"name": sub.reporter_name, "nik": sub.reporter_nik,
                 "phone": sub.reporter_phone, "email": sub.reporter_email,
                 "address": sub.reporter_address}
        if any(v for v in ident.values()):
            reporter = ident
    return {
        "schema": SCHEMA_VERSION,
        "uuid": sub.uuid,
        "revision": sub.revision,
        "number": sub.number,
        "unit": {"code": unit.code if unit else "", "name": unit.name if unit else ""},
        "channel": sub.channel,
        "classification": sub.classification,
        "title": text.get("title", sub.title),
        "body": text.get("body", sub.body),
        "event_date": sub.event_date.isoformat() if sub.event_date else None,
        "location": sub.location,
        "agency": _agency(sub.agency),
        "category": _category(s, sub.category),
        "anonim": sub.anonim,
        "rahasia": sub.rahasia,
        "reporter": reporter,
        "created_at": sub.created_at.isoformat(),
        "approved_at": sub.reviewed_at.isoformat() if sub.reviewed_at else None,
        "attachments": [
            {"sha256": a.sha256, "name": a.name, "mime": a.mime, "size": a.size,
             "redacted": a.redacted}
            for a in attachments
        ],
    }


def content_hash(payload: Mapping[str, Any]) -> str:
    """A stable hash of a record's content (repeat vs. changed delivery)."""
    import json

    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def sniff_mime(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\x89PNG"):
        return "image/png", "png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg", "jpg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff", "tif"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    return "application/octet-stream", "bin"
