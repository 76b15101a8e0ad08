"""Messages of notebook 01: plot labels, explorer summaries, exercise feedback."""

MESSAGES = {
    # --- plot labels ----------------------------------------------------------------------
    "label.equality": ("line of equality (every account the same)", "绝对平均线（每个客户一样大）"),
    "label.lorenz": ("Lorenz curve (Gini {gini:.2f})", "洛伦兹曲线（基尼系数 {gini:.2f}）"),
    "label.lorenz_title": ("How unequal is revenue across accounts?", "客户之间的收入有多不均衡？"),
    "label.account_share_smallest": ("share of accounts, smallest first (%)", "客户累计占比，从小到大（%）"),
    "label.account_share_largest": ("share of accounts, largest first (%)", "客户累计占比，从大到小（%）"),
    "label.cumulative_revenue_share": ("cumulative share of revenue (%)", "收入累计占比（%）"),
    "label.pareto_title": ("Pareto chart with ABC classes", "帕累托图与 ABC 分类"),
    "label.abc_class": ("{label}: {n:,} accounts, {share:.1f} % of revenue",
                        "{label} 类：{n:,} 个客户，占收入 {share:.1f}%"),
    "label.abc_summary_part": ("{label}: {n:,} accounts bring {share:.1f} % of revenue",
                               "{label} 类 {n:,} 个客户带来 {share:.1f}% 的收入"),
    "label.a_cut": ("A class up to", "A 类截止于"),
    "label.b_cut": ("B class up to", "B 类截止于"),
    "label.scorecard_title": ("Scorecard against revenue: who is a key account?",
                              "计分卡与收入对比：谁是大客户？"),
    "label.stays": ("in both top lists ({n})", "两份名单都在（{n}）"),
    "label.enters": ("enters with the scorecard ({n})", "按计分卡新进入（{n}）"),
    "label.leaves": ("leaves: revenue only ({n})", "只按收入才入选（{n}）"),
    "label.revenue_cny_log": ("revenue (CNY, log scale)", "收入（元，对数刻度）"),
    "label.score": ("scorecard score (0-100)", "计分卡得分（0-100）"),
    "label.scorecard_summary": (
        "With these weights, {entered} of the top {n} accounts differ from the top {n} by revenue alone.",
        "按这组权重，前 {n} 名中有 {entered} 个客户与只按收入排名的前 {n} 名不同。"),
    "label.weight.revenue": ("weight: revenue", "权重：收入"),
    "label.weight.gross_profit": ("weight: gross profit", "权重：毛利"),
    "label.weight.orders_per_year": ("weight: orders a year", "权重：年订单数"),
    "label.weight.relationship_years": ("weight: years as customer", "权重：合作年限"),
    "label.accounts": ("accounts", "客户"),
    "label.pseudo_flagged": ("flagged as pseudo key accounts ({n})", "被标记为伪大客户（{n}）"),
    "label.examined_above": ("accounts examined: the top by revenue, above this line",
                             "被考察的客户：收入排名靠前、位于此线之上"),
    "label.pseudo_title": ("One big order is not a key account", "一笔大订单不等于大客户"),
    "label.orders_log": ("orders in three years (log scale)", "三年订单数（对数刻度）"),
    "label.pseudo_summary": ("{n} accounts flagged among the top {top:,} by revenue: {ids}.",
                             "收入前 {top:,} 名中有 {n} 个客户被标记：{ids}。"),
    "label.top_fraction": ("look at the top (share of accounts)", "考察收入前（客户比例）"),
    "label.max_orders": ("at most this many orders", "订单数不超过"),
    "label.dominant_share": ("or one order at least (share)", "或单笔订单占比至少"),
    "label.pyramid_title": ("The customer pyramid by gross profit", "按毛利划分的客户金字塔"),
    "label.pyramid_band": ("{tier}: {accounts:,} accounts ({account_share:.0f} %), {value_share:.0f} % of profit",
                           "{tier}：{accounts:,} 个客户（{account_share:.0f}%），毛利占 {value_share:.0f}%"),
    "label.tier.VIP": ("VIP", "VIP 客户"),
    "label.tier.major": ("major", "主要客户"),
    "label.tier.ordinary": ("ordinary", "普通客户"),
    "label.tier.small": ("small", "小客户"),
    "label.rank_agreement_title": ("Do the indicators agree? (rank correlation)", "各指标的排名一致吗？（等级相关）"),
    "label.overlap_title": ("Share of the top-50 lists in common", "前 50 名名单的重合比例"),
    "label.indicator.revenue": ("revenue", "收入"),
    "label.indicator.gross_profit": ("gross profit", "毛利"),
    "label.indicator.orders_per_year": ("orders a year", "年订单数"),
    "label.indicator.relationship_years": ("years as customer", "合作年限"),
    "label.indicator.score": ("scorecard", "计分卡"),
    # --- terms of module 01 ---------------------------------------------------------------
    "term.abc_classes": ("ABC classification", "ABC 分类"),
    "term.lorenz_curve": ("Lorenz curve", "洛伦兹曲线"),
    "term.gini": ("Gini coefficient", "基尼系数"),
    "term.intrinsic_value": ("intrinsic-value key account", "内在价值型大客户"),
    "term.extrinsic_value": ("extrinsic-value key account", "外在价值型大客户"),
    "term.strategic_value": ("strategic-value key account", "战略价值型大客户"),
    "term.grab_big_let_go_small": ("grab the big, let go of the small", "抓大放小"),
    "term.customer_file": ("customer file, tracked over time", "客户档案，长期跟踪"),
    "term.rfm": ("RFM (recency, frequency, monetary value)", "RFM（最近购买、购买频率、购买金额）"),
    # --- exercise feedback ----------------------------------------------------------------
    "nb01.mistake.ranked_lines": (
        "you ranked order lines, not accounts: add up each account's lines first, then rank the accounts.",
        "你排序的是订单行，不是客户：先把每个客户的订单行加总，再给客户排序。"),
    "nb01.mistake.ranked_orders": (
        "you ranked orders, not accounts: one account places many orders; add them up per account first.",
        "你排序的是订单，不是客户：一个客户会下很多订单；先按客户加总。"),
    "nb01.hint.biggest": (
        "group the sale and return lines by account_id, sum line_amount, and take the largest.",
        "把销售和退货行按 account_id 分组，加总 line_amount，取最大的客户。"),
    "nb01.mistake.top_20_accounts": (
        "that is the share of the top 20 accounts; the rule speaks of the top 20 % of accounts.",
        "这是前 20 个客户的占比；二八法则说的是前 20% 的客户。"),
    "nb01.hint.top20": (
        "sort revenue per account from largest to smallest, keep the first 20 % of accounts and divide their sum by "
        "the total.",
        "把客户收入从大到小排序，取前 20% 的客户，用他们的收入之和除以总收入。"),
    "nb01.mistake.gini_lines": (
        "that is the Gini coefficient of order-line amounts; the question is about revenue per account.",
        "这是订单行金额的基尼系数；题目问的是每个客户收入的基尼系数。"),
    "nb01.hint.gini": ("use kamkit.identify.gini on the revenue per account (sales net of returns).",
                       "对每个客户的收入（销售减退货）使用 kamkit.identify.gini。"),
    "nb01.mistake.a_is_top_20": (
        "the A class is not 'the top 20 %': it is the accounts that together bring the first 80 % of revenue.",
        "A 类不是“前 20% 的客户”：而是合计带来前 80% 收入的那些客户。"),
    "nb01.hint.abc": ("count the accounts that kamkit.identify.abc_classes puts in class 'A' with cuts (0.8, 0.95).",
                      "用 kamkit.identify.abc_classes（切分点 0.8、0.95）分类，数一数 'A' 类客户。"),
    "nb01.mistake.reversed_difference": (
        "that is the other way round: those are in the top 50 by gross profit but not by revenue.",
        "方向反了：这些客户在毛利前 50 名里，却不在收入前 50 名里。"),
    "nb01.mistake.intersection": (
        "those accounts are in both lists; the question asks for the ones a revenue ranking alone would wrongly call "
        "key accounts.",
        "这些客户在两份名单里都有；题目要找的是只看收入才会被误当作大客户的那些。"),
    "nb01.hint.single_indicator": (
        "take the top 50 ids by revenue and the top 50 by gross_profit, and keep those only in the first list.",
        "取收入前 50 名和毛利前 50 名的编号，保留只在第一份名单里的。"),
    "nb01.mistake.all_one_order": (
        "a one-off small buyer is not a pseudo KEY account: look only at the top 5 % of accounts by revenue.",
        "一次性的小买家不是伪“大”客户：只看收入前 5% 的客户。"),
    "nb01.mistake.machine_buyers": (
        "buying a machine is not the problem: many key accounts buy machines. The sign is buying nothing else.",
        "买机器本身没有问题：许多大客户都买机器。问题在于除此之外什么也不买。"),
    "nb01.hint.pseudo": (
        "among the top 5 % of accounts by revenue, keep those with a single order.",
        "在收入前 5% 的客户中，找出只下过一次订单的。"),
    "nb01.mistake.type_intrinsic": (
        "intrinsic-value accounts use what they buy themselves and want a lower cost; check this account's "
        "business_model.",
        "内在价值型客户自己使用所购产品、追求更低成本；请查看这个客户的 business_model。"),
    "nb01.mistake.type_extrinsic": (
        "extrinsic-value accounts sell our products on; check this account's business_model.",
        "外在价值型客户把我们的产品转卖出去；请查看这个客户的 business_model。"),
    "nb01.hint.types": (
        "read the account's business_model: end_user, distributor or oem_partner, and match it to the three kinds.",
        "查看客户的 business_model（end_user、distributor 或 oem_partner），对应到三种类型。"),
    "nb01.mistake.spend_not_wallet": (
        "that is what the C-class accounts spend with us today; their potential is their whole category spend (the "
        "wallet).",
        "这是 C 类客户现在在我们这里的花费；他们的潜力是整个品类的花费（钱包）。"),
    "nb01.mistake.three_years_spend": (
        "that is three years of spend with us; the question asks for the yearly wallet.",
        "这是三年在我们这里的花费；题目问的是每年的钱包规模。"),
    "nb01.hint.wallet": (
        "select the accounts of class 'C' and add up their category_spend_estimate from the accounts table.",
        "选出 'C' 类客户，把客户表中的 category_spend_estimate 加总。"),
}
