"""The translate page: languages with their coverage, a job on the engine's own thread, review and edits, resume."""

import time
from importlib.resources import files
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from onboard.core.importing import run_import
from onboard.core.project import Project
from onboard.core.seller import SellerProfile
from onboard.core.translation import memory, packs
from onboard.core.translation.job import _set_pending
from onboard.devtools.argos_model import build_package
from onboard.ui.wizard import PageId

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))


@pytest.fixture(scope="module")
def installed_packs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb")
    chinese = (SAMPLES / "catalogue_zh.csv").read_text(encoding="utf-8").splitlines()
    english = (SAMPLES / "catalogue_en.csv").read_text(encoding="utf-8").splitlines()
    build_package(folder, "zh", "en", chinese, {"台灯": "lamp"})
    for target in ("es", "de", "ja", "pb"):  # the languages of US, DE, JP and BR, through English
        build_package(folder, "en", target, english, {"lamp": f"lamp-{target}"})
    for pack in packs.installed():
        packs.remove(pack.from_code, pack.to_code)
    packs.install([folder])
    yield
    for pack in packs.installed():
        packs.remove(pack.from_code, pack.to_code)


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "lotus.onboard"
    profile = SellerProfile(name="Lotus", origin="CN", currency="CNY", source_language="zh", email="a@b.example",
                            markets=("US", "DE", "JP", "BR"))  # fmt: skip
    Project.create(path, profile).close()
    with Project.open(path) as project:
        run_import(project, SAMPLES / "catalogue_zh.csv")
    return path


def open_on_translate(open_window, shop, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)
    window = open_window(str(shop))
    while window.wizard.currentId() != PageId.TRANSLATE:
        window.wizard.next()
    return window, window.wizard.translate_page


def test_translate_review_and_edit(qtbot, open_window, shop, installed_packs, monkeypatch):
    window, page = open_on_translate(open_window, shop, monkeypatch)
    qtbot.waitUntil(lambda: page.languages.count() == 5, timeout=20_000)
    codes = [page.languages.item(row).data(Qt.ItemDataRole.UserRole) for row in range(page.languages.count())]
    assert codes == ["en", "es", "de", "ja", "pb"]
    assert page.chosen() == codes  # all covered: en directly, the others through English
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    page.translate()
    qtbot.waitUntil(lambda: page._job is None and page.review_language.count() == 5, timeout=300_000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert gaps and max(gaps) < 0.5, f"the UI thread was blocked for {max(gaps):.2f} s"
    page.review_language.setCurrentIndex(page.review_language.findData("en"))
    assert page.model.rowCount() > 300
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.item(r).field == "title" and "台灯" in page.model.item(r).source
    )
    index = page.model.index(row, 3)
    assert "lamp" in page.model.data(index)  # 台灯 -> lamp in the test pack
    with Project.open(shop) as project:
        for language in ("es", "de", "ja", "pb"):
            titles = [t.text for t in memory.translations(project, language) if t.field == "title"]
            assert any(f"lamp-{language}" in title and "LH-DL200" in title for title in titles), language
    assert page.model.setData(index, "My own English title")
    assert page.model.item(row).origin == "edited"
    with Project.open(shop) as project:
        stored = {(t.listing_id, t.field): t for t in memory.translations(project, "en")}
    assert stored[(page.model.item(row).listing_id, "title")].text == "My own English title"


def test_an_interrupted_job_resumes_when_the_project_is_opened_again(qtbot, open_window, shop, installed_packs,
                                                                     monkeypatch):  # fmt: skip
    with Project.open(shop) as project, project.transaction():
        _set_pending(project, ["en"])
    window, page = open_on_translate(open_window, shop, monkeypatch)
    qtbot.waitUntil(lambda: page.review_language.count() == 1 and page._job is None, timeout=300_000)
    with Project.open(shop) as project:
        assert len(memory.translations(project, "en")) > 300
        from onboard.core.translation.job import pending_job

        assert pending_job(project) == []
