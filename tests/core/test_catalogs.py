"""Every interface message is translated in all 24 catalogs, and the catalogs match the code."""

from onboard.devtools.catalogs import problems


def test_catalogs_are_complete_and_current():
    found = problems()
    assert not found, "\n".join(found[:40])
