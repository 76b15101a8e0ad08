"""Messages of module 01, who is a key account (谁是大客户): errors, labels, feedback."""

MESSAGES = {
    # --- values per account (concentration, ranking) --------------------------------------
    "identify.no_accounts": (
        "there are no accounts to analyse: the values are empty.",
        "没有可以分析的客户：数值是空的。"),
    "identify.negative_values": (
        "'{column}' has {n} negative values ({rows}); shares of a total need values of 0 or more. "
        "Leave those accounts out, or analyse them separately.",
        "'{column}' 有 {n} 个负值（{rows}）；计算占总数的比例需要非负的值。请把这些客户去掉，或单独分析。"),
    "identify.repeated_accounts": (
        "'{column}' should hold one value per account, but {n} ids repeat ({rows}); add the values "
        "up per account first (e.g. with revenue_by_account).",
        "'{column}' 应该每个客户一个值，但有 {n} 个编号重复（{rows}）；请先按客户汇总（例如用 revenue_by_account）。"),
    "identify.nonpositive_total": (
        "the total of '{column}' is {total:,.2f}; shares of a total need a positive total.",
        "'{column}' 的总和为 {total:,.2f}；计算占比需要总和为正。"),
    "identify.bad_count": (
        "{name} must be a whole number from 1 to {high} (the number of accounts); got {got}.",
        "{name} 必须是 1 到 {high}（客户数）之间的整数；现在是 {got}。"),
    "identify.bad_cuts": (
        "cuts must be two shares with 0 < A cut < B cut <= 1, e.g. (0.8, 0.95); got {got}.",
        "cuts 必须是两个比例，且 0 < A 类分界 < B 类分界 <= 1，例如 (0.8, 0.95)；现在是 {got}。"),
    "identify.bad_pyramid": (
        "the pyramid needs positive shares that add up to less than 1 and one label more than "
        "shares, all different (the last tier takes the rest); got shares {shares} and labels {labels}.",
        "客户金字塔需要若干个正的比例（总和小于 1），标签比比例多一个且互不相同（最后一层是其余客户）；"
        "现在的比例是 {shares}，标签是 {labels}。"),
    # --- scorecard and rankings ------------------------------------------------------------
    "identify.unknown_indicator": (
        "'{name}' is not a numeric column of the summary, so it cannot be an indicator. "
        "Valid indicators: {choices}.",
        "'{name}' 不是汇总表中的数值列，不能作为指标。可用的指标：{choices}。"),
    "identify.bad_weights": (
        "weights must be numbers of 0 or more, not all 0; got {got}.",
        "权重必须是大于等于 0 的数字，且不能全为 0；现在是 {got}。"),
    "identify.bad_max_orders": (
        "max_orders must be a whole number of 0 or more; got {got}.",
        "max_orders 必须是大于等于 0 的整数；现在是 {got}。"),
    "identify.reason.one_order": (
        "one order only (worth {amount:,.0f}), no repeat purchase",
        "只有一笔订单（金额 {amount:,.0f}），没有复购"),
    "identify.reason.few_orders": (
        "only {n} orders (worth {amount:,.0f} in all), hardly any repeat purchase",
        "只有 {n} 笔订单（共计 {amount:,.0f}），几乎没有复购"),
    "identify.reason.dominant_order": (
        "one order is {pct:.0f} % of its revenue",
        "一笔订单占其收入的 {pct:.0f}%"),
    "identify.bad_bins": (
        "bins must be a whole number from 2 to 9; got {got}.",
        "bins 必须是 2 到 9 之间的整数；现在是 {got}。"),
    # --- order lines -----------------------------------------------------------------------
    "identify.no_sales": (
        "the orders table has no sale lines to analyse (lines whose '{column}' is 'sale').",
        "订单表中没有可以分析的销售行（'{column}' 为 'sale' 的行）。"),
    "identify.no_sales_before_end": (
        "no sale line is dated on or before the end date {end}.",
        "在截止日期 {end} 当天或之前没有任何销售行。"),
    "identify.after_end": (
        "order lines dated after the end date",
        "日期晚于截止日期的订单行"),
    # --- traits, wallet, potential ---------------------------------------------------------
    "identify.unknown_accounts": (
        "{n} of the key accounts are not in the summary ({ids}); use ids from its index.",
        "有 {n} 个大客户不在汇总表中（{ids}）；请使用汇总表索引中的客户编号。"),
    "identify.no_comparison": (
        "the key accounts must be some, but not all, of the {n} accounts of the summary so that "
        "there is a group to compare with; got {k}.",
        "大客户必须是汇总表 {n} 个客户中的一部分（不能为零，也不能是全部），才有可比较的另一组；现在是 {k} 个。"),
    "identify.missing_accounts": (
        "{n} accounts of the summary are missing from the accounts table ({ids}); each needs a '{column}'.",
        "汇总表中有 {n} 个客户不在客户表里（{ids}）；每个客户都需要 '{column}'。"),
    "identify.bad_years": (
        "years must be a number greater than 0; got {got}.",
        "years 必须是大于 0 的数字；现在是 {got}。"),
    "identify.negative_threshold": (
        "{name} must be a number of 0 or more; got {got}.",
        "{name} 必须是大于等于 0 的数字；现在是 {got}。"),
    "identify.no_headroom": (
        "{n} accounts of the revenue have no row in the headroom table ({ids}); compute "
        "wallet_headroom for every account you rank.",
        "收入中有 {n} 个客户在潜力表中没有对应的行（{ids}）；请为参与排名的每个客户计算 wallet_headroom。"),
    # --- periods ---------------------------------------------------------------------------
    "identify.bad_freq": (
        "freq {got} is not a period length pandas knows; use 'YE' (years), 'QE' (quarters) or 'ME' (months).",
        "freq {got} 不是 pandas 认识的周期；请用 'YE'（年）、'QE'（季度）或 'ME'（月）。"),
    "identify.unknown_period": (
        "there is no period {got} in the tiers table. Its periods are: {choices}.",
        "分层表中没有周期 {got}。现有的周期：{choices}。"),
    # --- labels ----------------------------------------------------------------------------
    "identify.type.intrinsic": ("intrinsic value", "内在价值型"),
    "identify.type.extrinsic": ("extrinsic value", "外在价值型"),
    "identify.type.strategic": ("strategic value", "战略价值型"),
    "identify.trait.orders_per_year": ("orders per year (frequency)", "每年订单数（购买频率）"),
    "identify.trait.revenue_per_order": ("revenue per order (volume)", "每单收入（购买量）"),
    "identify.trait.gap_cv": ("irregularity of order gaps (CV)", "订单间隔的不规律程度（变异系数）"),
    "identify.trait.tickets_per_year": ("service tickets per year (service demand)", "每年服务工单数（服务需求）"),
    "identify.trait.relationship_years": ("years of relationship", "合作年限"),
    "identify.trait.contacts": ("contacts (management complexity)", "联系人数（管理复杂度）"),
}
