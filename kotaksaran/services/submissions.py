"""Capturing and reviewing slips: drafts that save themselves, verification, approval."""

from __future__ import annotations

import uuid as uuid_mod
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..domain import states
from ..domain.enums import BoxSessionState, Channel, Role, Status
from ..domain.errors import (
    KotakSaranError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from ..domain.numbering import DEFAULT_PREFIX, format_number
from ..domain.validation import field_problems, normalized_identity
from ..store.models import (
    Agency,
    BoxSession,
    Category,
    NumberCounter,
    Page,
    Setting,
    Submission,
    Unit,
)
from . import audit
from .audit import AuditView
from .config import SPECS
from .context import Actor, ServiceBase, current_unit
from .views import EDITABLE_FIELDS, IDENTITY_FIELDS, SaveResult, SubmissionView

_BOOL_FIELDS = {"anonim", "rahasia"}
_INT_FIELDS = {"agency_id", "category_id", "box_session_id"}


def _setting(s: Session, key: str) -> Any:
    row = s.get(Setting, key)
    return SPECS[key].default if row is None else row.value


def local_today(s: Session, now: datetime) -> date:
    return now.astimezone(ZoneInfo(current_unit(s).timezone)).date()


def next_number(s: Session, unit: Unit, year: int) -> str:
    """Hand out the next local number; the counter row is locked by the UPDATE."""
    desk = str(_setting(s, "desk.code") or "")
    prefix = str(_setting(s, "numbering.prefix") or DEFAULT_PREFIX)
    key = (NumberCounter.unit_id == unit.id, NumberCounter.desk_code == desk,
           NumberCounter.year == year)
    seq = s.scalar(update(NumberCounter).where(*key)
                   .values(last_seq=NumberCounter.last_seq + 1)
                   .returning(NumberCounter.last_seq))
    if seq is None:
        try:
            with s.begin_nested():
                s.add(NumberCounter(unit_id=unit.id, desk_code=desk, year=year, last_seq=1))
            seq = 1
        except IntegrityError:  # another desk created the row first
            seq = s.scalar(update(NumberCounter).where(*key)
                           .values(last_seq=NumberCounter.last_seq + 1)
                           .returning(NumberCounter.last_seq))
    assert seq is not None
    return format_number(unit.code, year, int(seq), desk or None, prefix)


def find_submission(s: Session, ref: int | str) -> Submission:
    """By local id, UUID or local number (any case)."""
    sub: Submission | None = None
    if isinstance(ref, int):
        sub = s.get(Submission, ref)
    else:
        text = ref.strip()
        try:
            uuid_mod.UUID(text)
            sub = s.scalars(select(Submission).where(Submission.uuid == text.lower())).first()
        except ValueError:
            sub = s.scalars(select(Submission).where(Submission.number == text.upper())).first()
            if sub is None and text.isdigit():
                sub = s.get(Submission, int(text))
    if sub is None:
        raise NotFound(what="submission", ref=str(ref))
    return sub


def identity_visible(actor: Actor, sub: Submission) -> bool:
    """Unmasked identity of an anonim/rahasia slip: its own petugas while it is open, and
    supervisors and admins always."""
    if not (sub.anonim or sub.rahasia):
        return True
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return (actor.role == Role.PETUGAS and sub.created_by_id == actor.user_id
            and sub.status in (Status.DRAFT, Status.RETURNED))


def to_view(s: Session, actor: Actor, sub: Submission, *, with_audit: bool = False
            ) -> SubmissionView:
    visible = identity_visible(actor, sub)
    ident = {f: (getattr(sub, f) if visible else None) for f in IDENTITY_FIELDS}
    cat = sub.category
    parent = s.get(Category, cat.parent_id) if cat is not None and cat.parent_id else None
    pages = int(s.scalar(select(func.count()).where(
        Page.submission_id == sub.id, Page.deleted_at.is_(None))) or 0)
    return SubmissionView(
        id=sub.id, uuid=sub.uuid, number=sub.number, status=Status(sub.status),
        status_reason=sub.status_reason, channel=sub.channel,
        classification=sub.classification, title=sub.title, body=sub.body,
        event_date=sub.event_date, location=sub.location, agency_id=sub.agency_id,
        agency_code=sub.agency.code if sub.agency else None,
        agency_name=sub.agency.name if sub.agency else None,
        category_id=sub.category_id, category_code=cat.code if cat else None,
        category_name=cat.name if cat else None,
        category_parent_name=parent.name if parent else None,
        anonim=sub.anonim, rahasia=sub.rahasia, identity_visible=visible,
        box_session_id=sub.box_session_id, created_by=sub.created_by,
        created_at=sub.created_at, updated_at=sub.updated_at, verified_by=sub.verified_by,
        verified_at=sub.verified_at, reviewed_by=sub.reviewed_by, reviewed_at=sub.reviewed_at,
        upstream_status=sub.upstream_status, tracking_id=sub.tracking_id,
        revision=sub.revision, page_count=pages,
        audit=_audit_for(s, sub, visible) if with_audit else (),
        **ident,
    )


def _audit_for(s: Session, sub: Submission, identity_visible: bool) -> tuple[AuditView, ...]:
    """The trail of a slip; identity values are blanked for those who may not see them."""
    events = audit.events_for(s, "submission", sub.uuid)
    if identity_visible:
        return tuple(events)
    masked = []
    for e in events:
        changes = [
            dict(c, old=None, new=None) if c["field"] in IDENTITY_FIELDS else c
            for c in e.changes
        ]
        masked.append(replace(e, changes=changes))
    return tuple(masked)


def _snapshot(sub: Submission) -> dict[str, Any]:
    return {f: getattr(sub, f) for f in EDITABLE_FIELDS}


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    """Coerce form and CLI values into column values; unknown fields are a bug."""
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise KeyError(name)
        if name in _BOOL_FIELDS:
            out[name] = bool(value)
        elif name in _INT_FIELDS:
            out[name] = int(value) if value not in (None, "") else None
        elif name == "event_date":
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value.strip()) if value.strip() else None
                except ValueError:
                    raise ValidationFailed({"event_date": ["date_format"]}) from None
            out[name] = value
        elif name == "classification":
            out[name] = (value or None) if isinstance(value, str) else value
        elif name in IDENTITY_FIELDS:
            out[name] = value.strip() or None if isinstance(value, str) else value
        elif isinstance(value, str):
            out[name] = value.strip() if name != "body" else value.strip("\n ")
        else:
            out[name] = value
    out.update({k: v for k, v in normalized_identity(out).items()})
    return out


class SubmissionService(ServiceBase):
    STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
    REVIEW = (Role.SUPERVISOR, Role.ADMIN)

    # --- reading ------------------------------------------------------------------------
    def get(self, ref: int | str, *, with_audit: bool = False) -> SubmissionView:
        with self.store.read() as s:
            return to_view(s, self.actor, find_submission(s, ref), with_audit=with_audit)

    def problems(self, ref: int | str, *, for_verification: bool = True) -> dict[str, list[str]]:
        with self.store.read() as s:
            sub = find_submission(s, ref)
            return field_problems(_snapshot(sub), local_today(s, self.now()),
                                  for_verification=for_verification)

    # --- capture ------------------------------------------------------------------------
    def create(self, fields: dict[str, Any]) -> SaveResult:
        return self.save_draft(None, fields, autosave=False)

    def save_draft(self, ref: int | str | None, changes: dict[str, Any], *,
                   autosave: bool = True, expected_revision: int | None = None) -> SaveResult:
        """Create a draft (ref None) or change one; whatever was typed is kept, and the
        problems found are returned for inline messages rather than raised."""
        self.require(*self.STAFF, action="edit")
        values = _clean(changes)
        with self.store.write() as s:
            now = self.now()
            created = ref is None
            if created:
                sub = self._new(s, values, now)
                before: dict[str, Any] = {}
            else:
                assert ref is not None
                sub = find_submission(s, ref)
                if expected_revision is not None and sub.revision != expected_revision:
                    raise KotakSaranError("stale_revision", number=sub.number)
                before = _snapshot(sub)
                self._check_edit(s, sub, values)
            self._check_refs(s, values)
            for name, value in values.items():
                setattr(sub, name, value)
            after = _snapshot(sub)
            changes_list = audit.diff(before, after) if not created else [
                c for c in audit.diff({}, after) if c["new"] not in (None, "", False)]
            if not created and not changes_list:
                return SaveResult(to_view(s, self.actor, sub), self._problems(s, sub), False)
            if not created and sub.status == Status.VERIFIED:
                # Changing checked content means it has to be checked again.
                self._move(s, sub, Status.DRAFT, note="edited after verification")
            sub.updated_at = now
            if not created:
                sub.revision += 1
            s.flush()
            self.audit(s, "create" if created else ("autosave" if autosave else "edit"),
                       "submission", sub.uuid, changes_list, coalesce=autosave and not created)
            return SaveResult(to_view(s, self.actor, sub), self._problems(s, sub), created)

    def _new(self, s: Session, values: dict[str, Any], now: datetime) -> Submission:
        unit = current_unit(s)
        year = now.astimezone(ZoneInfo(unit.timezone)).year
        channel = values.get("channel") or Channel.KOTAK_SARAN.value
        sub = Submission(
            unit_id=unit.id, number=next_number(s, unit, year), status=Status.DRAFT.value,
            channel=channel, desk_code=str(_setting(s, "desk.code") or "") or None,
            created_by_id=self.actor.user_id, created_by=self.actor.label,
            created_at=now, updated_at=now, title="", body="", location="",
        )
        s.add(sub)
        return sub

    def _check_edit(self, s: Session, sub: Submission, values: dict[str, Any]) -> None:
        if Status(sub.status) not in states.EDITABLE:
            raise KotakSaranError("not_editable", number=sub.number, status=sub.status)
        if not identity_visible(self.actor, sub) and any(
            f in values and values[f] is not None for f in IDENTITY_FIELDS
        ):
            raise PermissionDenied(action="edit_identity")

    def _check_refs(self, s: Session, values: dict[str, Any]) -> None:
        for name, model in (("agency_id", Agency), ("category_id", Category),
                            ("box_session_id", BoxSession)):
            ref = values.get(name)
            if ref is not None and s.get(model, ref) is None:
                raise ValidationFailed({name: ["unknown_ref"]})
        session_id = values.get("box_session_id")
        if session_id is not None:
            bs = s.get(BoxSession, session_id)
            if bs is not None and bs.state != BoxSessionState.OPEN.value:
                raise ValidationFailed({"box_session_id": ["session_closed"]})

    def _problems(self, s: Session, sub: Submission) -> dict[str, list[str]]:
        return field_problems(_snapshot(sub), local_today(s, self.now()), for_verification=True)

    # --- state changes ------------------------------------------------------------------
    def _move(self, s: Session, sub: Submission, target: Status, *, reason: str | None = None,
              note: str | None = None) -> None:
        current = Status(sub.status)
        states.check_transition(current, target)
        changes: list[dict[str, Any]] = [
            {"field": "status", "old": current.value, "new": target.value}]
        if reason is not None or sub.status_reason is not None:
            new_reason = reason if target in (Status.RETURNED, Status.REJECTED) else None
            if new_reason != sub.status_reason:
                changes.append({"field": "status_reason", "old": sub.status_reason,
                                "new": new_reason})
            sub.status_reason = new_reason
        sub.status = target.value
        sub.updated_at = self.now()
        self.audit(s, f"status_{target.value}", "submission", sub.uuid, changes,
                   note=note or reason)

    def verify(self, ref: int | str) -> SubmissionView:
        self.require(*self.STAFF, action="verify")
        with self.store.write() as s:
            sub = find_submission(s, ref)
            states.check_transition(Status(sub.status), Status.VERIFIED)
            problems = self._problems(s, sub)
            if problems:
                raise ValidationFailed(problems)
            self._move(s, sub, Status.VERIFIED)
            sub.verified_by, sub.verified_at = self.actor.label, self.now()
            return to_view(s, self.actor, sub)

    def approve(self, ref: int | str) -> SubmissionView:
        self.require(*self.REVIEW, action="approve")
        with self.store.write() as s:
            sub = find_submission(s, ref)
            states.check_transition(Status(sub.status), Status.APPROVED)
            if sub.created_by == self.actor.label and not _setting(
                s, "review.allow_self_approval"
            ):
                raise PermissionDenied(action="self_approval", number=sub.number)
            self._move(s, sub, Status.APPROVED)
            sub.reviewed_by, sub.reviewed_at = self.actor.label, self.now()
            return to_view(s, self.actor, sub)

    def return_(self, ref: int | str, reason: str) -> SubmissionView:
        return self._review_with_reason(ref, Status.RETURNED, reason)

    def reject(self, ref: int | str, reason: str) -> SubmissionView:
        return self._review_with_reason(ref, Status.REJECTED, reason)

    def _review_with_reason(self, ref: int | str, target: Status, reason: str) -> SubmissionView:
        self.require(*self.REVIEW, action=target.value)
        if not reason.strip():
            raise ValidationFailed({"reason": ["required"]})
        with self.store.write() as s:
            sub = find_submission(s, ref)
            self._move(s, sub, target, reason=reason.strip())
            sub.reviewed_by, sub.reviewed_at = self.actor.label, self.now()
            return to_view(s, self.actor, sub)

    def reopen(self, ref: int | str) -> SubmissionView:
        """A verified slip back to draft for more editing."""
        self.require(*self.STAFF, action="edit")
        with self.store.write() as s:
            sub = find_submission(s, ref)
            self._move(s, sub, Status.DRAFT)
            return to_view(s, self.actor, sub)

    def next_to_verify(self, after_id: int | None = None) -> int | None:
        """The next draft or returned slip after `after_id` (for 'verify and next')."""
        with self.store.read() as s:
            stmt = select(Submission.id).where(
                Submission.status.in_([Status.DRAFT.value, Status.RETURNED.value]))
            if after_id is not None:
                stmt = stmt.where(Submission.id > after_id)
            first = s.scalar(stmt.order_by(Submission.id).limit(1))
            if first is None and after_id is not None:
                first = s.scalar(select(Submission.id).where(
                    Submission.status.in_([Status.DRAFT.value, Status.RETURNED.value]),
                    Submission.id != after_id).order_by(Submission.id).limit(1))
            return first
