"""Shared test set-up: Qt offscreen, settings in a temporary folder, English unless a test says otherwise."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from onboard.core import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def english_interface():
    i18n.set_language("en")
    yield
    i18n.set_language("en")
