"""Translating a catalogue: real packages end to end, memory, dictionary, protection, resume, edits."""

import re
from importlib.resources import files
from pathlib import Path

import pytest

from onboard.core.catalogue_store import load_listings
from onboard.core.importing import run_import
from onboard.core.jobs import Cancelled, Progress
from onboard.core.project import Project
from onboard.core.seller import SellerProfile
from onboard.core.translation import memory, packs
from onboard.core.translation.engine import Engine, Route
from onboard.core.translation.job import listing_fields, run_translate
from onboard.core.translation.protect import GlossaryEntry

SAMPLES = Path(str(files("onboard.data").joinpath("samples")))


@pytest.fixture
def chinese_shop(tmp_path):
    path = tmp_path / "lotus.onboard"
    profile = SellerProfile(name="Lotus", origin="CN", currency="CNY", source_language="zh", markets=("US", "DE"))
    Project.create(path, profile).close()
    with Project.open(path) as project:
        run_import(project, SAMPLES / "catalogue_zh.csv")
        yield project


class CountingEngine:
    """Wraps a real Engine and counts the texts it is asked to translate."""

    def __init__(self, engine):
        self.engine, self.texts, self.sent = engine, 0, []

    def route(self, source, target):
        return self.engine.route(source, target)

    def translate(self, texts, source, target):
        self.texts += len(texts)
        self.sent += [(target, text) for text in texts]
        return self.engine.translate(texts, source, target)


@pytest.fixture
def engine(pack_files, packs_dir):
    packs.install([pack_files], directory=packs_dir)
    return CountingEngine(Engine(packs_dir))


def test_sample_catalogue_into_english_and_german_then_nothing_twice(chinese_shop, engine):
    result = run_translate(chinese_shop, ["en", "de"], lambda: engine)
    assert result.missing == []
    stored = memory.translations(chinese_shop, "de")
    expected = sum(len(listing_fields(item)) for item in load_listings(chinese_shop))
    assert len(stored) == expected
    lamp = next(item for item in stored if item.field == "title" and "LH-DL200" in item.source)
    assert "Lampe" in lamp.text and "LH-DL200" in lamp.text and "10W" in lamp.text  # 台灯 -> lamp -> Lampe
    first_run = engine.texts
    assert first_run > 0
    again = run_translate(chinese_shop, ["en", "de"], lambda: engine)
    assert engine.texts == first_run  # an unchanged catalogue: no model work at all
    assert again.count("machine") == 0


def test_identical_texts_are_translated_once(chinese_shop, engine):
    run_translate(chinese_shop, ["en", "de"], lambda: engine)
    assert engine.sent and len(engine.sent) == len(set(engine.sent))
    white = [item for item in memory.translations(chinese_shop, "en") if item.source == "白色"]
    assert len(white) > 5 and {item.text for item in white} == {"White"}  # the dictionary, for every variant


def test_protected_spans_and_html_survive(chinese_shop, engine):
    run_translate(chinese_shop, ["en"], lambda: engine)
    by_source = {item.source: item for item in memory.translations(chinese_shop, "en")}
    html = next(item for item in by_source.values() if item.field == "description" and "<ul>" in item.source)
    assert re.findall(r"</?\w+", html.text) == re.findall(r"</?\w+", html.source)
    urls = [item for item in by_source.values() if "https://" in item.source]
    assert urls and all(re.findall(r"https://\S+?(?=[\s<，。]|$)", u.source)[0] in u.text for u in urls)
    assert all(item.status == "ok" for item in by_source.values())


def test_cancel_keeps_what_was_done_and_the_next_run_resumes(chinese_shop, engine):
    progress = Progress()
    calls = []

    def cancelling(texts, source, target):
        calls.append(len(texts))
        if len(calls) == 2:
            progress.cancel()
        return engine.engine.translate(texts, source, target)

    engine.translate = cancelling
    with pytest.raises(Cancelled):
        run_translate(chinese_shop, ["en"], lambda: engine, progress)
    done = len(memory.translations(chinese_shop, "en"))
    assert done > 0
    engine.translate = CountingEngine.translate.__get__(engine)
    run_translate(chinese_shop, ["en"], lambda: engine)
    assert len(memory.translations(chinese_shop, "en")) > done


def test_an_edit_wins_and_is_reused(chinese_shop, engine):
    run_translate(chinese_shop, ["en"], lambda: engine)
    title = next(item for item in memory.translations(chinese_shop, "en") if item.field == "title")
    memory.edit(chinese_shop, "zh", title, "My own title")
    chinese_shop.db.execute("DELETE FROM listing_translation WHERE field = 'title'")  # as if on another project
    run_translate(chinese_shop, ["en"], lambda: engine)
    again = next(item for item in memory.translations(chinese_shop, "en")
                 if item.field == "title" and item.listing_id == title.listing_id)  # fmt: skip
    assert (again.text, again.origin) == ("My own title", "edited")


class DroppingEngine:
    """A model that loses every protected span."""

    def route(self, source, target):
        return Route(((source, target),))

    def translate(self, texts, source, target):
        return [re.sub(r"\{\d+\}", "", text) for text in texts]


def test_a_lost_protected_span_is_flagged_not_accepted(chinese_shop):
    result = run_translate(chinese_shop, ["en"], DroppingEngine)
    assert result.needs_review > 0
    flagged = [item for item in memory.translations(chinese_shop, "en") if item.status == "needs_review"]
    assert any("LH-DL200" in item.note for item in flagged)
    assert not any(text == "" for text in [item.text for item in flagged])


def test_glossary_forced_translation_and_do_not_translate(chinese_shop):
    memory.set_glossary_entry(chinese_shop, GlossaryEntry("护眼台灯", {"en": "Eye-Care Lamp"}))
    memory.set_glossary_entry(chinese_shop, GlossaryEntry("LotusHome"))

    class Upper(DroppingEngine):
        def translate(self, texts, source, target):
            return [text.upper() for text in texts]

    run_translate(chinese_shop, ["en"], Upper)
    title = next(item for item in memory.translations(chinese_shop, "en") if "护眼台灯" in item.source)
    assert "Eye-Care Lamp" in title.text and "LotusHome" in title.text


def test_missing_pack_is_reported(chinese_shop, engine):
    result = run_translate(chinese_shop, ["fr"], lambda: engine)
    assert result.missing == ["fr"]
