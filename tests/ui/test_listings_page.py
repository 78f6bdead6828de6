"""The listings page: import in a worker (window stays responsive), 10,000 rows, sort and filter by group, edits."""

import csv
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from onboard.core.catalogue_store import load_listings
from onboard.core.project import Project
from onboard.ui.widgets.listings_model import COLUMNS
from onboard.ui.wizard import PageId


@pytest.fixture
def window(open_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    window = open_window()
    window.session.create(tmp_path / "shop.onboard")
    window.session.update_profile(email="a@b.example", markets=("US",))
    while window.wizard.currentId() != PageId.LISTINGS:
        window.wizard.next()
    return window


def write_products(path, count, variants_every=0):
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["SKU", "Parent SKU", "Title", "Price", "Stock", "Color"])
        for n in range(count):
            if variants_every and n % variants_every:
                parent = f"P-{n - n % variants_every}"
                writer.writerow([f"P-{n}", parent, "", f"{n % 97}.50", "3", f"Colour {n}"])
            else:
                writer.writerow([f"P-{n}", "", f"Product {n:05d}", "" if variants_every else "9.90", "3", ""])
    return path


def column(name):
    return next(index for index, (field, _editable) in enumerate(COLUMNS) if field == name)


def run_import_and_wait(qtbot, page, path):
    page.start_import(path, {})
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)


def test_import_runs_in_a_worker_and_the_window_stays_responsive(qtbot, window, tmp_path):
    page = window.wizard.listings_page
    path = write_products(tmp_path / "big.csv", 40_000)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    run_import_and_wait(qtbot, page, path)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert len(ticks) > 10
    assert max(gaps) < 0.5, f"the UI thread was blocked for {max(gaps):.2f} s"
    assert page.model.rowCount() == 40_000


def test_cancel_leaves_the_project_unchanged(qtbot, window, tmp_path):
    page = window.wizard.listings_page
    path = write_products(tmp_path / "big.csv", 80_000)
    page.start_import(path, {})
    qtbot.waitUntil(lambda: page.progress.bar.value() > 0, timeout=30_000)
    page.progress.cancel.click()
    qtbot.waitUntil(lambda: page._job is None, timeout=60_000)
    assert page.model.rowCount() == 0
    assert load_listings(window.session.project) == []


def test_ten_thousand_rows_sort_and_filter_keep_variants_with_their_parent(qtbot, window, tmp_path):
    page = window.wizard.listings_page
    run_import_and_wait(qtbot, page, write_products(tmp_path / "v.csv", 10_000, variants_every=5))
    assert page.model.rowCount() == 10_000
    proxy = page.proxy
    proxy.sort(column("title"), order=proxy.sortOrder().DescendingOrder)
    first_rows = [page.model.listing(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(6)]
    assert first_rows[0].title == "Product 09995"
    assert [item.parent_sku for item in first_rows[1:5]] == ["P-9995"] * 4
    assert first_rows[5].title == "Product 09990"

    page.search.setText("Colour 12")  # a variant's value: its whole group stays visible, parent first
    visible = [page.model.listing(proxy.mapToSource(proxy.index(r, 0)).row()).sku for r in range(proxy.rowCount())]
    assert visible[:2] == ["P-10", "P-12"] or "P-10" in visible
    assert all(sku.startswith("P-1") for sku in visible)


def test_edit_is_validated_and_saved(qtbot, window, tmp_path):
    page = window.wizard.listings_page
    run_import_and_wait(qtbot, page, write_products(tmp_path / "s.csv", 3))
    price = page.proxy.index(0, column("price"))
    assert page.proxy.setData(price, "abc")
    assert page.model.problems(0)[0].code == "not_a_number"
    assert "abc" in page.problems.item(0).text() if page.problems.count() else True
    assert page.proxy.setData(price, "12,50")
    assert page.model.problems(0) == []
    with Project.open(window.session.project.path) as project:
        assert load_listings(project)[0].price == "12,50"


def test_only_rows_with_problems(qtbot, window, tmp_path):
    page = window.wizard.listings_page
    path = tmp_path / "p.csv"
    path.write_text("SKU,Title,Price\nA,Lamp,9\nB,,-1\nC,Cup,2\n", encoding="utf-8")
    run_import_and_wait(qtbot, page, path)
    page.only_problems.setChecked(True)
    assert page.proxy.rowCount() == 1
    assert "problems" in page.count.text()
