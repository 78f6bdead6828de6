"""Translate the catalogue into the languages of the seller's markets, resumably, without translating twice.

For each target language every translatable field is answered, in this order, by: a seller's edit in the memory,
the bundled dictionary (short fields), the memory, and only then the model, in large batches. Results are stored
chunk by chunk, each chunk in one transaction: a cancel or a crash keeps what was done, and the next run carries on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from onboard.core.catalogue import MAX_OPTIONS, Listing
from onboard.core.catalogue_store import load_listings
from onboard.core.i18n import _
from onboard.core.jobs import Progress
from onboard.core.project import Project
from onboard.core.translation import dictionary, memory
from onboard.core.translation.memory import FieldTranslation
from onboard.core.translation.protect import mask, unmask
from onboard.core.translation.segments import escape_text, html_pieces, is_translatable

_PLACEHOLDERS = re.compile(r"\{\d+\}")
CHUNK = 64  # texts per model call: large enough for batching, small enough for progress and cancel


def listing_fields(listing: Listing) -> dict[str, str]:
    """The fields of a listing that are translated, by field key (title, description, bullet_2, option_1_value...)."""
    fields = {"title": listing.title, "description": listing.description}
    fields |= {f"bullet_{n}": text for n, text in enumerate(listing.bullets, start=1)}
    for n, (name, value) in enumerate(listing.options[:MAX_OPTIONS], start=1):
        fields[f"option_{n}_name"], fields[f"option_{n}_value"] = name, value
    fields["tags"] = "; ".join(listing.tags)
    return {key: text for key, text in fields.items() if is_translatable(text)}


@dataclass
class TranslateResult:
    languages: list[str]
    done: dict[str, dict[str, int]] = field(default_factory=dict)  # lang -> origin -> fields
    needs_review: int = 0
    missing: list[str] = field(default_factory=list)  # languages no pack covers

    def count(self, origin: str) -> int:
        return sum(per_origin.get(origin, 0) for per_origin in self.done.values())


def run_translate(
    project: Project,
    languages: list[str],
    engine_factory: Callable[[], object],
    progress: Progress | None = None,
) -> TranslateResult:
    """Translate every listing into each language (Argos codes); the engine is made only if a model is needed."""
    progress = progress or Progress()
    with project.transaction():
        _set_pending(project, languages)
    source = project.profile().source_language
    listings = load_listings(project)
    keep = sorted({item.brand for item in listings if item.brand} | {item.sku for item in listings if item.sku})
    glossary = memory.glossary(project)
    keep += [entry.term for entry in glossary if not entry.translations]
    result = TranslateResult([lang for lang in languages if lang != source])
    engine = None
    for lang_number, lang in enumerate(result.languages):
        done = {(t.listing_id, t.field): t for t in memory.translations(project, lang)}
        todo = [
            (listing, key, text)
            for listing in listings
            for key, text in listing_fields(listing).items()
            if (listing.id, key) not in done or done[(listing.id, key)].source != text
        ]
        counts = result.done.setdefault(lang, {})
        remembered = memory.recall(project, source, lang, (text for _l, _k, text in todo))
        answered: list[FieldTranslation] = []
        to_model: list[tuple[Listing, str, str]] = []
        for listing, key, text in todo:
            known = remembered.get(text)
            entry = dictionary.look_up(text, source, lang) if key != "description" else None
            if known and known[1] == "edited":
                answered.append(FieldTranslation(listing.id, key, lang, text, known[0], "edited", "reviewed"))
            elif entry:
                answered.append(FieldTranslation(listing.id, key, lang, text, entry, "dictionary", "ok"))
            elif known:
                answered.append(FieldTranslation(listing.id, key, lang, text, known[0], "memory", "ok"))
            else:
                to_model.append((listing, key, text))
        with project.transaction():
            memory.store(project, answered)
            memory.remember(project, source, lang, [(t.source, t.text, "dictionary") for t in answered
                                                     if t.origin == "dictionary"])  # fmt: skip
        for item in answered:
            counts[item.origin] = counts.get(item.origin, 0) + 1
        if not to_model:
            continue
        if engine is None:
            engine = engine_factory()
        if engine.route(source, lang).kind == "none":
            result.missing.append(lang)
            continue
        protector = partial(mask, keep=keep, glossary=glossary, target=lang)
        unit_cache: dict[str, str] = {}  # a piece of text seen twice in this job goes to the model once
        fields_of: dict[str, list[tuple[Listing, str]]] = {}
        for listing, key, text in to_model:
            fields_of.setdefault(text, []).append((listing, key))
        unique = list(fields_of)
        message = _("Translating into {language}").format(language=lang)
        translated: dict[str, tuple[str, list[str]]] = {}
        for start in range(0, len(unique), CHUNK):
            fraction = (lang_number + start / len(unique)) / len(result.languages)
            progress.update(fraction, message)
            chunk = unique[start : start + CHUNK]
            translated.update(_translate_texts(engine, chunk, source, lang, protector, to_model, unit_cache))
            rows = [
                FieldTranslation(listing.id, key, lang, text, translated[text][0], "machine",
                                 "needs_review" if translated[text][1] else "ok", "; ".join(translated[text][1]))
                for text in chunk for listing, key in fields_of[text]
            ]  # fmt: skip
            with project.transaction():
                memory.store(project, rows)
                memory.remember(project, source, lang, [(text, translated[text][0], "machine") for text in chunk
                                                         if not translated[text][1]])  # fmt: skip
            counts["machine"] = counts.get("machine", 0) + len(rows)
            result.needs_review += sum(1 for row in rows if row.status == "needs_review")
    with project.transaction():
        _set_pending(project, [])
    progress.update(1.0, force=True)
    return result


def _set_pending(project: Project, languages: list[str]) -> None:
    if languages:
        project.db.execute(
            "INSERT OR REPLACE INTO project_setting (key, value) VALUES ('translation_job', ?)", (",".join(languages),)
        )
    else:
        project.db.execute("DELETE FROM project_setting WHERE key = 'translation_job'")


def pending_job(project: Project) -> list[str]:
    """The languages of a translation job that was interrupted (the window closed, the computer stopped)."""
    row = project.db.execute("SELECT value FROM project_setting WHERE key = 'translation_job'").fetchone()
    return row[0].split(",") if row and row[0] else []


def forget_pending_job(project: Project) -> None:
    """The seller cancelled: what was done stays, but the job does not start again by itself."""
    with project.transaction():
        _set_pending(project, [])


def _translate_texts(engine, texts: list[str], source: str, target: str, protector: Callable, to_model: list,
                     unit_cache: dict[str, str]) -> dict[str, tuple[str, list[str]]]:  # fmt: skip
    """Each text's translation and the protected spans it lost; HTML texts keep their tags in order."""
    html = {text for listing, key, text in to_model if key == "description" and listing.is_html}
    plans: dict[str, list[tuple[bool, object]]] = {}
    for text in texts:
        plan = []
        for is_text, content in html_pieces(text) if text in html else [(True, text)]:
            masked = protector(content) if is_text else None
            if masked and is_translatable(_PLACEHOLDERS.sub("", masked.text)):
                plan.append((True, masked))
            else:  # a tag, or nothing left to translate once names and numbers are protected
                plan.append((False, escape_text(content) if is_text and text in html else content))
        plans[text] = plan
    units = list(dict.fromkeys(m.text for plan in plans.values() for is_unit, m in plan if is_unit))
    new = [unit for unit in units if unit not in unit_cache]
    unit_cache.update(zip(new, engine.translate(new, source, target) if new else [], strict=True))
    results = {}
    for text in texts:
        pieces, lost = [], []
        for is_unit, content in plans[text]:
            if not is_unit:
                pieces.append(content)
                continue
            restored, missing = unmask(unit_cache[content.text], content)
            pieces.append(escape_text(restored) if text in html else restored)
            lost += missing
        results[text] = ("".join(pieces), lost)
    return results


def target_languages(markets, codes: list[str] | None = None) -> list[str]:
    """The Argos codes to translate into: the given ones, or every listing language of the markets."""
    if codes:
        return list(dict.fromkeys(codes))
    return list(dict.fromkeys(language.argos for market in markets for language in market.languages))
