"""Undo for page operations: each command holds ids and the result the service returned, and
calls the service for the inverse. The operation itself runs before the command is pushed
(so a refused operation never enters the stack); the first redo() is therefore skipped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..services import Services
from ..services.pages import MergeResult, SplitResult


class PageCommand(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object],
                 after: Callable[[], None]) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._after = after
        self._first = True
        self.error: BaseException | None = None

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
            self.error = None
        except Exception as exc:  # shown by the screen; the stack cannot raise through Qt
            self.error = exc
        self._after()


def rotate(svc: Services, page_id: int, turns: int, text: str, after: Callable[[], None]
           ) -> PageCommand:
    svc.pages.rotate(page_id, turns)
    return PageCommand(text, lambda: svc.pages.rotate(page_id, turns),
                       lambda: svc.pages.rotate(page_id, -turns), after)


def move(svc: Services, page_id: int, position: int, text: str, after: Callable[[], None]
         ) -> PageCommand:
    res = svc.pages.move(page_id, position)
    return PageCommand(text, lambda: svc.pages.move(page_id, res.new_position),
                       lambda: svc.pages.move(page_id, res.old_position), after)


def delete(svc: Services, page_id: int, text: str, after: Callable[[], None]) -> PageCommand:
    svc.pages.delete(page_id)
    return PageCommand(text, lambda: svc.pages.delete(page_id),
                       lambda: svc.pages.restore(page_id), after)


class SplitCommand(PageCommand):
    """Undo merges the new slip back (it is deleted: nothing was typed on it); redo splits
    again, which makes a slip with a new number."""

    def __init__(self, svc: Services, submission_id: int, first_page_id: int, text: str,
                 after: Callable[[], None]) -> None:
        self.svc = svc
        self.result: SplitResult = svc.pages.split(submission_id, first_page_id)
        self._sub, self._first_page = submission_id, first_page_id
        super().__init__(text, self._split, self._merge_back, after)

    def _split(self) -> None:
        self.result = self.svc.pages.split(self._sub, self._first_page)

    def _merge_back(self) -> None:
        self.svc.pages.merge(self.result.new_id, self.result.source_id)


class MergeCommand(PageCommand):
    """Undo gives the pages back (a deleted draft comes back with its number); redo merges
    again."""

    def __init__(self, svc: Services, source_id: int, into_id: int, text: str,
                 after: Callable[[], None]) -> None:
        self.svc = svc
        self.result: MergeResult = svc.pages.merge(source_id, into_id)
        self._source_id, self._into = source_id, into_id
        super().__init__(text, self._merge, self._unmerge, after)

    def _merge(self) -> None:
        self.result = self.svc.pages.merge(self._source_id, self._into)

    def _unmerge(self) -> None:
        # A source that had been deleted comes back as a new row: follow its id.
        self._source_id = self.svc.pages.unmerge(self.result).new_id
