"""pytest set-up shared by the unit, data and notebook tests."""

import os

collect_ignore_glob = ["kamkit/generator/__main__.py", "kamkit/_data/*", "build/*"]

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["KAMKIT_LANG"] = "en"


def pytest_configure(config):
    import matplotlib

    matplotlib.use("Agg")
