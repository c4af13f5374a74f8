"""The Input page: type a slip, have it save itself, verify it and go on to the next one.

Drafts save themselves after `ui.autosave_seconds` of quiet and at least every 5 seconds
while someone keeps typing, so a crash or a pulled plug loses at most the last 5 seconds.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain import states
from ..domain.enums import BoxSessionState, Channel, Role, Status
from ..domain.errors import EnvironmentProblem, KotakSaranError, ValidationFailed
from ..services.boxes import BoxSessionView
from ..services.views import SaveResult, SubmissionView
from .audit_view import AuditDialog
from .context import UiContext
from .errors import show_error
from .record_widgets import ERROR_COLOUR, StatusChip, ui_locale
from .submission_form import SubmissionForm

# However long the quiet delay, a draft is saved at least this often while typing.
MAX_UNSAVED_MS = 5000
_STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
_BANNER = "QLabel {{ background: {bg}; color: {fg}; border: 1px solid {border}; " \
          "border-radius: 4px; padding: 8px 12px; }}"


class SubmissionEditorPage(QWidget):
    """The slip form with autosave, inline problems, 'verify and next' and the audit trail."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._svc = ctx.services
        self._view: SubmissionView | None = None
        self._dirty: set[str] = set()
        self._touched: set[str] = set()  # edited by the person: 'required' shows only here
        self._show_required = False  # after a verify attempt every missing field is flagged
        self._problems: dict[str, list[str]] = {}
        self._read_only = False
        self._emitting = False
        self._last_error: KotakSaranError | None = None
        self._open_sessions: list[BoxSessionView] = []
        self._tz = ZoneInfo(self._svc.admin.unit().timezone)

        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._autosave)
        self._cap = QTimer(self)
        self._cap.setSingleShot(True)
        self._cap.setInterval(MAX_UNSAVED_MS)
        self._cap.timeout.connect(self._autosave)
        self._load_settings()

        self.setLocale(ui_locale(ctx.language))  # the calendar's month and day names
        self._build()
        self._load_reference()
        ctx.bus.reference_changed.connect(self._reference_changed)
        ctx.bus.sessions_changed.connect(self._load_reference)
        ctx.bus.submissions_changed.connect(self._submissions_changed)
        self.new_submission()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)

        header = QHBoxLayout()
        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = StatusChip()
        self.save_state = QLabel()
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.setToolTip(self.tr("Who changed what, and when"))
        self.history_button.clicked.connect(self.show_history)
        self.receipt_button = QPushButton(self.tr("Print receipt…"))
        self.receipt_button.setToolTip(self.tr("Tanda terima for the person who handed in "
                                               "the slip (A6 or a receipt roll)"))
        self.receipt_button.clicked.connect(self.print_receipt)
        header.addWidget(self.number_label)
        header.addWidget(self.status_chip)
        header.addStretch(1)
        header.addWidget(self.save_state)
        header.addSpacing(12)
        header.addWidget(self.history_button)
        header.addWidget(self.receipt_button)
        outer.addLayout(header)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.form = SubmissionForm()
        self.form.changed.connect(self._on_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New slip (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_submission())
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        self.verify_button = QPushButton(self.tr("Verify && next (Ctrl+Enter)"))
        self.verify_button.setDefault(True)
        self.verify_button.setStyleSheet("QPushButton { font-weight: 600; padding: 6px 16px; }")
        self.verify_button.clicked.connect(self.verify_and_next)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.verify_button)
        outer.addLayout(buttons)

        # Ctrl+N and Ctrl+F belong to the main window (one shortcut per key, or Qt calls both
        # ambiguous and runs neither); the page's own keys only act while it has the focus.
        for keys, slot in (("Ctrl+S", self.save_now), ("Ctrl+Return", self.verify_and_next),
                           ("Ctrl+Enter", self.verify_and_next)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _load_settings(self) -> None:
        try:
            seconds = int(self._svc.config.get("ui.autosave_seconds"))
        except (KotakSaranError, TypeError, ValueError):
            seconds = 2
        self._quiet.setInterval(max(1, min(seconds, 5)) * 1000)

    def _load_reference(self) -> None:
        try:
            agencies = self._svc.admin.agencies()
            categories = self._svc.admin.categories()
            sessions = self._svc.boxes.sessions(state=BoxSessionState.OPEN)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self._open_sessions = sessions
        self.form.set_reference(agencies, categories, sessions, self._tz)
        self.form.set_today(self._svc.clock().astimezone(self._tz).date())

    def _reference_changed(self) -> None:
        self._tz = ZoneInfo(self._svc.admin.unit().timezone)
        self._load_settings()
        self._load_reference()

    # --- public API (the main window calls these) -----------------------------------------
    def new_submission(self, session_id: int | None = None) -> None:
        """An empty form; `session_id` preselects a box session (else the newest open one)."""
        if not self._leave():
            return
        if session_id is None and self._open_sessions:
            session_id = self._open_sessions[0].id
        self._view = None
        defaults = {"channel": Channel.KOTAK_SARAN.value, "box_session_id": session_id}
        self.form.set_values(defaults)
        self._reset_state()
        self._update_header()
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def load_submission(self, submission_id: int) -> None:
        if not self._leave():
            return
        try:
            view = self._svc.submissions.get(submission_id)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self._show(view)

    def flush(self) -> None:
        """Save what is typed now (before leaving the page, switching slips or quitting)."""
        self._save(autosave=True, interactive=True)

    def _leave(self) -> bool:
        """Save before the form is replaced. When the database is out of reach (locked, disk
        full, drive pulled) the slip stays on screen, so what was typed is not thrown away;
        a refusal that will not pass (the slip was approved meanwhile) has been explained
        and does not trap the person on this slip."""
        self.flush()
        return not isinstance(self._last_error, EnvironmentProblem)

    def save_now(self) -> None:
        if self._save(autosave=False, interactive=True) and self._view is not None:
            self._set_save_state(self._view.updated_at)

    def show_history(self) -> None:
        if self._view is None:
            return
        self.flush()
        AuditDialog(self.ctx, self._view.id, self).exec()

    def print_receipt(self) -> None:
        from .print_preview import receipt_preview

        if self._view is None or not self._leave():  # print what is saved, typed text too
            return
        receipt_preview(self.ctx, self._view.id, self).exec()

    # --- showing --------------------------------------------------------------------------
    def _show(self, view: SubmissionView) -> None:
        self._view = view
        self.form.set_values(view.form_values(), identity_visible=view.identity_visible)
        self._reset_state()
        self._update_header()
        self._set_save_state(view.updated_at)

    def _reset_state(self) -> None:
        self._quiet.stop()
        self._cap.stop()
        self._dirty.clear()
        self._touched.clear()
        self._show_required = False
        self._problems = {}
        self.form.show_problems({})
        self.save_state.setText("")
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        view = self._view
        not_staff = self._svc.actor.role not in _STAFF
        locked = view is not None and view.status not in states.EDITABLE
        self._read_only = not_staff or locked
        self.form.set_read_only(self._read_only)
        self.save_button.setEnabled(not self._read_only)
        self.verify_button.setEnabled(not self._read_only)
        self.new_button.setEnabled(not not_staff)

    def _update_header(self) -> None:
        view = self._view
        self.history_button.setEnabled(view is not None)
        self.receipt_button.setEnabled(view is not None and self._svc.actor.role in _STAFF)
        if view is None:
            self.number_label.setText(self.tr("New slip"))
            self.status_chip.set_status(None)
            self._set_banner("", "")
            return
        self.number_label.setText(view.number)
        self.status_chip.set_status(view.status.value)
        status = i18n.label(i18n.STATUS_LABELS, view.status.value)
        if view.status == Status.RETURNED:
            self._set_banner(self.tr("Returned: %1").replace("%1", view.status_reason or ""),
                             "warning")
        elif view.status == Status.REJECTED:
            self._set_banner(self.tr("Rejected: %1").replace("%1", view.status_reason or ""),
                             "error")
        elif self._read_only and self._svc.actor.role not in _STAFF:
            self._set_banner(self.tr("Your role can read this slip but not change it."), "info")
        elif self._read_only:
            self._set_banner(self.tr("This slip is %1 and can no longer be changed.")
                             .replace("%1", status.lower()), "info")
        elif view.status == Status.VERIFIED:
            self._set_banner(self.tr("Verified. Changing the content makes it a draft again, "
                                     "to be verified once more."), "info")
        else:
            self._set_banner("", "")

    def _set_banner(self, text: str, kind: str) -> None:
        colours = {"warning": ("#FFF4CE", "#5C4300", "#E8C766"),
                   "error": ("#FBE0E0", "#7A1616", "#E39A9A"),
                   "info": ("#E8F0FE", "#1A3E8C", "#A8C1F0")}
        self.banner.setVisible(bool(text))
        if text:
            bg, fg, border = colours[kind]
            self.banner.setStyleSheet(_BANNER.format(bg=bg, fg=fg, border=border))
            self.banner.setText(text)

    def _set_save_state(self, when: datetime | None, error: str = "") -> None:
        if error:
            self.save_state.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;")
            self.save_state.setText(error)
            return
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        if when is None:
            self.save_state.setText(self.tr("Saving…"))
        else:
            local = when.astimezone(self._tz).strftime("%H:%M:%S")
            self.save_state.setText(self.tr("Saved %1").replace("%1", local))

    def _visible_problems(self) -> dict[str, list[str]]:
        """Format problems always; 'required' only where it helps rather than nags."""
        out: dict[str, list[str]] = {}
        for name, codes in self._problems.items():
            keep = [c for c in codes if c != "required" or self._show_required
                    or name in self._touched]
            if keep:
                out[name] = keep
        return out

    # --- saving ---------------------------------------------------------------------------
    def _on_changed(self, name: str) -> None:
        if self._read_only:
            return
        self._dirty.add(name)
        self._touched.add(name)
        self._quiet.start()  # restarts: save after a quiet moment
        if not self._cap.isActive():
            self._cap.start()  # but never later than 5 s after the first unsaved change
        self._set_save_state(None)

    def _autosave(self) -> None:
        self._save(autosave=True, interactive=False)

    def _save(self, *, autosave: bool, interactive: bool) -> bool:
        """Save pending changes; True when nothing is left unsaved.

        Only the changed fields are sent, so two desks on one slip merge field by field (the
        audit keeps both). A choice the service refuses (a box session closed meanwhile, an
        agency removed) is left out and flagged, so it never holds back the rest."""
        self._quiet.stop()
        self._cap.stop()
        self._last_error = None
        if not self._dirty or self._read_only:
            return True
        names = sorted(self._dirty)
        view = self._view
        # The first save sends the whole form, so defaults such as the channel are kept.
        changes = self.form.values() if view is None else self.form.values(names)
        self._dirty.clear()
        refused: dict[str, list[str]] = {}
        while True:
            try:
                result = self._svc.submissions.save_draft(
                    view.id if view is not None else None, changes, autosave=autosave)
                break
            except ValidationFailed as exc:
                bad = {k: v for k, v in exc.fields.items() if k in changes}
                refused.update(exc.fields)
                changes = {k: v for k, v in changes.items() if k not in bad}
                if bad and changes:
                    continue  # try again without the refused choice
                self._problems = {**self._problems, **refused}
                self.form.show_problems(self._visible_problems())
                self._set_save_state(None, self.tr("Not saved: see the fields in red"))
                return False
            except KotakSaranError as exc:
                self._last_error = exc
                self._dirty.update(names)  # kept: the next change or save tries again
                self._set_save_state(None, self.tr("Not saved!"))
                self.save_state.setToolTip(i18n.error_message(exc))
                if interactive:
                    show_error(self, exc)
                return False
        self._saved(result, refused)
        return True

    def _saved(self, result: SaveResult, refused: dict[str, list[str]]) -> None:
        self._view = result.submission
        self._problems = {**result.problems, **refused}
        self._touched.update(refused)  # shown even when they are 'required'-like codes
        self.form.show_problems(self._visible_problems())
        self.save_state.setToolTip("")
        self._set_save_state(result.submission.updated_at)
        if result.created:
            self._apply_read_only()
        self._update_header()
        self._announce(result.submission.id)

    def _announce(self, submission_id: int) -> None:
        self._emitting = True
        try:
            self.ctx.bus.submissions_changed.emit([submission_id])
        finally:
            self._emitting = False

    def _submissions_changed(self, ids: list[int]) -> None:
        """Someone else (a supervisor on the list page) changed the open slip: show it, unless
        the person is in the middle of typing."""
        view = self._view
        if self._emitting or view is None or self._dirty or (ids and view.id not in ids):
            return
        try:
            fresh = self._svc.submissions.get(view.id)
        except KotakSaranError:
            return
        if fresh.status != view.status or fresh.revision != view.revision:
            self._show(fresh)

    # --- verify and next ------------------------------------------------------------------
    def verify_and_next(self) -> None:
        if self._read_only:
            return
        if not self._save(autosave=False, interactive=True):
            return
        view = self._view
        if view is None:
            self._show_required = True
            self._problems = {"classification": ["required"], "title": ["required"],
                              "body": ["required"], "event_date": ["required"],
                              "location": ["required"]}
            self.form.show_problems(self._problems)
            self.form.focus_field("classification")
            return
        if view.status != Status.VERIFIED:
            try:
                view = self._svc.submissions.verify(view.id)
            except ValidationFailed as exc:
                self._show_required = True
                self._problems = exc.fields
                self.form.show_problems(exc.fields)
                self._set_save_state(None, self.tr("Not verified yet: see the fields in red"))
                self.form.focus_field(_first_field(exc.fields))
                return
            except KotakSaranError as exc:
                show_error(self, exc)
                return
            self._announce(view.id)
        done = view.number
        try:
            next_id = self._svc.submissions.next_to_verify(after_id=view.id)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        if next_id is not None:
            self.load_submission(next_id)
        else:
            self.new_submission()
        self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)  # hands stay on keys
        self.save_state.setText(self.tr("%1 verified").replace("%1", done))


def _first_field(problems: dict[str, list[str]]) -> str:
    order = ("classification", "title", "body", "event_date", "location", "agency_id",
             "category_id", "channel", "box_session_id", "reporter_name", "reporter_nik",
             "reporter_phone", "reporter_email", "reporter_address")
    return next((n for n in order if n in problems), next(iter(problems), "title"))
