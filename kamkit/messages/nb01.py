"""Sentences of notebook 01 (who is a key account): what its cells print and its exercise feedback.

Hints come in steps (``<prefix>.idea``, ``.method``, ``.where``; see :func:`kamkit.feedback.steps`).
"""

MESSAGES = {
    # --- what the cells print ---------------------------------------------------------------
    "nb01.traits": (
        "Against the median of the other accounts, the median of the {n} key accounts orders {frequency:.1f} times "
        "as often, spends {per_order:.1f} times as much per order, and takes {discount:.1f} times the discount.",
        "与其他客户的中位数相比，{n} 个大客户的中位数下单频率是其 {frequency:.1f} 倍，每单金额是其 "
        "{per_order:.1f} 倍，拿到的折扣是其 {discount:.1f} 倍。"),
    "nb01.overlap": (
        "Of the top 50 accounts by revenue, {profit:.0%} are also in the top 50 by gross profit and {frequency:.0%} "
        "in the top 50 by orders a year.",
        "收入前 50 名的客户中，{profit:.0%} 也在毛利前 50 名里，{frequency:.0%} 也在年订单数前 50 名里。"),
    "nb01.rank_correlation": (
        "Over all accounts, revenue and gross profit have a rank correlation of {profit:.2f}, yet only {overlap:.0%} "
        "of their top-50 lists agree; revenue and orders a year: {frequency:.2f}.",
        "在全部客户上，收入与毛利的等级相关系数为 {profit:.2f}，但两份前 50 名名单只有 {overlap:.0%} 重合；"
        "收入与年订单数的等级相关系数为 {frequency:.2f}。"),
    "nb01.key_accounts": (
        "The course's key accounts: the top {n} accounts by the scorecard, pseudo key accounts left out. The "
        "{flagged} pseudo key accounts are all in the top {revenue_rank} by revenue, yet the best of them ranks "
        "{score_rank} by the scorecard: order frequency and years as a customer already push them down.",
        "本课程的大客户：按计分卡排名前 {n} 的客户，去掉伪大客户。{flagged} 个伪大客户按收入都排在第 "
        "{revenue_rank} 名以内，按计分卡最高却只排第 {score_rank} 名：购买频率和合作年限已经把它们排到了后面。"),
    "nb01.untapped": (
        "{n} small accounts have a wallet of at least CNY 1 million a year and spend less than 1/20 of it with us.",
        "有 {n} 个小客户每年的钱包至少 100 万元，而在我们这里的花费不到其 1/20。"),
    "nb01.c_spend": (
        "Class C ({n:,} accounts) spends CNY {spend:,.0f} a year with us, out of a yearly wallet of "
        "CNY {wallet:,.0f}.",
        "C 类客户（{n:,} 个）每年在我们这里花费 {spend:,.0f} 元，而他们每年的钱包合计 {wallet:,.0f} 元。"),
    "nb01.risers": (
        "{n} accounts were class C or not yet buying in {first} and are class A in {last}.",
        "有 {n} 个客户在 {first} 年属于 C 类或尚未购买，到 {last} 年成为 A 类。"),
    "nb01.shares": (
        "In 2025: customer share {customer_share:.1%} (of the businesses that use the category, the share that "
        "buy from us); share of wallet {share_of_wallet:.1%} (of our customers' category spend, the share that "
        "comes to us); market share {market_share:.1%}.",
        "2025 年：客户占有率 {customer_share:.1%}（使用该品类的企业中向我们购买的比例）；钱包份额 "
        "{share_of_wallet:.1%}（我们客户的品类花费中花在我们这里的比例）；市场占有率 {market_share:.1%}。"),
    "nb01.real_ledger": (
        "UCI Online Retail: {customers:,} customers with positive revenue; the top 20 % bring {top20:.1%} of "
        "revenue (course company {course_top20:.1%}); Gini {gini:.2f} (course company {course_gini:.2f}); "
        "{flagged} customers flagged as pseudo key accounts.",
        "UCI Online Retail：收入为正的客户 {customers:,} 个；前 20% 的客户带来 {top20:.1%} 的收入（课程公司为 "
        "{course_top20:.1%}）；基尼系数 {gini:.2f}（课程公司为 {course_gini:.2f}）；"
        "{flagged} 个客户被标记为伪大客户。"),
    # --- q1 biggest account -------------------------------------------------------------------
    "nb01.mistake.ranked_lines": (
        "you ranked order lines, not accounts: add up each account's lines first, then rank the accounts.",
        "你排序的是订单行，不是客户：先把每个客户的订单行加总，再给客户排序。"),
    "nb01.mistake.ranked_orders": (
        "you ranked orders, not accounts: one account places many orders; add them up per account first.",
        "你排序的是订单，不是客户：一个客户会下很多订单；先按客户加总。"),
    "nb01.hint.biggest.idea": (
        "an account's revenue is the sum of all its sale lines less its returns; rank accounts, not lines.",
        "客户的收入是它全部销售行之和减去退货；要给客户排序，而不是给订单行排序。"),
    "nb01.hint.biggest.method": (
        "keep the 'sale' and 'return' lines, group them by account_id, sum line_amount, and take the id of the "
        "largest total.",
        "保留 'sale' 和 'return' 行，按 account_id 分组，加总 line_amount，取总额最大的客户编号。"),
    "nb01.hint.biggest.where": (
        "pandas: Series.idxmax gives the index of the largest value; kamkit.identify.revenue_by_account shows "
        "the same sum.",
        "pandas 的 Series.idxmax 返回最大值的索引；kamkit.identify.revenue_by_account 做的是同样的加总。"),
    # --- q2 top 20 % -----------------------------------------------------------------------------
    "nb01.mistake.top_20_accounts": (
        "that is the share of the top 20 accounts; the rule speaks of the top 20 % of accounts.",
        "这是前 20 个客户的占比；二八法则说的是前 20% 的客户。"),
    "nb01.hint.top20.idea": (
        "rank accounts by revenue, keep the first fifth of them, and compare their revenue with the total.",
        "按收入给客户排序，取排在前五分之一的客户，把他们的收入与总收入相比。"),
    "nb01.hint.top20.method": (
        "sort revenue per account from largest to smallest, keep the first 20 % of accounts (round the count up) "
        "and divide their sum by the total.",
        "把客户收入从大到小排序，取前 20% 的客户（客户数向上取整），用他们的收入之和除以总收入。"),
    "nb01.hint.top20.where": ("kamkit.identify.top_share does this for a fraction of accounts.",
                              "kamkit.identify.top_share 可以按客户比例计算这一占比。"),
    # --- q3 Gini ---------------------------------------------------------------------------------
    "nb01.mistake.gini_lines": (
        "that is the Gini coefficient of order-line amounts; the question is about revenue per account.",
        "这是订单行金额的基尼系数；题目问的是每个客户收入的基尼系数。"),
    "nb01.hint.gini.idea": (
        "the Gini coefficient is computed over accounts: one value per account, its revenue.",
        "基尼系数是在客户之间计算的：每个客户一个数，即它的收入。"),
    "nb01.hint.gini.method": (
        "start from the revenue per account (sales net of returns), not from the order lines.",
        "从每个客户的收入（销售减退货）出发，而不是从订单行出发。"),
    "nb01.hint.gini.where": ("kamkit.identify.gini takes one value per account.",
                             "kamkit.identify.gini 的输入是每个客户一个数。"),
    # --- q4 ABC ----------------------------------------------------------------------------------
    "nb01.mistake.a_is_top_20": (
        "the A class is not 'the top 20 %': it is the accounts that together bring the first 80 % of revenue.",
        "A 类不是“前 20% 的客户”：而是合计带来前 80% 收入的那些客户。"),
    "nb01.hint.abc.idea": (
        "class A is cut by cumulative share of revenue, not by share of accounts.",
        "A 类是按收入累计占比切分的，而不是按客户数量比例。"),
    "nb01.hint.abc.method": (
        "rank accounts by revenue and count those that together bring the first 80 % of it.",
        "按收入给客户排序，数一数合计带来前 80% 收入的客户有多少个。"),
    "nb01.hint.abc.where": ("kamkit.identify.abc_classes with cuts (0.8, 0.95) labels each account A, B or C.",
                            "kamkit.identify.abc_classes（切分点 0.8、0.95）给每个客户标上 A、B 或 C。"),
    # --- q5 single indicator ------------------------------------------------------------------
    "nb01.mistake.reversed_difference": (
        "that is the other way round: those are in the top 50 by gross profit but not by revenue.",
        "方向反了：这些客户在毛利前 50 名里，却不在收入前 50 名里。"),
    "nb01.mistake.intersection": (
        "those accounts are in both lists; the question asks for the ones a revenue ranking alone would wrongly "
        "call key accounts.",
        "这些客户在两份名单里都有；题目要找的是只看收入才会被误当作大客户的那些。"),
    "nb01.hint.single_indicator.idea": (
        "make two top-50 lists, one per indicator, and keep what only the revenue list has.",
        "列出两份前 50 名名单，每个指标一份，保留只在收入名单里出现的客户。"),
    "nb01.hint.single_indicator.method": (
        "a set difference: the ids of the revenue list minus the ids of the gross-profit list.",
        "用集合的差：收入名单的编号减去毛利名单的编号。"),
    "nb01.hint.single_indicator.where": (
        "kamkit.identify.key_account_list(summary[column], 50) gives a top-50 list.",
        "kamkit.identify.key_account_list(summary[列名], 50) 给出前 50 名名单。"),
    # --- q6 rank correlation ------------------------------------------------------------------
    "nb01.mistake.pearson_not_rank": (
        "that is the ordinary (Pearson) correlation of the values; a rank correlation correlates the accounts' "
        "ranks, so that a few huge accounts do not decide it.",
        "这是数值本身的普通（皮尔逊）相关系数；等级相关比较的是客户的名次，这样少数特别大的客户就不能单独决定结果。"),
    "nb01.mistake.correlation_top_only": (
        "you correlated only the top 50 accounts; the question asks about all accounts of summary.",
        "你只计算了前 50 名客户；题目要求的是 summary 中的全部客户。"),
    "nb01.mistake.wrong_pair": (
        "that is revenue against gross profit; the question pairs revenue with orders a year.",
        "这是收入与毛利之间的相关；题目要求的是收入与年订单数。"),
    "nb01.hint.rank_correlation.idea": (
        "rank every account by revenue and by orders a year, then ask how closely the two rankings agree.",
        "按收入和按年订单数分别给每个客户排名，再看两份排名有多一致。"),
    "nb01.hint.rank_correlation.method": (
        "Spearman's rho is the ordinary correlation of the two columns of ranks, over all accounts.",
        "斯皮尔曼 ρ 就是在全部客户上，两列名次之间的普通相关系数。"),
    "nb01.hint.rank_correlation.where": (
        "pandas: Series.corr takes a method argument; kamkit.identify.ranking_disagreement shows an example.",
        "pandas 的 Series.corr 有一个 method 参数；kamkit.identify.ranking_disagreement 中有示例。"),
    # --- q7 pseudo key accounts ---------------------------------------------------------------
    "nb01.mistake.all_one_order": (
        "a one-off small buyer is not a pseudo KEY account: look only at the top 5 % of accounts by revenue.",
        "一次性的小买家不是伪“大”客户：只看收入前 5% 的客户。"),
    "nb01.mistake.machine_buyers": (
        "buying a machine is not the problem: many key accounts buy machines. The sign is buying nothing else.",
        "买机器本身没有问题：许多大客户都买机器。问题在于除此之外什么也不买。"),
    "nb01.mistake.whole_top": (
        "that is the whole top 5 %; a pseudo key account is the one among them with no repeat purchase or one "
        "dominating order.",
        "这是收入前 5% 的全部客户；伪大客户是其中没有重复购买或一笔订单占绝对主导的那些。"),
    "nb01.mistake.pseudo_by_profit": (
        "you took the top 5 % by gross profit; the misconception is about a big revenue figure, so rank by revenue.",
        "你取的是毛利前 5%；这个误区说的是收入数字很大的客户，所以要按收入排名。"),
    "nb01.hint.pseudo.idea": (
        "first cut the list to the biggest accounts by revenue, then test each of them against the two "
        "conditions.",
        "先把名单缩小到收入最大的那些客户，再逐个检验两个条件。"),
    "nb01.hint.pseudo.method": (
        "take the top 5 % by revenue (round the count up); keep an account if orders == 1 or if "
        "largest_order_share >= 0.8.",
        "取收入前 5%（客户数向上取整）；orders == 1 或 largest_order_share >= 0.8 的客户保留。"),
    "nb01.hint.pseudo.where": (
        "kamkit.identify.key_account_list(summary['revenue'], n) gives the top n; the conditions are columns of "
        "summary.",
        "kamkit.identify.key_account_list(summary['revenue'], n) 给出前 n 名；两个条件都是 summary 的列。"),
    # --- q8 three kinds -----------------------------------------------------------------------
    "nb01.mistake.type_size": (
        "size does not make a strategic account: A0849 uses what it buys in its own workshops and asks for lower "
        "prices. Where its value lies, not how large it is, decides the type.",
        "规模大不等于战略价值型：A0849 在自己的车间使用所购产品，并要求降价。决定类型的是价值所在，而不是规模。"),
    "nb01.mistake.type_user_resells": (
        "A0849 does not sell our products on: it uses them in its own workshops.",
        "A0849 并不转售我们的产品：它在自己的车间里使用。"),
    "nb01.mistake.type_reseller_uses": (
        "a wholesaler does not use what it buys: it creates value by selling it on to its own customers.",
        "批发商并不自己使用所购产品：它通过转售给自己的客户来创造价值。"),
    "nb01.mistake.type_resale_not_strategy": (
        "selling our products on as they are creates value by resale (extrinsic); a strategic account builds our "
        "offer into its own competitiveness.",
        "原样转售我们的产品是靠转售创造价值（外在价值型）；战略价值型客户是把我们的产品和能力变成自己的竞争力。"),
    "nb01.mistake.type_oem_not_reseller": (
        "A1348 does not resell our parts as they are: it builds them into its own product and asks us to develop "
        "with it, which is what a strategic-value account does.",
        "A1348 并不原样转售我们的零部件：它把零部件装进自己的产品，还请我们一起开发，这正是战略价值型客户的特点。"),
    "nb01.mistake.type_oem_not_user": (
        "A1348 does not buy to consume in its own operations: our parts go into what it sells to car makers.",
        "A1348 买我们的产品不是为了在自身运营中消耗：我们的零部件进入了它卖给整车厂的产品。"),
    "nb01.hint.types.idea": (
        "ask what the account does with what it buys: uses it, sells it on, or builds it into its own offer.",
        "问一问客户如何处置所买的产品：自己使用、转售出去，还是做进自己的产品。"),
    "nb01.hint.types.method": (
        "uses it itself → intrinsic; sells it on → extrinsic; raises its own competitiveness with us → strategic.",
        "自己使用 → 内在价值型；转售 → 外在价值型；借助我们提升自身竞争力 → 战略价值型。"),
    "nb01.hint.types.where": (
        "section 6 lists the three kinds; kamkit.identify.key_account_type documents them.",
        "第 6 节列出了三种类型；kamkit.identify.key_account_type 的说明文档也有介绍。"),
    # --- q9 offer -----------------------------------------------------------------------------
    "nb01.mistake.offer_price": (
        "a price cut is what an intrinsic-value account wants; a strategic account wants us to make it more "
        "competitive, and a discount given without a return buys nothing (module 02).",
        "降价是内在价值型客户想要的；战略价值型客户想要的是我们帮它提升竞争力，而没有回报约定的折扣什么也换不来"
        "（第 02 模块）。"),
    "nb01.mistake.offer_margin": (
        "a resale margin serves an extrinsic-value account that sells our products on; A1348 builds them into its "
        "own product.",
        "转售利润空间适合转售我们产品的外在价值型客户；A1348 是把产品装进自己的产品里。"),
    "nb01.mistake.offer_visits": (
        "more visits without more value is the traditional small-customer mindset; a strategic account needs "
        "something that raises its competitiveness.",
        "只增加拜访次数而不增加价值，是沿袭对待小客户的传统思路；战略价值型客户需要的是能提升其竞争力的东西。"),
    "nb01.hint.offer.idea": (
        "match the offer to what this kind of key account wants from a supplier.",
        "让举措与这类大客户想从供应商那里得到的东西相匹配。"),
    "nb01.hint.offer.method": (
        "decide A1348's kind first (question 8), then pick the offer that serves that kind.",
        "先判断 A1348 的类型（第 8 题），再选择服务于该类型的举措。"),
    "nb01.hint.offer.where": ("section 6 says what each kind wants.", "第 6 节说明了每种类型想要什么。"),
    # --- q10 C-class wallet -------------------------------------------------------------------
    "nb01.mistake.spend_not_wallet": (
        "that is what the C-class accounts spend with us today; their potential is their whole category spend "
        "(the wallet).",
        "这是 C 类客户现在在我们这里的花费；他们的潜力是整个品类的花费（钱包）。"),
    "nb01.mistake.three_years_spend": (
        "that is three years of spend with us; the question asks for the yearly wallet.",
        "这是三年在我们这里的花费；题目问的是每年的钱包规模。"),
    "nb01.hint.wallet.idea": (
        "the wallet is what an account spends on the category with all suppliers, not with us.",
        "钱包是客户在所有供应商那里的品类花费，而不只是在我们这里的花费。"),
    "nb01.hint.wallet.method": (
        "select the accounts of class 'C' and add up their category_spend_estimate from the accounts table.",
        "选出 'C' 类客户，把客户表中的 category_spend_estimate 加总。"),
    "nb01.hint.wallet.where": (
        "classes from question 4 gives each account's class; accounts.set_index('account_id') lets you select "
        "them.",
        "第 4 题的 classes 给出每个客户的类别；accounts.set_index('account_id') 便于按编号选取。"),
    # --- q11 customer share -------------------------------------------------------------------
    "nb01.mistake.share_of_wallet": (
        "that is share of wallet: the share of our customers' spend that comes to us. Customer share counts "
        "businesses: of all that use the category, the share that buy from us.",
        "这是钱包份额：我们客户的花费中花在我们这里的比例。客户占有率数的是企业：所有使用该品类的企业中，"
        "向我们购买的比例。"),
    "nb01.mistake.market_share": (
        "that is market share (our sales over the market's spend); customer share counts businesses, not money.",
        "这是市场占有率（我们的销售额除以市场总花费）；客户占有率数的是企业数，而不是金额。"),
    "nb01.mistake.all_accounts": (
        "you counted every account in our files; a customer in 2025 is an account that bought in 2025.",
        "你把档案里的所有客户都算进去了；2025 年的客户是 2025 年有购买的客户。"),
    "nb01.mistake.our_accounts_denominator": (
        "you divided by our own accounts; customer share divides by all the businesses in the market that use "
        "the category.",
        "你除以的是我们自己的客户数；客户占有率的分母是市场上所有使用该品类的企业。"),
    "nb01.hint.customer_share.idea": (
        "customer share = how many businesses buy from us / how many businesses use the category.",
        "客户占有率 = 向我们购买的企业数 / 使用该品类的企业数。"),
    "nb01.hint.customer_share.method": (
        "count the distinct accounts with a sale line dated in 2025, and divide by the total of the markets "
        "table's businesses column.",
        "数出 2025 年有销售行的不同客户数，再除以 markets 表 businesses 列的总和。"),
    "nb01.hint.customer_share.where": (
        "orders['order_date'].dt.year picks the year; Series.nunique counts distinct ids.",
        "orders['order_date'].dt.year 取年份；Series.nunique 计算不同编号的个数。"),
    # --- q13 real ledger ----------------------------------------------------------------------
    "nb01.mistake.real_without_cancellations": (
        "you left the cancellations out: revenue is net of them (a cancelled order brought nothing).",
        "你没有扣除取消的订单：收入要扣除取消（被取消的订单没有带来收入）。"),
    "nb01.mistake.real_raw_ledger": (
        "you used the raw ledger: postage, fees and other non-product lines are not revenue from goods; use the "
        "cleaned ledger.",
        "你用的是原始台账：邮费、手续费等非商品行不是商品收入；请使用清洗后的台账。"),
    "nb01.hint.real_top20.idea": (
        "the same steps as question 2, on the cleaned ledger; a few customers cancelled more than they bought in "
        "the year.",
        "与第 2 题步骤相同，只是换成清洗后的台账；有几个客户当年取消的比买的还多。"),
    "nb01.hint.real_top20.method": (
        "revenue per customer (sales net of cancellations), keep the customers whose revenue is positive, then "
        "the share of the top 20 %.",
        "算出每个客户的收入（销售扣除取消），保留收入为正的客户，再求前 20% 客户的收入占比。"),
    "nb01.hint.real_top20.where": (
        "kamkit.identify.revenue_by_account and kamkit.identify.top_share work on the cleaned ledger.",
        "kamkit.identify.revenue_by_account 和 kamkit.identify.top_share 都可以用在清洗后的台账上。"),
}
