"""Exercise checks name known mistakes, hint, and never reveal the expected value."""

import pandas as pd
import pytest
from otter.test_files.exception_test import ExceptionTestFile, test_case

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
    with pytest.raises(feedback.CheckFailed, match=r"`share` is not right yet\. Hint: it looks like a fraction"):
        feedback.check_number(0.3, 0.4, name="share", hint="feedback.fraction_not_percent")


def test_feedback_in_chinese():
    kamkit.set_language("zh")
    with pytest.raises(AssertionError, match="还没有作答"):
        feedback.check_number(..., 1.0, name="x")


def test_choice():
    assert feedback.check_choice(" Strategic ", "strategic", name="kind", choices=["intrinsic", "strategic"])
    with pytest.raises(AssertionError, match="not the right choice yet. Likely mistake: it looks like a fraction"):
        feedback.check_choice("intrinsic", "strategic", name="kind", choices=["intrinsic", "strategic"],
                              mistakes={"intrinsic": "feedback.fraction_not_percent"})
    with pytest.raises(AssertionError, match="should be a piece of text"):
        feedback.check_choice(3, "strategic", name="kind", choices=["strategic"])


def test_ids_counts_without_naming():
    assert feedback.check_ids(["A2", "A1"], ("A1", "A2"), name="ids")
    with pytest.raises(AssertionError) as caught:
        feedback.check_ids(["A1", "A9"], ["A1", "A2", "A3"], name="ids")
    assert "1 of its ids do not belong there; 2 are missing" in str(caught.value)
    assert "A2" not in str(caught.value)
    with pytest.raises(AssertionError, match="list or set of ids"):
        feedback.check_ids("A1", ["A1"], name="ids")
    with pytest.raises(AssertionError, match="Likely mistake: it looks like a percentage"):
        feedback.check_ids(["O1"], ["A1"], name="ids", mistakes=[(["O1"], "feedback.percent_not_fraction")])


def test_table():
    frame = pd.DataFrame({"account_id": ["A1", "A2"], "revenue": [1.0, 2.0]})
    assert feedback.check_table(frame, name="t", columns=["revenue"], n_rows=2)
    with pytest.raises(AssertionError, match="should have 3 rows, but it has 2"):
        feedback.check_table(frame, name="t", n_rows=3)
    with pytest.raises(AssertionError, match="should be a table"):
        feedback.check_table([1, 2], name="t")


@pytest.fixture(autouse=True)
def fresh_steps():
    feedback.reset_hints()
    yield
    feedback.reset_hints()


def test_check_failed_carries_name_and_mistake_key():
    with pytest.raises(feedback.CheckFailed) as caught:
        feedback.check_number(3.0, 0.03, name="share")
    assert isinstance(caught.value, AssertionError)
    assert (caught.value.name, caught.value.key, caught.value.step) == ("share", "feedback.percent_not_fraction", 1)
    with pytest.raises(feedback.CheckFailed) as caught:
        feedback.check_ids(["A1"], ["A2"], name="ids")
    assert caught.value.key is None


def _failures(n, **kwargs):
    messages = []
    for _ in range(n):
        with pytest.raises(feedback.CheckFailed) as caught:
            feedback.check_number(**kwargs)
        messages.append(caught.value)
    return messages


def test_hints_come_in_steps_and_the_last_one_stays():
    hints = feedback.steps("feedback.example")
    failures = _failures(4, answer=1, expected=2, name="n", hint=hints)
    assert [f.hint_key for f in failures] == list(hints) + [hints[-1]]
    assert [f.step for f in failures] == [1, 2, 3, 4]
    assert "Hint 2 of 3" in str(failures[1]) and "Hint 3 of 3" in str(failures[3])


def test_a_named_mistake_is_the_first_step_then_the_method_follows():
    hints = feedback.steps("feedback.example")
    failures = _failures(2, answer=7, expected=2, name="m", mistakes=[(7, "feedback.percent_not_fraction")],
                         hint=hints)
    assert failures[0].hint_key is None and "Likely mistake" in str(failures[0])
    assert failures[1].hint_key == hints[1] and "Likely mistake" in str(failures[1])


def test_hint_steps_in_chinese():
    kamkit.set_language("zh")
    failures = _failures(2, answer=1, expected=2, name="n", hint=feedback.steps("feedback.example"))
    assert str(failures[0]) == "`n` 还不对。提示：先想清楚哪些行应该计入，再去计数。"
    assert "提示（2/3）" in str(failures[1])


def _otter_test(*bodies, name="q1"):
    cases = [test_case(name=f"{name} - {i}", points=1)(body).to_dataclass() for i, body in enumerate(bodies)]
    return ExceptionTestFile(name, f"{name}.py", cases)


def _revenue_test(revenue):
    from kamkit.feedback import check_number

    expected = 1234.5  # noqa: F841 - must never be shown
    check_number(revenue, 1234.5, name="revenue", mistakes=[(2469.0, "feedback.percent_not_fraction")])


def test_otter_shows_the_learners_message_and_no_test_code():
    from kamkit.otter_wording import install

    install()
    test = _otter_test(_revenue_test, _revenue_test)
    test.run({"revenue": 2469.0})
    for shown in (test.summary(), repr(test), test._repr_html_()):
        assert "Likely mistake" in shown
        assert "check_number" not in shown and "1234.5" not in shown and "Error at line" not in shown
        assert "Test case failed" not in shown and "results" not in shown
    assert repr(test).count("Likely mistake") == 1  # the same message of two test cases, once
    assert feedback._state["failures"]["revenue"][1] == 1  # one check run = one hint step
    test.run({"revenue": 1234.5})
    assert repr(test) == "✅ q1 passed!"


def test_otter_words_in_chinese_and_other_errors_hide_their_text():
    from kamkit.otter_wording import install

    install()
    kamkit.set_language("zh")

    def crashing(revenue):
        raise KeyError("the secret column")

    test = _otter_test(crashing)
    test.run({"revenue": 1})
    assert repr(test).startswith("❌ q1 还没有通过。")
    assert "secret" not in repr(test) and "KeyError" in repr(test)
    test.run({"revenue": 1})
    test = _otter_test(_revenue_test)
    test.run({"revenue": 1234.5})
    assert repr(test) == "✅ q1 通过！"
