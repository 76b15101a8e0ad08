"""Interactive explorers: sliders and toggles over a pure function, a plot and a summary line.

Each explorer is a thin shell: it wires controls to a pure function (unit-tested without a
browser) and a plot function, and writes a one-line text summary of the result beside the
plot (the summary also serves screen readers). One file per course module.
"""

from .._lookup import finder, public_names as _public

#: One file per course module; ``kamkit.widgets.<name>`` finds a public name in any of them.
MODULES = ("base", "identify", "value", "contact", "service", "defection")

__getattr__, __dir__ = finder(__name__, MODULES, globals())
