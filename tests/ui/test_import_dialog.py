"""The mapping dialog: how a file was read, a field per column, corrections, saved mappings."""

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import Qt

from onboard.core.catalogue import Listing
from onboard.core.columns import load_mapping
from onboard.ui.widgets.import_dialog import ImportDialog
from onboard.ui.widgets.listings_model import ListingsModel


def test_chinese_gbk_file_is_read_and_mapped(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "商品.csv"
    path.write_bytes("SKU,商品名称,价格,备注,颜色\r\nA-1,竹制砧板,45,易碎,原木色\r\n".encode("gbk"))
    dialog = ImportDialog(path)
    qtbot.addWidget(dialog)
    assert "row 1" in dialog.summary.text()
    assert dialog.mapping() == {"SKU": "sku", "商品名称": "title", "价格": "price", "备注": "ignore",
                                "颜色": "option:颜色"}  # fmt: skip
    box = dialog.columns.cellWidget(3, 2)
    box.setCurrentIndex(box.findData("description"))
    assert dialog.mapping()["备注"] == "description"
    saved = tmp_path / "map.toml"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    dialog.save_button.click()
    assert load_mapping(saved)["备注"] == "description"
    for row in range(dialog.columns.rowCount()):
        assert dialog.columns.cellWidget(row, 2).accessibleName()


def test_encoding_override_rereads_the_file(qtbot, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes("SKU,商品名称\r\nA-1,竹制砧板\r\n".encode("gbk"))
    dialog = ImportDialog(path)
    qtbot.addWidget(dialog)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("utf-8"))
    assert not dialog.import_button.isEnabled()
    assert "utf-8" in dialog.summary.text()


def test_local_images_become_thumbnails(qtbot):
    image = Path(str(files("onboard.data").joinpath("samples", "images")))
    first = sorted(image.glob("*.png"))[0]
    model = ListingsModel(lambda *args: None)
    model.set_listings([Listing(sku="A", title="Lamp", price="1", images=(str(first),))])
    index = model.index(0, 0)
    model.data(index, Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.DecorationRole) is not None, timeout=5000)
    assert model.data(index, Qt.ItemDataRole.DecorationRole).width() <= 40
