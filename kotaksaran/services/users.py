"""Users, roles, passwords (argon2) and login with lockout after repeated failures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import (
    AccountLocked,
    AuthFailed,
    Conflict,
    NotFound,
    ValidationFailed,
)
from ..store.db import Store
from ..store.models import Setting, User
from . import audit
from .config import SPECS
from .context import Actor, ServiceBase

_hasher = PasswordHasher()
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role.value,
            "active": self.active,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
            "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
        }


def _view(u: User) -> UserView:
    return UserView(u.id, u.username, u.full_name, Role(u.role), u.active, u.locked_until,
                    u.last_login_at)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _setting(s: Session, key: str) -> int:
    row = s.get(Setting, key)
    value = SPECS[key].default if row is None else row.value
    return int(value)


def check_new_password(s: Session, password: str) -> None:
    if len(password) < _setting(s, "auth.min_password_length"):
        raise ValidationFailed({"password": ["too_short"]})


def add_user_row(s: Session, username: str, full_name: str, role: Role, password: str) -> User:
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise ValidationFailed({"username": ["username_format"]})
    if not full_name.strip():
        raise ValidationFailed({"full_name": ["required"]})
    check_new_password(s, password)
    if s.scalar(select(func.count()).where(User.username == username)):
        raise Conflict(what="user", ref=username)
    user = User(username=username, full_name=full_name.strip(), role=role.value,
                password_hash=hash_password(password))
    s.add(user)
    s.flush()
    return user


class UserService(ServiceBase):
    def list(self) -> list[UserView]:
        with self.store.read() as s:
            return [_view(u) for u in s.scalars(select(User).order_by(User.username))]

    def get(self, username: str) -> UserView:
        with self.store.read() as s:
            return _view(self._find(s, username))

    @staticmethod
    def _find(s: Session, username: str) -> User:
        user = s.scalars(select(User).where(User.username == username.strip().lower())).first()
        if user is None:
            raise NotFound(what="user", ref=username)
        return user

    def add(self, username: str, full_name: str, role: Role, password: str) -> UserView:
        self.require(Role.ADMIN, action="user_add")
        with self.store.write() as s:
            user = add_user_row(s, username, full_name, role, password)
            self.audit(s, "user_add", "user", user.username,
                       [{"field": "role", "old": None, "new": role.value}])
            return _view(user)

    def update(self, username: str, *, full_name: str | None = None, role: Role | None = None,
               active: bool | None = None) -> UserView:
        self.require(Role.ADMIN, action="user_update")
        with self.store.write() as s:
            user = self._find(s, username)
            changes = []
            for field, new in (("full_name", full_name), ("role", role.value if role else None),
                               ("active", active)):
                if new is not None and getattr(user, field) != new:
                    changes.append({"field": field, "old": getattr(user, field), "new": new})
                    setattr(user, field, new)
            if changes:
                self.audit(s, "user_update", "user", user.username, changes)
            return _view(user)

    def set_password(self, username: str, new_password: str, *,
                     old_password: str | None = None) -> None:
        """Admins set anyone's password; a user changes their own with the old one."""
        own = self.actor.username == username.strip().lower()
        if not own:
            self.require(Role.ADMIN, action="user_passwd")
        with self.store.write() as s:
            user = self._find(s, username)
            if own and self.actor.role != Role.ADMIN:
                try:
                    _hasher.verify(user.password_hash, old_password or "")
                except (VerificationError, InvalidHashError):
                    raise AuthFailed() from None
            check_new_password(s, new_password)
            user.password_hash = hash_password(new_password)
            user.failed_logins = 0
            user.locked_until = None
            self.audit(s, "user_passwd", "user", user.username)

    def unlock(self, username: str) -> None:
        self.require(Role.ADMIN, action="user_unlock")
        with self.store.write() as s:
            user = self._find(s, username)
            user.failed_logins = 0
            user.locked_until = None
            self.audit(s, "user_unlock", "user", user.username)


def actor_for(store: Store, username: str) -> Actor:
    """The actor for `--as USERNAME` on the command line (no password: file permissions)."""
    with store.read() as s:
        user = UserService._find(s, username)
        if not user.active:
            raise AuthFailed(reason="inactive")
        return Actor(label=f"user:{user.username}", role=Role(user.role), user_id=user.id,
                     username=user.username, full_name=user.full_name)


def login(store: Store, username: str, password: str, now: datetime) -> Actor:
    """Check a password; five failures in a row lock the account for a while."""
    failure: AuthFailed | AccountLocked | None = None
    with store.write() as s:
        user = s.scalars(select(User).where(User.username == username.strip().lower())).first()
        if user is None or not user.active:
            # Same answer as a wrong password: don't tell which usernames exist.
            _hasher.hash(password)
            raise AuthFailed()
        if user.locked_until is not None and user.locked_until > now:
            raise AccountLocked(until=user.locked_until.isoformat(), username=user.username)
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            # The failure count must be committed, so the error is raised after the block.
            user.failed_logins += 1
            failure = AuthFailed()
            if user.failed_logins >= _setting(s, "auth.max_failed_logins"):
                user.locked_until = now + timedelta(minutes=_setting(s, "auth.lockout_minutes"))
                user.failed_logins = 0
                audit.record(s, at=now, actor=f"user:{user.username}", actor_user_id=user.id,
                             action="account_locked", entity_type="user",
                             entity_id=user.username, changes=[], note=None)
                failure = AccountLocked(until=user.locked_until.isoformat(),
                                        username=user.username)
        else:
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            actor = Actor(label=f"user:{user.username}", role=Role(user.role), user_id=user.id,
                          username=user.username, full_name=user.full_name)
    if failure is not None:
        raise failure
    return actor
