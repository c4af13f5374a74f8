"""First start: the unit, its default box, the admin account and the seed lists."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import Conflict, ValidationFailed
from ..domain.numbering import normalize_code
from ..domain.seed import load_agencies, load_categories
from ..store.db import Store
from ..store.models import Agency, Box, Category, Setting, Unit, utcnow
from . import audit
from .context import Actor
from .users import add_user_row


@dataclass(frozen=True)
class UnitInput:
    code: str
    name: str
    unit_type: str
    address: str = ""
    timezone: str = "Asia/Jakarta"
    box_name: str = "Kotak Saran"
    box_location: str = ""
    logo_sha256: str | None = None


@dataclass(frozen=True)
class AdminInput:
    username: str
    full_name: str
    password: str


def is_initialized(store: Store) -> bool:
    with store.read() as s:
        return bool(s.scalar(select(func.count()).select_from(Unit)))


def seed_reference_data(s: Session) -> None:
    """Categories and agencies from resources/seed, for a database that has none."""
    if not s.scalar(select(func.count()).select_from(Category)):
        for root in load_categories():
            parent = Category(code=root.code, name=root.name, keywords=list(root.keywords))
            s.add(parent)
            s.flush()
            for child in root.children:
                s.add(Category(code=child.code, name=child.name, parent_id=parent.id,
                               keywords=list(child.keywords)))
    if not s.scalar(select(func.count()).select_from(Agency)):
        for a in load_agencies():
            s.add(Agency(code=a.code, name=a.name, kind=a.kind,
                         category_codes=list(a.category_codes)))


def initialize(store: Store, unit: UnitInput, admin: AdminInput, *, demo: bool = False,
               actor: Actor | None = None) -> Actor:
    """Set up an empty database; returns the admin as an actor."""
    problems: dict[str, list[str]] = {}
    try:
        code = normalize_code(unit.code)
    except ValueError:
        problems["code"] = ["code_format"]
    if not unit.name.strip():
        problems["name"] = ["required"]
    if not unit.unit_type.strip():
        problems["unit_type"] = ["required"]
    try:
        ZoneInfo(unit.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems["timezone"] = ["unknown_code"]
    if problems:
        raise ValidationFailed(problems)
    label = actor.label if actor else f"user:{admin.username.strip().lower()}"
    with store.write() as s:
        if s.scalar(select(func.count()).select_from(Unit)):
            raise Conflict(what="unit", ref="initialized")
        now = utcnow()
        u = Unit(code=code, name=unit.name.strip(), unit_type=unit.unit_type.strip(),
                 address=unit.address.strip(), timezone=unit.timezone,
                 logo_sha256=unit.logo_sha256, created_at=now)
        s.add(u)
        s.flush()
        box = Box(unit_id=u.id, code="K1", name=unit.box_name.strip() or "Kotak Saran",
                  location=unit.box_location.strip())
        s.add(box)
        s.flush()
        u.default_box_id = box.id
        user = add_user_row(s, admin.username, admin.full_name, Role.ADMIN, admin.password)
        seed_reference_data(s)
        if demo:
            s.add(Setting(key="mode.demo", value=True, updated_at=now))
        audit.record(s, at=now, actor=label, actor_user_id=user.id if actor is None else None,
                     action="setup", entity_type="unit", entity_id=code,
                     changes=[{"field": "name", "old": None, "new": u.name},
                              {"field": "admin", "old": None, "new": user.username}],
                     note=None)
        return Actor(label=f"user:{user.username}", role=Role.ADMIN, user_id=user.id,
                     username=user.username, full_name=user.full_name)
