import struct

from PySide6.QtCore import QCoreApplication, QTranslator

from onboard.ui.language import qt_translations_dir
from onboard.ui.qm import QM_MAGIC, build_qm, elf_hash
from onboard.ui.qt_messages import QT_MESSAGES


def qt_hashes(path):
    """The lookup hashes in one of Qt's own .qm files."""
    data, position = path.read_bytes(), len(QM_MAGIC)
    while position < len(data):
        tag, length = data[position], struct.unpack(">I", data[position + 1 : position + 5])[0]
        if tag == 0x42:
            section = data[position + 5 : position + 5 + length]
            return {struct.unpack(">I", section[i : i + 4])[0] for i in range(0, len(section), 8)}
        position += 5 + length
    raise AssertionError("no hash table")


def test_elf_hash_matches_the_hashes_in_qts_own_files():
    hashes = qt_hashes(qt_translations_dir() / "qtbase_de.qm")
    for _context, source in QT_MESSAGES:
        assert elf_hash(source.encode("utf-8")) in hashes, source
    assert elf_hash(b"") == 1


def test_qt_reads_what_we_write(qapp):
    translator = QTranslator()
    data = build_qm([("QLineEdit", "Delete", "Futa"), ("QFileDialog", "Delete", "Futa faili"), ("X", "Skip", "")])
    assert translator.load(data)
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("QLineEdit", "Delete") == "Futa"
        assert QCoreApplication.translate("QFileDialog", "Delete") == "Futa faili"
        assert QCoreApplication.translate("X", "Skip") == "Skip"
    finally:
        qapp.removeTranslator(translator)
