"""`make lab` starts JupyterLab on the start notebook of the learner's edition; the test stops it."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_tools import free_port, stop_process_group

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def lab_command(**variables) -> str:
    """The jupyter lab command `make lab` would run with these make variables (dry run)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "EDITION")}
    result = subprocess.run(["make", "-n", "-s", "lab", f"VENV={sys.prefix}",
                             *[f"{k}={v}" for k, v in variables.items()]],
                            cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    return result.stdout


@pytest.mark.parametrize("variables, edition", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "EDITION": "en"}, "en"),
    ({"LANG": "de_DE.UTF-8", "EDITION": "zh"}, "zh"),
])
def test_make_lab_opens_the_edition_of_the_locale_unless_told(variables, edition):
    command = lab_command(**variables)
    start = "notebooks/zh/00_start_here.ipynb" if edition == "zh" else "notebooks/00_start_here.ipynb"
    assert command.rstrip().endswith(start), command
    assert f"KAMKIT_LANG={edition}" in command
    assert f"build/lab-settings/{edition}" in command


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def test_make_lab_serves_the_chinese_start_notebook_with_jupyterlab_in_chinese(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    options = (f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token} "
               f"--ServerApp.runtime_dir={tmp_path}")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "LANG": "zh_CN.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(["make", "-s", "lab", f"VENV={sys.prefix}", f"LAB_PORT={port}",
                               f"LAB_OPTS={options}"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                              env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/api/contents/notebooks/zh/00_start_here.ipynb?token={token}"
    try:
        deadline, body = time.time() + 120, None
        while time.time() < deadline and server.poll() is None:
            try:
                body = _get(url)
                break
            except OSError:
                time.sleep(1)
        assert body is not None, (tmp_path / "lab.log").read_text()
        assert body["type"] == "notebook" and body["content"]["metadata"]["kamkit"]["language"] == "zh"
        assert any("从这里开始" in "".join(c["source"]) for c in body["content"]["cells"])
        settings = _get(f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}")
        assert settings["schema"]["properties"]["locale"]["default"] == "zh_CN"
        pack = _get(f"{base}/lab/api/translations/zh_CN?token={token}")
        assert pack["data"] and not pack["message"], pack["message"]
        with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
        assert "notebooks/zh/00_start_here.ipynb" in (tmp_path / "lab.log").read_text()
    finally:
        stop_process_group(server)
        log.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)
