"""The slip form, mirroring the SP4N-LAPOR! report: it shows and collects field values and
shows problems next to fields. Saving, verifying and loading live in submission_editor.py."""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import Channel, Classification
from ..services.admin import AgencyView, CategoryView
from ..services.boxes import BoxSessionView
from ..services.views import EDITABLE_FIELDS, IDENTITY_FIELDS
from .record_widgets import (
    ERROR_COLOUR,
    FieldError,
    OptionalDateEdit,
    SearchableCombo,
    fit_popup,
)

_INVALID_STYLE = f"border: 1px solid {ERROR_COLOUR}; border-radius: 3px;"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class SubmissionForm(QWidget):
    """Every editable field of a slip. `changed(name)` fires on each edit by the person (not
    when the form is filled by code)."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self._identity_visible = True
        self._categories: list[CategoryView] = []
        self._errors: dict[str, FieldError] = {}
        self._inputs: dict[str, QWidget] = {}
        self._build()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(24)
        columns.addLayout(self._build_report(), 5)
        columns.addLayout(self._build_routing(), 4)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget,
             extra: QWidget | None = None) -> None:
        """A labelled field with its error line underneath."""
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        if extra is not None:
            lay.addWidget(extra)
        error = FieldError()
        lay.addWidget(error)
        lab = QLabel(label)
        lab.setBuddy(widget)
        form.addRow(lab, box)
        self._errors[name] = error
        self._inputs.setdefault(name, widget)

    def _build_report(self) -> QVBoxLayout:
        outer = QVBoxLayout()
        form = self._form()

        self.classification = QButtonGroup(self)
        radios = QWidget()
        rlay = QHBoxLayout(radios)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.setSpacing(16)
        for i, code in enumerate(c.value for c in Classification):
            radio = QRadioButton(i18n.label(i18n.CLASSIFICATION_LABELS, code))
            radio.setProperty("code", code)
            self.classification.addButton(radio, i)
            rlay.addWidget(radio)
        rlay.addStretch(1)
        self.classification.idToggled.connect(self._classification_toggled)
        self._row(form, "classification", self.tr("Classification"), radios)
        self._inputs["classification"] = self.classification.button(0)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("One line: what is the report about?"))
        self.title.textEdited.connect(lambda _t: self._emit("title"))
        self._row(form, "title", self.tr("&Title"), self.title)

        self.body = QPlainTextEdit()
        # Tab moves to the next field: desk staff go through the form with the keyboard.
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Type the slip's text as written."))
        self.body.setMinimumHeight(180)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.body.textChanged.connect(lambda: self._emit("body"))
        self._row(form, "body", self.tr("&Report text"), self.body)

        self.event_date = OptionalDateEdit()
        self.event_date.setSpecialValueText(self.tr("not filled in"))
        self.event_date.setMinimumWidth(150)
        self.event_date.dateChanged.connect(lambda _d: self._emit("event_date"))
        clear = QToolButton()
        clear.setText(self.tr("Clear"))
        clear.setToolTip(self.tr("Leave the date empty for now"))
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.event_date.clear_value)
        self._clear_date = clear
        date_row = QWidget()
        dlay = QHBoxLayout(date_row)
        dlay.setContentsMargins(0, 0, 0, 0)
        dlay.addWidget(self.event_date)
        dlay.addWidget(clear)
        dlay.addWidget(_hint(self.tr("Type e.g. 01062026")), 1)
        self._row(form, "event_date", self.tr("&Date of the event"), date_row)
        self._inputs["event_date"] = self.event_date

        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Street, RT/RW, place"))
        self.location.textEdited.connect(lambda _t: self._emit("location"))
        self._row(form, "location", self.tr("L&ocation"), self.location)

        outer.addLayout(form, 1)
        return outer

    def _build_routing(self) -> QVBoxLayout:
        outer = QVBoxLayout()
        form = self._form()

        self.agency = SearchableCombo()
        self.agency.line().setPlaceholderText(self.tr("Type to search…"))
        self.agency.currentIndexChanged.connect(lambda _i: self._emit("agency_id"))
        self._row(form, "agency_id", self.tr("A&gency"), self.agency)

        self.category_root = SearchableCombo()
        self.category_root.line().setPlaceholderText(self.tr("Type to search…"))
        self.category_sub = QComboBox()
        self.category_root.currentIndexChanged.connect(self._root_changed)
        self.category_sub.currentIndexChanged.connect(lambda _i: self._emit("category_id"))
        self._row(form, "category_id", self.tr("Categor&y"), self.category_root,
                  self.category_sub)

        self.channel = QComboBox()
        for code in (c.value for c in Channel):
            self.channel.addItem(i18n.label(i18n.CHANNEL_LABELS, code), code)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self._row(form, "channel", self.tr("Cha&nnel"), self.channel)

        self.session = QComboBox()
        self.session.currentIndexChanged.connect(lambda _i: self._emit("box_session_id"))
        self.session_hint = _hint(self.tr("A slip from the box belongs to a box session."))
        self._row(form, "box_session_id", self.tr("Box &session"), self.session,
                  self.session_hint)

        self.anonim = QCheckBox(self.tr("Anonymous"))
        self.anonim.toggled.connect(lambda _on: self._emit("anonim"))
        self._row(form, "anonim", "", self.anonim, _hint(
            self.tr("The reporter's identity never leaves this office.")))
        self.rahasia = QCheckBox(self.tr("Confidential"))
        self.rahasia.toggled.connect(lambda _on: self._emit("rahasia"))
        self._row(form, "rahasia", "", self.rahasia, _hint(
            self.tr("The report is not shown to the public.")))
        outer.addLayout(form)
        outer.addWidget(self._build_identity())
        outer.addStretch(1)
        return outer

    def _build_identity(self) -> QWidget:
        group = QGroupBox()
        group.setFlat(True)
        lay = QVBoxLayout(group)
        lay.setContentsMargins(0, 4, 0, 0)
        self.identity_toggle = QToolButton()
        self.identity_toggle.setCheckable(True)
        self.identity_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.identity_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.identity_toggle.setText(self.tr("Reporter's identity (optional)"))
        self.identity_toggle.setStyleSheet("QToolButton { border: none; font-weight: 600; }")
        self.identity_toggle.toggled.connect(self.set_identity_expanded)
        lay.addWidget(self.identity_toggle)
        self.identity_body = QFrame()
        form = self._form()
        self.identity_body.setLayout(form)
        self.identity_note = _hint("")
        form.addRow(self.identity_note)
        self.identity: dict[str, QLineEdit] = {}
        labels = {
            "reporter_name": self.tr("Name"),
            "reporter_nik": self.tr("NIK"),
            "reporter_phone": self.tr("Phone"),
            "reporter_email": self.tr("Email"),
            "reporter_address": self.tr("Address"),
        }
        for name in IDENTITY_FIELDS:
            edit = QLineEdit()
            edit.textEdited.connect(lambda _t, n=name: self._emit(n))
            self.identity[name] = edit
            self._row(form, name, labels[name], edit)
        self._placeholders = {"reporter_nik": self.tr("16 digits"),
                              "reporter_phone": "08…"}
        for name, text in self._placeholders.items():
            self.identity[name].setPlaceholderText(text)
        lay.addWidget(self.identity_body)
        self.identity_body.hide()
        return group

    # --- reference data -------------------------------------------------------------------
    def set_reference(self, agencies: list[AgencyView], categories: list[CategoryView],
                      sessions: list[BoxSessionView], tz: tzinfo) -> None:
        self._filling = True
        try:
            keep_agency = self.agency.value()
            self.agency.set_items([("", None), *((a.name, a.id) for a in agencies)])
            self.agency.set_value(keep_agency)
            keep_cat = self.category_value()
            self._categories = categories
            self.category_root.set_items(
                [("", None), *((c.name, c.id) for c in categories if c.parent_id is None)])
            self.set_category(keep_cat)
            keep_session = self.session.currentData()
            self.session.clear()
            self.session.addItem(self.tr("— no session —"), None)
            for s in sessions:
                when = s.opened_at.astimezone(tz).strftime("%d/%m/%Y %H:%M")
                self.session.addItem(f"{when} · {s.box_name}", s.id)
            self._select_session(keep_session)  # closed meanwhile: still shown as this slip's
            for combo in (self.session, self.agency, self.category_root):
                fit_popup(combo)
        finally:
            self._filling = False

    def set_today(self, today: date) -> None:
        self.event_date.set_today(QDate(today.year, today.month, today.day))

    # --- values ---------------------------------------------------------------------------
    def category_value(self) -> int | None:
        sub = self.category_sub.currentData()
        return int(sub) if sub is not None else self.category_root.value()

    def set_category(self, category_id: int | None) -> None:
        cat = next((c for c in self._categories if c.id == category_id), None)
        root_id = cat.parent_id if cat is not None and cat.parent_id else category_id
        self.category_root.set_value(root_id)
        self._fill_sub(root_id)
        if cat is not None and cat.parent_id:
            self.category_sub.setCurrentIndex(max(self.category_sub.findData(cat.id), 0))

    def _fill_sub(self, root_id: int | None) -> None:
        self.category_sub.blockSignals(True)
        self.category_sub.clear()
        kids = [c for c in self._categories if root_id is not None and c.parent_id == root_id]
        self.category_sub.addItem(self.tr("— sub-category (optional) —") if kids else "", None)
        for c in kids:
            self.category_sub.addItem(c.name, c.id)
        self.category_sub.setEnabled(bool(kids) and self.category_root.isEnabled())
        self.category_sub.setVisible(bool(kids))  # an empty second level is only noise
        self.category_sub.blockSignals(False)

    def _root_changed(self, _index: int) -> None:
        self._fill_sub(self.category_root.value())
        self._emit("category_id")

    def _channel_changed(self, _index: int) -> None:
        from_box = self.channel.currentData() == Channel.KOTAK_SARAN.value
        self.session_hint.setVisible(from_box and self.session.currentData() is None)
        if not from_box and self.session.currentData() is not None and not self._filling:
            self.session.setCurrentIndex(0)  # a letter does not come out of a box
        self._emit("channel")

    def _classification_toggled(self, _id: int, on: bool) -> None:
        if on:  # the button switched off is not a change of its own
            self._emit("classification")

    def _emit(self, name: str) -> None:
        if name == "box_session_id":
            from_box = self.channel.currentData() == Channel.KOTAK_SARAN.value
            self.session_hint.setVisible(from_box and self.session.currentData() is None)
        if not self._filling:
            self.changed.emit(name)

    def value(self, name: str) -> Any:
        if name == "classification":
            button = self.classification.checkedButton()
            return button.property("code") if button is not None else None
        if name == "title":
            return self.title.text()
        if name == "body":
            return self.body.toPlainText()
        if name == "event_date":
            qd = self.event_date.value()
            return date(qd.year(), qd.month(), qd.day()) if qd is not None else None
        if name == "location":
            return self.location.text()
        if name == "agency_id":
            return self.agency.value()
        if name == "category_id":
            return self.category_value()
        if name in ("anonim", "rahasia"):
            return (self.anonim if name == "anonim" else self.rahasia).isChecked()
        if name == "channel":
            return self.channel.currentData()
        if name == "box_session_id":
            return self.session.currentData()
        if name in IDENTITY_FIELDS:
            return self.identity[name].text()
        raise KeyError(name)

    def values(self, names: list[str] | None = None) -> dict[str, Any]:
        wanted = names if names is not None else list(EDITABLE_FIELDS)
        if not self._identity_visible:
            wanted = [n for n in wanted if n not in IDENTITY_FIELDS]
        return {n: self.value(n) for n in wanted}

    def set_values(self, values: dict[str, Any], *, identity_visible: bool = True) -> None:
        """Fill the form from a saved slip (or defaults); emits no `changed`."""
        self._filling = True
        try:
            code = values.get("classification")
            self.classification.setExclusive(False)  # the only way to show 'none chosen'
            for button in self.classification.buttons():
                button.setChecked(button.property("code") == code)
            self.classification.setExclusive(True)
            self.title.setText(values.get("title") or "")
            self.body.setPlainText(values.get("body") or "")
            ev = values.get("event_date")
            self.event_date.set_value(QDate(ev.year, ev.month, ev.day) if ev else None)
            self.location.setText(values.get("location") or "")
            self.agency.set_value(values.get("agency_id"))
            self.set_category(values.get("category_id"))
            channel = values.get("channel") or Channel.KOTAK_SARAN.value
            self.channel.setCurrentIndex(max(self.channel.findData(channel), 0))
            self._select_session(values.get("box_session_id"))
            self.anonim.setChecked(bool(values.get("anonim")))
            self.rahasia.setChecked(bool(values.get("rahasia")))
            self._identity_visible = identity_visible
            for name, edit in self.identity.items():
                edit.setText("" if not identity_visible else (values.get(name) or ""))
                edit.setPlaceholderText(self.tr("hidden") if not identity_visible
                                        else self._placeholders.get(name, ""))
            self.identity_note.setText(
                "" if identity_visible else
                self.tr("Hidden: this slip is anonymous or confidential."))
            self.identity_note.setVisible(not identity_visible)
            # setText leaves the cursor at the end, which scrolls a long text's start away.
            for edit in (self.title, self.location, self.agency.line(),
                         self.category_root.line(), *self.identity.values()):
                edit.setCursorPosition(0)
            has_identity = any(values.get(n) for n in IDENTITY_FIELDS)
            self.set_identity_expanded(has_identity or not identity_visible)
        finally:
            self._filling = False
        self.session_hint.setVisible(
            self.channel.currentData() == Channel.KOTAK_SARAN.value
            and self.session.currentData() is None)

    def _select_session(self, session_id: int | None) -> None:
        idx = self.session.findData(session_id)
        if idx < 0 and session_id is not None:
            # A closed session is not in the list of open ones but is still this slip's.
            self.session.addItem(self.tr("Closed session #%1").replace("%1", str(session_id)),
                                 session_id)
            idx = self.session.count() - 1
        self.session.setCurrentIndex(max(idx, 0))

    def select_session(self, session_id: int | None) -> None:
        self._select_session(session_id)

    def set_identity_expanded(self, expanded: bool) -> None:
        self.identity_toggle.blockSignals(True)
        self.identity_toggle.setChecked(expanded)
        self.identity_toggle.blockSignals(False)
        self.identity_toggle.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.identity_body.setVisible(expanded)

    # --- state ----------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.title, self.location):
            edit.setReadOnly(read_only)
        self.body.setReadOnly(read_only)
        self.event_date.setReadOnly(read_only)
        self._clear_date.setEnabled(not read_only)
        for w in (self.agency, self.category_root, self.channel, self.session, self.anonim,
                  self.rahasia, *self.classification.buttons()):
            w.setEnabled(not read_only)
        self.category_sub.setEnabled(not read_only and self.category_sub.count() > 1)
        for edit in self.identity.values():
            edit.setReadOnly(read_only)
            edit.setEnabled(self._identity_visible)

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        for name, label in self._errors.items():
            codes = problems.get(name, [])
            label.show_codes(codes)
            widget = self._inputs.get(name)
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setStyleSheet(_INVALID_STYLE if codes else "")

    def focus_field(self, name: str) -> None:
        if name in IDENTITY_FIELDS:
            self.set_identity_expanded(True)
        widget = self._inputs.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def first_field(self) -> QWidget:
        return self._inputs["classification"]
