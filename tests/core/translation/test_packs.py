import json
import zipfile

import pytest

from onboard.core.markets import load_markets
from onboard.core.translation import packs
from onboard.core.translation.engine import coverage


def test_install_a_folder_list_and_remove(pack_files, packs_dir):
    installed = packs.install([pack_files], directory=packs_dir)
    assert [(p.from_code, p.to_code) for p in installed] == [("en", "de"), ("zh", "en")]
    listed = packs.installed(packs_dir)
    assert [(p.from_code, p.to_code, p.version) for p in listed] == [("en", "de", "1.0"), ("zh", "en", "1.0")]
    assert all(p.size > 100_000 and (p.path / "model" / "model.bin").exists() for p in listed)
    packs.remove("en", "de", packs_dir)
    assert [(p.from_code, p.to_code) for p in packs.installed(packs_dir)] == [("zh", "en")]
    with pytest.raises(packs.PackError, match="en → de"):
        packs.remove("en", "de", packs_dir)


def test_reinstalling_replaces_the_pair(pack_files, packs_dir):
    packs.install([pack_files / "en_de.argosmodel"], directory=packs_dir)
    packs.install([pack_files / "en_de.argosmodel"], directory=packs_dir)
    assert len(packs.installed(packs_dir)) == 1


def test_coverage_per_market(pack_files, packs_dir):
    packs.install([pack_files], directory=packs_dir)
    pairs = {(p.from_code, p.to_code) for p in packs.installed(packs_dir)}
    markets = load_markets()
    found = coverage(pairs, "zh", [markets[code] for code in ("US", "DE", "JP", "BR")])
    assert found == {"US": [("en", "direct"), ("es", "none")], "DE": [("de", "pivot")], "JP": [("ja", "none")],
                     "BR": [("pb", "none")]}  # fmt: skip


def hostile(tmp_path, name, member, data=b"x"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("translate-en_xx-1_0/metadata.json", json.dumps({"from_code": "en", "to_code": "xx"}))
        archive.writestr(member, data)
    return path


@pytest.mark.parametrize("member", ["/etc/evil", "../../evil", "translate-en_xx-1_0/../../evil", "C:/evil"])
def test_unsafe_paths_are_refused_before_anything_is_unpacked(tmp_path, packs_dir, member):
    path = hostile(tmp_path, "evil.argosmodel", member)
    with pytest.raises(packs.PackError, match="unsafe path"):
        packs.install([path], directory=packs_dir)
    assert packs.installed(packs_dir) == []
    assert not (tmp_path / "evil").exists()


def test_symlinks_are_refused(tmp_path, packs_dir):
    path = tmp_path / "link.argosmodel"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("translate-en_xx-1_0/model")
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc")
    with pytest.raises(packs.PackError, match="unsafe path"):
        packs.install([path], directory=packs_dir)


def test_huge_unpacked_size_is_refused(tmp_path, packs_dir, monkeypatch):
    monkeypatch.setattr(packs, "MAX_UNPACKED", 1000)
    path = hostile(tmp_path, "big.argosmodel", "translate-en_xx-1_0/model/model.bin", b"\0" * 5000)
    with pytest.raises(packs.PackError, match="more than"):
        packs.install([path], directory=packs_dir)


def test_not_a_pack(tmp_path, packs_dir):
    text = tmp_path / "notes.argosmodel"
    text.write_text("hello")
    with pytest.raises(packs.PackError, match="not a zip"):
        packs.install([text], directory=packs_dir)
    incomplete = hostile(tmp_path, "incomplete.argosmodel", "translate-en_xx-1_0/README.md")
    with pytest.raises(packs.PackError, match="metadata or model missing"):
        packs.install([incomplete], directory=packs_dir)


def test_one_bad_file_installs_nothing(pack_files, tmp_path, packs_dir):
    bad = hostile(tmp_path, "evil.argosmodel", "../evil")
    with pytest.raises(packs.PackError):
        packs.install([pack_files / "en_de.argosmodel", bad], directory=packs_dir)
    assert packs.installed(packs_dir) == []


def test_an_empty_folder(tmp_path, packs_dir):
    with pytest.raises(packs.PackError, match="No language packs"):
        packs.install([tmp_path], directory=packs_dir)
