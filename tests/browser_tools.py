"""JupyterLab in headless Chromium, driven as a student would: shared by the browser tests
and docs/make_screenshots.py.

The server runs on 127.0.0.1 with a random free port and token, on a scratch copy of the
notebooks, with user settings that render every cell (no virtual scrolling) and no news pop-up.
Chromium is Debian's (`/usr/bin/chromium`), driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or (("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else None)


def stop_process_group(process, timeout=30):
    """Stop a server started with start_new_session=True, and everything it started."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def student_settings(folder: Path) -> Path:
    """JupyterLab user settings: every cell rendered (no windowing), no news pop-up."""
    settings = {
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none",
                                                                       "autoStartDefaultKernel": True},
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
    }
    for name, values in settings.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return folder


@contextmanager
def jupyterlab(scratch: Path):
    """Start JupyterLab on a copy of notebooks/ in ``scratch``; yield (base url, token); stop it."""
    course = scratch / "course"
    shutil.copytree(ROOT / "notebooks", course / "notebooks", ignore=shutil.ignore_patterns("source", "*.zip"))
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={course}", f"--ServerApp.runtime_dir={scratch / 'runtime'}",
               f"--LabApp.user_settings_dir={student_settings(scratch / 'settings')}", "--allow-root"]
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(scratch / "config"), "KAMKIT_LANG": "en"}
    env.pop("MPLBACKEND", None)
    log = open(scratch / "lab.log", "w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError((scratch / "lab.log").read_text()) from None
                time.sleep(0.5)
        else:
            raise RuntimeError("JupyterLab did not start:\n" + (scratch / "lab.log").read_text())
        yield base, token
    finally:
        stop_process_group(server)
        log.close()


@contextmanager
def chromium():
    """A headless Debian Chromium driven by Playwright; yields the browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page, timeout=120_000):
    """Wait until the kernel is idle and no cell shows the running prompt [*]."""
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'))",
        timeout=timeout)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout)


@contextmanager
def open_notebook(browser, base, token, path, *, viewport=(1280, 900)):
    """Open ``path`` (relative to the course folder) in JupyterLab with a started kernel; the
    page is closed on leaving the ``with`` block, also when opening it failed half-way."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        workspace = secrets.token_hex(4)  # a fresh workspace: no tabs restored from an earlier page
        page.goto(f"{base}/lab/workspaces/{workspace}/tree/{path}?token={token}&reset")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
        select = page.locator(".jp-Dialog button:has-text('Select')")  # kernel list slow to arrive
        try:
            select.wait_for(timeout=3_000)
            select.click()
        except Exception:  # noqa: BLE001 - no dialog: the kernel started by itself
            pass
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        yield page
    finally:
        page.close()


ALL_CELLS_RAN = """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]
    .every(p => /\\[\\d+\\]/.test(p.textContent))"""


def run_all(page, timeout=180_000):
    """Run > Run All Cells, as a student would, and wait until every code cell has run."""
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    page.wait_for_function(ALL_CELLS_RAN, timeout=timeout)
    wait_idle(page)


def set_cell_source(page, cell, text):
    """Replace the code of ``cell`` (a locator of .jp-Cell) by typing it, as a student would."""
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(text)


def run_cell(page, cell):
    """Run one cell (Ctrl+Enter) and wait for the kernel."""
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    wait_idle(page)


def code_cell(page, startswith: str):
    """The code cell whose source starts with ``startswith``."""
    cells = page.locator(".jp-CodeCell")
    for i in range(cells.count()):
        cell = cells.nth(i)
        if cell.locator(".cm-content").inner_text().strip().startswith(startswith):
            return cell
    raise LookupError(f"no code cell starts with {startswith!r}")


def cell_output_text(cell) -> str:
    return cell.locator(".jp-OutputArea").inner_text()


def error_outputs(page) -> list[str]:
    """Texts of outputs that are errors (tracebacks) or warnings written to stderr."""
    return page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        "nodes => nodes.map(n => n.innerText)")
