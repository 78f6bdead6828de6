"""Shared test set-up: Qt offscreen, settings in a temporary folder, English unless a test says otherwise."""

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# argostranslate and platformdirs write under these: never the real home folder
_HOME = tempfile.mkdtemp(prefix="onboard-tests-")
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())

from onboard.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def english_interface():
    i18n.set_language("en")
    yield
    i18n.set_language("en")
