"""Frozen snapshots that services hand to the GUI, the CLI and workers (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..domain.enums import Status
from .audit import AuditView

IDENTITY_FIELDS = (
    "reporter_name",
    "reporter_nik",
    "reporter_phone",
    "reporter_email",
    "reporter_address",
)

# Fields a person edits on the submission form (and `kotaksaran edit --FIELD`).
EDITABLE_FIELDS = (
    "classification",
    "title",
    "body",
    "event_date",
    "location",
    "agency_id",
    "category_id",
    "anonim",
    "rahasia",
    "channel",
    "box_session_id",
    *IDENTITY_FIELDS,
)


@dataclass(frozen=True)
class SubmissionView:
    id: int
    uuid: str
    number: str
    status: Status
    status_reason: str | None
    channel: str
    classification: str | None
    title: str
    body: str
    event_date: date | None
    location: str
    agency_id: int | None
    agency_code: str | None
    agency_name: str | None
    category_id: int | None
    category_code: str | None
    category_name: str | None
    category_parent_name: str | None
    anonim: bool
    rahasia: bool
    identity_visible: bool
    reporter_name: str | None
    reporter_nik: str | None
    reporter_phone: str | None
    reporter_email: str | None
    reporter_address: str | None
    box_session_id: int | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    verified_by: str | None
    verified_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    upstream_status: str | None
    tracking_id: str | None
    revision: int
    page_count: int
    audit: tuple[AuditView, ...] = field(default=())

    def form_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}

    def to_json(self, *, with_audit: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            if name == "audit":
                continue
            value = getattr(self, name)
            if isinstance(value, datetime | date):
                value = value.isoformat()
            elif isinstance(value, Status):
                value = value.value
            out[name] = value
        out["id"], out["local_id"] = self.uuid, self.id
        del out["uuid"]
        if with_audit:
            out["audit"] = [e.to_json() for e in self.audit]
        return out


@dataclass(frozen=True)
class SubmissionRow:
    """One line of the submission list."""

    id: int
    uuid: str
    number: str
    status: Status
    channel: str
    classification: str | None
    title: str
    agency_name: str | None
    created_at: datetime
    event_date: date | None
    box_session_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.uuid,
            "number": self.number,
            "status": self.status.value,
            "channel": self.channel,
            "classification": self.classification,
            "title": self.title,
            "agency": self.agency_name,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "box_session": self.box_session_id,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class SaveResult:
    """A saved draft and what is still wrong with it (for inline messages)."""

    submission: SubmissionView
    problems: dict[str, list[str]]
    created: bool
