"""Who is acting, and the base every service shares: permission checks, clock, audit."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import NotFound, PermissionDenied
from ..store.db import Store
from ..store.models import Unit, utcnow
from . import audit

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Actor:
    """The person (or command line) on whose behalf a service acts; `label` goes in the audit."""

    label: str
    role: Role
    user_id: int | None = None
    username: str | None = None
    full_name: str = ""

    @classmethod
    def cli(cls, os_user: str | None = None) -> Actor:
        """The command line acts with admin rights; the data dir's permissions guard it."""
        name = os_user or _os_user()
        return cls(label=f"cli:{name}", role=Role.ADMIN, full_name=name)

    @classmethod
    def system(cls, what: str) -> Actor:
        return cls(label=f"system:{what}", role=Role.ADMIN, full_name=what)

    def has(self, roles: Iterable[Role]) -> bool:
        return self.role in set(roles)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "unknown"


class ServiceBase:
    def __init__(self, store: Store, actor: Actor, clock: Clock = utcnow) -> None:
        self.store = store
        self.actor = actor
        self.now = clock

    def require(self, *roles: Role, action: str = "") -> None:
        if self.actor.role not in roles:
            raise PermissionDenied(action=action or "?", role=self.actor.role.value)

    def audit(
        self,
        s: Session,
        action: str,
        entity_type: str,
        entity_id: str | int,
        changes: list[dict[str, Any]] | None = None,
        note: str | None = None,
        *,
        coalesce: bool = False,
    ) -> None:
        audit.record(
            s,
            at=self.now(),
            actor=self.actor.label,
            actor_user_id=self.actor.user_id,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            changes=changes or [],
            note=note,
            coalesce=coalesce,
        )


def current_unit(s: Session) -> Unit:
    unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).first()
    if unit is None:
        raise NotFound(what="unit")
    return unit
