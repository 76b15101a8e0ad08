"""Find a public name in any of a package's per-module files (``kamkit.plots``, ``kamkit.widgets``).

Each course module has its own file in those packages, so several modules can be written at
once without touching a shared index; ``kamkit.plots.whale_curve_plot`` is looked up on first use.
"""

from __future__ import annotations

from importlib import import_module


def public_names(module) -> list:
    """Functions and classes defined in ``module`` (not imported into it), and its CONSTANTS."""
    return [name for name, value in vars(module).items() if not name.startswith("_")
            and (getattr(value, "__module__", None) == module.__name__ or name.isupper())]


def _parts(package: str, parts):
    for part in parts:
        try:
            yield import_module(f"{package}.{part}")
        except ModuleNotFoundError as error:
            if error.name != f"{package}.{part}":
                raise


def finder(package: str, parts, namespace: dict):
    """(``__getattr__``, ``__dir__``) for ``package``, searching ``parts`` in order."""

    def __getattr__(name):
        for module in _parts(package, parts):
            if name in public_names(module):
                namespace[name] = getattr(module, name)
                return namespace[name]
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__():
        return sorted(set(namespace).union(*(public_names(m) for m in _parts(package, parts))))

    return __getattr__, __dir__
