"""The review as one self-contained HTML page (Jinja2; charts inline as PNG) and accounts.csv.

Why Jinja2 and not a notebook run through nbconvert: the page must come out of a 1M-line
ledger in seconds, and starting a kernel alone takes longer than the analyses; the learner who
wants a notebook to continue from has the capstone notebook 06, which runs the same functions.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from ..i18n import get_language, t

TEMPLATE = "review.html.j2"


def chart(draw) -> str:
    """``draw(ax)`` on a new figure, returned as a ``data:`` URI of a PNG (nothing to fetch)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
    try:
        draw(ax)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=110)
    finally:
        plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def charts(review) -> dict:
    """The page's charts, drawn by the course's plot functions."""
    from .. import plots

    data = review.data
    return {
        "lorenz": chart(lambda ax: plots.lorenz_plot(data["revenue"], ax=ax)),
        "pareto": chart(lambda ax: plots.pareto_chart(data["revenue"], ax=ax)),
        "concentration": chart(lambda ax: plots.concentration_plot(data["revenue"], ax=ax)),
        "survival": chart(lambda ax: plots.survival_plot(data["km"], ax=ax)),
        "p_alive": chart(lambda ax: plots.p_alive_plot(data["btyd"], data["p_alive"], ax=ax)),
    }


def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(loader=PackageLoader("kamkit.review", "templates"),
                              autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    environment.globals["t"] = t
    return environment


def render(review, report, *, source_name: str) -> str:
    """The page's HTML: figures, tables and charts of ``review``; ``report`` = data quality."""
    from .. import __version__
    from ..i18n import use_cjk_font

    if get_language() == "zh":
        use_cjk_font()
    figures = review.figures
    warned = review.accounts.sort_values("early_warning_score", ascending=False).head(10)
    pseudo = review.accounts[review.accounts["pseudo_key_account"]].head(10)
    return _environment().get_template(TEMPLATE).render(
        lang=get_language(), version=__version__, source=source_name, f=figures, report=report,
        raw_lines=int(report["lines"].sum()), charts=charts(review), pseudo=pseudo, warned=warned,
        top=review.accounts.head(25), missing=review.missing,
        tiers_text=_tiers_text(figures["tiers"]), day=lambda d: f"{d:%Y-%m-%d}")


def _tiers_text(counts) -> str:
    separator = "，" if get_language() == "zh" else ", "
    return separator.join(f"{t('label.tier.' + str(name))} {n:,}" for name, n in counts.items())


def write(review, report, out_dir, *, source_name: str) -> dict:
    """Write ``review.html`` and ``accounts.csv`` into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    page = out / "review.html"
    page.write_text(render(review, report, source_name=source_name), encoding="utf-8")
    table = out / "accounts.csv"
    review.accounts.to_csv(table, encoding="utf-8-sig")  # with a BOM: Excel opens Chinese text right
    return {"page": page, "accounts": table}
