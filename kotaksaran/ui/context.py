"""What every screen gets: the services of the logged-in person and a bus of change signals.

Mutations announce what changed on the bus; each screen refreshes what concerns it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ..services import Services


class ChangeBus(QObject):
    submissions_changed = Signal(list)  # submission ids (empty list: many or unknown)
    # an import in this window: True when it starts and after each file it stored, False
    # when it ends (background OCR starts at once and waits for the rest of its pages)
    importing = Signal(bool)
    sessions_changed = Signal()  # box sessions opened, updated or closed
    reference_changed = Signal()  # unit, users, agencies, categories, boxes, settings
    open_submission = Signal(int)  # ask the main window to show a submission in the editor
    # ask the main window for an empty editor with this box session chosen (box sessions page)
    new_submission_in_session = Signal(int)


@dataclass
class UiContext:
    services: Services
    bus: ChangeBus
    demo: bool = False
    language: str = "id"
