"""Binder readiness: environment.yml, apt.txt and postBuild agree with pyproject.toml, and
postBuild stops the build loudly when a step fails."""

import os
import re
import subprocess
from pathlib import Path

import pytest
import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]


def requirement(text):
    """('name', '>=1.2') from 'name>=1.2' (pip) or 'name>=1.2' / 'name=1.2' (conda)."""
    match = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*([<>=!~].*)?$", text.split("#")[0])
    return match.group(1).lower().replace("_", "-"), (match.group(2) or "").strip()


@pytest.fixture(scope="module")
def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.fixture(scope="module")
def binder():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = {}, {}
    for item in env["dependencies"]:
        if isinstance(item, dict):
            pip.update(requirement(line) for line in item["pip"])
        else:
            conda.update([requirement(item)])
    return conda, pip


def test_every_runtime_dependency_is_in_environment_yml_with_the_same_bound(project, binder):
    conda, pip = binder
    both = {**conda, **pip}
    for line in project["dependencies"]:
        name, bound = requirement(line)
        assert name in both, f"{name} is in pyproject.toml but not in environment.yml"
        assert both[name] == bound, f"{name}: pyproject says {bound!r}, environment.yml {both[name]!r}"


def test_binder_packages_are_declared_in_pyproject(project, binder):
    conda, pip = binder
    declared = {requirement(line)[0]: requirement(line)[1]
                for line in project["dependencies"] + project["optional-dependencies"]["test"]}
    for name, bound in {**conda, **pip}.items():
        if name in ("python", "pip"):
            continue
        assert name in declared, f"environment.yml installs {name}, which pyproject.toml does not declare"
        assert declared[name] == bound, f"{name}: environment.yml says {bound!r}, pyproject {declared[name]!r}"


def test_python_version_of_binder_is_supported(project, binder):
    conda, _ = binder
    minimum = tuple(int(x) for x in project["requires-python"].lstrip(">=").split("."))
    binder_python = tuple(int(x) for x in conda["python"].lstrip("=").split("."))
    assert binder_python >= minimum


def test_apt_txt_brings_a_chinese_font():
    packages = (ROOT / "apt.txt").read_text().split()
    assert any(p.startswith(("fonts-noto-cjk", "fonts-wqy")) for p in packages)


def test_postbuild_is_executable_and_fails_loudly(tmp_path):
    post_build = ROOT / "postBuild"
    assert os.access(post_build, os.X_OK)
    assert "set -euo pipefail" in post_build.read_text()
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "python").write_text("#!/bin/sh\necho 'pip failed on purpose' >&2\nexit 3\n")
    (fake / "python").chmod(0o755)
    result = subprocess.run(["bash", str(post_build)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}", "HOME": str(tmp_path)})
    assert result.returncode != 0
    assert "pip failed on purpose" in result.stderr and "kamkit installed" not in result.stdout


def test_readme_binder_links_open_the_start_notebook_of_each_edition():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", readme)
    paths = [re.search(r"labpath=([^&)\s]+)", link).group(1) for link in links]
    assert paths[:2] == ["notebooks/00_start_here.ipynb", "notebooks/zh/00_start_here.ipynb"]
    for path in paths:
        assert (ROOT / path).is_file(), path
    assert "## 中文说明" in readme


def test_binder_installs_the_chinese_language_pack_of_jupyterlab(binder):
    conda, pip = binder
    assert "jupyterlab-language-pack-zh-cn" in {**conda, **pip}
