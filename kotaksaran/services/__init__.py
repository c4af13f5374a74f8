"""Use cases: the one API that the GUI and the command line call.

`Services(store, actor)` bundles every service for one acting person; each method is one unit
of work (its own transaction), checks permission, validates, writes and audits.
"""

from __future__ import annotations

from functools import cached_property

from ..store.db import Store
from ..store.models import utcnow
from .admin import AdminService
from .boxes import BoxService
from .config import ConfigService
from .context import Actor, Clock
from .documents import DocumentService
from .duplicates import DuplicateService
from .intake import IntakeService
from .listing import ListingService, ListQuery
from .ocr import OcrService
from .pages import PageService
from .privacy import PrivacyService
from .submissions import SubmissionService
from .suggestions import SuggestionService
from .sync import SyncService
from .users import UserService

__all__ = ["Actor", "ListQuery", "Services"]


class Services:
    def __init__(self, store: Store, actor: Actor, clock: Clock = utcnow) -> None:
        self.store = store
        self.actor = actor
        self.clock = clock

    @cached_property
    def duplicates(self) -> DuplicateService:
        return DuplicateService(self.store, self.actor, self.clock)

    @cached_property
    def submissions(self) -> SubmissionService:
        return SubmissionService(self.store, self.actor, self.clock)

    @cached_property
    def listing(self) -> ListingService:
        return ListingService(self.store, self.actor, self.clock)

    @cached_property
    def boxes(self) -> BoxService:
        return BoxService(self.store, self.actor, self.clock)

    @cached_property
    def users(self) -> UserService:
        return UserService(self.store, self.actor, self.clock)

    @cached_property
    def admin(self) -> AdminService:
        return AdminService(self.store, self.actor, self.clock)

    @cached_property
    def intake(self) -> IntakeService:
        return IntakeService(self.store, self.actor, self.clock)

    @cached_property
    def pages(self) -> PageService:
        return PageService(self.store, self.actor, self.clock)

    @cached_property
    def config(self) -> ConfigService:
        return ConfigService(self.store, self.actor, self.clock)

    @cached_property
    def documents(self) -> DocumentService:
        return DocumentService(self.store, self.actor, self.clock)

    @cached_property
    def ocr(self) -> OcrService:
        return OcrService(self.store, self.actor, self.clock)

    @cached_property
    def privacy(self) -> PrivacyService:
        return PrivacyService(self.store, self.actor, self.clock)

    @cached_property
    def suggestions(self) -> SuggestionService:
        return SuggestionService(self.store, self.actor, self.clock)

    @cached_property
    def sync(self) -> SyncService:
        return SyncService(self.store, self.actor, self.clock)

    def audit_trail(self, entity_type: str, entity_id: str) -> list[audit.AuditView]:
        with self.store.read() as s:
            return audit.events_for(s, entity_type, entity_id)

    def as_actor(self, actor: Actor) -> Services:
        return Services(self.store, actor, self.clock)


from . import audit  # noqa: E402  (module attribute for callers: services.audit)
