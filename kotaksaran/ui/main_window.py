"""The main window: side navigation, the pages, status bar, menus, shortcuts and the idle lock.

Pages are built the first time they are shown. Record pages written elsewhere are imported by
name; while one is missing its entry shows a "not available yet" page instead of failing.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from .. import i18n
from ..domain.enums import Role
from ..domain.errors import KotakSaranError
from ..services.context import Actor
from . import tasks
from .context import UiContext
from .errors import show_error
from .idle_lock import IdleWatcher, LockScreen
from .navigation import NAV, STAFF, NavEntry, PlaceholderPage, call_if_present, nav_label
from .ocr_runner import OcrRunner, OcrStatus

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals ask the app controller to log out, switch user or restart in another language."""

    logout_requested = Signal()
    user_switched = Signal(object)  # Actor
    language_changed = Signal(str)
    closing = Signal()  # the person closed the window (not a swap by logout or user switch)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor = ctx.services.actor
        self.pages: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}
        self._hidden_dialogs: list[QDialog] = []
        self._lock_screen: LockScreen | None = None
        self.setObjectName("mainWindow")
        unit = ctx.services.admin.unit()
        self._unit_name = unit.name
        self._timezone = unit.timezone
        self._logo = unit.logo_sha256

        self.outer = QStackedWidget()
        self.setCentralWidget(self.outer)
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(24, 24))
        self.nav.setFixedWidth(210)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #263238; color: #eceff1; border: none;"
            " font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 10px 8px; }"
            "QListWidget#navigation::item:selected { background: #00897b; color: white; }"
        )
        self.stack = QStackedWidget()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.outer.addWidget(content)
        self._nav_items: dict[str, QListWidgetItem] = {}
        for entry in NAV:
            item = QListWidgetItem(self.style().standardIcon(entry.icon), nav_label(entry.key))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.nav.addItem(item)
            # The GUI only hides what a role cannot use; the services enforce it.
            item.setHidden(self.actor.role not in entry.roles)
            self._nav_items[entry.key] = item
        self.nav.currentItemChanged.connect(self._nav_changed)

        self._build_status_bar()
        self._build_menus()
        self._update_title()

        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock_screen)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self._load_idle_setting()

        ctx.bus.open_submission.connect(self.open_submission)
        ctx.bus.new_submission_in_session.connect(self.new_slip_in_session)
        ctx.bus.reference_changed.connect(self._reference_changed)
        self.resize(1280, 800)
        self.navigate("home")
        self.setAcceptDrops(self.actor.role in STAFF)
        self.watch_runner = self._start_watch_folder()
        self.ocr_runner = self._start_ocr()

    def _start_ocr(self) -> OcrRunner | None:
        """Pages are read in the background as they arrive, for the roles that handle slips;
        pages left waiting from an earlier run (a cancel, a crash) start shortly after."""
        if self.actor.role not in STAFF:
            return None
        runner = OcrRunner(self.ctx, self)
        self.ocr_status = OcrStatus(runner)
        self.statusBar().addWidget(self.ocr_status)
        QTimer.singleShot(1500, runner.start_if_pending)
        # The suggestion model learns from the verified slips once per process (seconds on a
        # large database): do it now in the background, not when the first slip opens.
        suggestions = self.ctx.services.suggestions
        tasks.run_task(lambda _c: suggestions.for_text("", ""), on_done=lambda _r: None,
                       on_error=lambda _e: None, parent=self)
        return runner

    # --- chrome ---------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(self.actor.full_name or self.actor.username or "")
        self.role_label = QLabel(i18n.label(i18n.ROLE_LABELS, self.actor.role))
        self.unit_label = QLabel(self._unit_name)
        self.demo_label = QLabel(self.tr("DEMO MODE"))
        self.demo_label.setObjectName("demoMark")
        self.demo_label.setStyleSheet(
            "color: white; background: #c62828; font-weight: bold; padding: 2px 10px;"
        )
        self.demo_label.setToolTip(
            self.tr("This data folder holds practice data, not real reports.")
        )
        for w in (self.user_label, self.role_label, self.unit_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        bar.addPermanentWidget(self.demo_label)
        self.demo_label.setVisible(self.ctx.demo)

    def _build_menus(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        self.password_action = QAction(self.tr("Change password…"), self)
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self.tr("Lock screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_screen)
        self.logout_action = QAction(self.tr("Sign out"), self)
        self.logout_action.triggered.connect(self.logout)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        for a in (self.password_action, self.lock_action, self.logout_action):
            account.addAction(a)
        account.addSeparator()
        account.addAction(quit_action)

        language = self.menuBar().addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
            act = QAction(name, self, checkable=True)
            act.setChecked(self.ctx.language == code)
            act.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(act)
            language.addAction(act)
            self.language_actions[code] = act

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About Kotak Saran Digital"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

        new_action = QAction(self.tr("New slip"), self)
        new_action.setShortcut(QKeySequence.StandardKey.New)
        new_action.triggered.connect(self.new_slip)
        find_action = QAction(self.tr("Search"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.focus_search)
        for a in (new_action, find_action):
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(a)
        self.shortcut_actions = (new_action, find_action)

    def _update_title(self) -> None:
        title = f"Kotak Saran Digital — {self._unit_name}"
        if self.ctx.demo:
            title += f" [{self.tr('DEMO MODE')}]"
        self.setWindowTitle(title)

    def _reference_changed(self) -> None:
        try:
            unit = self.ctx.services.admin.unit()
        except KotakSaranError:
            return
        self._unit_name, self._timezone, self._logo = unit.name, unit.timezone, unit.logo_sha256
        self.unit_label.setText(unit.name)
        self._update_title()
        self._load_idle_setting()

    def _load_idle_setting(self) -> None:
        try:
            minutes = int(self.ctx.services.config.get("ui.idle_lock_minutes"))
        except KotakSaranError:
            minutes = 0
        self.idle.set_timeout_ms(minutes * 60_000)

    # --- pages ----------------------------------------------------------------------------
    def navigate(self, key: str) -> QWidget:
        """Show page `key` (building it the first time) and select its navigation entry."""
        item = self._nav_items[key]
        if self.nav.currentItem() is not item:
            self.nav.setCurrentItem(item)  # -> _nav_changed shows the page
        return self.page(key)

    def current_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "home"

    def _nav_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        if current is None:
            return
        key = str(current.data(Qt.ItemDataRole.UserRole))
        self.page(key)
        self.stack.setCurrentWidget(self._holders[key])

    def current_page(self) -> QWidget:
        return self.page(self.current_key())

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            page = self._build_page(key)
            page.setObjectName(f"page_{key}")
            # A page wider than a 1280/1366-pixel screen scrolls instead of pushing the
            # window off the screen.
            holder = QScrollArea()
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidgetResizable(True)
            holder.setWidget(page)
            self.pages[key] = page
            self._holders[key] = holder
            self.stack.addWidget(holder)
        return self.pages[key]

    def _build_page(self, key: str) -> QWidget:
        if key == "home":
            from .home import HomePage

            home = HomePage(self.ctx)
            home.new_slip_requested.connect(self.new_slip)
            home.open_session_requested.connect(self.open_box_session)
            home.review_requested.connect(lambda: self.navigate(
                "approval" if self.actor.role in (Role.SUPERVISOR, Role.ADMIN) else "review"))
            home.session_activated.connect(self.show_box_session)
            return home
        if key == "settings":
            from .settings_page import SettingsPage

            settings = SettingsPage(self.ctx)
            settings.language_chosen.connect(self.set_language)
            return settings
        entry = next(e for e in NAV if e.key == key)
        page = self._load_record_page(entry)
        if key == "approval":
            self._configure_review(page)
        return page

    def _load_record_page(self, entry: NavEntry) -> QWidget:
        name = f"kotaksaran.ui.{entry.module}"
        try:
            module = importlib.import_module(name)
            page_cls: Callable[[UiContext], QWidget] = getattr(module, entry.page_class)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            return PlaceholderPage(
                nav_label(entry.key),
                self.tr("Not available yet — this feature arrives in the next version."),
            )
        except AttributeError:
            log.warning("%s has no %s yet", name, entry.page_class)
            return PlaceholderPage(
                nav_label(entry.key),
                self.tr("Not available yet — this feature arrives in the next version."),
            )
        return page_cls(self.ctx)

    def _configure_review(self, page: QWidget) -> None:
        # The list page owns its filters; here it opens on the queue of verified slips.
        call_if_present(page, "show_review_queue")

    # --- actions --------------------------------------------------------------------------
    def new_slip(self) -> None:
        if self.actor.role not in STAFF or self.is_locked:
            return
        editor = self.navigate("input")
        call_if_present(editor, "new_submission")

    def new_slip_in_session(self, session_id: int) -> None:
        if self.actor.role not in STAFF or self.is_locked:
            return
        editor = self.navigate("input")
        call_if_present(editor, "new_submission", session_id)

    def open_submission(self, submission_id: int) -> None:
        """A slip with page images opens beside its pages (the verification workspace); a
        typed one in the Input page."""
        if self.actor.role not in STAFF:
            return
        try:
            scanned = self.ctx.services.submissions.get(submission_id).page_count > 0
        except KotakSaranError:
            scanned = False  # the editor explains what is wrong with the slip
        editor = self.navigate("review" if scanned else "input")
        call_if_present(editor, "load_submission", submission_id)

    def open_box_session(self) -> None:
        page = self.navigate("boxes")
        call_if_present(page, "open_session")

    def show_box_session(self, session_id: int) -> None:
        page = self.navigate("boxes")
        call_if_present(page, "select_session", session_id)

    def focus_search(self) -> None:
        if self.is_locked:
            return
        current = self.pages.get(self.current_key())
        if current is not None and call_if_present(current, "focus_search"):
            return
        call_if_present(self.navigate("all"), "focus_search")

    def flush_pages(self) -> None:
        """Ask every page to save what is typed (drafts also autosave on their own)."""
        for page in self.pages.values():
            try:
                call_if_present(page, "flush")
            except KotakSaranError as exc:
                show_error(self, exc)

    def change_password(self) -> None:
        from .settings_users import ChangePasswordDialog

        ChangePasswordDialog(self.ctx, self.actor.username or "", own=True, parent=self).open()

    def set_language(self, code: str) -> None:
        if code == self.ctx.language:
            return
        try:
            self.ctx.services.config.set("ui.language", code)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.flush_pages()
        self.language_changed.emit(code)

    def about(self) -> None:
        from .. import __version__

        QMessageBox.about(
            self,
            self.tr("About Kotak Saran Digital"),
            self.tr(
                "<b>Kotak Saran Digital</b> %1<br><br>Turns the paper slips of a suggestion box "
                "into verified reports for SP4N-LAPOR!. Works offline."
            ).replace("%1", __version__),
        )

    def logout(self) -> None:
        self.flush_pages()
        self.logout_requested.emit()

    # --- idle lock ------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self._lock_screen is not None

    def lock_screen(self) -> None:
        if self.is_locked:
            return
        self.flush_pages()
        # Dialogs stay open under the lock (nothing typed is lost) but are hidden from view.
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for d in self._hidden_dialogs:
            d.hide()
        self.idle.stop()
        self._lock_screen = LockScreen(
            self.ctx.services.store,
            self.actor,
            unit_name=self._unit_name,
            timezone=self._timezone,
            demo=self.ctx.demo,
            logo_sha256=self._logo,
        )
        self._lock_screen.unlocked.connect(self._unlocked)
        self.outer.addWidget(self._lock_screen)
        self.outer.setCurrentWidget(self._lock_screen)
        self.menuBar().setEnabled(False)
        for a in self.shortcut_actions:
            a.setEnabled(False)
        self._lock_screen.focus_first()

    def _unlocked(self, actor: Actor) -> None:
        if actor.user_id != self.actor.user_id:
            self.user_switched.emit(actor)
            return
        lock, self._lock_screen = self._lock_screen, None
        self.outer.setCurrentIndex(0)
        if lock is not None:
            self.outer.removeWidget(lock)
            lock.deleteLater()
        self.menuBar().setEnabled(True)
        for a in self.shortcut_actions:
            a.setEnabled(True)
        for d in self._hidden_dialogs:
            d.show()
        self._hidden_dialogs = []
        self.idle.reset()

    # --- paper coming in (drops anywhere on the window, the watch folder) ------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.actor.role in STAFF and not self.is_locked and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.actor.role in STAFF and not self.is_locked:
            event.acceptProposedAction()
            call_if_present(self.navigate("capture"), "import_paths", paths)

    def _start_watch_folder(self) -> QObject | None:
        """Import what the office's scanner drops into `intake.watch_folder` (when set)."""
        if self.actor.role not in STAFF:
            return None
        try:
            folder = str(self.ctx.services.config.get("intake.watch_folder") or "")
        except (KotakSaranError, KeyError):
            return None
        if not folder:
            return None
        from .capture_watch import WatchFolderRunner

        runner = WatchFolderRunner(self.ctx, folder, self)
        runner.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        try:
            runner.start()
        except KotakSaranError as exc:
            show_error(self, exc)
            return None
        return runner

    # --- closing --------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop watching input; the window is about to be replaced or closed."""
        self.idle.stop()
        runner = getattr(self, "watch_runner", None)
        if runner is not None:
            runner.stop()
            self.watch_runner = None
        ocr = getattr(self, "ocr_runner", None)
        if ocr is not None:  # the pages being read finish; the rest wait for next time
            ocr.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.idle)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_pages()
        self.shutdown()
        super().closeEvent(event)
        self.closing.emit()
