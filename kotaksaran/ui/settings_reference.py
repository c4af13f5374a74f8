"""Pengaturan › Instansi and Kategori: the agencies a report goes to and the two-level tree."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KotakSaranError
from ..domain.seed import AGENCY_KINDS
from ..services.admin import AgencyView, CategoryView
from .context import UiContext
from .errors import show_error
from .settings_common import FormDialog, make_read_only_table

_KIND_NAMES = {"rsud": "RSUD", "bumn": "BUMN", "instansi_vertikal": "Instansi vertikal"}
INACTIVE = QColor("#90a4ae")


def kind_name(code: str) -> str:
    return _KIND_NAMES.get(code, code.replace("_", " ").capitalize())


class AgencyDialog(FormDialog):
    def __init__(self, ctx: UiContext, agency: AgencyView | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add agency") if agency is None else self.tr("Edit agency"),
                         self._save, parent)
        self.ctx = ctx
        self.agency = agency
        self.name = QLineEdit(agency.name if agency else "")
        self.kind = QComboBox()
        for code in AGENCY_KINDS:
            self.kind.addItem(kind_name(code), code)
        self.kind.setCurrentIndex(self.kind.findData(agency.kind if agency else "dinas"))
        self.active = QCheckBox(self.tr("Active (can be chosen on a slip)"))
        self.active.setChecked(agency.active if agency else True)
        self.add_field(self.tr("Name"), self.name, "name")
        self.add_field(self.tr("Kind"), self.kind, "kind")
        self.add_field("", self.active, "active")

    def _save(self) -> None:
        self.ctx.services.admin.save_agency(
            self.agency.id if self.agency else None, name=self.name.text(),
            kind=str(self.kind.currentData()), active=self.active.isChecked())
        self.ctx.bus.reference_changed.emit()


class AgenciesTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agencies: dict[int, AgencyView] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("agencyFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name…"))
        self.filter.setClearButtonEnabled(True)
        top.addWidget(self.filter, 1)
        self.show_inactive = QCheckBox(self.tr("Show inactive"))
        self.show_inactive.toggled.connect(self.refresh)
        top.addWidget(self.show_inactive)
        layout.addLayout(top)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Kind"),
                                              self.tr("Active")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setObjectName("agenciesTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        make_read_only_table(self.view, 0)
        self.view.doubleClicked.connect(self.edit_agency)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add agency…"))
        self.add_button.clicked.connect(self.add_agency)
        self.edit_button = QPushButton(self.tr("Rename / edit…"))
        self.edit_button.clicked.connect(self.edit_agency)
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.toggle_button.clicked.connect(self.toggle_active)
        for b in (self.add_button, self.edit_button, self.toggle_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.dialog: FormDialog | None = None
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.bus.reference_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self.ctx.services.admin.agencies(
                include_inactive=self.show_inactive.isChecked())
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.agencies = {a.id: a for a in rows}
        self.model.removeRows(0, self.model.rowCount())
        for a in rows:
            cells = [QStandardItem(a.name), QStandardItem(kind_name(a.kind)),
                     QStandardItem(self.tr("Yes") if a.active else self.tr("No"))]
            for c in cells:
                c.setData(a.id, Qt.ItemDataRole.UserRole)
                if not a.active:
                    c.setForeground(QBrush(INACTIVE))
            self.model.appendRow(cells)
        self._update_buttons()

    def selected(self) -> AgencyView | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.agencies.get(int(rows[0].data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        a = self.selected()
        self.edit_button.setEnabled(a is not None)
        self.toggle_button.setEnabled(a is not None)
        self.toggle_button.setText(self.tr("Activate") if a is not None and not a.active
                                   else self.tr("Deactivate"))

    def add_agency(self) -> None:
        self.dialog = AgencyDialog(self.ctx, None, self)
        self.dialog.open()

    def edit_agency(self) -> None:
        a = self.selected()
        if a is not None:
            self.dialog = AgencyDialog(self.ctx, a, self)
            self.dialog.open()

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None:
            return
        try:
            self.ctx.services.admin.save_agency(a.id, name=a.name, kind=a.kind,
                                                active=not a.active)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.reference_changed.emit()


class CategoryDialog(FormDialog):
    """Name of a new top-level category, a new sub-category, or a rename."""

    def __init__(self, ctx: UiContext, *, category: CategoryView | None = None,
                 parent_category: CategoryView | None = None,
                 parent: QWidget | None = None) -> None:
        if category is not None:
            title = self.tr("Rename category")
        elif parent_category is not None:
            title = self.tr("New sub-category of %1").replace("%1", parent_category.name)
        else:
            title = self.tr("New top-level category")
        super().__init__(title, self._save, parent)
        self.ctx = ctx
        self.category = category
        self.parent_category = parent_category
        self.name = QLineEdit(category.name if category else "")
        self.add_field(self.tr("Name"), self.name, "name")

    def _save(self) -> None:
        admin = self.ctx.services.admin
        if self.category is not None:
            c = self.category
            admin.save_category(c.id, name=self.name.text(), parent_id=c.parent_id,
                                active=c.active)
        else:
            admin.save_category(None, name=self.name.text(), parent_id=(
                self.parent_category.id if self.parent_category else None))
        self.ctx.bus.reference_changed.emit()


class CategoriesTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.categories: dict[int, CategoryView] = {}
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        self.tree.setHeaderLabels([self.tr("Category"), self.tr("Status")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(self.rename)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        self.add_root_button = QPushButton(self.tr("Add top-level…"))
        self.add_root_button.clicked.connect(self.add_root)
        self.add_child_button = QPushButton(self.tr("Add sub-category…"))
        self.add_child_button.clicked.connect(self.add_child)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self.rename)
        self.toggle_button = QPushButton(self.tr("Deactivate"))
        self.toggle_button.clicked.connect(self.toggle_active)
        for b in (self.add_root_button, self.add_child_button, self.rename_button,
                  self.toggle_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.dialog: FormDialog | None = None
        ctx.bus.reference_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = self.ctx.services.admin.categories(include_inactive=True)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        selected = self.selected()
        tops = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        expanded = {int(t.data(0, Qt.ItemDataRole.UserRole)) for t in tops
                    if t is not None and t.isExpanded()}
        self.categories = {c.id: c for c in rows}
        self.tree.clear()
        roots: dict[int, QTreeWidgetItem] = {}
        for c in rows:  # roots come before their children (see AdminService.categories)
            parent_item = roots.get(c.parent_id) if c.parent_id is not None else None
            item = QTreeWidgetItem([c.name, "" if c.active else self.tr("inactive")])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            if not c.active:
                for col in (0, 1):
                    item.setForeground(col, QBrush(INACTIVE))
            if parent_item is None:
                self.tree.addTopLevelItem(item)
                roots[c.id] = item
                item.setExpanded(c.id in expanded)
            else:
                parent_item.addChild(item)
            if selected is not None and selected.id == c.id:
                self.tree.setCurrentItem(item)
        self._update_buttons()

    def selected(self) -> CategoryView | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.categories.get(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        c = self.selected()
        self.add_child_button.setEnabled(c is not None)
        self.rename_button.setEnabled(c is not None)
        self.toggle_button.setEnabled(c is not None)
        self.toggle_button.setText(self.tr("Activate") if c is not None and not c.active
                                   else self.tr("Deactivate"))

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def add_root(self) -> None:
        self._open(CategoryDialog(self.ctx, parent=self))

    def add_child(self) -> None:
        c = self.selected()
        if c is None:
            return
        # Two levels only: a child of a sub-category goes under that sub-category's root.
        root = self.categories.get(c.parent_id) if c.parent_id is not None else c
        self._open(CategoryDialog(self.ctx, parent_category=root, parent=self))

    def rename(self) -> None:
        c = self.selected()
        if c is not None:
            self._open(CategoryDialog(self.ctx, category=c, parent=self))

    def toggle_active(self) -> None:
        c = self.selected()
        if c is None:
            return
        try:
            self.ctx.services.admin.save_category(c.id, name=c.name, parent_id=c.parent_id,
                                                  active=not c.active)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.reference_changed.emit()
