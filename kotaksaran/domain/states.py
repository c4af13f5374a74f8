"""The submission state machine: which status may follow which, and who may move it."""

from __future__ import annotations

from .enums import Role, Status
from .errors import IllegalTransition

S = Status
# target -> allowed sources. "Who" is checked in services (see REQUIRED_ROLES).
_TRANSITIONS: dict[Status, frozenset[Status]] = {
    # editing a verified slip reopens it as a draft
    S.DRAFT: frozenset({S.VERIFIED}),
    S.VERIFIED: frozenset({S.DRAFT, S.RETURNED}),
    S.RETURNED: frozenset({S.VERIFIED, S.APPROVED, S.QUEUED, S.SENT}),
    S.REJECTED: frozenset({S.DRAFT, S.VERIFIED, S.RETURNED}),
    S.APPROVED: frozenset({S.VERIFIED}),
    S.QUEUED: frozenset({S.APPROVED}),
    S.SENT: frozenset({S.QUEUED}),
    S.REGISTERED: frozenset({S.QUEUED, S.SENT}),
    S.CLOSED: frozenset({S.SENT, S.REGISTERED}),
}

# Statuses in which the content of a slip may still be edited.
EDITABLE: frozenset[Status] = frozenset({S.DRAFT, S.RETURNED, S.VERIFIED})

_STAFF = frozenset({Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN})
_REVIEW = frozenset({Role.SUPERVISOR, Role.ADMIN})
_SYNC = frozenset({Role.OPERATOR, Role.ADMIN})

# Roles that may move a submission into each status by hand.
REQUIRED_ROLES: dict[Status, frozenset[Role]] = {
    S.DRAFT: _STAFF,
    S.VERIFIED: _STAFF,
    S.RETURNED: _REVIEW | _SYNC,
    S.REJECTED: _REVIEW,
    S.APPROVED: _REVIEW,
    S.QUEUED: _SYNC,
    S.SENT: _SYNC,
    S.REGISTERED: _SYNC,
    S.CLOSED: _SYNC,
}


def allowed_targets(current: Status) -> frozenset[Status]:
    return frozenset(t for t, sources in _TRANSITIONS.items() if current in sources)


def can_transition(current: Status, target: Status) -> bool:
    return current in _TRANSITIONS.get(target, frozenset())


def check_transition(current: Status, target: Status) -> None:
    """Raise IllegalTransition unless `current -> target` is in the table."""
    if not can_transition(current, target):
        raise IllegalTransition(current.value, target.value)
