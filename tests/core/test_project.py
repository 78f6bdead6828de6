import sqlite3

import pytest

from onboard.core.errors import InvalidValue, ProjectError
from onboard.core.i18n import set_language
from onboard.core.project import APPLICATION_ID, SCHEMA_VERSION, Project
from onboard.core.seller import SellerProfile

LOTUS = SellerProfile(
    name="Lotus Crafts",
    origin="CN",
    currency="CNY",
    source_language="zh",
    legal_form="limited-company",
    email="sales@lotus.example",
    categories=("electronics", "toys"),
    situations=("b2c", "marketplace", "ships-from-abroad"),
    markets=("US", "DE", "JP", "BR"),
)


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "lotus.onboard"
    Project.create(path, LOTUS).close()
    return path


def test_create_and_reopen_keeps_every_value(project_path):
    with Project.open(project_path) as project:
        profile = project.profile()
        assert project.schema_version == SCHEMA_VERSION
    assert profile.name == "Lotus Crafts"
    assert profile.markets == ("US", "DE", "JP", "BR")  # the seller's order, not alphabetical
    assert set(profile.categories) == {"electronics", "toys"}
    assert set(profile.situations) == {"b2c", "marketplace", "ships-from-abroad"}
    assert (profile.origin, profile.currency, profile.source_language) == ("CN", "CNY", "zh")
    assert (profile.legal_form, profile.email) == ("limited-company", "sales@lotus.example")


def test_update_is_saved_and_visible_to_another_connection(project_path):
    with Project.open(project_path) as first, Project.open(project_path) as second:
        first.update_profile(name="Lotus Crafts Ltd", markets=("JP", "KR"), categories=("toys",))
        profile = second.profile()
    assert profile.name == "Lotus Crafts Ltd"
    assert profile.markets == ("JP", "KR")
    assert profile.categories == ("toys",)


def test_invalid_update_changes_nothing(project_path):
    before = project_path.read_bytes()
    with Project.open(project_path) as project:
        with pytest.raises(InvalidValue, match="ZZ"):
            project.update_profile(name="New name", markets=("US", "ZZ"))
        assert project.profile() == LOTUS
    assert project_path.read_bytes() == before


def test_failure_inside_a_transaction_rolls_back(project_path, monkeypatch):
    import onboard.core.project as module

    def broken_write(db, profile):
        db.execute("DELETE FROM target_market")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(module, "_write_codes", broken_write)
    with Project.open(project_path) as project:
        with pytest.raises(sqlite3.OperationalError):
            project.update_profile(name="Half written")
        monkeypatch.undo()
        assert project.profile() == LOTUS


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "mine.onboard"
    path.write_text("my notes")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path, LOTUS)
    assert path.read_text() == "my notes"


def test_create_with_bad_profile_writes_nothing(tmp_path):
    path = tmp_path / "bad.onboard"
    with pytest.raises(InvalidValue, match="XYZ"):
        Project.create(path, SellerProfile(name="x", origin="CN", currency="XYZ"))
    assert list(tmp_path.iterdir()) == []


def test_create_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(ProjectError, match="Cannot"):
        Project.create(tmp_path / "no" / "such" / "x.onboard", LOTUS)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="There is no project file"):
        Project.open(tmp_path / "absent.onboard")


def test_text_file_is_not_a_project(tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("sku,title\n1,Lamp\n")
    with pytest.raises(ProjectError, match="not an Onboard project"):
        Project.open(path)


def test_other_sqlite_database_is_not_a_project(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(ProjectError, match="not an Onboard project"):
        Project.open(path)


def test_damaged_file_is_refused_clearly(project_path):
    data = bytearray(project_path.read_bytes())
    data[100:] = b"\xde\xad\xbe\xef" * ((len(data) - 100) // 4) + b"\x00" * ((len(data) - 100) % 4)
    project_path.write_bytes(bytes(data))
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(project_path)


def test_truncated_file_is_refused_clearly(project_path):
    project_path.write_bytes(project_path.read_bytes()[:1500])
    with pytest.raises(ProjectError, match="damaged|not an Onboard"):
        Project.open(project_path)


def test_newer_file_is_refused_and_left_alone(project_path):
    with sqlite3.connect(project_path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="newer version of Onboard"):
        Project.open(project_path)
    assert project_path.read_bytes() == before


def test_older_file_is_migrated_forward(tmp_path):
    path = tmp_path / "old.onboard"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 0")
    with Project.open(path) as project:
        assert project.schema_version == SCHEMA_VERSION
        tables = {row[0] for row in project.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"profile", "target_market", "profile_category", "profile_situation"} <= tables


def test_messages_follow_the_interface_language(tmp_path):
    set_language("de")
    with pytest.raises(ProjectError) as raised:
        Project.open(tmp_path / "absent.onboard")
    message = str(raised.value)
    assert "absent.onboard" in message
    assert "There is no project file" not in message
