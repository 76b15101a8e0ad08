"""Messages of module 02, the value of key accounts (大客户管理的应用价值):
errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
    # --- errors: account P&L and cost rates ------------------------------------------------
    "value.unknown_rate": (
        "there is no cost rate '{name}'. The rates are: {choices}.",
        "没有名为 '{name}' 的成本费率。可用的费率：{choices}。"),
    "value.bad_rate": (
        "the rate '{name}' must be a number of CNY of 0 or more; got {got}.",
        "费率 '{name}' 必须是大于等于 0 的金额（元）；现在是 {got}。"),
    "value.unknown_driver_accounts": (
        "the {what} has {n} account ids that are not among the accounts of the P&L ({ids}); "
        "pass the accounts table (accounts=...) or correct the ids.",
        "{what}中有 {n} 个客户编号不在损益表的客户中（{ids}）；请传入客户表（accounts=...）或更正编号。"),
    "value.missing_goods_values": (
        "column '{column}' is empty on {n} sale or return lines ({rows}); the P&L needs it on every "
        "goods line. Fill it in, or leave those lines out and say so.",
        "列 '{column}' 在 {n} 个销售或退货行上为空（{rows}）；损益表要求每个商品行都有这个值。请补上，"
        "或去掉这些行并加以说明。"),
    "value.no_accounts": (
        "there are no accounts to analyse: the profits are empty.",
        "没有可以分析的客户：利润数据是空的。"),
    "value.nonpositive_profit": (
        "the total of '{column}' is {total:,.2f}; the whale curve shows shares of a positive total "
        "profit. Check the cost rates, or look at the accounts one by one.",
        "'{column}' 的总和为 {total:,.2f}；鲸鱼曲线展示的是正的总利润的占比。请检查成本费率，或逐个查看客户。"),
    "value.missing_tiers": (
        "{n} accounts have no tier ({ids}); give every account of the table a tier.",
        "有 {n} 个客户没有层级（{ids}）；请为表中的每个客户指定层级。"),
    "value.missing_groups": (
        "{n} accounts of the order lines have no group ({ids}); give every account a group.",
        "订单行中有 {n} 个客户没有分组（{ids}）；请为每个客户指定分组。"),
    "value.unknown_accounts": (
        "{n} of the accounts asked for are not in the P&L ({ids}); use ids from its index.",
        "有 {n} 个指定的客户不在损益表中（{ids}）；请使用损益表索引中的客户编号。"),
    "value.bad_peak": (
        "the peak must be a share of total profit above 1 (e.g. 1.5 for 150 %); got {got}.",
        "峰值必须是大于 1 的总利润占比（例如 1.5 表示 150%）；现在是 {got}。"),
    "value.peak_out_of_reach": (
        "no factor on the rates gives a peak of {peak:.0f} %: without any cost-to-serve the curve already peaks at "
        "{low:.0f} %, or there is no cost-to-serve to scale.",
        "任何费率倍数都无法让峰值为 {peak:.0f}%：即使没有服务成本，曲线的峰值也已达到 {low:.0f}%，"
        "或者根本没有可以放大的服务成本。"),
    # --- errors: discounts -----------------------------------------------------------------
    "value.discount_eats_margin": (
        "a discount of {discount:.1f} % at a margin of {margin:.1f} % leaves nothing per unit sold: no "
        "extra volume can make up for it. The discount must be smaller than the margin.",
        "在 {margin:.1f}% 的毛利率下给 {discount:.1f}% 的折扣，每卖一件都不再赚钱：再多的销量也补不回来。"
        "折扣必须小于毛利率。"),
    "value.bad_elasticity": (
        "elasticity must be a number of 0 or more (extra volume in % per 1 % of discount); got {got}.",
        "elasticity 必须是大于等于 0 的数字（每 1% 折扣带来的销量增长百分比）；现在是 {got}。"),
    "value.bad_steps": (
        "steps must be a whole number of 2 or more; got {got}.",
        "steps 必须是大于等于 2 的整数；现在是 {got}。"),
    "value.bad_base_revenue": (
        "base_revenue must be a positive amount of CNY; got {got}.",
        "base_revenue 必须是正的金额（元）；现在是 {got}。"),
    # --- errors: retention -----------------------------------------------------------------
    "value.bad_retention": (
        "the retention rate must be a share from 0 to 1 (e.g. 0.8 for 80 % of customers kept a year); got {got}.",
        "客户保留率必须是 0 到 1 之间的比例（例如 0.8 表示每年留住 80% 的客户）；现在是 {got}。"),
    "value.bad_retention_below_one": (
        "each retention rate must be a share from 0 to below 1; got {got}.",
        "每个客户保留率都必须是 0 到 1（不含 1）之间的比例；现在是 {got}。"),
    "value.retention_too_high": (
        "a retention rate of {retention} with a discount rate of {rate} gives an infinite lifetime value "
        "(the formula needs retention < 1 + discount rate). Use a retention rate below 1, or a positive discount rate.",
        "客户保留率 {retention} 加上折现率 {rate} 会得到无穷大的终身价值（公式要求保留率 < 1 + 折现率）。"
        "请使用小于 1 的保留率，或正的折现率。"),
    "value.bad_years": (
        "years must be a whole number of 1 or more (or None for no limit); got {got}.",
        "years 必须是大于等于 1 的整数（None 表示不设期限）；现在是 {got}。"),
    "value.bad_year": (
        "year {got} cannot be used: it needs purchases in that year and in the year before. Years in the data: "
        "{choices}.",
        "无法使用年份 {got}：需要该年及前一年都有购买。数据中的年份：{choices}。"),
    "value.bad_market": (
        "the number of market customers must be positive and at least the number of buyers for every "
        "group; check: {groups} ({got}).",
        "每个分组的市场客户数都必须为正，且不少于购买客户数；请检查：{groups}（{got}）。"),
    # --- plot labels ------------------------------------------------------------------------
    "label.value.whale_title": ("The whale curve: who makes the profit?", "鲸鱼曲线：利润从哪里来？"),
    "label.value.account_share_profit_order": ("share of accounts, most profitable first (%)",
                                               "客户累计占比，按利润从高到低（%）"),
    "label.value.cumulative_profit_share": ("cumulative share of total profit (%)", "总利润累计占比（%）"),
    "label.value.profitable_accounts": ("profitable accounts ({n:,})", "盈利客户（{n:,}）"),
    "label.value.loss_accounts": ("loss-making accounts ({n:,})", "亏损客户（{n:,}）"),
    "label.value.total_profit_line": ("100 % = total profit", "100% = 总利润"),
    "label.value.whale_peak": ("peak: {share:.0f} % of total profit\nat {accounts:.0f} % of accounts",
                               "峰值：总利润的 {share:.0f}%\n位于 {accounts:.0f}% 的客户处"),
    "label.value.tier_title": (
        "Share of revenue and of profit by tier (pyramid by gross profit)",
        "各层级的收入占比与利润占比（按毛利划分的金字塔）"),
    "label.value.revenue_share": ("share of revenue", "收入占比"),
    "label.value.profit_share": ("share of profit", "利润占比"),
    "label.value.account_share": ("share of accounts", "客户数占比"),
    "label.value.share_of_total": ("share of the total (%)", "占总数的比例（%）"),
    "label.value.tier_tick": ("{tier} ({n:,})\nmargin {margin:.1f} %", "{tier}（{n:,}）\n利润率 {margin:.1f}%"),
    "label.value.per_100_list": ("CNY per CNY 100 of list-price revenue", "每 100 元标价收入对应的金额（元）"),
    "label.value.waterfall_title": ("Pocket-price waterfall ({n:,} accounts)", "口袋价格瀑布图（{n:,} 个客户）"),
    "label.value.waterfall_account": ("Pocket-price waterfall of {account}", "{account} 的口袋价格瀑布图"),
    "label.value.step.list_revenue": ("list-price revenue", "标价收入"),
    "label.value.step.discounts": ("− discounts (on invoice)", "− 折扣（发票内）"),
    "label.value.step.invoice_revenue": ("invoice revenue", "发票收入"),
    "label.value.step.rebates": ("− year-end rebates", "− 年终返利"),
    "label.value.step.fees": ("− listing/promotion fees", "− 进场费/促销费"),
    "label.value.step.pocket_revenue": ("pocket revenue", "口袋收入"),
    "label.value.step.cost_of_goods": ("− cost of goods", "− 商品成本"),
    "label.value.step.handling": ("− order handling", "− 订单处理"),
    "label.value.step.expedited_delivery": ("− rush deliveries", "− 加急配送"),
    "label.value.step.ticket": ("− service tickets", "− 服务工单"),
    "label.value.step.visit_hour": ("− visits", "− 拜访"),
    "label.value.step.profit": ("profit", "利润"),
    "label.value.profit_after_discount": ("profit with the discount", "打折后的利润"),
    "label.value.profit_before": ("profit without a discount", "不打折时的利润"),
    "label.value.discount_axis": ("discount off the price (%)", "价格折扣（%）"),
    "label.value.profit_money": ("profit ({unit})", "利润（{unit}）"),
    "label.value.unit.cny": ("CNY", "元"),
    "label.value.unit.thousand": ("CNY thousand", "千元"),
    "label.value.unit.million": ("CNY million", "百万元"),
    "label.value.unit.wan": ("CNY 10,000", "万元"),
    "label.value.unit.yi": ("CNY 100 million", "亿元"),
    "label.value.literature_band": ("150–250 %: peaks reported for real companies", "150%～250%：真实企业的常见峰值"),
    "label.value.rate.scale": ("all rates ×", "全部费率 ×"),
    "label.value.discount_title": ("Discount simulator: what a price cut does to profit", "折扣模拟器："
                                                                                          "降价对利润的影响"),
    "label.value.retention_axis": ("retention rate a year (%)", "年客户保留率（%）"),
    "label.value.clv_money": ("customer lifetime value ({unit})", "客户终身价值（{unit}）"),
    "label.value.clv_title": ("Lifetime value and the cost of keeping or winning customers",
                              "客户终身价值，以及留住与开发客户的成本"),
    "label.value.keep": ("keep customers\nwho would leave", "留住\n要流失的客户"),
    "label.value.win": ("win new\ncustomers", "开发\n新客户"),
    "label.value.net_value_money": ("value − budget ({unit})", "价值 − 预算（{unit}）"),
    "label.value.budget_title": ("winning costs {ratio:.1f}× keeping", "开发成本 = {ratio:.1f} × 维持成本"),
    "label.value.clv_by_retention": ("Lifetime value against retention", "客户终身价值与保留率"),
    "label.value.group_title": ("Share of accounts and of revenue, spend per order", "客户数占比、收入占比与每单消费"),
    "label.value.per_order": ("{amount:,.0f} per order", "每单 {amount:,.0f}"),
    "label.value.member": ("members", "会员"),
    "label.value.non_member": ("non-members", "非会员"),
    # --- explorers ---------------------------------------------------------------------------
    "label.value.rate.order": ("CNY per order", "每笔订单（元）"),
    "label.value.rate.order_line": ("CNY per order line", "每个订单行（元）"),
    "label.value.rate.expedited_delivery": ("CNY per rush delivery", "每次加急配送（元）"),
    "label.value.rate.ticket": ("CNY per ticket", "每张工单（元）"),
    "label.value.rate.visit_hour": ("CNY per visit hour", "每拜访小时（元）"),
    "label.value.cost_explorer_title": ("Cost-to-serve rates and the whale curve", "服务成本费率与鲸鱼曲线"),
    "label.value.cost_summary": (
        "With these rates the cost-to-serve takes {ratio:.1f} % of gross profit; {losers:,} of {n:,} accounts "
        "({pct:.1f} %) lose money; the whale curve peaks at {peak:.1f} % of total profit.",
        "按这组费率，服务成本占毛利的 {ratio:.1f}%；{n:,} 个客户中有 {losers:,} 个（{pct:.1f}%）亏损；"
        "鲸鱼曲线的峰值为总利润的 {peak:.1f}%。"),
    "label.value.cost_summary_no_profit": (
        "With these rates the cost-to-serve takes {ratio:.1f} % of gross profit: the company as a whole loses money, "
        "and the whale curve has no peak to show.",
        "按这组费率，服务成本占毛利的 {ratio:.1f}%：公司整体亏损，鲸鱼曲线没有峰值可言。"),
    "label.value.discount_slider": ("discount", "折扣"),
    "label.value.elasticity_slider": ("extra volume % per 1 % off", "每降价 1% 的销量增长 %"),
    "label.value.margin_slider": ("margin before the cut", "降价前毛利率"),
    "label.value.discount_summary": (
        "A {d:.0f} % discount brings {gained:.0f} % more volume but needs {needed:.0f} % to break even: profit "
        "changes by {change:+.1f} %.",
        "{d:.0f}% 的折扣带来 {gained:.0f}% 的销量增长，但要保本需要增长 {needed:.0f}%：利润变化 {change:+.1f}%。"),
    "label.value.discount_summary_no_margin": (
        "A {d:.0f} % discount at a {m:.0f} % margin leaves nothing per unit: every extra sale loses money.",
        "在 {m:.0f}% 的毛利率下打 {d:.0f}% 的折扣，每件都不再赚钱：多卖一件就多亏一件。"),
    "label.value.retention_slider": ("retention a year", "年客户保留率"),
    "label.value.discount_rate_slider": ("discount rate", "折现率"),
    "label.value.cost_ratio_slider": ("new customer costs × a kept one", "开发新客户成本为维持老客户的倍数"),
    "label.value.retention_summary": (
        "At {r:.0f} % retention a customer is worth CNY {clv:,.0f}; CNY {budget:,.0f} keeps {kept:,.0f} customers who "
        "would leave or wins {won:,.1f} new ones: {better} pays more.",
        "保留率 {r:.0f}% 时一个客户价值 {clv:,.0f} 元；{budget:,.0f} 元可以留住 {kept:,.0f} 个要流失的客户，或开发 "
        "{won:,.1f} 个新客户：{better}更划算。"),
    "label.value.retention": ("keeping", "留住老客户"),
    "label.value.acquisition": ("winning new customers", "开发新客户"),
    "label.value.equal": ("either way", "两者一样"),
    # --- terms of module 02 -------------------------------------------------------------------
    "term.account_pnl": ("account P&L (customer profitability)", "客户损益（客户盈利能力）"),
    "term.time_driven_abc": ("time-driven activity-based costing", "时间驱动作业成本法"),
    "term.whale_curve": ("whale curve (Stobachoff curve)", "鲸鱼曲线（客户利润累计曲线）"),
    "term.loss_making_account": ("loss-making account", "亏损客户"),
    "term.volume_not_profit": ("misconception: key accounts for volume, small accounts for profit",
                               "误区：大客户营销获量，中小客户营销获利"),
    "term.preferential_policy": ("misconception: the more preferential policy, the better", "误区：优惠政策越多越好"),
    "term.contribution_margin": ("contribution margin", "边际贡献率（毛利率）"),
    "term.discount_break_even": ("break-even volume of a discount", "降价的盈亏平衡销量"),
    "term.pocket_price_waterfall": ("pocket-price waterfall", "口袋价格瀑布"),
    "term.rebate": ("year-end rebate", "年终返利"),
    "term.customer_lifetime_value": ("customer lifetime value (CLV)", "客户终身价值"),
    "term.retention_rate": ("retention rate", "客户保留率"),
    "term.acquisition_vs_retention": ("one new customer costs as much as five kept (an assumption)",
                                      "开发一个新客户的成本相当于维持五个老客户（一种假设）"),
    "term.membership_marketing": ("membership marketing (the Herborist case)", "会员制营销（佰草集案例）"),
    "term.loyal_key_account": ("loyal key account", "忠诚的大客户"),
}
