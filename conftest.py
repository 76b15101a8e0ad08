"""pytest set-up shared by the unit, data and notebook tests."""

import os

collect_ignore_glob = ["kamkit/generator/__main__.py", "kamkit/_data/*", "build/*"]

os.environ["KAMKIT_LANG"] = "en"
# No MPLBACKEND here: notebook kernels started by the tests inherit the environment and must
# draw with the inline backend, as a student's do. The test process itself uses Agg (below).


def pytest_configure(config):
    import matplotlib

    matplotlib.use("Agg")
