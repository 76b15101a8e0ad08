"""`import kamkit` stays light: no matplotlib, ipywidgets, scipy or otter until they are used."""

import subprocess
import sys


def test_import_kamkit_loads_no_heavy_modules():
    code = ("import sys, kamkit; heavy = ['matplotlib', 'ipywidgets', 'scipy', 'otter', 'pandas'];"
            "print(','.join(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_loading_data_does_not_load_plotting():
    code = ("import sys, kamkit; kamkit.load_orders(); "
            "print(','.join(m for m in ['matplotlib', 'ipywidgets', 'scipy', 'otter'] if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
