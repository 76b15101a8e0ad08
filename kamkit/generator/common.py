"""Small helpers shared by the generator modules: seeded streams and identifiers."""

from __future__ import annotations

import zlib

import numpy as np


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per generator step, so that changing one table's
    generation leaves the others' random draws unchanged."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def make_ids(prefix: str, numbers, width: int) -> np.ndarray:
    """Identifiers such as 'V000017' for ``numbers`` (zero-padded to ``width`` digits)."""
    digits = np.char.zfill(np.asarray(numbers, dtype=np.int64).astype(str), width)
    return np.char.add(prefix, digits).astype(object)


def sequential_ids(prefix: str, count: int, min_width: int) -> np.ndarray:
    """'prefix' + 1..count, at least ``min_width`` digits wide."""
    return make_ids(prefix, np.arange(1, count + 1), max(min_width, len(str(count))))
