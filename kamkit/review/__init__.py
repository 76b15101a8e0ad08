"""`kamkit review`: the course's key-account review of any ledger, as one page and one table.

>>> import kamkit, tempfile
>>> from kamkit.review import prepare_ledger, review_ledger, write
>>> lines, report = prepare_ledger(kamkit.load_orders())
>>> review = review_ledger(lines)
>>> with tempfile.TemporaryDirectory() as folder:
...     sorted(path.name for path in write(review, report, folder, source_name="orders").values())
['accounts.csv', 'review.html']
"""

from .analyses import STEPS, Review, review_ledger
from .ledger import capstone_ledger, load_ledger, prepare_ledger
from .page import render, write

__all__ = ["STEPS", "Review", "capstone_ledger", "load_ledger", "prepare_ledger", "render", "review_ledger", "write"]
