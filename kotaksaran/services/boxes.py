"""Suggestion boxes and box-opening sessions (sesi pembukaan kotak saran)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import BoxSessionState, Role
from ..domain.errors import Conflict, KotakSaranError, NotFound, ValidationFailed
from ..store.models import Box, BoxSession, Submission
from .context import ServiceBase, current_unit


@dataclass(frozen=True)
class BoxView:
    id: int
    code: str
    name: str
    location: str
    active: bool
    is_default: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class BoxSessionView:
    id: int
    uuid: str
    box_id: int
    box_name: str
    state: BoxSessionState
    location: str
    opened_at: datetime
    opened_by: str
    witnesses: tuple[str, ...]
    slips_found: int
    slips_digitised: int
    closed_at: datetime | None
    close_note: str

    @property
    def differs(self) -> bool:
        return self.slips_found != self.slips_digitised

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uuid": self.uuid, "box_id": self.box_id, "box": self.box_name,
            "state": self.state.value, "location": self.location,
            "opened_at": self.opened_at.isoformat(), "opened_by": self.opened_by,
            "witnesses": list(self.witnesses), "slips_found": self.slips_found,
            "slips_digitised": self.slips_digitised,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "close_note": self.close_note,
        }


def _digitised(s: Session, session_id: int) -> int:
    return int(s.scalar(select(func.count()).where(Submission.box_session_id == session_id))
               or 0)


def session_view(s: Session, bs: BoxSession) -> BoxSessionView:
    return BoxSessionView(
        bs.id, bs.uuid, bs.box_id, bs.box.name, BoxSessionState(bs.state), bs.location,
        bs.opened_at, bs.opened_by, tuple(bs.witnesses), bs.slips_found,
        _digitised(s, bs.id) if bs.slips_digitised is None or bs.state == "open"
        else bs.slips_digitised, bs.closed_at, bs.close_note,
    )


class BoxService(ServiceBase):
    STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)

    # --- boxes --------------------------------------------------------------------------
    def boxes(self, *, include_inactive: bool = False) -> list[BoxView]:
        with self.store.read() as s:
            unit = current_unit(s)
            stmt = select(Box).where(Box.unit_id == unit.id).order_by(Box.code)
            if not include_inactive:
                stmt = stmt.where(Box.active.is_(True))
            return [BoxView(b.id, b.code, b.name, b.location, b.active,
                            b.id == unit.default_box_id) for b in s.scalars(stmt)]

    def add_box(self, code: str, name: str, location: str = "", *,
                make_default: bool = False) -> BoxView:
        self.require(Role.ADMIN, action="box_add")
        if not code.strip() or not name.strip():
            raise ValidationFailed({"code" if not code.strip() else "name": ["required"]})
        with self.store.write() as s:
            unit = current_unit(s)
            if s.scalar(select(func.count()).where(Box.unit_id == unit.id,
                                                   Box.code == code.strip().upper())):
                raise Conflict(what="box", ref=code)
            box = Box(unit_id=unit.id, code=code.strip().upper(), name=name.strip(),
                      location=location.strip())
            s.add(box)
            s.flush()
            if make_default or unit.default_box_id is None:
                unit.default_box_id = box.id
            self.audit(s, "box_add", "box", box.id,
                       [{"field": "name", "old": None, "new": box.name}])
            return BoxView(box.id, box.code, box.name, box.location, True,
                           unit.default_box_id == box.id)

    def update_box(self, box_id: int, *, name: str | None = None, location: str | None = None,
                   active: bool | None = None, make_default: bool = False) -> None:
        self.require(Role.ADMIN, action="box_update")
        with self.store.write() as s:
            box = s.get(Box, box_id)
            if box is None:
                raise NotFound(what="box", ref=str(box_id))
            changes = []
            for field, new in (("name", name), ("location", location), ("active", active)):
                if new is not None and getattr(box, field) != new:
                    changes.append({"field": field, "old": getattr(box, field), "new": new})
                    setattr(box, field, new)
            if make_default:
                current_unit(s).default_box_id = box.id
                changes.append({"field": "default", "old": None, "new": True})
            if changes:
                self.audit(s, "box_update", "box", box.id, changes)

    # --- sessions -----------------------------------------------------------------------
    def open_session(self, *, box_id: int | None = None, opened_by: str | None = None,
                     witnesses: list[str] | None = None, slips_found: int = 0,
                     location: str | None = None, opened_at: datetime | None = None
                     ) -> BoxSessionView:
        self.require(*self.STAFF, action="session_open")
        if slips_found < 0:
            raise ValidationFailed({"slips_found": ["negative"]})
        with self.store.write() as s:
            unit = current_unit(s)
            box_id = box_id or unit.default_box_id
            box = s.get(Box, box_id) if box_id else None
            if box is None:
                raise NotFound(what="box", ref=str(box_id))
            bs = BoxSession(
                unit_id=unit.id, box_id=box.id, location=(location or box.location).strip(),
                opened_at=opened_at or self.now(),
                opened_by=(opened_by or self.actor.full_name or self.actor.label).strip(),
                witnesses=[w.strip() for w in (witnesses or []) if w.strip()],
                slips_found=slips_found, created_by_id=self.actor.user_id,
            )
            s.add(bs)
            s.flush()
            self.audit(s, "session_open", "box_session", bs.id, [
                {"field": "box", "old": None, "new": box.name},
                {"field": "slips_found", "old": None, "new": slips_found},
                {"field": "witnesses", "old": None, "new": bs.witnesses},
            ])
            return session_view(s, bs)

    def update_session(self, session_id: int, *, slips_found: int | None = None,
                       witnesses: list[str] | None = None) -> BoxSessionView:
        self.require(*self.STAFF, action="session_update")
        with self.store.write() as s:
            bs = self._get(s, session_id)
            changes = []
            if slips_found is not None and slips_found != bs.slips_found:
                changes.append({"field": "slips_found", "old": bs.slips_found,
                                "new": slips_found})
                bs.slips_found = slips_found
            if witnesses is not None and list(witnesses) != list(bs.witnesses):
                changes.append({"field": "witnesses", "old": bs.witnesses, "new": witnesses})
                bs.witnesses = list(witnesses)
            if changes:
                self.audit(s, "session_update", "box_session", bs.id, changes)
            return session_view(s, bs)

    def close_session(self, session_id: int, *, slips_found: int | None = None,
                      note: str = "") -> BoxSessionView:
        """Close a session; the view's `differs` says whether found and digitised disagree."""
        self.require(*self.STAFF, action="session_close")
        with self.store.write() as s:
            bs = self._get(s, session_id)
            if bs.state != BoxSessionState.OPEN.value:
                raise KotakSaranError("session_not_open", session=bs.id)
            if slips_found is not None:
                bs.slips_found = slips_found
            digitised = _digitised(s, bs.id)
            bs.state = BoxSessionState.CLOSED.value
            bs.closed_at = self.now()
            bs.closed_by_id = self.actor.user_id
            bs.slips_digitised = digitised
            bs.close_note = note.strip()
            self.audit(s, "session_close", "box_session", bs.id, [
                {"field": "state", "old": "open", "new": "closed"},
                {"field": "slips_found", "old": None, "new": bs.slips_found},
                {"field": "slips_digitised", "old": None, "new": digitised},
            ], note=note or None)
            return session_view(s, bs)

    def get_session(self, session_id: int) -> BoxSessionView:
        with self.store.read() as s:
            return session_view(s, self._get(s, session_id))

    def sessions(self, *, state: BoxSessionState | None = None, limit: int | None = None
                 ) -> list[BoxSessionView]:
        with self.store.read() as s:
            stmt = select(BoxSession).order_by(BoxSession.opened_at.desc(), BoxSession.id.desc())
            if state is not None:
                stmt = stmt.where(BoxSession.state == state.value)
            if limit:
                stmt = stmt.limit(limit)
            return [session_view(s, bs) for bs in s.scalars(stmt)]

    @staticmethod
    def _get(s: Session, session_id: int) -> BoxSession:
        bs = s.get(BoxSession, session_id)
        if bs is None:
            raise NotFound(what="box_session", ref=str(session_id))
        return bs
