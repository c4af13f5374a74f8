"""Starting the desktop app: translations, crash log, first-start setup or demo data, the
one-instance lock, opening the database, login and the main window."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from .. import i18n, paths
from ..domain.errors import AlreadyRunning, DataDirMissing, KotakSaranError
from ..services import Services
from ..services.context import Actor
from ..services.setup import is_initialized
from ..store.db import DataDir, Store, open_store
from ..store.lock import InstanceLock
from .context import ChangeBus, UiContext
from .errors import show_error
from .login import LoginDialog, logo_pixmap, store_authenticator
from .main_window import MainWindow
from .tasks import TaskControl, run_task

log = logging.getLogger(__name__)
APP_NAME = "Kotak Saran Digital"
DEMO_COUNT = 300

# Texts that Qt itself shows (standard buttons); there is no qtbase_id.qm to translate them,
# so they live in our own translation file. QT_TRANSLATE_NOOP marks them for lupdate.
QT_TRANSLATE_NOOP = QCoreApplication.translate  # lupdate recognises the name
_QT_STRINGS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Kotak Saran Digital"),
    QT_TRANSLATE_NOOP("QMessageBox", "Something went wrong inside the program. What you saved "
                      "is safe. Please tell the admin; the details are in the log."),
)


def translations_dir() -> Path:
    return i18n.locale_dir().parent / "translations"


def ensure_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Kotak Saran Digital")
    app.setStyle("Fusion")
    font = app.font()
    # Desk staff read this all day on modest monitors: never smaller than 10.5 pt.
    if font.pointSizeF() < 10.5:
        font.setPointSizeF(10.5)
        app.setFont(font)
    return app


def install_translators(app: QCoreApplication, lang: str) -> str:
    """Qt's own catalogue (when shipped) and every resources/translations/*_<lang>.qm."""
    for old in getattr(app, "_ks_translators", []):
        app.removeTranslator(old)
    lang = i18n.set_language(lang)
    loaded: list[QTranslator] = []
    if lang != "en":  # the source texts are English
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(f"qtbase_{lang}", qt_dir)]
        candidates += [(p.stem, str(p.parent))
                       for p in sorted(translations_dir().glob(f"*_{lang}.qm"))]
        for name, folder in candidates:
            tr = QTranslator(app)
            if tr.load(name, folder):
                app.installTranslator(tr)
                loaded.append(tr)
    app._ks_translators = loaded  # type: ignore[attr-defined]
    # Dates, numbers and calendar popups follow the language too ("Senin", "1.234").
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
                       if lang == "id" else QLocale(QLocale.Language.English,
                                                    QLocale.Country.UnitedKingdom))
    return lang


def configure_logging(data_dir: DataDir) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_ks", False) for h in root.handlers):
        return
    try:
        data_dir.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            data_dir.logs / "kotaksaran.log", maxBytes=1_000_000, backupCount=3,
            encoding="utf-8")
    except OSError:
        return  # no log is better than no program; the crash dialog still shows details
    handler._ks = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)


def install_excepthook() -> None:
    """Uncaught errors in slots: log them, then a calm message (typed) or the crash dialog."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            show_error(QApplication.activeWindow(), exc.with_traceback(tb))
        finally:
            showing = False

    sys.excepthook = hook


def startup_message(exc: KotakSaranError) -> None:
    """A problem before any window exists: one message box, in the chosen language."""
    QMessageBox.critical(None, APP_NAME, i18n.error_message(exc))


def acquire_instance_lock(data_dir: Path) -> InstanceLock | None:
    """One GUI per data folder; a second start says so and gets None."""
    lock = InstanceLock(data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        startup_message(exc)
        return None
    return lock


def build_main_window(store: Store, actor: Actor, demo: bool) -> MainWindow:
    """The main window for a logged-in actor (tests use this to skip the login)."""
    services = Services(store, actor)
    marked = bool(services.config.get("mode.demo"))
    ctx = UiContext(services=services, bus=ChangeBus(), demo=demo or marked,
                    language=i18n.get_language())
    return MainWindow(ctx)


def create_demo_data(store: Store, parent: QWidget | None = None) -> None:
    """Fill an empty store with demo data on a worker while a small dialog says so."""
    progress = QProgressDialog(QCoreApplication.translate("App", "Preparing demo data…"),
                               "", 0, 0, parent)
    progress.setWindowTitle(APP_NAME)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    loop = QEventLoop()
    outcome: dict[str, BaseException | None] = {"error": None}

    def work(control: TaskControl) -> None:
        from ..services.demo import create_demo  # type: ignore[import-not-found,unused-ignore]

        create_demo(store, DEMO_COUNT, progress=lambda done, total: control.progress(done, total),
                    scanned=True)

    def advanced(done: int, total: int, _text: str) -> None:
        if total:
            progress.setRange(0, total)
            progress.setValue(done)

    def done(_result: object) -> None:
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    handle = run_task(work, on_done=done, on_error=failed, on_progress=advanced)
    if handle.running:
        loop.exec()
    progress.close()
    if outcome["error"] is not None:
        raise outcome["error"]
    services = Services(store, Actor.system("demo"))
    if not services.config.get("mode.demo"):
        services.config.set("mode.demo", True)


class DeskSession:
    """Login, main window, logout and user switching for one open store."""

    def __init__(self, app: QApplication, store: Store, demo: bool) -> None:
        self.app = app
        self.store = store
        self.demo = demo
        self.window: MainWindow | None = None
        self.last_username = ""

    def _unit(self) -> tuple[str, str, str | None]:
        unit = Services(self.store, Actor.system("gui")).admin.unit()
        return unit.name, unit.timezone, unit.logo_sha256

    def _is_demo(self) -> bool:
        return self.demo or bool(Services(self.store, Actor.system("gui")).config.get(
            "mode.demo"))

    def login(self) -> bool:
        """Show the login dialog; False when the person closed it."""
        name, tz, logo = self._unit()
        dialog = LoginDialog(store_authenticator(self.store), unit_name=name,
                             demo=self._is_demo(), timezone=tz,
                             logo=logo_pixmap(self.store.data_dir.root, logo, 72),
                             username=self.last_username)
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self.show_window(dialog.actor)
        return True

    def show_window(self, actor: Actor) -> None:
        old = self.window
        self.window = build_main_window(self.store, actor, self.demo)
        self.last_username = actor.username or ""
        self.window.logout_requested.connect(self._logout)
        self.window.user_switched.connect(self.show_window)
        self.window.language_changed.connect(self._language_changed)
        self.window.closing.connect(self.app.quit)
        if old is not None:
            self.window.setGeometry(old.geometry())
            self._dispose(old)
        self.window.show()

    def _dispose(self, window: MainWindow) -> None:
        window.shutdown()
        window.hide()
        window.deleteLater()

    def _logout(self) -> None:
        if self.window is not None:
            self._dispose(self.window)
            self.window = None
        if not self.login():
            self.app.quit()

    def _language_changed(self, lang: str) -> None:
        # Pages are rebuilt rather than retranslated: the same person stays signed in.
        install_translators(self.app, lang)
        if self.window is not None:
            self.show_window(self.window.actor)


def _language_setting(store: Store) -> str:
    try:
        return str(Services(store, Actor.system("gui")).config.get("ui.language"))
    except KotakSaranError:
        return i18n.DEFAULT_LANGUAGE


def run_gui(data_dir: Path, db_url: str | None, lang: str | None, demo: bool) -> int:
    app = ensure_app()
    install_translators(app, lang or i18n.DEFAULT_LANGUAGE)
    dd = DataDir(data_dir)
    install_excepthook()
    if data_dir.parent == paths.app_root():
        # The per-user app folder of the default data and demo dirs is the app's own to make
        # (a new user may not even have ~/.local/share yet): its absence is a first start,
        # not a removed drive.
        with contextlib.suppress(OSError):
            data_dir.parent.mkdir(parents=True, exist_ok=True)
    if dd.exists():
        configure_logging(dd)
    elif not data_dir.parent.exists():
        # The folder above is gone too: most likely a USB drive or share that was removed.
        startup_message(DataDirMissing(path=str(data_dir)))
        return 1
    lock: InstanceLock | None = None
    store: Store | None = None
    try:
        if db_url is not None and not dd.exists():
            # A desk on a shared server keeps only its lock, logs and cache here.
            dd.create()
            configure_logging(dd)
        if dd.exists():
            lock = acquire_instance_lock(data_dir)
            if lock is None:
                return 1
        if db_url is not None or dd.db_path.exists():
            store = open_store(data_dir, db_url)
        if store is None or not is_initialized(store):
            if demo:
                if store is None:
                    dd.create()
                    configure_logging(dd)
                    lock = lock or acquire_instance_lock(data_dir)
                    if lock is None:
                        return 1
                    store = open_store(data_dir, db_url, create=True)
                try:
                    create_demo_data(store)
                except ImportError:
                    # The demo generator is a separate module; say so rather than crash.
                    log.exception("demo data generator missing")
                    QMessageBox.critical(None, APP_NAME, QCoreApplication.translate(
                        "App", "This version cannot create demo data (the demo generator is "
                        "missing). Start without --demo to set up a real office."))
                    return 1
            else:
                store, lock = _run_setup(data_dir, db_url, store, lock)
                if store is None:
                    return 0  # the person cancelled the setup
        if lang is None:
            install_translators(app, _language_setting(store))
        # Windows are swapped on logout and user switch; the session quits explicitly.
        app.setQuitOnLastWindowClosed(False)
        session = DeskSession(app, store, demo)
        if not session.login():
            return 0
        return app.exec()
    except KotakSaranError as exc:
        log.warning("start-up stopped: %s", exc)
        startup_message(exc)
        return 1
    finally:
        if store is not None:
            store.dispose()
        if lock is not None:
            lock.release()


def _run_setup(data_dir: Path, db_url: str | None, store: Store | None,
               lock: InstanceLock | None) -> tuple[Store | None, InstanceLock | None]:
    """The first-start wizard; it creates the data folder (and takes the lock) on Finish."""
    from .setup_wizard import SetupWizard

    held: list[InstanceLock] = [lock] if lock is not None else []

    def open_new() -> Store:
        if store is not None:
            return store
        DataDir(data_dir).create()
        configure_logging(DataDir(data_dir))
        if not held:
            new_lock = InstanceLock(data_dir)
            new_lock.acquire()  # AlreadyRunning is shown by the wizard like any error
            held.append(new_lock)
        return open_store(data_dir, db_url, create=True)

    wizard = SetupWizard(data_dir, open_new)
    accepted = wizard.exec() == SetupWizard.DialogCode.Accepted
    if not accepted:
        if wizard.store is not None and wizard.store is not store:
            wizard.store.dispose()
        return None, held[0] if held else None
    return wizard.store, held[0] if held else None
