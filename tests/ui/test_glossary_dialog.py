from onboard.core.translation import memory
from onboard.ui.widgets.glossary_dialog import GlossaryDialog, parse_translations


def test_parse_translations():
    assert parse_translations("de=Schreibtischlampe; ja = デスクライト ;") == {
        "de": "Schreibtischlampe",
        "ja": "デスクライト",
    }
    assert parse_translations("") == {}


def test_add_terms_and_explain_a_bad_line(qtbot, open_window, tmp_path):
    window = open_window()
    window.session.create(tmp_path / "shop.onboard")
    dialog = GlossaryDialog(window.session)
    qtbot.addWidget(dialog)
    dialog.term.setText("LotusHome")
    dialog.add_button.click()
    dialog.term.setText("desk lamp")
    dialog.translations.setText("de=Schreibtischlampe")
    dialog.case_sensitive.setChecked(True)
    dialog.add_button.click()
    entries = {entry.term: entry for entry in memory.glossary(window.session.project)}
    assert entries["LotusHome"].translations == {}
    assert entries["desk lamp"].translations == {"de": "Schreibtischlampe"} and entries["desk lamp"].case_sensitive
    assert dialog.table.rowCount() == 2
    dialog.term.setText("x")
    dialog.translations.setText("Schreibtischlampe")
    dialog.add_button.click()
    assert not dialog.error.isHidden() and "language=term" in dialog.error.text()
