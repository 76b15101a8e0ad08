"""Answers cross the sandbox wall as plain JSON: encoded inside, decoded with checked types outside.

:func:`encode` runs in the sandbox, after the student's cells: it turns each answer variable
into JSON made of tagged values (numbers, text, containers, numpy arrays and scalars, pandas
Series, DataFrames and indexes, dates). Anything else — an object of a class the student
wrote, a function, a module — is refused with its type name, and that question scores 0.

:func:`decode` runs in the grader's check process. It trusts nothing: the text is bounded,
the nesting is bounded, every tag, dtype and shape is checked, and only data objects are
built (no ``pickle``, no ``eval``, no import by name). Whatever the sandbox sends, the worst
outcome is an answer that fails its checks.

>>> import numpy as np, pandas as pd
>>> frame = pd.DataFrame({"a": [1, 2], "b": [0.5, None], "c": ["x", "y"]}, index=["p", "q"])
>>> back = loads(dumps({"t": frame, "n": np.float64(2.5), "s": {1, 2}}))
>>> back["t"].equals(frame), back["n"], back["s"]
(True, np.float64(2.5), {1, 2})
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re

__all__ = ["MAX_BYTES", "AnswerRefused", "decode", "dumps", "encode", "encode_all", "loads"]

MAX_BYTES = 64 * 2**20  # the whole answer message
MAX_DEPTH = 24
MAX_TEXT = 2**20  # one string
_DTYPE = re.compile(r"(bool|u?int(8|16|32|64)|float(16|32|64)|complex(64|128)|object|str|string|category|"
                    r"Int(8|16|32|64)|UInt(8|16|32|64)|Float(32|64)|boolean|"
                    r"datetime64\[(s|ms|us|ns)(, [A-Za-z0-9_/+\-]{1,40})?\]|timedelta64\[(s|ms|us|ns)\])")


class AnswerRefused(ValueError):
    """An answer that cannot cross the wall; ``kind`` names its type."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


# --- inside the sandbox ---------------------------------------------------------------------

def _float(value: float):
    return value if math.isfinite(value) else {"~": "float", "v": repr(value)}


def encode(value, depth: int = 0):
    """JSON-able form of ``value``; raises :class:`AnswerRefused` for anything that is not data."""
    import numpy as np
    import pandas as pd

    if depth > MAX_DEPTH:
        raise AnswerRefused("too deeply nested value")
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if value is ...:
        return {"~": "..."}
    if kind is int:
        return value if abs(value) < 2**63 else {"~": "bigint", "v": str(value)}
    if kind is float:
        return _float(value)
    if kind in (list, tuple, set, frozenset):
        items = [encode(v, depth + 1) for v in value]
        return items if kind is list else {"~": kind.__name__, "v": items}
    if kind is dict:
        return {"~": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if kind is complex:
        return {"~": "complex", "v": [_float(value.real), _float(value.imag)]}
    if isinstance(value, np.generic) and kind.__module__ == "numpy":
        return {"~": "np", "d": str(value.dtype), "v": _array_values(np.asarray(value).reshape(1), depth)[0]}
    if kind is np.ndarray:
        return {"~": "ndarray", "d": str(value.dtype), "s": list(value.shape),
                "v": _array_values(value.reshape(-1), depth)}
    if kind is pd.Timestamp or kind is dt.datetime:
        return {"~": "timestamp" if kind is pd.Timestamp else "datetime", "v": value.isoformat()}
    if kind is dt.date:
        return {"~": "date", "v": value.isoformat()}
    if kind in (pd.Timedelta, dt.timedelta):
        return {"~": "timedelta", "v": pd.Timedelta(value).value}
    if value is pd.NaT:
        return {"~": "NaT"}
    if value is pd.NA:
        return {"~": "NA"}
    if kind is pd.Series:
        return {"~": "series", "name": encode(value.name, depth + 1), "index": encode(value.index, depth + 1),
                **_column(value, depth)}
    if kind is pd.DataFrame:
        if not value.columns.is_unique:
            raise AnswerRefused("DataFrame with repeated column names")
        return {"~": "frame", "columns": encode(value.columns, depth + 1), "index": encode(value.index, depth + 1),
                "data": [_column(value.iloc[:, i], depth) for i in range(value.shape[1])]}
    if isinstance(value, pd.MultiIndex) and kind is pd.MultiIndex:
        return {"~": "multiindex", "names": [encode(n, depth + 1) for n in value.names],
                "levels": [_column(pd.Series(value.get_level_values(i)), depth) for i in range(value.nlevels)]}
    if kind is pd.RangeIndex:
        return {"~": "range", "v": [value.start, value.stop, value.step], "name": encode(value.name, depth + 1)}
    if isinstance(value, pd.Index) and kind.__module__.split(".")[0] == "pandas":
        return {"~": "index", "name": encode(value.name, depth + 1), **_column(pd.Series(value), depth)}
    raise AnswerRefused(kind.__name__)


def _array_values(array, depth: int) -> list:
    import numpy as np

    kind = array.dtype.kind
    if kind in "biu":
        return array.tolist()
    if kind == "f":
        return [_float(v) for v in array.tolist()]
    if kind == "c":
        return [[_float(v.real), _float(v.imag)] for v in array.tolist()]
    if kind in "mM":
        return array.view(np.int64).tolist()
    if kind == "U":
        return array.tolist()
    if kind == "O":
        return [encode(v, depth + 1) for v in array.tolist()]
    raise AnswerRefused(f"array of {array.dtype}")


def _column(series, depth: int) -> dict:
    """The dtype and values of one column (or Series, or Index as a Series)."""
    import pandas as pd

    dtype = series.dtype
    name = str(dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        return {"d": "category", "ordered": bool(dtype.ordered), "categories": encode(dtype.categories, depth + 1),
                "v": series.cat.codes.to_numpy().tolist()}
    if name in ("str", "string", "boolean") or name[:1] in ("I", "U", "F"):  # nullable extension dtypes
        return {"d": name, "v": [None if pd.isna(v) else encode(_plain(v), depth + 1)
                                 for v in series.to_numpy(dtype=object)]}
    if not _DTYPE.fullmatch(name):
        raise AnswerRefused(f"column of {name}")
    if name.startswith("datetime64") and "," in name:
        return {"d": name, "v": series.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy().view("int64").tolist()}
    return {"d": name, "v": _array_values(series.to_numpy(), depth)}


def _plain(value):
    import numpy as np

    return value.item() if isinstance(value, np.generic) else value


def encode_all(namespace: dict, names) -> tuple[dict, dict]:
    """(answers, refused): each name found in ``namespace`` encoded, or refused with its type name."""
    saved, refused = {}, {}
    for name in names:
        if name not in namespace:
            continue
        try:
            saved[name] = encode(namespace[name])
        except AnswerRefused as error:
            refused[name] = error.kind[:80]
        except Exception as error:  # noqa: BLE001 - a value that breaks while being read is refused
            refused[name] = type(error).__name__[:80]
    return saved, refused


def dumps(value) -> str:
    """JSON text of one value (what :func:`decode` reads back), for tests and doctests."""
    return json.dumps(encode(value), allow_nan=False)


# --- outside: decoding with checked types ---------------------------------------------------

class _Bad(ValueError):
    pass


def loads(text):
    """The value :func:`dumps` encoded, from untrusted JSON text."""
    if len(text) > MAX_BYTES:
        raise _Bad("answer too large")
    return decode(json.loads(text))


def decode(value):
    """The value :func:`encode` encoded, from an untrusted, already parsed JSON value."""
    return _decode(value, 0)


def _want(condition, what="malformed answer"):
    if not condition:
        raise _Bad(what)


def _num(value):
    if type(value) is dict and value.get("~") == "float":
        _want(value.get("v") in ("nan", "inf", "-inf"))
        return float(value["v"])
    _want(type(value) in (int, float) and not isinstance(value, bool))
    return float(value) if type(value) is float else value


def _decode(value, depth: int):
    import numpy as np
    import pandas as pd

    _want(depth <= MAX_DEPTH + 2, "too deeply nested answer")
    kind = type(value)
    if value is None or kind in (bool, int, float):
        return value
    if kind is str:
        _want(len(value) <= MAX_TEXT, "text too long")
        return value
    if kind is list:
        return [_decode(v, depth + 1) for v in value]
    _want(kind is dict and type(value.get("~")) is str)
    tag, inner = value["~"], value.get("v")
    if tag == "float":
        return _num(value)
    if tag == "bigint":
        _want(type(inner) is str and len(inner) < 400 and re.fullmatch(r"-?\d+", inner) is not None)
        return int(inner)
    if tag in ("tuple", "set", "frozenset"):
        _want(type(inner) is list)
        items = [_decode(v, depth + 1) for v in inner]
        return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
    if tag == "dict":
        _want(type(inner) is list and all(type(p) is list and len(p) == 2 for p in inner))
        return {_decode(k, depth + 1): _decode(v, depth + 1) for k, v in inner}
    if tag == "complex":
        _want(type(inner) is list and len(inner) == 2)
        return complex(_num(inner[0]), _num(inner[1]))
    if tag == "np":
        return _array(value.get("d"), [inner], depth)[0]
    if tag == "ndarray":
        shape = value.get("s")
        _want(type(shape) is list and len(shape) <= 8 and all(type(n) is int and n >= 0 for n in shape))
        array = _array(value.get("d"), inner, depth)
        _want(int(np.prod(shape)) == len(array), "array shape does not match")
        return array.reshape(shape)
    if tag in ("timestamp", "datetime", "date"):
        _want(type(inner) is str and len(inner) < 64)
        return {"timestamp": pd.Timestamp, "datetime": dt.datetime.fromisoformat,
                "date": dt.date.fromisoformat}[tag](inner)
    if tag == "timedelta":
        _want(type(inner) is int)
        return pd.Timedelta(inner)
    if tag == "...":
        return ...
    if tag == "NaT":
        return pd.NaT
    if tag == "NA":
        return pd.NA
    if tag == "range":
        _want(type(inner) is list and len(inner) == 3 and all(type(n) is int for n in inner) and inner[2] != 0)
        return pd.RangeIndex(*inner, name=_name(value.get("name"), depth))
    if tag == "index":
        return pd.Index(_series(value, depth), name=_name(value.get("name"), depth))
    if tag == "multiindex":
        levels, names = value.get("levels"), value.get("names")
        _want(type(levels) is list and type(names) is list and len(levels) == len(names) and 0 < len(levels) <= 16)
        arrays = [_series(level, depth) for level in levels]
        return pd.MultiIndex.from_arrays(arrays, names=[_name(n, depth) for n in names])
    if tag == "series":
        index = _decode(value.get("index"), depth + 1)
        _want(isinstance(index, pd.Index))
        series = _series(value, depth)
        _want(len(series) == len(index), "series length does not match its index")
        series.index = index
        series.name = _name(value.get("name"), depth)
        return series
    if tag == "frame":
        columns, index = _decode(value.get("columns"), depth + 1), _decode(value.get("index"), depth + 1)
        data = value.get("data")
        _want(isinstance(columns, pd.Index) and isinstance(index, pd.Index) and type(data) is list
              and len(data) == len(columns) and columns.is_unique)
        parts = [_series(column, depth) for column in data]
        _want(all(len(p) == len(index) for p in parts), "column length does not match the index")
        frame = pd.concat(parts, axis=1, keys=range(len(parts))) if parts else pd.DataFrame(index=range(len(index)))
        frame.columns, frame.index = columns, index
        return frame
    raise _Bad(f"unknown answer tag {tag[:20]!r}")


def _name(value, depth):
    name = _decode(value, depth + 1)
    _want(name is None or type(name) in (str, int, float, bool, tuple), "bad name")
    return name


def _array(dtype, values, depth):
    import numpy as np

    _want(type(dtype) is str and _DTYPE.fullmatch(dtype) is not None or (type(dtype) is str and re.fullmatch(
        r"<U\d{1,6}", dtype) is not None), "dtype not accepted")
    _want(type(values) is list)
    numpy_dtype = np.dtype(dtype if not dtype.startswith("<U") else "str")
    kind = numpy_dtype.kind
    if kind in "biu":
        _want(all(type(v) in (int, bool) for v in values))
        return np.array(values, dtype=numpy_dtype)
    if kind == "f":
        return np.array([_num(v) for v in values], dtype=numpy_dtype)
    if kind == "c":
        _want(all(type(v) is list and len(v) == 2 for v in values))
        return np.array([complex(_num(a), _num(b)) for a, b in values], dtype=numpy_dtype)
    if kind in "mM":
        _want(all(type(v) is int for v in values))
        return np.array(values, dtype="int64").view(numpy_dtype)
    if kind == "U":
        _want(all(type(v) is str and len(v) <= MAX_TEXT for v in values))
        return np.array(values, dtype=str)
    if kind == "O":
        array = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            array[i] = _decode(v, depth + 1)
        return array
    raise _Bad("dtype not accepted")


def _series(column, depth):
    """A Series (default index) from one encoded column: dtype, values."""
    import pandas as pd

    _want(type(column) is dict)
    dtype, values = column.get("d"), column.get("v")
    _want(type(dtype) is str and _DTYPE.fullmatch(dtype) is not None and type(values) is list, "dtype not accepted")
    if dtype == "category":
        categories = _decode(column.get("categories"), depth + 1)
        _want(isinstance(categories, pd.Index) and all(type(c) is int and -1 <= c < len(categories) for c in values))
        return pd.Series(pd.Categorical.from_codes(values, categories=categories, ordered=bool(column.get("ordered"))))
    if dtype in ("str", "string", "boolean") or dtype[:1] in ("I", "U", "F"):
        items = [None if v is None else _decode(v, depth + 1) for v in values]
        _want(all(v is None or type(v) in (str, int, float, bool) for v in items))
        return pd.Series(items, dtype=dtype)
    if dtype.startswith("datetime64") and "," in dtype:
        naive = _array(dtype.split(",")[0] + "]", values, depth)
        return pd.Series(naive).dt.tz_localize("UTC").dt.tz_convert(dtype.split(", ")[1].rstrip("]"))
    return pd.Series(_array(dtype, values, depth))
