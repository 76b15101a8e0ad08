"""pytest set-up shared by the unit, data and notebook tests."""

import os

import pytest

collect_ignore_glob = ["kamkit/generator/__main__.py", "kamkit/_data/*", "build/*"]

os.environ["KAMKIT_LANG"] = "en"
# No MPLBACKEND here: notebook kernels started by the tests inherit the environment and must
# draw with the inline backend, as a student's do. The test process itself uses Agg (below).


def pytest_configure(config):
    import matplotlib

    matplotlib.use("Agg")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items):
    """With `--dist loadgroup` (make test): the tests of one file run on one worker, as with
    `--dist loadfile` (they share module fixtures; a notebook's nbval cells stay together), except
    the browser tests, whose English and Chinese editions go to two workers (each starts its own
    JupyterLab): they are the longest file and would otherwise finish last, alone."""
    for item in items:
        group = item.nodeid.split("::")[0]
        if group.endswith("test_browser.py") and "[zh" in item.nodeid:
            group += "[zh]"
        item.add_marker(pytest.mark.xdist_group(group))
