import pytest

from onboard.core.project import Project
from onboard.core.seller import SellerProfile


@pytest.fixture
def project(tmp_path):
    """An open, empty project (Lotus, from China, selling to the US)."""
    path = tmp_path / "shop.onboard"
    Project.create(path, SellerProfile(name="Lotus", origin="CN", currency="CNY", markets=("US",))).close()
    with Project.open(path) as opened:
        yield opened
