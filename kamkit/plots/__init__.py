"""Charts of the course, each ``f(data, ..., ax=None) -> Axes`` (matplotlib).

Labels and titles come from the message catalogue, so they follow
:func:`kamkit.set_language`; with Chinese selected an installed CJK font is used.
One file per course module; everything is available as ``kamkit.plots.<name>``.
"""

from .._lookup import finder, public_names as _public

#: One file per course module; ``kamkit.plots.<name>`` finds a public name in any of them.
MODULES = ("base", "identify", "value", "contact", "service", "defection")

__getattr__, __dir__ = finder(__name__, MODULES, globals())
