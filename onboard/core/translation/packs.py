"""Language packs: Argos Translate packages installed, listed and removed through argostranslate's own machinery.

Packs are zip files from strangers (a USB stick, a download): every member path and the unpacked size are checked,
and the metadata read, before argostranslate unpacks anything. The online index and downloads are used only when
the seller asks for them.
"""

from __future__ import annotations

import json
import threading
import urllib.request
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from platformdirs import user_data_dir

from onboard.core.errors import OnboardError
from onboard.core.i18n import _
from onboard.core.jobs import Progress

MAX_UNPACKED = 4 * 1024**3  # the largest Argos packages unpack to a few hundred MB
PACK_SUFFIX = ".argosmodel"
_lock = threading.Lock()


class PackError(OnboardError):
    """A language pack cannot be installed, found or removed."""


@dataclass(frozen=True)
class Pack:
    from_code: str
    to_code: str
    version: str
    size: int  # bytes on disk
    path: Path


def packs_dir() -> Path:
    """Where Onboard keeps its language packs (per user; never inside a project)."""
    return Path(user_data_dir("Onboard", appauthor=False)) / "language-packs"


def _argos(directory: Path):
    """argostranslate.package, pointed at `directory` (its settings are read at import and at each call)."""
    import os

    directory.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(directory)
    from argostranslate import package, settings

    settings.package_data_dir = directory
    settings.package_dirs = [directory]
    return package


def installed(directory: Path | None = None) -> list[Pack]:
    """The packs installed, sorted by language pair."""
    directory = directory or packs_dir()
    with _lock:
        package = _argos(directory)
        found = [
            Pack(item.from_code, item.to_code, item.package_version, _size(item.package_path), item.package_path)
            for item in package.get_installed_packages([directory])
            if item.type == "translate" and item.from_code and item.to_code
        ]
    return sorted(found, key=lambda pack: (pack.from_code, pack.to_code))


def argos_packages(directory: Path | None = None) -> list:
    """argostranslate's own Package objects (tokenizer, target prefix, model path) for the engine."""
    directory = directory or packs_dir()
    with _lock:
        return [item for item in _argos(directory).get_installed_packages([directory]) if item.type == "translate"]


def _size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def check_archive(path: Path) -> dict:
    """Refuse a pack that could write outside its folder, unpack to an absurd size, or is not an Argos package."""
    if not zipfile.is_zipfile(path):
        raise PackError(_("{file} is not a language pack (not a zip archive).").format(file=path.name))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            roots = set()
            for member in members:
                name = PurePosixPath(member.filename)
                symlink = (member.external_attr >> 16) & 0o170000 == 0o120000
                if (
                    name.is_absolute()
                    or ".." in name.parts
                    or "\\" in member.filename
                    or symlink
                    or ":" in name.parts[0]
                ):
                    raise PackError(
                        _("{file} contains an unsafe path ({member}); it was not installed.").format(
                            file=path.name, member=member.filename
                        )
                    )
                roots.add(name.parts[0])
            if sum(member.file_size for member in members) > MAX_UNPACKED:
                raise PackError(_("{file} would unpack to more than {limit} GB; it was not installed.").format(
                    file=path.name, limit=MAX_UNPACKED // 1024**3))  # fmt: skip
            if len(roots) != 1:
                raise PackError(_("{file} is not a language pack (no single package folder).").format(file=path.name))
            root = roots.pop()
            names = {member.filename for member in members}
            try:
                metadata = json.loads(archive.read(f"{root}/metadata.json"))
            except (KeyError, ValueError):
                raise PackError(_("{file} has no readable metadata.json.").format(file=path.name)) from None
    except zipfile.BadZipFile as error:
        raise PackError(_("{file} is damaged: {reason}").format(file=path.name, reason=error)) from None
    has_tokenizer = {f"{root}/sentencepiece.model", f"{root}/bpe.model"} & names
    if not (metadata.get("from_code") and metadata.get("to_code")) or f"{root}/model/model.bin" not in names:
        raise PackError(_("{file} is not a translation pack (metadata or model missing).").format(file=path.name))
    if not has_tokenizer:
        raise PackError(_("{file} has no tokenizer model.").format(file=path.name))
    return metadata


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (a USB stick) into the .argosmodel files inside them."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(path.rglob(f"*{PACK_SUFFIX}"))
        elif path.exists():
            files.append(path)
        else:
            raise PackError(_("There is no file or folder at {path}.").format(path=path))
    if not files:
        raise PackError(_("No language packs (*.argosmodel) were found there."))
    return files


def install(paths: Iterable[str | Path], progress: Progress | None = None, directory: Path | None = None) -> list[Pack]:
    """Check, then install each pack; a pack for a pair already installed replaces it."""
    directory = directory or packs_dir()
    progress = progress or Progress()
    files = pack_files(paths)
    checked = [(file, check_archive(file)) for file in files]  # every file is checked before any is installed
    for number, (file, metadata) in enumerate(checked):
        progress.update(number / len(checked), _("Installing {file}").format(file=file.name))
        with _lock:
            package = _argos(directory)
            for old in package.get_installed_packages([directory]):
                if (old.from_code, old.to_code) == (metadata["from_code"], metadata["to_code"]):
                    package.uninstall(old)
            package.install_from_path(file)
    progress.update(1.0, force=True)
    pairs = {(metadata["from_code"], metadata["to_code"]) for _file, metadata in checked}
    return [pack for pack in installed(directory) if (pack.from_code, pack.to_code) in pairs]


def remove(from_code: str, to_code: str, directory: Path | None = None) -> None:
    directory = directory or packs_dir()
    with _lock:
        package = _argos(directory)
        for item in package.get_installed_packages([directory]):
            if (item.from_code, item.to_code) == (from_code, to_code):
                package.uninstall(item)
                return
    raise PackError(
        _("No language pack {from_code} → {to_code} is installed.").format(from_code=from_code, to_code=to_code)
    )


# -- the online index: only when the seller asks --------------------------------------------------------------


@dataclass(frozen=True)
class AvailablePack:
    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]


def fetch_index(directory: Path | None = None) -> list[AvailablePack]:
    """Download argostranslate's package index (network!) and list what it offers."""
    directory = directory or packs_dir()
    with _lock:
        _argos(directory)
        from argostranslate import settings

        try:
            with urllib.request.urlopen(settings.remote_package_index, timeout=30) as response:
                index = json.loads(response.read())
        except (OSError, ValueError) as error:
            raise PackError(
                _("The online list of language packs could not be read: {reason}").format(reason=error)
            ) from None
    return [
        AvailablePack(
            item["from_code"], item["to_code"], str(item.get("package_version", "")), tuple(item.get("links", ()))
        )
        for item in index
        if item.get("type", "translate") == "translate" and item.get("from_code") and item.get("to_code")
    ]


def download(pack: AvailablePack, folder: Path, progress: Progress | None = None) -> Path:
    """Download one pack file (network!) with progress; the caller installs it with `install`."""
    progress = progress or Progress()
    target = folder / f"translate-{pack.from_code}_{pack.to_code}-{pack.version}{PACK_SUFFIX}"
    partial = target.with_suffix(".part")
    for link in pack.links:
        try:
            with urllib.request.urlopen(link, timeout=60) as response, partial.open("wb") as file:
                total = int(response.headers.get("Content-Length") or 0)
                done = 0
                while chunk := response.read(1024 * 1024):
                    file.write(chunk)
                    done += len(chunk)
                    progress.update(done / total if total else 0.0, _("Downloading {file}").format(file=target.name))
            partial.replace(target)
            return target
        except OSError:
            partial.unlink(missing_ok=True)
    raise PackError(_("The language pack {from_code} → {to_code} could not be downloaded.").format(
        from_code=pack.from_code, to_code=pack.to_code))  # fmt: skip
