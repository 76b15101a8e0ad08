"""Exercise checks name known mistakes, hint, and never reveal the expected value."""

import pandas as pd
import pytest

import kamkit
from kamkit import feedback


def test_right_number_passes_within_tolerance():
    assert feedback.check_number(0.8004, 0.8, name="x")


def test_blank_answer_fails_politely():
    with pytest.raises(AssertionError, match="not answered yet"):
        feedback.check_number(..., 0.8, name="x")


def test_wrong_type_says_what_was_expected():
    with pytest.raises(AssertionError, match="should be a number, but it is DataFrame"):
        feedback.check_number(pd.DataFrame(), 0.8, name="x")
    with pytest.raises(AssertionError, match="should be a number, but it is bool"):
        feedback.check_number(True, 1, name="x")


def test_named_mistake_is_recognised_and_the_answer_is_not_revealed():
    with pytest.raises(AssertionError) as caught:
        feedback.check_number(0.6123, 0.7345, name="share",
                              mistakes=[(0.6123, "feedback.percent_not_fraction")])
    assert "percentage" in str(caught.value)
    assert "0.7345" not in str(caught.value) and "73.45" not in str(caught.value)


def test_plain_wrong_answer_gets_the_generic_hint():
    with pytest.raises(AssertionError, match=r"`share` is not right yet\. Hint: it looks like a fraction"):
        feedback.check_number(0.3, 0.4, name="share", hint="feedback.fraction_not_percent")


def test_feedback_in_chinese():
    kamkit.set_language("zh")
    with pytest.raises(AssertionError, match="还没有作答"):
        feedback.check_number(..., 1.0, name="x")


def test_choice():
    assert feedback.check_choice(" Strategic ", "strategic", name="kind", choices=["intrinsic", "strategic"])
    with pytest.raises(AssertionError, match="not the right choice yet. Hint: it looks like a fraction"):
        feedback.check_choice("intrinsic", "strategic", name="kind", choices=["intrinsic", "strategic"],
                              mistakes={"intrinsic": "feedback.fraction_not_percent"})
    with pytest.raises(AssertionError, match="should be a piece of text"):
        feedback.check_choice(3, "strategic", name="kind", choices=["strategic"])


def test_ids_counts_without_naming():
    assert feedback.check_ids(["A2", "A1"], ("A1", "A2"), name="ids")
    with pytest.raises(AssertionError) as caught:
        feedback.check_ids(["A1", "A9"], ["A1", "A2", "A3"], name="ids")
    assert "1 of the ids" in str(caught.value) and "2 ids are missing" in str(caught.value)
    assert "A2" not in str(caught.value)
    with pytest.raises(AssertionError, match="list or set of ids"):
        feedback.check_ids("A1", ["A1"], name="ids")
    with pytest.raises(AssertionError, match="Hint: it looks like a percentage"):
        feedback.check_ids(["O1"], ["A1"], name="ids", mistakes=[(["O1"], "feedback.percent_not_fraction")])


def test_table():
    frame = pd.DataFrame({"account_id": ["A1", "A2"], "revenue": [1.0, 2.0]})
    assert feedback.check_table(frame, name="t", columns=["revenue"], n_rows=2)
    with pytest.raises(AssertionError, match="should have 3 rows, but it has 2"):
        feedback.check_table(frame, name="t", n_rows=3)
    with pytest.raises(AssertionError, match="should be a table"):
        feedback.check_table([1, 2], name="t")
