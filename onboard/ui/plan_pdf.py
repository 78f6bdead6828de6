"""The seller's plan as a PDF: the core's HTML laid out by QTextDocument and printed with QPdfWriter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from onboard.core import plan
from onboard.core.i18n import current_language, is_rtl
from onboard.core.project import Project


def write_pdf(project: Project, path: Path) -> Path:
    """A4 pages, 15 mm margins; written beside the target and moved into place."""

    def save(temporary: str) -> None:
        writer = QPdfWriter(temporary)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setTitle(project.profile().name)
        document = QTextDocument()
        if is_rtl(current_language()):
            option = document.defaultTextOption()
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            document.setDefaultTextOption(option)
        document.setHtml(plan.html(project))
        document.print_(writer)

    return plan.save_atomically(Path(path), save)
