"""Translation memory and stored translations, in the project file.

The memory maps a source text to its translation per language pair, so an identical text is never sent to the
model twice; a seller's edit is stored as `edited` and wins over anything a model or dictionary says.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from onboard.core.project import Project
from onboard.core.translation.protect import GlossaryEntry

ORIGINS = ("machine", "memory", "dictionary", "edited")
STATUSES = ("ok", "needs_review", "reviewed")


@dataclass(frozen=True)
class FieldTranslation:
    listing_id: int
    field: str
    lang: str
    source: str
    text: str
    origin: str
    status: str
    note: str = ""


def recall(project: Project, source_lang: str, target_lang: str, sources: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Known translations of these texts: source -> (target, origin)."""
    sources = list(dict.fromkeys(sources))
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(sources), 500):
        chunk = sources[start : start + 500]
        rows = project.db.execute(
            f"SELECT source, target, origin FROM translation_memory WHERE source_lang = ? AND target_lang = ? "
            f"AND source IN ({', '.join('?' * len(chunk))})",
            (source_lang, target_lang, *chunk),
        )
        found.update({source: (target, origin) for source, target, origin in rows})
    return found


def remember(project: Project, source_lang: str, target_lang: str, pairs: Iterable[tuple[str, str, str]]) -> None:
    """Store (source, target, origin); an `edited` entry is never overwritten by a machine or dictionary one."""
    project.db.executemany(
        "INSERT INTO translation_memory (source_lang, target_lang, source, target, origin) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (source_lang, target_lang, source) DO UPDATE SET target = excluded.target, "
        "origin = excluded.origin WHERE translation_memory.origin != 'edited' OR excluded.origin = 'edited'",
        [(source_lang, target_lang, source, target, origin) for source, target, origin in pairs],
    )


def store(project: Project, translations: Iterable[FieldTranslation]) -> None:
    project.db.executemany(
        "INSERT OR REPLACE INTO listing_translation (listing_id, field, lang, source, text, origin, status, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(t.listing_id, t.field, t.lang, t.source, t.text, t.origin, t.status, t.note) for t in translations],
    )


def translations(project: Project, lang: str | None = None) -> list[FieldTranslation]:
    where, arguments = ("WHERE lang = ?", (lang,)) if lang else ("", ())
    return [
        FieldTranslation(*row)
        for row in project.db.execute(
            f"SELECT listing_id, field, lang, source, text, origin, status, note FROM listing_translation {where} "
            "ORDER BY listing_id, field",
            arguments,
        )
    ]


def languages(project: Project) -> list[str]:
    return [lang for (lang,) in project.db.execute("SELECT DISTINCT lang FROM listing_translation ORDER BY lang")]


def edit(project: Project, source_lang: str, item: FieldTranslation, text: str) -> FieldTranslation:
    """A seller's own translation: stored for this field and remembered for every identical source text."""
    edited = FieldTranslation(item.listing_id, item.field, item.lang, item.source, text, "edited", "reviewed")
    with project.transaction():
        store(project, [edited])
        remember(project, source_lang, item.lang, [(item.source, text, "edited")])
    return edited


def mark_reviewed(project: Project, item: FieldTranslation) -> None:
    with project.transaction():
        project.db.execute(
            "UPDATE listing_translation SET status = 'reviewed' WHERE listing_id = ? AND field = ? AND lang = ?",
            (item.listing_id, item.field, item.lang),
        )


def glossary(project: Project) -> list[GlossaryEntry]:
    return [
        GlossaryEntry(term, json.loads(translations_json), bool(case_sensitive))
        for term, case_sensitive, translations_json in project.db.execute(
            "SELECT term, case_sensitive, translations FROM glossary ORDER BY term"
        )
    ]


def set_glossary_entry(project: Project, entry: GlossaryEntry) -> None:
    """Add or change a glossary term; machine translations made before it no longer count."""
    with project.transaction():
        project.db.execute(
            "INSERT OR REPLACE INTO glossary (term, case_sensitive, translations) VALUES (?, ?, ?)",
            (entry.term, int(entry.case_sensitive), json.dumps(entry.translations, ensure_ascii=False)),
        )
        project.db.execute("DELETE FROM translation_memory WHERE origin = 'machine'")
        project.db.execute("DELETE FROM listing_translation WHERE origin IN ('machine', 'memory')")
