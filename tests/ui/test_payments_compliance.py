"""Payments and compliance pages: recommendations and warnings, checklist status and evidence, plan XLSX and PDF."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from onboard.core import compliance, payments
from onboard.ui.wizard import PageId


@pytest.fixture
def window(open_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    window = open_window()
    window.session.create(tmp_path / "gadgets.onboard")
    window.session.update_profile(
        email="a@b.example",
        categories=("electronics", "toys"),
        situations=("b2c", "ships-from-abroad", "marketplace"),
        markets=("DE", "US", "BR", "JP"),
    )
    return window


def open_page(window, page_id):
    window.wizard.setStartId(page_id)
    window.wizard.restart()
    return window.wizard.currentPage()


def method_row(page, method_id):
    for index in range(page.methods.topLevelItemCount()):
        item = page.methods.topLevelItem(index)
        if item.data(0, Qt.ItemDataRole.UserRole) == method_id:
            return item
    raise AssertionError(method_id)


def test_payments_recommend_and_warn_without_the_dominant_method(window):
    page = open_page(window, PageId.PAYMENTS)
    page.market.setCurrentIndex(page.market.findData("BR"))
    pix = method_row(page, "pix")
    assert pix.checkState(0) == Qt.CheckState.Checked
    assert page.warnings.isHidden()
    pix.setCheckState(0, Qt.CheckState.Unchecked)
    assert "Pix" in page.warnings.text()
    assert "pix" not in payments.choices(window.session.project, "BR")
    assert "Brazil:" in page.summary.text() and "⚠" in page.summary.text()


def test_checklist_status_reason_and_evidence(window, tmp_path):
    page = open_page(window, PageId.COMPLIANCE)
    assert page.market.currentData() == "DE"
    first = page.items.topLevelItem(0)
    rule_id = first.data(0, Qt.ItemDataRole.UserRole)
    assert page._items[rule_id].rule.blocker
    page.items.setCurrentItem(first)
    page.note.setPlainText("Signed with EU Rep GmbH")
    page.status.setCurrentIndex(page.status.findData("done"))
    item = next(i for i in compliance.checklist(window.session.project, "DE").items if i.rule.id == rule_id)
    assert item.progress.status == "done" and item.progress.note == "Signed with EU Rep GmbH"
    assert page.readiness.value() > 0
    page.items.setCurrentItem(page.items.topLevelItem(0))
    page.status.setCurrentIndex(page.status.findData("na"))
    assert "why" in page.item_error.text()


def test_plan_exports_as_xlsx_and_pdf(qtbot, window, tmp_path):
    project = window.session.project
    compliance.set_status(project, "DE", "EU-01", "done", note='=HYPERLINK("http://evil")')
    page = open_page(window, PageId.COMPLIANCE)
    for name, kind in (("plan.xlsx", "xlsx"), ("plan.pdf", "pdf")):
        page.export_to(tmp_path / name, kind)
        assert not page.pdf_button.isEnabled()  # one export at a time
        qtbot.waitUntil(lambda: page.export_job is None, timeout=30_000)
    page.export_to(tmp_path / "missing-folder" / "plan.xlsx", "xlsx")
    qtbot.waitUntil(lambda: page.export_job is None, timeout=30_000)
    assert "Cannot write" in page.export_error.text()
    book = load_workbook(tmp_path / "plan.xlsx")
    assert [sheet.title for sheet in book.worksheets][:2] == ["Summary", "DE Germany"]
    germany = book["DE Germany"]
    values = [cell.value for row in germany.iter_rows() for cell in row if cell.value]
    assert "EU-01" in values and "Done" in values
    assert '\'=HYPERLINK("http://evil")' in values  # never a live formula
    pdf = Path(tmp_path / "plan.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000


def test_evidence_added_listed_and_removed(window, tmp_path, monkeypatch):
    proof = tmp_path / "lucid-registration.pdf"
    proof.write_bytes(b"%PDF-1.4 LUCID DE1234567890123")
    page = open_page(window, PageId.COMPLIANCE)
    monkeypatch.setattr(
        "onboard.ui.pages.compliance_page.QFileDialog.getOpenFileNames", lambda *args: ([str(proof)], "")
    )
    page.items.setCurrentItem(page.items.topLevelItem(0))
    rule_id = page.current().rule.id
    page.choose_evidence()
    assert page.evidence.count() == 1 and "lucid-registration.pdf" in page.evidence.item(0).text()
    page.evidence.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    page.remove_evidence.click()
    item = next(i for i in compliance.checklist(window.session.project, "DE").items if i.rule.id == rule_id)
    assert item.evidence == ()
