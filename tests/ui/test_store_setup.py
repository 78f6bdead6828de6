"""Create a store project through the wizard, close, reopen, and find every value again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from onboard.core.project import Project
from onboard.ui.widgets.market_picker import CODE_ROLE
from onboard.ui.wizard import PageId


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def tick_markets(tree, codes):
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        for child in range(group.childCount()):
            item = group.child(child)
            if item.data(0, CODE_ROLE) in codes:
                item.setCheckState(0, Qt.CheckState.Checked)


def test_create_a_project_through_the_wizard_and_reopen_it(qtbot, open_window, tmp_path, monkeypatch):
    target = tmp_path / "lotus"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window = open_window()
    wizard = window.wizard
    assert wizard.currentId() == PageId.PROJECT
    assert not wizard.project_page.isComplete()

    qtbot.mouseClick(wizard.project_page.new_button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PageId.STORE
    store = wizard.store_page
    store.business_name.clear()
    qtbot.keyClicks(store.business_name, "Lotus Crafts")
    choose(store.legal_form, "limited-company")
    choose(store.origin, "CN")
    choose(store.currency, "CNY")
    choose(store.source_language, "zh")
    qtbot.keyClicks(store.email, "sales@lotus")
    assert not store.isComplete()  # half an address
    qtbot.keyClicks(store.email, ".example")
    assert store.isComplete()
    for code in ("electronics", "toys"):
        store.categories[code].setChecked(True)
    for code in ("b2c", "ships-from-abroad", "marketplace"):
        store.situations[code].setChecked(True)

    wizard.next()
    assert wizard.currentId() == PageId.MARKETS
    assert not wizard.markets_page.isComplete()
    tick_markets(wizard.markets_page.picker.tree, {"US", "DE", "JP", "BR"})
    assert wizard.markets_page.isComplete()
    window.close()

    saved = tmp_path / "lotus.onboard"
    with Project.open(saved) as project:
        profile = project.profile()
    assert profile.name == "Lotus Crafts"
    assert (profile.legal_form, profile.origin, profile.currency) == ("limited-company", "CN", "CNY")
    assert (profile.source_language, profile.email) == ("zh", "sales@lotus.example")
    assert set(profile.categories) == {"electronics", "toys"}
    assert set(profile.situations) == {"b2c", "ships-from-abroad", "marketplace"}
    assert set(profile.markets) == {"US", "DE", "JP", "BR"}

    reopened = open_window()  # no path: the last project comes back
    assert reopened.session.project.path == saved
    store = reopened.wizard.store_page
    assert reopened.wizard.currentId() == PageId.STORE
    assert store.business_name.text() == "Lotus Crafts"
    assert store.email.text() == "sales@lotus.example"
    assert store.legal_form.currentData() == "limited-company"
    assert store.origin.currentData() == "CN"
    assert store.currency.currentData() == "CNY"
    assert store.source_language.currentData() == "zh"
    assert {code for code, box in store.categories.items() if box.isChecked()} == {"electronics", "toys"}
    reopened.wizard.next()
    assert set(reopened.wizard.markets_page.picker.selection()) == {"US", "DE", "JP", "BR"}


def test_a_bad_file_gets_a_message_and_no_project(open_window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    path = tmp_path / "prices.onboard"
    path.write_text("not a database")
    window = open_window()
    assert not window.open_project(str(path))
    assert shown and "not an Onboard project" in shown[0]
    assert window.session.project is None
    assert path.read_text() == "not a database"


def test_market_search_filters_and_keeps_regions(open_window, tmp_path):
    window = open_window()
    picker = window.wizard.markets_page.picker
    picker.search.setText("EUR")
    visible = []
    for index in range(picker.tree.topLevelItemCount()):
        group = picker.tree.topLevelItem(index)
        visible += [
            group.child(i).data(0, CODE_ROLE) for i in range(group.childCount()) if not group.child(i).isHidden()
        ]
    assert set(visible) == {"DE", "FR", "ES", "IT", "NL"}
