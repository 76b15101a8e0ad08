"""Messages of notebook 00 (start here) and its explorer."""

MESSAGES = {
    "label.accounts_ranked": ("accounts, largest first", "客户（从大到小排列）"),
    "label.share_of_revenue": ("share of total revenue (%)", "占总收入的比例（%）"),
    "label.revenue_cny": ("revenue (CNY)", "收入（元）"),
    "label.top_n_accounts": ("number of top accounts", "头部客户数量"),
    "label.top_share_title": ("How much of revenue do the biggest accounts bring?",
                              "最大的客户带来多少收入？"),
    "label.top_share_summary": (
        "The top {n:,} of {total:,} accounts ({pct_accounts:.1f} % of accounts) bring "
        "{pct_revenue:.1f} % of revenue.",
        "{total:,} 个客户中最大的 {n:,} 个（占客户数的 {pct_accounts:.1f}%）带来了 {pct_revenue:.1f}% 的收入。"),
    "label.list_separator": ("; ", "；"),
    "label.sentence_end": (".", "。"),
    "label.top_n": ("top accounts", "头部客户数"),
    "label.other_accounts": ("all other accounts", "其余客户"),
    "label.top_accounts": ("top accounts", "头部客户"),
    # --- notebook 00 ----------------------------------------------------------------------
    "nb00.mistake.rebates_fees": (
        "rebate and fee lines are money paid back to or charged by the account, not revenue: "
        "keep only line_type 'sale' and 'return'.",
        "返利（rebate）和费用（fee）行是返还给客户或客户收取的钱，不是收入：只保留 line_type 为 "
        "'sale' 和 'return' 的行。"),
    "nb00.mistake.all_years": (
        "that is the revenue of all three years; keep only the order lines dated in 2024.",
        "这是三年的总收入；只保留 2024 年的订单行。"),
    "nb00.mistake.returns": (
        "returned goods reduce revenue: keep the 'return' lines (their amounts are negative).",
        "退货会减少收入：请保留 'return' 行（它们的金额是负数）。"),
    "nb00.mistake.list_price": (
        "list price times quantity is what the goods would fetch without discounts; revenue is "
        "what accounts really pay: the line_amount.",
        "目录价乘以数量是不打折时的金额；收入是客户实际支付的金额，即 line_amount。"),
    "nb00.hint.revenue": (
        "keep the order lines of 2024 whose line_type is 'sale' or 'return', then add up line_amount.",
        "保留 2024 年 line_type 为 'sale' 或 'return' 的订单行，再把 line_amount 加总。"),
    "nb00.mistake.accounts_table": (
        "the accounts table has one row per company; the people who decide are listed in "
        "another table, each with a buying role.",
        "客户表每家公司一行；做决定的人记录在另一张表里，每人都有采购角色。"),
    "nb00.mistake.opportunities_table": (
        "opportunities are deals, not people; look for the table that lists people and their roles.",
        "商机是交易而不是人；请找列出人员及其角色的表。"),
    "nb00.hint.tables": (
        "the person who signs (拍板的人) is a buying-centre role: which table has a buying_role column?",
        "拍板的人是采购中心里的一个角色：哪张表有 buying_role 列？"),
}
