"""Explorers that stay visible where no kernel runs (GitHub, nbviewer): a static chart beside each.

An explorer is a live widget: a saved notebook shows it only with a running kernel. When the
build executes a solution notebook it keeps the widget state (nbclient's
``store_widget_state``); :func:`add_explorer_images` finds, for each cell that displays a
widget, the chart it holds (a PNG ``ipywidgets.Image``, as kamkit's explorers draw, or the
last image of an ``Output`` widget) and adds it to the cell as a plain ``image/png`` output,
then drops the bulky widget state. The added output has no text, so nbval (which
skips images) compares the cell as before.
"""

from __future__ import annotations

import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_MODEL = re.compile(r"IPY_MODEL_([0-9a-f]+)")


def _descendants(model_id: str, state: dict) -> list[str]:
    """``model_id`` and every model its state refers to, depth first."""
    seen, stack = [], [model_id]
    while stack:
        current = stack.pop()
        if current in seen or current not in state:
            continue
        seen.append(current)
        stack.extend(reversed(_MODEL.findall(str(state[current].get("state", {})))))
    return seen


def _png(model: dict) -> str | None:
    if model.get("model_name") == "ImageModel" and model.get("state", {}).get("format", "png") == "png":
        for buffer in model.get("buffers", []):
            if buffer.get("path") == ["value"] and buffer.get("encoding") == "base64":
                return buffer["data"]
    if model.get("model_name") == "OutputModel":
        pngs = [out["data"]["image/png"] for out in model.get("state", {}).get("outputs", [])
                if "image/png" in out.get("data", {})]
        return pngs[-1] if pngs else None
    return None


def widget_images(model_id: str, state: dict) -> list[str]:
    """The base64 PNGs shown by the image and output widgets under ``model_id``."""
    return [png for png in (_png(state[m]) for m in _descendants(model_id, state)) if png]


def add_explorer_images(nb) -> int:
    """Add each widget cell's charts as static ``image/png`` outputs; return how many were added."""
    from nbformat import from_dict

    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    added = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        views = [out["data"][WIDGET_VIEW]["model_id"] for out in cell.get("outputs", [])
                 if WIDGET_VIEW in out.get("data", {})]
        for model_id in views:
            for png in widget_images(model_id, state):
                cell.outputs.append(from_dict({"output_type": "display_data", "data": {"image/png": png},
                                               "metadata": {"kamkit": {"static_explorer_image": True}}}))
                added += 1
    nb.metadata.pop("widgets", None)
    return added
