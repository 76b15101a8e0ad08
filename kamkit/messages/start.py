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
        "rebate and fee lines are money paid back to or charged by the account, not revenue for goods sold.",
        "返利（rebate）行和费用（fee）行是我们返还给客户或被客户收取的钱，不是卖货的收入。"),
    "nb00.mistake.all_years": (
        "that is the revenue of all three years; keep only the order lines dated in 2024.",
        "这是三年的总收入；请只保留 2024 年的订单行。"),
    "nb00.mistake.returns": (
        "returned goods reduce revenue: keep the 'return' lines (their amounts are negative).",
        "退货会冲减收入：请把 return 行也算进去（它们的金额是负数）。"),
    "nb00.mistake.list_price": (
        "list price times quantity is what the goods would fetch without discounts; revenue is "
        "what accounts really pay: the line_amount.",
        "目录价（list_price）乘以数量是不打折时的金额；收入是客户实际支付的金额，即 line_amount。"),
    "nb00.hint.revenue.idea": (
        "revenue counts only what accounts paid for goods, and only in the year asked: decide which "
        "order lines are that.",
        "收入只算客户为货物实际支付的钱，而且只算题目问的那一年：先想清楚哪些订单行符合这两点。"),
    "nb00.hint.revenue.method": (
        "filter the order lines twice — by the year of order_date and by line_type (sales and returns) — "
        "then add up line_amount.",
        "对订单行做两次筛选：一次按 order_date 的年份，一次按 line_type（销售和退货），然后把 line_amount 加总。"),
    "nb00.hint.revenue.where": (
        "kamkit.describe(\"orders\") explains line_type and line_amount; the cell with "
        "orders[\"line_type\"].value_counts() above shows the four kinds of line.",
        "kamkit.describe(\"orders\") 解释了 line_type 和 line_amount；上面运行 "
        "orders[\"line_type\"].value_counts() 的单元格列出了四种订单行。"),
    "nb00.mistake.accounts_table": (
        "the accounts table has one row per company; the people who decide are listed in "
        "another table, each with a buying role.",
        "accounts 表每家公司一行；拍板的人记录在另一张表里，每个人都标有采购角色。"),
    "nb00.mistake.opportunities_table": (
        "opportunities are deals, not people; look for the table that lists people and their roles.",
        "opportunities 表记录的是商机（一笔笔生意），不是人；请找列出人员及其角色的那张表。"),
    "nb00.hint.tables.idea": (
        "the one who signs (拍板的人) is a person with a role in the account's buying centre.",
        "拍板的人是一个具体的人，在客户的采购中心里担任一个角色。"),
    "nb00.hint.tables.method": (
        "look for the table whose rows are people, with a column that says each one's buying role.",
        "找一张每行是一个人的表，其中有一列写明每个人的采购角色。"),
    "nb00.hint.tables.where": (
        "kamkit.list_datasets() lists the ten tables; kamkit.describe(name) shows a table's columns.",
        "kamkit.list_datasets() 列出十张表；kamkit.describe(表名) 显示一张表有哪些列。"),
    "nb00.ledger_size": (
        "{lines:,} order lines from {accounts:,} accounts, {first:%Y-%m-%d} to {last:%Y-%m-%d}.",
        "{first:%Y-%m-%d} 至 {last:%Y-%m-%d}，共有 {lines:,} 条订单行，来自 {accounts:,} 个客户。"),
    "nb00.top_share": (
        "The top 20 % of accounts ({n} of {total}) bring {share:.1%} of revenue.",
        "收入最高的 20% 客户（{total} 个客户中的 {n} 个）带来了 {share:.1%} 的收入。"),
    "nb00.table.accounts": ("One row per business customer (account) of the course company.",
                            "案例公司的企业客户，每个客户一行。"),
    "nb00.table.products": ("The product catalogue.", "产品目录。"),
    "nb00.table.markets": ("The market: businesses using our category, per region and industry (for customer share).",
                           "市场：各地区、各行业使用该品类的企业数（用于计算客户占有率）。"),
    "nb00.table.field_checks": ("Field checks: where distributors' goods were found, and at what resale price.",
                                "市场巡查：经销商的货在哪里被发现、以什么价格转售。"),
    "nb00.table.orders": ("Order lines: one row per product line of an order, plus returns, rebates and fees.",
                          "订单明细：订单上的每种产品一行，另有退货、返利和费用行。"),
    "nb00.table.contacts": ("People at the accounts: the buying centre.", "客户公司里的联系人：采购中心的成员。"),
    "nb00.table.visits": ("Sales and service visits to accounts.", "对客户的销售拜访和服务拜访。"),
    "nb00.table.opportunities": (
        "Sales opportunities through the five-step cycle (find, break through, hold, defend).",
        "销售商机，按大客户营销五部曲（找、攻、守、防）记录进展。"),
    "nb00.table.tickets": ("Service tickets: requests and complaints.", "服务工单：客户的请求和投诉。"),
    "nb00.table.survey_responses": ("Satisfaction survey: one row per respondent.", "满意度调查：每位受访者一行。"),
    "nb00.table.survey_scores": (
        "Satisfaction survey: expectation, perception and importance per SERVQUAL dimension.",
        "满意度调查：按 SERVQUAL 各维度记录的期望、感知和重要性得分。"),
    "nb00.table.invoices": ("Invoices and their payment.", "发票及其回款情况。"),
}
