"""`make lab` starts JupyterLab and serves the start notebook; the test stops it again."""

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


def test_make_lab_serves_the_start_notebook(tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    options = (f"--no-browser --ServerApp.ip=127.0.0.1 --IdentityProvider.token={token} "
               f"--ServerApp.runtime_dir={tmp_path}")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config")}
    log = open(tmp_path / "lab.log", "w")
    server = subprocess.Popen(["make", "-s", "lab", f"VENV={sys.prefix}", f"LAB_PORT={port}",
                               f"LAB_OPTS={options}"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                              env=env, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb?token={token}"
    try:
        deadline, body = time.time() + 120, None
        while time.time() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = json.load(response)
                    break
            except OSError:
                time.sleep(1)
        assert body is not None, (tmp_path / "lab.log").read_text()
        assert body["type"] == "notebook" and body["name"] == "00_start_here.ipynb"
        assert any("Start here" in "".join(c["source"]) for c in body["content"]["cells"])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as page:
            assert page.status == 200 and b"JupyterLab" in page.read()
    finally:
        stop_process_group(server)
        log.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(url, timeout=2)
