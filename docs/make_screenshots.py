"""Take the README screenshot: JupyterLab in headless Chromium, notebook 00 run, the explorer in view.

Usage: .venv/bin/python docs/make_screenshots.py  (needs Debian's chromium: apt-get install chromium)
Starts JupyterLab on 127.0.0.1 with a random port and token, runs every cell of the start
notebook as a student would (Run > Run All Cells), scrolls to the explorer, moves its slider and
saves docs/images/start_here.png. The notebook file itself is not saved.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def student_settings(folder: Path) -> Path:
    """JupyterLab user settings for a clean screenshot: every cell rendered, no news pop-up."""
    import json

    settings = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    }
    for name, values in settings.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return folder


def start_lab(root_dir: Path, port: int, token: str, runtime: Path):
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root_dir}", f"--ServerApp.runtime_dir={runtime}", "--allow-root",
               f"--LabApp.user_settings_dir={student_settings(runtime / 'settings')}"]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(runtime / "config")}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, env=env)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise RuntimeError("JupyterLab did not start")


def main(out=ROOT / "docs" / "images" / "start_here.png"):
    from playwright.sync_api import sync_playwright

    port, token = free_port(), secrets.token_hex(16)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "course"
        shutil.copytree(ROOT / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns("source", "solutions"))
        server = start_lab(work, port, token, Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                  "--disable-component-update", "--disable-sync", "--no-first-run"])
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb?token={token}")
                page.wait_for_selector(".jp-Notebook", timeout=60000)
                page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60000)
                page.click(".lm-MenuBar-itemLabel:text-is('Run')", timeout=10000)
                page.click(".lm-Menu-itemLabel:text-is('Run All Cells')", timeout=10000)
                page.wait_for_selector(".kamkit-explorer img", timeout=60000)
                page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60000)
                slider = page.locator(".kamkit-explorer .widget-slider .noUi-handle").first
                slider.scroll_into_view_if_needed()
                slider.focus()
                for _ in range(15):  # a student nudges the slider with the arrow keys
                    page.keyboard.press("ArrowRight")
                time.sleep(2)
                page.evaluate("document.querySelector('.kamkit-explorer').closest('.jp-Cell')"
                              ".scrollIntoView({block: 'center'})")
                time.sleep(1)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
    print("saved", out)


if __name__ == "__main__":
    main()
