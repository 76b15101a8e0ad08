"""Sentences of notebook 02, the value of key accounts: what its cells print, its mistakes and its stepped hints."""

MESSAGES = {
    # --- what the cells print ------------------------------------------------------------------
    "nb02.key_share": (
        "The {n:,} key accounts ({account_share:.1%} of the accounts) bring {share:.1%} of revenue.",
        "{n:,} 个大客户（占客户总数的 {account_share:.1%}）带来了 {share:.1%} 的收入。"),
    "nb02.key_retention": (
        "Of the accounts that bought in {before}, {key:.1%} of the key accounts and {other:.1%} of the other accounts "
        "bought again in {year} (retention rate).",
        "在 {before} 年有购买的客户中，大客户有 {key:.1%}、其他客户有 {other:.1%} 在 {year} "
        "年再次购买（客户保留率）。"),
    "nb02.pnl_row": (
        "{account}: revenue CNY {revenue:,.0f}, gross profit CNY {gross_profit:,.0f}, cost-to-serve CNY "
        "{cost_to_serve:,.0f}, "
        "profit CNY {profit:,.0f}.",
        "{account}：收入 {revenue:,.0f} 元，毛利 {gross_profit:,.0f} 元，服务成本 {cost_to_serve:,.0f} 元，利润 "
        "{profit:,.0f} 元。"),
    "nb02.whale_peak": (
        "The curve peaks at {peak:.1%} of total profit after the {n:,} most profitable accounts "
        "({account_share:.1%} of all accounts).",
        "曲线在利润最高的 {n:,} 个客户（占全部客户的 {account_share:.1%}）处达到峰值：总利润的 {peak:.1%}。"),
    "nb02.whale_losses": (
        "{n:,} accounts lose money: CNY {destroyed:,.0f} between them.",
        "有 {n:,} 个客户亏损，合计亏损 {destroyed:,.0f} 元。"),
    "nb02.cost_to_serve_ratio": (
        "At the course company's rates the cost-to-serve takes {ratio:.1%} of gross profit, and the whale curve "
        "peaks at {peak:.1%}.",
        "按课程公司的费率，服务成本占毛利的 {ratio:.1%}，鲸鱼曲线的峰值为 {peak:.1%}。"),
    "nb02.scale_for_peak": (
        "For a peak of {peak:.0%}, every rate must be {scale:.2f} times as high: the cost-to-serve then takes "
        "{ratio:.1%} "
        "of gross profit and {loss_share:.1%} of the accounts lose money.",
        "要让峰值达到 {peak:.0%}，所有费率都要提高到 {scale:.2f} 倍：此时服务成本占毛利的 {ratio:.1%}，"
        "{loss_share:.1%} 的客户亏损。"),
    "nb02.tier_margins": (
        "Profit margins by tier: VIP {vip:.1%}, major {major:.1%}, ordinary {ordinary:.1%}, small {small:.1%}.",
        "各层级的利润率：VIP 客户 {vip:.1%}，主要客户 {major:.1%}，普通客户 {ordinary:.1%}，小客户 {small:.1%}。"),
    "nb02.tier_profit": (
        "The VIP, major and ordinary tiers (the top 20 % of the pyramid) bring {share:.1%} of profit; the small "
        "tier {small:.1%}.",
        "VIP、主要和普通客户三个层级（金字塔顶部的 20%）带来了 {share:.1%} 的利润；小客户层级带来 {small:.1%}。"),
    "nb02.tier_losses": (
        "Loss makers: {major_losers:,} of {major:,} major accounts (cost-to-serve {major_ratio:.1%} of revenue), "
        "{small_losers:,} of {small:,} small accounts ({small_ratio:.1%}).",
        "亏损客户：主要客户 {major:,} 个中有 {major_losers:,} 个（服务成本占收入的 {major_ratio:.1%}），"
        "小客户 {small:,} 个中有 {small_losers:,} 个（{small_ratio:.1%}）。"),
    "nb02.goods_margin": (
        "Goods margin: {margin:.1%} of revenue.",
        "商品毛利率：收入的 {margin:.1%}。"),
    "nb02.waterfall_compare": (
        "{account}, of every CNY 100 of list price: discounts {discounts:.1f} (company: {all_discounts:.1f}); rush "
        "deliveries "
        "{rush:.1f} (company: {all_rush:.1f}); visits {visits:.1f} (company: {all_visits:.1f}); profit {profit:.1f} "
        "(company: {all_profit:.1f}).",
        "{account} 每 100 元标价收入中：折扣 {discounts:.1f} 元（全公司 {all_discounts:.1f} 元）；加急配送 "
        "{rush:.1f} 元"
        "（全公司 {all_rush:.1f} 元）；拜访 {visits:.1f} 元（全公司 {all_visits:.1f} 元）；利润 {profit:.1f} 元"
        "（全公司 {all_profit:.1f} 元）。"),
    "nb02.asker": (
        "{account}: revenue CNY {revenue:,.0f}, gross margin {margin:.1%}, cost-to-serve CNY {cost_to_serve:,.0f}, "
        "profit CNY {profit:,.0f}. At its margin, 5 % off needs {needed:.1%} more volume to keep its gross profit.",
        "{account}：收入 {revenue:,.0f} 元，毛利率 {margin:.1%}，服务成本 {cost_to_serve:,.0f} 元，利润 "
        "{profit:,.0f} 元。"
        "按它的毛利率，降价 5% 需要销量增长 {needed:.1%} 才能保住毛利。"),
    "nb02.retention_all": (
        "Retention rate from {before} to {year}, all accounts: {retention:.1%}.",
        "{before} 年到 {year} 年，全部客户的客户保留率：{retention:.1%}。"),
    "nb02.wallet": (
        "Share of wallet: VIP {vip:.1%}, small {small:.1%}. Headroom of the small tier: CNY {headroom:,.0f} a year.",
        "钱包份额：VIP 客户 {vip:.1%}，小客户 {small:.1%}。小客户层级的增长空间：每年 {headroom:,.0f} 元。"),
    # --- exercise 1: loss share -------------------------------------------------------------------
    "nb02.mistake.before_cost_to_serve": (
        "that is computed on gross profit, before the cost-to-serve; the question is about profit after the "
        "cost-to-serve.",
        "这是按毛利（扣除服务成本之前）算的；题目问的是扣除服务成本之后的利润。"),
    "nb02.mistake.count_not_share": (
        "that is the number of accounts; the question asks for their share of all accounts.",
        "这是客户的个数；题目问的是它们占全部客户的比例。"),
    "nb02.mistake.zero_is_not_loss": (
        "you counted accounts with a profit of exactly 0 as losing money; a loss is a profit below 0.",
        "你把利润恰好为 0 的客户也算作亏损了；亏损是指利润小于 0。"),
    "nb02.hint.loss_share.idea": (
        "a share of accounts is a count of accounts divided by the number of all accounts.",
        "客户比例 = 满足条件的客户数 ÷ 全部客户数。"),
    "nb02.hint.loss_share.method": (
        "compare each account's profit (after the cost-to-serve) with 0; the mean of a True/False column is the "
        "share of True.",
        "把每个客户扣除服务成本之后的利润与 0 比较；True/False 列的平均值就是 True 所占的比例。"),
    "nb02.hint.loss_share.where": (
        "the 'profit' column of the P&L (`pnl`) is the profit after the cost-to-serve.",
        "损益表（`pnl`）的 'profit' 列就是扣除服务成本之后的利润。"),
    # --- exercise 2: whale peak ---------------------------------------------------------------------
    "nb02.mistake.last_point": (
        "that is the last point of the curve, which is always 100 %; the peak is the highest point along the way.",
        "这是曲线的最后一点，永远是 100%；峰值是曲线途中的最高点。"),
    "nb02.mistake.sorted_by_revenue": (
        "you ranked the accounts by revenue; the whale curve ranks them by profit, most profitable first.",
        "你是按收入给客户排序的；鲸鱼曲线按利润从高到低排序。"),
    "nb02.hint.whale_peak.idea": (
        "the curve adds up profit account by account, most profitable first, as a share of total profit; the peak "
        "is its highest point.",
        "曲线按利润从高到低逐个累加客户利润，并换算成占总利润的比例；峰值是其中的最高点。"),
    "nb02.hint.whale_peak.method": (
        "sort the profits from largest to smallest, take the running total, divide it by the total profit, then "
        "take the maximum.",
        "把利润从大到小排序，求累计和，除以总利润，再取最大值。"),
    "nb02.hint.whale_peak.where": (
        "pandas: `sort_values(ascending=False)`, `cumsum()`, `sum()` and `max()` on the 'profit' column of `pnl`.",
        "pandas：对 `pnl` 的 'profit' 列使用 `sort_values(ascending=False)`、`cumsum()`、`sum()` 和 `max()`。"),
    # --- exercise 3: top 20 % by revenue --------------------------------------------------------------
    "nb02.mistake.revenue_not_profit": (
        "that is the top 20 %'s share of revenue; the question asks for their share of profit.",
        "这是前 20% 客户的收入占比；题目问的是他们的利润占比。"),
    "nb02.mistake.ranked_by_profit": (
        "you took the 20 % most profitable accounts; the claim is about volume, so rank the accounts by revenue.",
        "你取的是利润最高的 20% 客户；这种说法讲的是销量，所以要按收入给客户排序。"),
    "nb02.mistake.the_other_80": (
        "that is the share of the other 80 % of accounts; the question asks for the top 20 % by revenue.",
        "这是其余 80% 客户的份额；题目问的是收入最高的 20% 客户。"),
    "nb02.hint.top20_profit.idea": (
        "first choose the accounts (the 20 % with the most revenue), then measure them on another column (profit).",
        "先选出客户（收入最高的 20%），再用另一列（利润）来衡量它们。"),
    "nb02.hint.top20_profit.method": (
        "rank the accounts by revenue, keep the first fifth of them (rounded), add up their profit and divide by "
        "the profit of all accounts.",
        "按收入给客户排序，取前五分之一（四舍五入），把它们的利润相加，再除以全部客户的利润。"),
    "nb02.hint.top20_profit.where": (
        "`pnl[\"revenue\"].sort_values(ascending=False).index[:n]` gives the ids; `pnl.loc[ids, \"profit\"]` their "
        "profit.",
        "`pnl[\"revenue\"].sort_values(ascending=False).index[:n]` 给出客户编号；`pnl.loc[ids, \"profit\"]` "
        "给出它们的利润。"),
    # --- exercise 4: break-even volume -----------------------------------------------------------------
    "nb02.mistake.same_as_discount": (
        "a 5 % price cut does not need just 5 % more volume: each unit now earns less than before, so more units "
        "are needed.",
        "降价 5% 并不只需要多卖 5%：每件产品赚的钱比以前少了，所以需要卖出更多件。"),
    "nb02.mistake.divided_by_margin": (
        "you divided by the margin before the cut; after the cut each unit earns less, and that is what the extra "
        "volume must make up for.",
        "你除以的是降价前的毛利率；降价后每件赚得更少，新增销量要弥补的正是这一点。"),
    "nb02.mistake.margin_plus_discount": (
        "the discount comes off the margin, it does not add to it: after the cut each unit earns m − d.",
        "折扣是从毛利中扣掉的，而不是加上去的：降价后每件赚 m − d。"),
    "nb02.hint.break_even.idea": (
        "the gross profit is volume × margin per unit; after the cut the margin per unit is smaller, and the volume "
        "must make up for it.",
        "毛利 = 销量 × 单位毛利；降价后单位毛利变小，销量必须把它补回来。"),
    "nb02.hint.break_even.method": (
        "set old volume × old margin equal to new volume × (old margin − discount), and solve for the growth of "
        "volume.",
        "令 原销量 × 原毛利率 = 新销量 ×（原毛利率 − 折扣），解出销量的增长率。"),
    "nb02.hint.break_even.where": (
        "the formula is in the lesson above the exercise, and `value.discount_break_even(margin, discount)` "
        "computes it.",
        "公式就在练习上方的讲解中，`value.discount_break_even(margin, discount)` 可以直接计算。"),
    # --- exercise 5: pocket price -------------------------------------------------------------------------
    "nb02.mistake.invoice_not_pocket": (
        "that is the invoice revenue; rebates and fees paid after the invoice also come off before the pocket revenue.",
        "这是发票收入；发票之后支付的返利和费用也要扣除，才得到口袋收入。"),
    "nb02.mistake.profit_not_pocket": (
        "that is the profit, after the cost of goods and the cost-to-serve; pocket revenue stops before those.",
        "这是扣除商品成本和服务成本之后的利润；口袋收入在扣这些成本之前。"),
    "nb02.mistake.per_invoice_not_list": (
        "you divided by the invoice revenue; the question asks per CNY 100 of list-price revenue.",
        "你除以的是发票收入；题目问的是每 100 元标价收入。"),
    "nb02.mistake.share_not_per_100": (
        "that is a share of the list price; the question asks for CNY per CNY 100 (e.g. 80.0, not 0.8).",
        "这是占标价的比例；题目问的是每 100 元中的金额（例如 80.0，而不是 0.8）。"),
    "nb02.hint.pocket.idea": (
        "pocket revenue is what stays after everything paid to the account: on-invoice discounts, rebates and fees.",
        "口袋收入是扣除支付给客户的一切之后剩下的钱：发票折扣、返利和费用。"),
    "nb02.hint.pocket.method": (
        "take the account's revenue (already net of discounts), subtract its rebates and fees, divide by its "
        "list-price revenue, and multiply by 100.",
        "取这个客户的收入（已扣除折扣），减去返利和费用，除以它的标价收入，再乘以 100。"),
    "nb02.hint.pocket.where": (
        "the P&L row `pnl.loc[fifth]` has the columns 'list_revenue', 'revenue', 'rebates' and 'fees'; "
        "`value.pocket_price_waterfall(pnl, fifth)` has the step 'pocket_revenue'.",
        "损益表的这一行 `pnl.loc[fifth]` 有 'list_revenue'、'revenue'、'rebates' 和 'fees' 列；"
        "`value.pocket_price_waterfall(pnl, fifth)` 中有 'pocket_revenue' 这一步。"),
    # --- exercise 6: decide -----------------------------------------------------------------------------------
    "nb02.mistake.more_is_better": (
        "that is misconception 5, \"the more preferential policy, the better\" (优惠政策越多越好): wants grow with "
        "every "
        "concession, and a discount with nothing agreed in return only lowers the margin.",
        "这正是误区五“优惠政策越多越好”：客户的要求随每一次让步水涨船高，不换回任何承诺的折扣只会压低毛利。"),
    "nb02.mistake.volume_not_profit": (
        "that is misconception 4, \"key accounts for volume, small accounts for profit\" (大客户营销获量，"
        "中小客户营销获利): "
        "key accounts bring most of the profit (exercise 3), and small accounts cannot carry a key account's losses.",
        "这正是误区四“大客户营销获量，中小客户营销获利”：大客户贡献了大部分利润（练习 3），"
        "小客户承担不起大客户的亏损。"),
    "nb02.mistake.refuse_outright": (
        "refusing outright treats a key account like a small one: a key account may get a thinner margin if it "
        "returns a "
        "reasonable profit overall. Ask what the concession would buy before saying no.",
        "一口回绝是把大客户当成了小客户：只要总体上能带来合理的利润，大客户的利润率可以薄一些。拒绝之前，"
        "先问问这项让步能换来什么。"),
    "nb02.mistake.no_room": (
        "at this account's margin a 5 % discount leaves nothing per unit: no volume target can pay for it, so there is "
        "no profit room to trade; say no, and explain why.",
        "按这个客户的毛利率，降价 5% 之后每件都不再赚钱：任何销量目标都补不回来，也就没有可以交换的利润空间；"
        "应当拒绝，并说明理由。"),
    "nb02.hint.decision.idea": (
        "a concession is a price paid for something; ask what the company gets back, and whether it is written down.",
        "让步是为换取某样东西付出的代价；问一问公司能换回什么，是否有书面约定。"),
    "nb02.hint.decision.method": (
        "compare the volume the account would have to add (the break-even printed above) with what each option "
        "secures.",
        "把客户需要增加的销量（上面打印的盈亏平衡销量）与每个选项能确保的东西比较一下。"),
    "nb02.hint.decision.where": (
        "reread misconceptions 4 and 5 in sections 4 and 5: each wrong option repeats one of them.",
        "重读第 4 节和第 5 节的误区四和误区五：每个错误选项都重复了其中一个误区。"),
    # --- exercise 8: lifetime value ------------------------------------------------------------------------------
    "nb02.mistake.no_discounting": (
        "future margins must be discounted: a yuan next year is worth less than a yuan today.",
        "未来的毛利需要折现：明年的一元钱不如今天的一元钱值钱。"),
    "nb02.mistake.first_year_counted": (
        "the lifetime value here counts the margins from the end of the first year, when the customer has stayed with "
        "probability r; you counted a certain margin today as well.",
        "这里的终身价值从第一年末开始计算毛利，那时客户以概率 r 留下；你把今天确定到手的一年毛利也算了进去。"),
    "nb02.mistake.one_year_only": (
        "that is only the first year; the customer may stay for many years, each worth less the further away it is.",
        "这只是第一年；客户可能留下很多年，越远的年份价值越低。"),
    "nb02.hint.clv.idea": (
        "the lifetime value adds up, year after year, the margin the customer brings if it is still there, "
        "discounted to today.",
        "终身价值就是逐年累加客户仍然留下时带来的毛利，并折现到今天。"),
    "nb02.hint.clv.method": (
        "each year multiplies the chance that the customer is still there by the retention rate and divides by one "
        "plus the "
        "discount rate; the sum of that series has the closed form shown in the lesson.",
        "每过一年，客户仍在的概率要乘以保留率，价值要除以（1 + 折现率）；这个级数的和就是讲解中给出的公式。"),
    "nb02.hint.clv.where": (
        "`value.customer_lifetime_value(margin, retention, discount_rate)` computes it.",
        "`value.customer_lifetime_value(margin, retention, discount_rate)` 可以直接计算。"),
    # --- exercise 9: members ---------------------------------------------------------------------------------------
    "nb02.mistake.account_share": (
        "that is the members' share of accounts; the question asks for their share of revenue.",
        "这是会员的客户数占比；题目问的是他们的收入占比。"),
    "nb02.mistake.all_line_types": (
        "you added up every line of `orders`, rebates and fees too; revenue here is the sale and return lines only.",
        "你把 `orders` 中的所有行（包括返利和费用）都加了进去；这里的收入只包括销售行和退货行。"),
    "nb02.mistake.returns_left_out": (
        "you left out the return lines; revenue is net of returns, so keep the 'return' lines (their amounts are "
        "negative).",
        "你漏掉了退货行；收入是扣除退货之后的，所以要保留 'return' 行（金额为负）。"),
    "nb02.hint.members.idea": (
        "a share of revenue is the members' revenue divided by the revenue of all accounts.",
        "收入占比 = 会员的收入 ÷ 全部客户的收入。"),
    "nb02.hint.members.method": (
        "keep the sale and return lines, find the member accounts in the accounts table, and add up the line "
        "amounts of both.",
        "保留销售行和退货行，从客户表中找出会员客户，再分别把金额相加。"),
    "nb02.hint.members.where": (
        "`orders[\"line_type\"].isin([...])`, `accounts.loc[accounts[\"partner_programme\"], \"account_id\"]` and "
        "`orders[\"account_id\"].isin(...)`.",
        "`orders[\"line_type\"].isin([...])`、`accounts.loc[accounts[\"partner_programme\"], \"account_id\"]` 和 "
        "`orders[\"account_id\"].isin(...)`。"),
}
