"""Importing spreadsheets: encodings, delimiters, platforms, bad input, and never losing a row."""

import codecs
import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from onboard.core.catalogue_store import load_listings
from onboard.core.columns import guess_mapping, load_mapping, save_mapping
from onboard.core.errors import InvalidValue
from onboard.core.importing import run_import
from onboard.core.jobs import Cancelled, Progress
from onboard.core.tabular import UnreadableFile, open_table

SHARED = Path(__file__).resolve().parents[3] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (real platform files) is not here")

ZH_HEADER = ["SKU", "商品名称", "价格", "库存", "重量", "重量单位", "条码", "颜色"]
ZH_ROWS = [
    ["LC-LAMP-001", "莲花LED台灯 三档调光", "89.00", "120", "650", "g", "6901234567892", "白色"],
    ["LC-MUG-002", "陶瓷马克杯 350ml", "25,50", "300", "0.4", "kg", "", "蓝色"],
]


def write_csv(path: Path, rows, encoding="utf-8", delimiter=",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def snapshot(project):
    return [(item.sku, item.title, item.price) for item in load_listings(project)]


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("gbk", "gb18030"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-8", "utf-8"), ("gb18030", "gb18030")],
)
def test_chinese_headers_in_every_encoding(project, tmp_path, encoding, expected):
    path = write_csv(tmp_path / "products.csv", [ZH_HEADER, *ZH_ROWS], encoding=encoding)
    result = run_import(project, path)
    assert result.encoding == expected
    listings = load_listings(project)
    assert [item.title for item in listings] == ["莲花LED台灯 三档调光", "陶瓷马克杯 350ml"]
    assert listings[1].price == "25.50"  # a decimal comma read as a seller meant it
    assert (listings[1].weight, listings[1].weight_unit) == ("0.4", "kg")
    assert listings[0].options == (("颜色", "白色"),)
    assert result.flagged == []


def test_big5_traditional_chinese(project, tmp_path):
    rows = [
        ["貨號", "商品名稱", "價格", "庫存"],
        ["TW-01", "竹製餐具組 四件裝", "350", "20"],
        ["TW-02", "檜木香皂", "120", "50"],
    ]
    result = run_import(project, write_csv(tmp_path / "tw.csv", rows, encoding="big5"))
    assert result.encoding == "cp950"
    assert [item.title for item in load_listings(project)] == ["竹製餐具組 四件裝", "檜木香皂"]


def test_shift_jis_tab_separated(project, tmp_path):
    rows = [["商品コード", "商品名", "価格", "在庫数"], ["JP-01", "ステンレス製ケトル 1.7L", "3980", "15"]] * 1
    rows.append(["JP-02", "シリコン製キッチンスパチュラ", "780", "40"])
    result = run_import(project, write_csv(tmp_path / "jp.txt", rows, encoding="shift_jis", delimiter="\t"))
    assert (result.encoding, result.delimiter) == ("cp932", "\t")
    assert load_listings(project)[0].title == "ステンレス製ケトル 1.7L"


def test_windows_1252_with_semicolons(project, tmp_path):
    rows = [["Référence", "Titre", "Prix", "Stock"], ["FR-01", "Théière en fonte – 1,2 L", "24,95", "8"]]
    result = run_import(project, write_csv(tmp_path / "fr.csv", rows, encoding="cp1252", delimiter=";"))
    assert (result.encoding, result.delimiter) == ("cp1252", ";")
    listing = load_listings(project)[0]
    assert (listing.sku, listing.title, listing.price) == ("FR-01", "Théière en fonte – 1,2 L", "24.95")


def test_encoding_override(project, tmp_path):
    path = write_csv(tmp_path / "p.csv", [ZH_HEADER, *ZH_ROWS], encoding="gbk")
    run_import(project, path, encoding="GBK")
    assert load_listings(project)[0].title.startswith("莲花")


def test_wrong_encoding_override_is_a_clear_error_and_changes_nothing(project, tmp_path):
    path = write_csv(tmp_path / "p.csv", [ZH_HEADER, *ZH_ROWS], encoding="gbk")
    with pytest.raises(UnreadableFile, match="not valid utf-8"):
        run_import(project, path, encoding="utf-8")
    assert snapshot(project) == []


def test_broken_rows_are_imported_and_flagged_with_row_and_column(project, tmp_path):
    rows = [
        ["SKU", "Title", "Price", "Weight", "GTIN"],
        ["A-1", "Good lamp", "19.90", "500 g", "4006381333931"],
        ["A-2", "Bad barcode", "9.90", "", "4006381333932"],
        ["A-1", "Duplicate SKU", "5", "", ""],
        ["A-3", "Price is text", "twelve", "", ""],
        ["A-4", "Negative", "-3", "", ""],
        ["A-5", "No unit", "7", "250", ""],
        ["A-6", "", "8", "", ""],
        ["", "", "", "", ""],
    ]
    result = run_import(project, write_csv(tmp_path / "broken.csv", rows))
    assert result.imported == 7
    assert result.skipped == [(9, "empty row")]
    messages = {problem.message(listing) for listing, problems in result.flagged for problem in problems}
    assert (
        "Row 3, column “GTIN”: “4006381333932” is not a valid GTIN/EAN/UPC/JAN (wrong length or check digit)"
        in messages
    )
    assert "Row 4, column “SKU”: the SKU “A-1” is used more than once (also on row 2)" in messages
    assert "Row 5, column “Price”: “twelve” is not a number" in messages
    assert "Row 6, column “Price”: “-3” is negative" in messages
    assert "Row 7, column “Weight”: the weight “250” has no unit (g, kg, lb or oz)" in messages
    assert "Row 8, column “Title”: the title is empty" in messages
    assert load_listings(project)[0].weight_unit == "g"


def test_embedded_newlines_quotes_and_html(project, tmp_path):
    description = '<p>Warm "sunrise" light,\nthree levels.</p>\r\n<ul><li>USB-C</li></ul>'
    rows = [["SKU", "Title", "Description", "Price"], ["L-1", 'Lamp 12" "Aurora"', description, "30"]]
    run_import(project, write_csv(tmp_path / "q.csv", rows))
    listing = load_listings(project)[0]
    assert listing.title == 'Lamp 12" "Aurora"'
    assert listing.description == description
    assert listing.is_html


def test_empty_file(project, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(UnreadableFile, match="is empty"):
        run_import(project, path)


def test_binary_file(project, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(UnreadableFile, match="not a spreadsheet"):
        run_import(project, path)


def test_encrypted_workbook(project, tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(UnreadableFile, match="password"):
        run_import(project, path)


def test_old_xls_workbook(project, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    with pytest.raises(UnreadableFile, match=r"old Excel format"):
        run_import(project, path)


def test_corrupt_workbook(project, tmp_path):
    path = tmp_path / "broken.xlsx"
    workbook = Workbook()
    workbook.active.append(["SKU", "Title"])
    workbook.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="damaged"):
        run_import(project, path)


def test_zip_bomb_is_not_opened(project, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (50 * 1024 * 1024))
    with pytest.raises(UnreadableFile, match="far more data"):
        run_import(project, path)


def test_formulas_give_their_cached_values_and_are_never_evaluated(project, tmp_path):
    path = tmp_path / "formulas.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["SKU", "Title", "Price"])
    sheet.append(["F-1", "Kettle", "=10+9.9"])
    sheet.append(["F-2", '=HYPERLINK("http://evil.example")', 5])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:  # give the first formula a cached value, as Excel would
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"<f>10+9.9</f>", b"<f>10+9.9</f><v>19.9</v>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    run_import(project, path)
    first, second = load_listings(project)
    assert first.price == "19.9"
    assert second.title == ""  # a formula without a cached value stays empty; nothing is evaluated


def test_workbook_sheet_choice_and_unknown_sheet(project, tmp_path):
    path = tmp_path / "book.xlsx"
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Read me first"])
    products = workbook.create_sheet("商品")
    products.append(["SKU", "商品名称", "价格"])
    products.append(["X-1", "竹制砧板", 45])
    workbook.save(path)
    result = run_import(project, path)
    assert result.sheet == "商品"
    assert load_listings(project)[0].price == "45"
    with pytest.raises(UnreadableFile, match="no sheet “Prices”"):
        run_import(project, path, sheet="Prices")


def test_a_decode_error_late_in_the_file_leaves_the_project_unchanged(project, tmp_path):
    rows = [["SKU", "Title", "Price"]] + [[f"S-{n}", f"Item number {n}", "1"] for n in range(20_000)]  # > sample
    path = write_csv(tmp_path / "late.csv", rows)
    path.write_bytes(path.read_bytes() + b"S-X,\xff\xfe\xfd broken,1\r\n")
    with pytest.raises(UnreadableFile, match="Line 20002"):
        run_import(project, path)
    assert snapshot(project) == []


def test_large_file_streams_with_progress_and_cancel_leaves_nothing(project, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["SKU", "Title", "Description", "Price"])
        for n in range(60_000):
            writer.writerow([f"SKU-{n}", f"Product {n}", "A long description. " * 10, "9.99"])
    reports = []
    progress = Progress(lambda fraction, message: reports.append(fraction), interval=0)

    def cancel_half_way(fraction, message):
        reports.append(fraction)
        if fraction > 0.5:
            progress.cancel()

    progress._report = cancel_half_way
    with pytest.raises(Cancelled):
        run_import(project, path, progress=progress)
    assert snapshot(project) == []
    assert 0.5 < reports[-1] < 1 and reports == sorted(reports)
    result = run_import(project, path, progress=Progress())
    assert result.imported == 60_000


def test_reimport_updates_by_sku(project, tmp_path):
    run_import(project, write_csv(tmp_path / "a.csv", [["SKU", "Title", "Price"], ["K-1", "Kettle", "10"]]))
    result = run_import(project, write_csv(tmp_path / "b.csv", [["SKU", "Title", "Price"], ["K-1", "Kettle", "12"],
                                                               ["K-2", "Cup", "3"]]))  # fmt: skip
    assert (result.added, result.updated) == (1, 1)
    assert snapshot(project) == [("K-1", "Kettle", "12"), ("K-2", "Cup", "3")]


def test_header_guessing_in_many_languages():
    headers = ["标题", "Preço", "Titel", "Prix", "価格", "Harga", "Tên sản phẩm", "Precio", "Artikelnummer", "商品名称"]
    mapping = guess_mapping(headers)
    assert mapping["标题"] == "title"
    assert mapping["Preço"] == "price"
    assert mapping["Titel"] == "ignore"  # title is taken by the first title column
    assert mapping["Prix"] == "ignore"
    assert mapping["Artikelnummer"] == "sku"


def test_saved_mapping_round_trip_and_use(project, tmp_path):
    rows = [["Code", "Nom", "Tarif"], ["M-1", "Mug", "4"]]
    path = write_csv(tmp_path / "odd.csv", rows)
    mapping_file = tmp_path / "map.toml"
    save_mapping({"Code": "sku", "Nom": "title", "Tarif": "price"}, mapping_file)
    assert load_mapping(mapping_file) == {"Code": "sku", "Nom": "title", "Tarif": "price"}
    run_import(project, path, mapping=load_mapping(mapping_file))
    assert snapshot(project) == [("M-1", "Mug", "4")]


def test_a_bad_mapping_file_is_explained(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[columns]\n"Name" = "colour"\n', encoding="utf-8")
    with pytest.raises(InvalidValue, match="colour"):
        load_mapping(path)


@needs_shared
@pytest.mark.parametrize(
    ("relative", "platform", "encoding"),
    [
        ("seller-files/shopify-products-export/GuiVicS/products_export.csv", "shopify", "utf-8"),
        (
            "seller-files/woocommerce-product-export/wc-product-export-24-8-2021-1629795340224.csv",
            "woocommerce",
            "utf-8-sig",
        ),
        ("seller-files/amazon-listings-report/Active+Listings+Report+07-02-2021.txt", "amazon", "cp1252"),
        ("platform-templates/amazon/Flat.File.Listingloader.jp.txt", "amazon", "cp932"),
        ("seller-files/etsy-listings-download/sabaceramics/EtsyListingsDownload.csv", "etsy", "utf-8"),
    ],
)
def test_real_files_are_recognised(relative, platform, encoding):
    from onboard.core.importing import preview

    table, layout = preview(SHARED / relative)
    assert layout.platform is not None and layout.platform.code == platform
    assert table.encoding == encoding


@needs_shared
def test_real_shopee_template_is_recognised_and_has_no_products(project):
    result = run_import(project, SHARED / "platform-templates/shopee/Shopee_mass_upload_11-04-2023_basic_template.xlsx")
    assert result.platform == "Shopee" and result.sheet == "Template"
    assert result.imported == 0


@needs_shared
def test_real_shopify_export_groups_variants_under_products(project):
    result = run_import(project, SHARED / "seller-files/shopify-products-export/GuiVicS/products_export.csv")
    listings = load_listings(project)
    parents = {item.sku for item in listings if not item.is_variant}
    assert result.imported == len(listings) > 100
    assert all(item.parent_sku in parents for item in listings if item.is_variant)
    assert any(item.is_variant for item in listings)


@needs_shared
def test_real_woocommerce_variations_find_their_parent(project):
    run_import(
        project, SHARED / "seller-files/woocommerce-product-export/wc-product-export-24-8-2021-1629795340224.csv"
    )
    listings = load_listings(project)
    variants = [item for item in listings if item.is_variant]
    parents = {item.sku for item in listings}
    assert variants and all(item.parent_sku in parents for item in variants)


def test_open_table_reports_missing_files(tmp_path):
    with pytest.raises(UnreadableFile, match="There is no file"):
        open_table(tmp_path / "nope.csv")


def test_utf16_without_bom(project, tmp_path):
    path = tmp_path / "u16.txt"
    text = "SKU\tTitle\tPrice\r\nU-1\tТеплый шарф\t15\r\n"
    path.write_bytes(text.encode("utf-16-le"))
    result = run_import(project, path)
    assert result.encoding == "utf-16-le"
    assert load_listings(project)[0].title == "Теплый шарф"


def test_codecs_bom_constants_used_by_detection():
    assert codecs.BOM_UTF8 == b"\xef\xbb\xbf"
