"""Fixtures for kamkit's tests."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def english():
    """Every test starts in English and leaves the language as it found it."""
    import kamkit

    kamkit.set_language("en")
    yield
    kamkit.set_language("en")


@pytest.fixture
def root():
    return ROOT
