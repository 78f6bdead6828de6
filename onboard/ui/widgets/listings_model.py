"""The catalogue as a Qt table: parents followed by their variants, problems per row, thumbnails, edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRunnable,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from onboard.core.catalogue import Listing, Problem, field_label, validate
from onboard.core.i18n import _, ngettext
from onboard.core.seller import CATEGORIES

THUMBNAIL = QSize(40, 40)
#: (field, editable) per column; column 0 shows the thumbnail.
COLUMNS: tuple[tuple[str, bool], ...] = (
    ("images", False), ("sku", True), ("title", True), ("options", False), ("price", True), ("stock", True),
    ("category", True), ("gtin", True), ("weight", True), ("problems", False),
)  # fmt: skip
SORT_ROLE = Qt.ItemDataRole.UserRole


class _ThumbnailSignals(QObject):
    loaded = Signal(str, QImage)


class _ThumbnailJob(QRunnable):
    """Reads and scales one local image off the UI thread."""

    def __init__(self, path: str, signals: _ThumbnailSignals) -> None:
        super().__init__()
        self.path, self.signals = path, signals

    def run(self) -> None:
        reader = QImageReader(self.path)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio))
        self.signals.loaded.emit(self.path, reader.read())


class ListingsModel(QAbstractTableModel):
    """Rows are core Listings; an edit goes to `save(listing_id, field, text)` and comes back re-validated."""

    def __init__(self, save, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._listings: list[Listing] = []
        self.revision = 0  # changes whenever the content does
        self._problems: dict[int, list[Problem]] = {}
        self._group: list[int] = []  # row of each listing's parent (its own row for a parent or product)
        self._thumbnails: dict[str, QPixmap | None] = {}
        self._thumbnail_signals = _ThumbnailSignals()
        self._thumbnail_signals.loaded.connect(self._thumbnail_loaded)
        from PySide6.QtCore import QThreadPool

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    # -- content ---------------------------------------------------------------------------------------

    def set_listings(self, listings: list[Listing], problems: dict[int, list[Problem]] | None = None) -> None:
        """Show a catalogue; pass the problems when a worker has already validated it."""
        self.beginResetModel()
        self.revision += 1
        self._listings = list(listings)
        self._problems = validate(self._listings) if problems is None else problems
        row_of_parent = {item.sku: row for row, item in enumerate(self._listings) if not item.is_variant}
        self._group = [row_of_parent.get(item.parent_sku, row) if item.is_variant else row
                       for row, item in enumerate(self._listings)]  # fmt: skip
        self.endResetModel()

    def listing(self, row: int) -> Listing:
        return self._listings[row]

    def problems(self, row: int) -> list[Problem]:
        return self._problems.get(row, [])

    def group(self, row: int) -> int:
        return self._group[row]

    def flagged_count(self) -> int:
        return len(self._problems)

    # -- Qt model ------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._listings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = COLUMNS[section][0]
        if name == "problems":
            return _("Problems")
        if name == "options":
            return _("Variant")
        return field_label(name)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if COLUMNS[index.column()][1] else flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, name = index.row(), COLUMNS[index.column()][0]
        listing = self._listings[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SORT_ROLE):
            return self._text(listing, row, name, editing=role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.DecorationRole:
            if name == "images":
                return self._thumbnail(listing)
            if name == "problems" and row in self._problems:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and name in ("problems", "sku") and row in self._problems:
            return "\n".join(problem.message(listing) for problem in self._problems[row])
        if role == Qt.ItemDataRole.ForegroundRole and name != "problems" and self._bad_field(row, name):
            return QColor("#b00020")
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("price", "stock", "weight"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _bad_field(self, row: int, name: str) -> bool:
        return any(problem.field == name for problem in self._problems.get(row, ()))

    def _text(self, listing: Listing, row: int, name: str, *, editing: bool) -> str:
        if name == "images":
            return ""
        if name == "problems":
            count = len(self._problems.get(row, ()))
            return ngettext("{count} problem", "{count} problems", count).format(count=count) if count else ""
        if name == "options":
            return " / ".join(value or key for key, value in listing.options)
        if name == "weight" and not editing:
            return f"{listing.weight} {listing.weight_unit}".strip()
        text = getattr(listing, name)
        if name == "category" and not editing and text in CATEGORIES:
            return _(CATEGORIES[text])
        if name in ("sku", "title") and listing.is_variant and not editing:
            return f"    {text}" if name == "sku" else text
        return text

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, name = index.row(), COLUMNS[index.column()][0]
        listing = self._listings[row]
        text = str(value).strip()
        if text == self._text(listing, row, name, editing=True):
            return False
        self._listings[row] = self._save(listing.id, name, text)
        self.revision += 1
        self._problems = validate(self._listings)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True

    # -- thumbnails ------------------------------------------------------------------------------------------

    def _thumbnail(self, listing: Listing) -> QPixmap | None:
        path = next((image for image in listing.images if "://" not in image), "")
        if not path:
            return None
        if path not in self._thumbnails:
            self._thumbnails[path] = None
            if Path(path).is_file():
                self._pool.start(_ThumbnailJob(path, self._thumbnail_signals))
        return self._thumbnails[path]

    def _thumbnail_loaded(self, path: str, image: QImage) -> None:
        if image.isNull():
            return
        self._thumbnails[path] = QPixmap.fromImage(image)
        rows = [row for row, item in enumerate(self._listings) if path in item.images[:1]]
        for row in rows:
            self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [Qt.ItemDataRole.DecorationRole])


class ListingsFilter(QSortFilterProxyModel):
    """Search and problem filter that keeps variants with their parent, and sorts whole groups."""

    def __init__(self, model: ListingsModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self._model = model
        self._needle = ""
        self._only_problems = False
        self._groups: set[int] | None = None
        self._sort_values: list[tuple] = []
        self._sort_key: tuple[int, int] = (-1, -1)

    def set_search(self, text: str) -> None:
        self._needle = text.strip().casefold()
        self._refilter()

    def set_only_problems(self, only: bool) -> None:
        self._only_problems = only
        self._refilter()

    def _refilter(self) -> None:
        model = self._model
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and newer
            self.beginFilterChange()
        if not self._needle and not self._only_problems:
            self._groups = None
        else:
            self._groups = {model.group(row) for row in range(model.rowCount()) if self._matches(row)}
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def _matches(self, row: int) -> bool:
        listing = self._model.listing(row)
        if self._only_problems and not self._model.problems(row):
            return False
        if not self._needle:
            return True
        text = " ".join([listing.sku, listing.title, listing.brand, listing.gtin, *(v for _n, v in listing.options)])
        return self._needle in text.casefold()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        return self._groups is None or self._model.group(source_row) in self._groups

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:  # noqa: N802
        """Compare groups by their parent's value; inside a group keep the parent first, then variants."""
        model, values = self._model, self._values(left.column())
        left_group, right_group = model.group(left.row()), model.group(right.row())
        if left_group != right_group:
            if values[left_group] != values[right_group]:
                return values[left_group] < values[right_group]
            return left_group < right_group
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        before = (left.row() != left_group, left.row()) < (right.row() != right_group, right.row())
        return before if ascending else not before

    def _values(self, column: int) -> list[tuple]:
        """Sort keys of one column, computed once per column and content (lessThan runs n·log n times)."""
        key = (column, self._model.revision)
        if self._sort_key != key:
            model = self._model
            self._sort_values = [
                _sort_value(model.index(row, column).data(SORT_ROLE)) for row in range(model.rowCount())
            ]
            self._sort_key = key
        return self._sort_values


def _sort_value(text: str) -> tuple:
    from onboard.core.catalogue import parse_decimal

    number = parse_decimal(text) if text else None
    return (0, number, "") if number is not None else (1, 0, (text or "").casefold())
