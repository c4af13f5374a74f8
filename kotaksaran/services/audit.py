"""The audit trail: written in the same transaction as the change it describes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import AuditEvent

# Autosaves by one person within this window merge into one event, so that a draft typed over
# ten minutes leaves one readable entry and not a hundred.
COALESCE_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    changes: list[dict[str, Any]]
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "action": self.action,
            "entity_type": self.entity_type,
            "entity_id": self.entity_id,
            "changes": self.changes,
            "note": self.note,
        }


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Field-by-field changes between two snapshots, in a stable order."""
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = jsonable(old.get(key)), jsonable(new.get(key))
        if a != b:
            out.append({"field": key, "old": a, "new": b})
    return out


def record(
    s: Session,
    *,
    at: datetime,
    actor: str,
    actor_user_id: int | None,
    action: str,
    entity_type: str,
    entity_id: str,
    changes: list[dict[str, Any]],
    note: str | None,
    coalesce: bool = False,
) -> None:
    if coalesce:
        last = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).first()
        if (
            last is not None
            and last.action == action
            and last.actor == actor
            and at - last.at <= COALESCE_WINDOW
        ):
            last.changes = _merge(last.changes, changes)
            last.at = at
            return
    s.add(
        AuditEvent(
            at=at,
            actor=actor,
            actor_user_id=actor_user_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            changes=changes,
            note=note,
        )
    )


def _merge(first: list[dict[str, Any]], later: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep each field's earliest old value and latest new value; drop fields back at start."""
    merged: dict[str, dict[str, Any]] = {c["field"]: dict(c) for c in first}
    for c in later:
        if c["field"] in merged:
            merged[c["field"]]["new"] = c["new"]
        else:
            merged[c["field"]] = dict(c)
    return [c for c in merged.values() if c["old"] != c["new"]]


def events_for(s: Session, entity_type: str, entity_id: str) -> list[AuditView]:
    rows = s.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id)
    )
    return [to_view(e) for e in rows]


def to_view(e: AuditEvent) -> AuditView:
    return AuditView(e.id, e.at, e.actor, e.action, e.entity_type, e.entity_id,
                     list(e.changes), e.note)
