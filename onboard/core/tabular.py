"""Read a seller's spreadsheet as rows of text: CSV/TSV in any common encoding, or XLSX; refuse the rest clearly.

Text files are streamed (a 200 MB CSV never sits in memory) and report how far they are by bytes read.
Formulas in workbooks give their cached values; nothing is ever evaluated.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from onboard.core.errors import OnboardError
from onboard.core.i18n import _

SAMPLE_BYTES = 256 * 1024
ENCODING_CANDIDATES = ("gb18030", "cp950", "cp932", "cp1252")  # GBK, Big5, Shift_JIS, Windows-1252 supersets
ENCODING_NAMES = {  # what a seller may type for --encoding, to the codec we use
    "gbk": "gb18030", "gb2312": "gb18030", "big5": "cp950", "shift_jis": "cp932", "sjis": "cp932",
    "windows-1252": "cp1252", "latin-1": "cp1252", "utf8": "utf-8", "utf-8-bom": "utf-8-sig",
}  # fmt: skip
DELIMITERS = (",", ";", "\t", "|")
MAX_UNPACKED_XLSX = 1024 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

csv.field_size_limit(64 * 1024 * 1024)


class UnreadableFile(OnboardError):
    """The file cannot be read as a spreadsheet; the message says why and what to do."""


@dataclass
class Table:
    """Rows of a spreadsheet as lists of strings, read once, front to back."""

    path: Path
    kind: str  # "csv" or "xlsx"
    rows: Iterator[list[str]]
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    done: Callable[[], float] = field(default=lambda: 0.0)  # fraction of the file read so far


def open_table(path: str | Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Open a CSV/TSV/TXT or XLSX file for reading; raise UnreadableFile with a message a seller understands."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(SAMPLE_BYTES)
    except FileNotFoundError:
        raise UnreadableFile(_("There is no file at {path}.").format(path=path)) from None
    except OSError as error:
        raise UnreadableFile(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)) from None
    if size == 0 or not head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UnreadableFile(_("{path} is empty.").format(path=path))
    if head.startswith(ZIP_MAGIC):
        return _open_workbook(path, sheet)
    if head.startswith(OLE_MAGIC):
        raise UnreadableFile(_ole_message(path))
    return _open_text(path, head, size, encoding)


# -- text ------------------------------------------------------------------------------------------------


def detect_encoding(head: bytes) -> str:
    """The encoding of the start of a text file: BOM, then UTF-8, then the likeliest legacy code page."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        sample = head[:4096]
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd > len(sample) // 4 and even == 0:
            return "utf-16-le"
        if even > len(sample) // 4 and odd == 0:
            return "utf-16-be"
        raise UnreadableFile(_("This is not a spreadsheet or text file (it contains binary data)."))
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and len(head) == SAMPLE_BYTES:  # a character cut at the sample's end
            return "utf-8"
    best = from_bytes(head, cp_isolation=list(ENCODING_CANDIDATES)).best()
    return best.encoding if best else "cp1252"


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most consistent number of columns."""
    lines = text.splitlines()[:50]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        if not counts:
            continue
        width = max(set(counts), key=counts.count)
        score = (counts.count(width), width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _CountingReader(io.RawIOBase):
    """Counts the bytes read, so progress can follow a stream of any size."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._file.readinto(buffer)
        self.position += count or 0
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def _open_text(path: Path, head: bytes, size: int, encoding: str | None) -> Table:
    if encoding:
        encoding = ENCODING_NAMES.get(encoding.lower(), encoding)
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UnreadableFile(_("Unknown encoding “{encoding}”.").format(encoding=encoding)) from None
    else:
        encoding = detect_encoding(head)
    try:
        sample = head.decode(encoding, errors="ignore")
    except UnicodeError:
        sample = ""
    delimiter = detect_delimiter(sample.lstrip("\ufeff"))
    counter = _CountingReader(path.open("rb"))

    def rows() -> Iterator[list[str]]:
        text = io.TextIOWrapper(io.BufferedReader(counter, 1024 * 1024), encoding=encoding, newline="")
        reader = csv.reader(text, delimiter=delimiter)
        try:
            for row in reader:
                yield [cell.lstrip("\ufeff") if index == 0 else cell for index, cell in enumerate(row)]
        except UnicodeDecodeError:
            raise UnreadableFile(
                _(
                    "Line {line} of {path} is not valid {encoding} text. Choose the file's encoding "
                    "(for example GBK, Big5, Shift_JIS or UTF-8) and import again."
                ).format(line=_line_of_bad_text(path, encoding), path=path.name, encoding=encoding)
            ) from None
        except csv.Error as error:
            raise UnreadableFile(
                _("Line {line} of {path} cannot be read: {reason}").format(
                    line=reader.line_num, path=path.name, reason=error
                )
            ) from None
        finally:
            text.close()

    return Table(path, "csv", rows(), encoding=encoding, delimiter=delimiter,
                 done=lambda: counter.position / size if size else 1.0)  # fmt: skip


def _line_of_bad_text(path: Path, encoding: str) -> int:
    """The line where a file stops being valid text in `encoding` (only called once decoding has failed)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    with path.open("rb") as file:
        while chunk := file.read(64 * 1024):
            try:
                line += decoder.decode(chunk).count("\n")
            except UnicodeDecodeError as error:
                return line + chunk[: error.start].decode(encoding, errors="ignore").count("\n")
    return line


# -- workbooks -----------------------------------------------------------------------------------------


def _ole_message(path: Path) -> str:
    data = path.read_bytes()[: 8 * 1024 * 1024]
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return _("{path} is protected with a password. Open it in Excel, save a copy without a password, "
                 "and import that copy.").format(path=path.name)  # fmt: skip
    return _("{path} is in the old Excel format (.xls). Save it as .xlsx or CSV and import that file.").format(
        path=path.name
    )


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableFile(_damaged_workbook(path, error)) from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_XLSX or any(m.file_size > 200 * max(m.compress_size, 1024) for m in members):
        raise UnreadableFile(
            _("{path} unpacks to far more data than a spreadsheet holds; it was not opened.").format(path=path.name)
        )
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise UnreadableFile(_("{path} is a zip file but not an Excel workbook.").format(path=path.name))


def _damaged_workbook(path: Path, error: object) -> str:
    return _("{path} is damaged or is not an Excel workbook ({reason}).").format(path=path.name, reason=error)


def _open_workbook(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # imported here: the CSV path and start-up never need it

    _check_zip(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for broken files
        raise UnreadableFile(_damaged_workbook(path, error)) from None
    visible = [ws.title for ws in workbook.worksheets if ws.sheet_state == "visible"]
    if sheet is not None and sheet not in workbook.sheetnames:
        workbook.close()
        raise UnreadableFile(
            _("{path} has no sheet “{sheet}”. Its sheets are: {sheets}.").format(
                path=path.name, sheet=sheet, sheets=", ".join(workbook.sheetnames)
            )
        )
    names = [sheet] if sheet else visible
    worksheet = workbook[names[0]] if len(names) == 1 else workbook[_likeliest_sheet(workbook, names)]
    total = worksheet.max_row or 0
    read = 0

    def rows() -> Iterator[list[str]]:
        nonlocal read
        try:
            for values in worksheet.iter_rows(values_only=True):
                read += 1
                yield [cell_text(value) for value in values]
        except Exception as error:
            raise UnreadableFile(_damaged_workbook(path, error)) from None
        finally:
            workbook.close()

    return Table(path, "xlsx", rows(), sheet=worksheet.title, sheets=tuple(workbook.sheetnames),
                 done=lambda: read / total if total else 0.0)  # fmt: skip


def _likeliest_sheet(workbook, names: list[str]) -> str:
    """The first sheet laid out as a known platform's template, else the one that looks most like a table."""
    from onboard.core.columns import detect_platform, header_score

    best_name, best_score = names[0], -1
    for name in names:
        rows = [[cell_text(v) for v in row] for row in workbook[name].iter_rows(max_row=10, values_only=True)]
        if any(detect_platform(row) for row in rows):
            return name
        score = max((header_score(row) for row in rows), default=0)
        if score > best_score:
            best_name, best_score = name, score
    return best_name


def cell_text(value: object) -> str:
    """A cell's value as the text a seller sees in Excel (12 not 12.0, dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)
