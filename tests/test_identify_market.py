"""Module 01, second edition: the price trait, customer share (markets table), ledger profiles, the pyramid."""

import math

import pytest

import kamkit
from kamkit import identify


@pytest.fixture(scope="module")
def orders():
    return kamkit.load_orders()


@pytest.fixture(scope="module")
def accounts():
    return kamkit.load_accounts()


def test_discount_taken_is_the_list_value_weighted_discount(orders):
    taken = identify.discount_taken(orders)
    sales = orders[orders["line_type"] == "sale"]
    one = sales[sales["account_id"] == "A0277"]
    expected = 1 - (one["quantity"] * one["net_price"]).sum() / (one["quantity"] * one["list_price"]).sum()
    assert taken.loc["A0277", "discount_rate"] == pytest.approx(expected, abs=1e-6)
    assert taken["discount_rate"].between(0, 1).all()
    assert set(taken.index) == set(sales["account_id"])


def test_price_trait_in_big_small_comparison_is_reversed(orders, accounts):
    """Key accounts take the deeper discount: the notebook's prose says so."""
    summary = identify.account_summary(orders, accounts=accounts).join(identify.discount_taken(orders))
    traits = identify.big_small_traits(summary, identify.key_accounts(orders, accounts, summary=summary))
    ratio = traits.set_index("trait")["ratio"]
    assert "discount_rate" in ratio.index and ratio["discount_rate"] > 1
    assert ratio["orders_per_year"] > 1 and ratio["revenue_per_order"] > 1 and ratio["gap_cv"] < 1


def test_markets_table_covers_every_region_and_industry(accounts):
    markets = kamkit.load_markets()
    assert len(markets) == accounts["region"].nunique() * accounts["industry"].nunique()
    ours = accounts.groupby(["region", "industry"]).size()
    merged = markets.set_index(["region", "industry"]).join(ours.rename("ours"))
    assert (merged["businesses"] >= merged["ours"]).all()
    wallet = accounts.groupby(["region", "industry"])["category_spend_estimate"].sum()
    assert (merged["category_spend"] >= wallet.reindex(merged.index)).all()


def test_customer_share_counts_businesses_not_money(orders, accounts):
    markets = kamkit.load_markets()
    shares = identify.customer_share(markets, orders, accounts, year=2025)
    sales = orders[orders["line_type"] == "sale"]
    buyers = sales.loc[sales["order_date"].dt.year == 2025, "account_id"].nunique()
    assert shares["customers"].sum() == buyers
    assert shares.attrs["customer_share"] == pytest.approx(buyers / markets["businesses"].sum())
    assert shares["customer_share"].between(0, 1).all()
    # the notebook's contrast: a deep share of wallet, a small customer share
    assert shares.attrs["share_of_wallet"] > 3 * shares.attrs["customer_share"]
    by_both = identify.customer_share(markets, orders, accounts, year=2025, by=["region", "industry"])
    assert len(by_both) == len(markets)
    assert by_both.attrs == shares.attrs


def test_customer_share_rejects_a_year_without_sales(orders, accounts):
    with pytest.raises(kamkit.KamkitDataError):
        identify.customer_share(kamkit.load_markets(), orders, accounts, year=1999)


def test_concentration_profiles_side_by_side(orders):
    summary = identify.account_summary(orders)
    revenue = identify.revenue_by_account(orders)
    profiles = identify.concentration_profiles({"course": (revenue, summary)})
    assert profiles.loc["accounts", "course"] == 1500
    assert profiles.loc["top20_share", "course"] == pytest.approx(identify.top_share(revenue, 0.2))
    assert profiles.loc["pseudo_key_accounts", "course"] == 4
    assert profiles.loc["years_of_data", "course"] == pytest.approx(3.0, abs=0.05)


def test_pyramid_plot_band_width_is_share_of_accounts(orders):
    import matplotlib.pyplot as plt

    summary = identify.account_summary(orders)
    tiers = identify.tiers(orders, summary=summary)
    ax = kamkit.plots.pyramid_plot(tiers, summary["gross_profit"])
    widths = sorted(round(p.get_width(), 4) for p in ax.patches)
    shares = tiers.value_counts(normalize=True).round(4).tolist()
    assert all(any(math.isclose(w, s, abs_tol=1e-4) for w in widths) for s in shares)
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "gross profit" in texts
    plt.close(ax.figure)
