"""The project file: one SQLite database a seller can copy, changed only in transactions.

The schema version lives in `PRAGMA user_version` and moves forward by the functions in MIGRATIONS;
`PRAGMA application_id` tells an Onboard project from any other SQLite file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from onboard.core.errors import ProjectError
from onboard.core.i18n import _
from onboard.core.seller import SellerProfile, check_profile

APPLICATION_ID = 0x4F4E4244  # "ONBD"
SQLITE_HEADER = b"SQLite format 3\x00"
FILE_SUFFIX = ".onboard"


# The seller profile and target markets.
_SCHEMA_1 = (
    """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            origin TEXT NOT NULL,
            currency TEXT NOT NULL,
            source_language TEXT NOT NULL,
            legal_form TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT ''
        )""",
    "CREATE TABLE profile_category (code TEXT PRIMARY KEY)",
    "CREATE TABLE profile_situation (code TEXT PRIMARY KEY)",
    "CREATE TABLE target_market (code TEXT PRIMARY KEY, position INTEGER NOT NULL)",
)


# The catalogue: listings (fields as JSON) and the imports they came from.
_SCHEMA_2 = (
    """CREATE TABLE import_batch (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            columns TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )""",
    """CREATE TABLE listing (
            id INTEGER PRIMARY KEY,
            position INTEGER NOT NULL,
            sku TEXT NOT NULL,
            parent_sku TEXT NOT NULL DEFAULT '',
            fields TEXT NOT NULL,
            import_id INTEGER REFERENCES import_batch (id),
            source_row INTEGER NOT NULL DEFAULT 0
        )""",
    "CREATE INDEX listing_sku ON listing (sku)",
    "CREATE INDEX listing_position ON listing (position)",
)


# Translations: the memory of translated texts, each listing field's translation, the glossary, settings.
_SCHEMA_3 = (
    """CREATE TABLE translation_memory (
            source_lang TEXT NOT NULL,
            target_lang TEXT NOT NULL,
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            origin TEXT NOT NULL,
            PRIMARY KEY (source_lang, target_lang, source)
        )""",
    """CREATE TABLE listing_translation (
            listing_id INTEGER NOT NULL REFERENCES listing (id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            lang TEXT NOT NULL,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL,
            status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (listing_id, field, lang)
        )""",
    """CREATE TABLE glossary (
            term TEXT PRIMARY KEY,
            case_sensitive INTEGER NOT NULL DEFAULT 0,
            translations TEXT NOT NULL DEFAULT '{}'
        )""",
    "CREATE TABLE project_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


# Pricing: a rule per market, a product's own price per market, the seller's exchange rates.
_SCHEMA_4 = (
    "CREATE TABLE price_rule (market TEXT PRIMARY KEY, rule TEXT NOT NULL)",
    """CREATE TABLE price_override (
            listing_id INTEGER NOT NULL REFERENCES listing (id) ON DELETE CASCADE,
            market TEXT NOT NULL,
            adjustment_percent TEXT,
            fixed_price TEXT,
            PRIMARY KEY (listing_id, market)
        )""",
    """CREATE TABLE fx_rate (
            currency TEXT PRIMARY KEY,
            per_eur TEXT NOT NULL,
            as_of TEXT NOT NULL,
            origin TEXT NOT NULL
        )""",
)


# Payments and compliance: the methods the seller offers, checklist progress, evidence files kept in the project.
_SCHEMA_5 = (
    """CREATE TABLE payment_choice (
            market TEXT NOT NULL,
            method TEXT NOT NULL,
            chosen INTEGER NOT NULL,
            PRIMARY KEY (market, method)
        )""",
    """CREATE TABLE checklist_status (
            market TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (market, rule_id)
        )""",
    """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            market TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            name TEXT NOT NULL,
            data BLOB NOT NULL,
            added TEXT NOT NULL
        )""",
)


#: MIGRATIONS[n] takes a project from schema version n to n + 1, inside the caller's transaction.
#: Append only; never edit a shipped step.
MIGRATIONS: tuple[tuple[str, ...], ...] = (_SCHEMA_1, _SCHEMA_2, _SCHEMA_3, _SCHEMA_4, _SCHEMA_5)
SCHEMA_VERSION = len(MIGRATIONS)

_PROFILE_COLUMNS = ("name", "origin", "currency", "source_language", "legal_form", "email")
_CODE_TABLES = {"categories": "profile_category", "situations": "profile_situation"}


class Project:
    """An open project file. Each thread opens its own Project on the same path."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db

    # -- opening ------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, profile: SellerProfile) -> Project:
        """Write a new project; nothing is left behind if any step fails, and no file is overwritten."""
        path = Path(path)
        check_profile(profile)
        if path.exists():
            raise ProjectError(_("{path} already exists. Choose another file name.").format(path=path))
        temporary = path.with_name(f".{path.name}.creating")
        try:
            temporary.unlink(missing_ok=True)
            db = _connect(temporary, create=True)
            with _transaction(db):
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _migrate(db, 0)
                db.execute(
                    f"INSERT INTO profile (id, {', '.join(_PROFILE_COLUMNS)}) VALUES (1, ?, ?, ?, ?, ?, ?)",
                    [getattr(profile, column) for column in _PROFILE_COLUMNS],
                )
                _write_codes(db, profile)
            db.close()
            if path.exists():
                raise ProjectError(_("{path} already exists. Choose another file name.").format(path=path))
            os.replace(temporary, path)
        except OSError as error:
            raise ProjectError(
                _("Cannot write {path}: {reason}").format(path=path, reason=error.strerror or error)
            ) from error
        finally:
            temporary.unlink(missing_ok=True)
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path) -> Project:
        """Open an existing project, migrating an older one forward; refuse anything else clearly."""
        path = Path(path)
        if not path.is_file():
            raise ProjectError(_("There is no project file at {path}.").format(path=path))
        try:
            with path.open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as error:
            raise ProjectError(
                _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
            ) from error
        if header != SQLITE_HEADER:
            raise ProjectError(_("{path} is not an Onboard project file.").format(path=path))
        db = _connect(path, create=False)
        try:
            _check_and_migrate(db, path)
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, for core modules that keep their own tables (never for the UI or the CLI)."""
        return self._db

    def transaction(self):
        """`with project.transaction():` — one change, all or nothing."""
        return _transaction(self._db)

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- the seller profile -------------------------------------------------------------------------

    def profile(self) -> SellerProfile:
        row = self._db.execute(f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM profile WHERE id = 1").fetchone()
        if row is None:
            raise ProjectError(_("{path} has no seller profile; the file is damaged.").format(path=self.path))
        values = dict(zip(_PROFILE_COLUMNS, row, strict=True))
        for key, table in _CODE_TABLES.items():
            values[key] = tuple(code for (code,) in self._db.execute(f"SELECT code FROM {table} ORDER BY code"))
        values["markets"] = tuple(
            code for (code,) in self._db.execute("SELECT code FROM target_market ORDER BY position")
        )
        return SellerProfile(**values)

    def update_profile(self, **changes: object) -> SellerProfile:
        """Validate and save some profile fields in one transaction; returns the saved profile."""
        profile = replace(self.profile(), **changes)
        check_profile(profile)
        with _transaction(self._db):
            columns = [column for column in _PROFILE_COLUMNS if column in changes]
            if columns:
                self._db.execute(
                    f"UPDATE profile SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = 1",
                    [getattr(profile, column) for column in columns],
                )
            _write_codes(self._db, profile)
        return profile


def _connect(path: Path, *, create: bool) -> sqlite3.Connection:
    mode = "rwc" if create else "rw"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 5000")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.OperationalError as error:
        raise ProjectError(_("Cannot open {path}: {reason}").format(path=path, reason=error)) from error
    except sqlite3.DatabaseError as error:
        raise ProjectError(_damaged(path)) from error
    return db


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One change, all or nothing: a crash or an error leaves the last committed state."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _check_and_migrate(db: sqlite3.Connection, path: Path) -> None:
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        if application_id != APPLICATION_ID:
            raise ProjectError(_("{path} is not an Onboard project file.").format(path=path))
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ProjectError(
                _(
                    "{path} was saved by a newer version of Onboard (file format {found}; this version "
                    "reads formats up to {supported}). Update Onboard to open it."
                ).format(path=path, found=version, supported=SCHEMA_VERSION)
            )
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
        if version < SCHEMA_VERSION:
            with _transaction(db):
                _migrate(db, version)
    except sqlite3.DatabaseError as error:
        raise ProjectError(_damaged(path)) from error


def _damaged(path: Path) -> str:
    return _("{path} is damaged and cannot be opened. Open a backup copy of the project instead.").format(path=path)


def _migrate(db: sqlite3.Connection, version: int) -> None:
    for step in MIGRATIONS[version:]:
        for statement in step:
            db.execute(statement)  # one by one: executescript() would commit the surrounding transaction
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _write_codes(db: sqlite3.Connection, profile: SellerProfile) -> None:
    for key, table in _CODE_TABLES.items():
        db.execute(f"DELETE FROM {table}")
        db.executemany(
            f"INSERT INTO {table} (code) VALUES (?)",
            [(code,) for code in dict.fromkeys(getattr(profile, key))],
        )
    db.execute("DELETE FROM target_market")
    db.executemany(
        "INSERT INTO target_market (code, position) VALUES (?, ?)",
        [(code, position) for position, code in enumerate(dict.fromkeys(profile.markets))],
    )
