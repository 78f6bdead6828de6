"""The sample catalogue lessons and tests use: complete, clean, and the same in English and Chinese."""

from importlib.resources import files
from pathlib import Path

import pytest

from onboard.core.catalogue_store import load_listings
from onboard.core.importing import run_import
from onboard.core.seller import CATEGORIES

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))


@pytest.mark.parametrize("name", ["catalogue_en.csv", "catalogue_zh.csv"])
def test_sample_imports_cleanly(project, name):
    result = run_import(project, SAMPLES / name)
    listings = load_listings(project)
    products = [item for item in listings if not item.is_variant]
    variants = [item for item in listings if item.is_variant]
    assert len(products) >= 60 and len(variants) >= 150
    assert result.flagged == [] and result.skipped == []
    assert {item.category for item in products} == set(CATEGORIES)
    local = [image for item in listings for image in item.images if "://" not in image]
    assert local and all(Path(image).is_file() for image in local)
    assert max(len(item.options) for item in variants) == 3


def test_gbk_copy_of_the_chinese_sample(project, tmp_path):
    gbk = tmp_path / "商品表.csv"
    gbk.write_bytes((SAMPLES / "catalogue_zh.csv").read_text(encoding="utf-8").encode("gb18030"))
    result = run_import(project, gbk)
    assert result.encoding == "gb18030"
    assert result.flagged == []
    assert any("台灯" in item.title for item in load_listings(project))


def test_english_and_chinese_samples_describe_the_same_products(project):
    run_import(project, SAMPLES / "catalogue_zh.csv")
    chinese = {item.sku: item for item in load_listings(project)}
    result = run_import(project, SAMPLES / "catalogue_en.csv")
    english = {item.sku: item for item in load_listings(project)}
    assert result.added == 0 and result.updated == len(chinese)
    for sku, item in english.items():
        assert (item.price, item.gtin, item.parent_sku) == (
            chinese[sku].price,
            chinese[sku].gtin,
            chinese[sku].parent_sku,
        )
