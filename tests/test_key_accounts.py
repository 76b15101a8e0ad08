"""The course's one definition of key accounts and tiers (kamkit.identify.key_accounts / tiers)."""

import pandas as pd
import pytest

import kamkit
from kamkit import KamkitDataError
from kamkit import identify as I


@pytest.fixture(scope="module")
def course():
    orders, accounts = kamkit.load_orders(), kamkit.load_accounts()
    return {"orders": orders, "accounts": accounts, "summary": I.account_summary(orders, accounts=accounts)}


def test_exported_from_identify():
    for name in ("key_accounts", "tiers", "KEY_ACCOUNT_SHARE", "TIER_SHARES", "TIER_LABELS"):
        assert name in I.__all__ and hasattr(I, name)
    assert I.TIER_LABELS == kamkit.schema.TIERS == ("VIP", "major", "ordinary", "small")


def test_course_has_75_key_accounts_without_pseudo_key_accounts(course):
    keys = I.key_accounts(course["orders"], course["accounts"])
    assert len(keys) == 75 == len(set(keys))  # ceil(5 % of 1,500): module 01's top-5 % cut
    pseudo = I.pseudo_key_accounts(course["summary"]).index
    assert len(pseudo) == 4 and not set(pseudo) & set(keys)
    scorecard = I.value_scorecard(course["summary"].drop(index=pseudo))
    assert keys == list(scorecard.index[:75])  # best first


def test_summary_is_reused(course):
    assert I.key_accounts(None, summary=course["summary"]) == I.key_accounts(course["orders"], course["accounts"])
    assert I.tiers(None, summary=course["summary"]).equals(I.tiers(course["orders"]))


def test_course_tiers_are_the_pyramid_by_gross_profit(course):
    tiers = I.tiers(course["orders"])
    assert tiers.name == "tier" and list(tiers.cat.categories) == list(I.TIER_LABELS) and tiers.cat.ordered
    assert tiers.value_counts(sort=False).to_dict() == {"VIP": 15, "major": 60, "ordinary": 225, "small": 1200}
    expected = I.pyramid_tiers(course["summary"]["gross_profit"])
    assert tiers.equals(expected.reindex(tiers.index))
    keys = I.key_accounts(course["orders"], course["accounts"])
    assert (tiers.reindex(keys) != "small").all()  # no key account sits at the bottom of the pyramid


def test_a_one_order_giant_is_not_a_key_account():
    orders = pd.DataFrame({"account_id": ["A1", "A1", "A1", "A2", "A3", "A3", "A4"],
                           "order_id": ["1", "2", "3", "4", "5", "6", "7"],
                           "order_date": ["2024-01-05", "2024-04-01", "2024-09-01", "2024-06-01", "2024-02-01",
                                          "2024-08-01", "2024-12-01"],
                           "line_amount": [900.0, 800.0, 700.0, 5000.0, 300.0, 200.0, 50.0]})
    assert I.key_accounts(orders, fraction=0.25) == ["A1"]
    assert "A2" not in I.key_accounts(orders, fraction=1.0)


def test_bad_fraction():
    orders = pd.DataFrame({"account_id": ["A1"], "order_id": ["1"], "order_date": ["2024-01-05"],
                           "line_amount": [10.0]})
    with pytest.raises(KamkitDataError, match="fraction must be a share"):
        I.key_accounts(orders, fraction=5)
