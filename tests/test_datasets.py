"""Loaders, the dataset list and datasheets, from a checkout and from an installed wheel."""

import subprocess
import sys
import zipfile

import pytest

import kamkit
from kamkit import datasets
from kamkit.schema import TABLES


@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_loads_typed_with_the_schema_columns(name):
    frame = kamkit.load(name)
    assert frame.columns.tolist() == TABLES[name].names
    assert len(frame) > 0
    for column, spec in TABLES[name].columns.items():
        dtype = str(frame[column].dtype)
        expected = {"date": "datetime64", "datetime": "datetime64", "number": "float64",
                    "integer": "int", "bool": "bool", "id": "str", "text": "str", "category": "str"}[spec.kind]
        assert dtype.lower().startswith(expected) or (expected == "int" and dtype == "Int64"), (column, dtype)


def test_each_load_returns_a_fresh_copy():
    first = kamkit.load_accounts()
    first.loc[:, "account_name"] = "changed"
    assert (kamkit.load_accounts()["account_name"] != "changed").all()


def test_named_loaders_match_load():
    for name in TABLES:
        assert getattr(kamkit, f"load_{name}")().equals(kamkit.load(name))


def test_list_datasets_and_describe():
    listing = kamkit.list_datasets()
    assert listing.index.tolist() == list(TABLES)
    assert listing.loc["accounts", "rows"] == 1500
    for name in TABLES:
        sheet = kamkit.describe(name)
        missing = [c for c in TABLES[name].columns if f"`{c}`" not in sheet]
        assert not missing, f"datasheet {name}.md does not document {missing}"


def test_unknown_name_suggests_the_right_one():
    with pytest.raises(kamkit.KamkitDataError, match="did you mean 'contacts'"):
        kamkit.load("contact")


def test_planted_cases_are_listed_with_existing_accounts():
    cases = datasets.planted_cases()
    ids = set(kamkit.load_accounts()["account_id"])
    assert len(cases) >= 10
    for name, case in cases.items():
        assert case["accounts"] and set(case["accounts"]) <= ids, name


@pytest.mark.slow
def test_wheel_carries_the_data_and_loads_outside_the_checkout(tmp_path, root):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(root)], check=True)
    wheel = next((tmp_path / "dist").glob("kamkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for table in TABLES:
        assert f"kamkit/_data/{table}.csv" in names and f"kamkit/_data/{table}.md" in names
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(tmp_path / "site"), str(wheel)], check=True)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import kamkit, kamkit.datasets as d;"
            "print(d.data_dir()); print(len(kamkit.load_orders()))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "site")], cwd=tmp_path,
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0].startswith(str(tmp_path / "site")) and int(out[1]) > 10000
