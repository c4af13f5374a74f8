"""Pengaturan: the unit profile, agencies (instansi), the category tree and days off."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.calendar import WorkingDayCalendar
from ..domain.enums import DayOffKind, Role
from ..domain.errors import Conflict, KotakSaranError, NotFound, ValidationFailed
from ..store.models import Agency, Category, DayOff, Setting, Submission, Unit
from .config import SPECS
from .context import ServiceBase, current_unit


@dataclass(frozen=True)
class UnitView:
    id: int
    code: str
    name: str
    unit_type: str
    address: str
    timezone: str
    logo_sha256: str | None
    default_box_id: int | None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class AgencyView:
    id: int
    code: str
    name: str
    kind: str
    active: bool


@dataclass(frozen=True)
class CategoryView:
    id: int
    code: str
    name: str
    parent_id: int | None
    active: bool
    keywords: tuple[str, ...]


def unit_view(u: Unit) -> UnitView:
    return UnitView(u.id, u.code, u.name, u.unit_type, u.address, u.timezone, u.logo_sha256,
                    u.default_box_id)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "x"


def build_calendar(s: Session) -> WorkingDayCalendar:
    row = s.get(Setting, "calendar.include_cuti_bersama")
    include_gov = SPECS["calendar.include_cuti_bersama"].default if row is None else row.value
    extra = {d.day: d.name for d in s.scalars(select(DayOff))}
    return WorkingDayCalendar(extra_days_off=extra, include_government=bool(include_gov))


class AdminService(ServiceBase):
    # --- unit ---------------------------------------------------------------------------
    def unit(self) -> UnitView:
        with self.store.read() as s:
            return unit_view(current_unit(s))

    def update_unit(self, **fields: Any) -> UnitView:
        self.require(Role.ADMIN, action="unit_update")
        allowed = {"name", "unit_type", "address", "timezone", "logo_sha256", "code"}
        unknown = set(fields) - allowed
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        with self.store.write() as s:
            unit = current_unit(s)
            if "timezone" in fields:
                try:
                    ZoneInfo(str(fields["timezone"]))
                except (ZoneInfoNotFoundError, ValueError):
                    raise ValidationFailed({"timezone": ["unknown_code"]}) from None
            if "name" in fields and not str(fields["name"]).strip():
                raise ValidationFailed({"name": ["required"]})
            if "code" in fields and fields["code"] != unit.code and s.scalar(
                select(func.count()).select_from(Submission)
            ):
                # Local numbers already handed out carry the code.
                raise KotakSaranError("unit_code_in_use")
            changes = []
            for key, new in fields.items():
                if getattr(unit, key) != new:
                    changes.append({"field": key, "old": getattr(unit, key), "new": new})
                    setattr(unit, key, new)
            if changes:
                self.audit(s, "unit_update", "unit", unit.code, changes)
            return unit_view(unit)

    # --- agencies -----------------------------------------------------------------------
    def agencies(self, *, include_inactive: bool = False) -> list[AgencyView]:
        with self.store.read() as s:
            stmt = select(Agency).order_by(Agency.name)
            if not include_inactive:
                stmt = stmt.where(Agency.active.is_(True))
            return [AgencyView(a.id, a.code, a.name, a.kind, a.active) for a in s.scalars(stmt)]

    def find_agency(self, ref: str) -> AgencyView:
        with self.store.read() as s:
            a = s.scalars(select(Agency).where(Agency.code == ref.strip().lower())).first()
            if a is None and ref.strip().isdigit():
                a = s.get(Agency, int(ref))
            if a is None:
                raise NotFound(what="agency", ref=ref)
            return AgencyView(a.id, a.code, a.name, a.kind, a.active)

    def save_agency(self, agency_id: int | None, *, name: str, kind: str = "lainnya",
                    code: str | None = None, active: bool = True) -> AgencyView:
        self.require(Role.ADMIN, action="agency_save")
        if not name.strip():
            raise ValidationFailed({"name": ["required"]})
        with self.store.write() as s:
            if agency_id is None:
                code = slug(code or name)
                if s.scalar(select(func.count()).where(Agency.code == code)):
                    raise Conflict(what="agency", ref=code)
                a = Agency(code=code, name=name.strip(), kind=kind, active=active)
                s.add(a)
                s.flush()
                self.audit(s, "agency_add", "agency", a.code,
                           [{"field": "name", "old": None, "new": a.name}])
            else:
                found = s.get(Agency, agency_id)
                if found is None:
                    raise NotFound(what="agency", ref=str(agency_id))
                a = found
                changes = []
                for key, new in (("name", name.strip()), ("kind", kind), ("active", active)):
                    if getattr(a, key) != new:
                        changes.append({"field": key, "old": getattr(a, key), "new": new})
                        setattr(a, key, new)
                if changes:
                    self.audit(s, "agency_update", "agency", a.code, changes)
            return AgencyView(a.id, a.code, a.name, a.kind, a.active)

    # --- categories ---------------------------------------------------------------------
    def categories(self, *, include_inactive: bool = False) -> list[CategoryView]:
        """Roots first by name, each followed by its children by name."""
        with self.store.read() as s:
            stmt = select(Category)
            if not include_inactive:
                stmt = stmt.where(Category.active.is_(True))
            rows = list(s.scalars(stmt))
        roots = sorted((c for c in rows if c.parent_id is None), key=lambda c: c.name)
        out: list[CategoryView] = []
        for root in roots:
            out.append(_cat_view(root))
            kids = sorted((c for c in rows if c.parent_id == root.id), key=lambda c: c.name)
            out.extend(_cat_view(k) for k in kids)
        return out

    def find_category(self, ref: str) -> CategoryView:
        with self.store.read() as s:
            c = s.scalars(select(Category).where(Category.code == ref.strip().lower())).first()
            if c is None and ref.strip().isdigit():
                c = s.get(Category, int(ref))
            if c is None:
                raise NotFound(what="category", ref=ref)
            return _cat_view(c)

    def save_category(self, category_id: int | None, *, name: str, parent_id: int | None = None,
                      code: str | None = None, active: bool = True) -> CategoryView:
        """The tree has two levels: a child's parent must be a root."""
        self.require(Role.ADMIN, action="category_save")
        if not name.strip():
            raise ValidationFailed({"name": ["required"]})
        with self.store.write() as s:
            if parent_id is not None:
                parent = s.get(Category, parent_id)
                if parent is None or parent.parent_id is not None:
                    raise ValidationFailed({"parent_id": ["not_root"]})
            if category_id is None:
                code = slug(code or name)
                if s.scalar(select(func.count()).where(Category.code == code)):
                    raise Conflict(what="category", ref=code)
                c = Category(code=code, name=name.strip(), parent_id=parent_id, active=active)
                s.add(c)
                s.flush()
                self.audit(s, "category_add", "category", c.code,
                           [{"field": "name", "old": None, "new": c.name}])
            else:
                found = s.get(Category, category_id)
                if found is None:
                    raise NotFound(what="category", ref=str(category_id))
                c = found
                if parent_id is not None and s.scalar(
                    select(func.count()).where(Category.parent_id == c.id)
                ):
                    raise ValidationFailed({"parent_id": ["has_children"]})
                changes = []
                for key, new in (("name", name.strip()), ("parent_id", parent_id),
                                 ("active", active)):
                    if getattr(c, key) != new:
                        changes.append({"field": key, "old": getattr(c, key), "new": new})
                        setattr(c, key, new)
                if changes:
                    self.audit(s, "category_update", "category", c.code, changes)
            return _cat_view(c)

    # --- calendar -----------------------------------------------------------------------
    def calendar(self) -> WorkingDayCalendar:
        with self.store.read() as s:
            return build_calendar(s)

    def days_off(self) -> list[tuple[date, str, str]]:
        with self.store.read() as s:
            return [(d.day, d.name, d.kind) for d in s.scalars(select(DayOff).order_by(DayOff.day))]

    def add_day_off(self, day: date, name: str, kind: DayOffKind = DayOffKind.LOCAL) -> None:
        self.require(Role.ADMIN, action="day_off")
        if not name.strip():
            raise ValidationFailed({"name": ["required"]})
        with self.store.write() as s:
            existing = s.get(DayOff, day)
            old = existing.name if existing else None
            if existing is None:
                s.add(DayOff(day=day, name=name.strip(), kind=kind.value))
            else:
                existing.name, existing.kind = name.strip(), kind.value
            self.audit(s, "day_off_set", "day_off", day.isoformat(),
                       [{"field": "name", "old": old, "new": name.strip()}])

    def remove_day_off(self, day: date) -> None:
        self.require(Role.ADMIN, action="day_off")
        with self.store.write() as s:
            existing = s.get(DayOff, day)
            if existing is None:
                raise NotFound(what="day_off", ref=day.isoformat())
            self.audit(s, "day_off_remove", "day_off", day.isoformat(),
                       [{"field": "name", "old": existing.name, "new": None}])
            s.delete(existing)


def _cat_view(c: Category) -> CategoryView:
    return CategoryView(c.id, c.code, c.name, c.parent_id, c.active, tuple(c.keywords))
