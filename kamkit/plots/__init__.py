"""Charts of the course, each ``f(data, ..., ax=None) -> Axes`` (matplotlib).

Labels and titles come from the message catalogue, so they follow
:func:`kamkit.set_language`; with Chinese selected an installed CJK font is used.
One file per course module; everything is available as ``kamkit.plots.<name>``.
"""

from importlib import import_module

#: One file per course module; ``kamkit.plots.<name>`` finds a public name in any of them.
MODULES = ("base", "identify", "value", "contact", "service", "defection")


def _public(module):
    """Functions and classes defined in ``module`` (not imported into it), and its CONSTANTS."""
    return [name for name, value in vars(module).items() if not name.startswith("_")
            and (getattr(value, "__module__", None) == module.__name__ or name.isupper())]


def __getattr__(name):
    for part in MODULES:
        try:
            module = import_module(f"{__name__}.{part}")
        except ModuleNotFoundError as error:
            if error.name == f"{__name__}.{part}":
                continue
            raise
        if name in _public(module):
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    names = set(globals())
    for part in MODULES:
        try:
            names.update(_public(import_module(f"{__name__}.{part}")))
        except ModuleNotFoundError:
            pass
    return sorted(names)
