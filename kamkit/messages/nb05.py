"""Sentences of notebook 05 (why key accounts defect): what its code cells print, and its feedback."""

MESSAGES = {
    # --- printed sentences -------------------------------------------------------------------
    "nb05.sep": (", ", "、"),
    "nb05.above_share": (
        "{n} account(s) above 10 % of revenue: {accounts}.",
        "收入占比超过 10 % 的客户有 {n} 家：{accounts}。"),
    "nb05.hhi_read": (
        "HHI = {hhi:.4f}: revenue is as concentrated as {equivalent:.0f} equal-sized accounts would be, although the "
        "company has {n:,} accounts.",
        "HHI = {hhi:.4f}：虽然公司有 {n:,} 家客户，收入的集中程度却相当于只有 {equivalent:.0f} 家同样大的客户。"),
    "nb05.stress": (
        "If {account} leaves, the company loses {revenue:.1%} of revenue, {profit:.1%} of gross profit and, with "
        "fixed costs at half of gross profit, {operating:.1%} of operating profit.",
        "如果 {account} 离开，公司将失去 {revenue:.1%} 的收入、{profit:.1%} 的毛利；若固定成本为毛利的一半，营业利润"
        "将减少 {operating:.1%}。"),
    "nb05.ceiling": (
        "{n} accounts buy more than 70 % of their wallet from us; under the ceiling they would move CNY "
        "{at_risk:,.0f} a year to another supplier.",
        "有 {n} 家客户从我们这里采购的份额超过其采购额的 70 %；按份额上限，它们每年会把 {at_risk:,.0f} 元转给其他供应"
        "商。"),
    "nb05.drop_small": (
        "Dropping the {n:,} accounts outside the top 20 % loses {revenue:.1%} of revenue and {profit:.1%} of gross "
        "profit; losing {account} alone loses {largest_revenue:.1%} of revenue and {largest_profit:.1%} of gross "
        "profit.",
        "放弃前 20 % 以外的 {n:,} 家客户，会失去 {revenue:.1%} 的收入和 {profit:.1%} 的毛利；只失去 {account} 一家，"
        "会失去 {largest_revenue:.1%} 的收入和 {largest_profit:.1%} 的毛利。"),
    "nb05.room": (
        "Under the 70 % ceiling the top 20 % can still grow by CNY {top:,.0f} a year, the other accounts by CNY "
        "{rest:,.0f}.",
        "在 70 % 的份额上限之下，前 20 % 的客户每年还能增长 {top:,.0f} 元，其余客户还能增长 {rest:,.0f} 元。"),
    "nb05.request_facts": (
        "{account} brings {share:.1%} of revenue. We hold {wallet:.0%} of its category spend, and it uses "
        "{suppliers:.0f} suppliers. Its terms are {terms:.0f} days today; its receivables average CNY "
        "{receivables:,.0f} and would average CNY {receivables_after:,.0f} at 120 days, costing CNY {cost:,.0f} a "
        "year more to finance at 6 %.",
        "{account} 贡献了 {share:.1%} 的收入。我们占它该品类采购额的 {wallet:.0%}，它同时使用 {suppliers:.0f} 家供应"
        "商。它现在的账期是 {terms:.0f} 天，平均应收余额为 {receivables:,.0f} 元；账期改为 120 天后将平均达到 "
        "{receivables_after:,.0f} 元，按年利率 6 % 计算，每年多出 {cost:,.0f} 元的资金成本。"),
    "nb05.danger_line": (
        "{danger}: {n:.0f} flagged, the first to look at {example}.",
        "{danger}：标记了 {n:.0f} 家，首先要看的是 {example}。"),
    "nb05.danger.defection": ("defection", "叛离"),
    "nb05.danger.own_business": ("setting up on their own", "另起炉灶"),
    "nb05.danger.market_disorder": ("market disorder", "窜货、乱价"),
    "nb05.danger.bullying": ("bullying the supplier", "店大欺客"),
    "nb05.danger.financial_risk": ("financial risk", "财务风险"),
    "nb05.danger.inertia": ("business inertia", "经营惰性"),
    "nb05.scored": (
        "{n:,} regular accounts scored on {date}; {left} of them had left by {end}.",
        "在 {date} 对 {n:,} 家有规律的客户打了分；到 {end}，其中 {left} 家已经流失。"),
    "nb05.quality": (
        "With the default weights and an alert at a score of 40: {alerts:.0f} alerts, precision {precision:.0%} "
        "(alerts that were right), recall {recall:.0%} (leavers caught).",
        "使用默认权重、评分达到 40 即预警：共 {alerts:.0f} 条预警，精确率 {precision:.0%}（预警正确的比例），召回率 {"
        "recall:.0%}（被抓住的流失客户比例）。"),
    "nb05.case_caught": (
        "{case}: {caught} of {n} scored accounts are on the alert list.",
        "{case}：{n} 家被打分的客户中，有 {caught} 家在预警名单上。"),
    "nb05.case.slowing_then_leaving": ("slowed down, then left", "先放慢、后离开"),
    "nb05.case.sudden_leavers": ("stopped suddenly", "突然停止"),
    "nb05.case.warning_but_staying": ("warning signs, but stayed", "出现预警信号但留了下来"),
    "nb05.older_share": (
        "{share:.0%} of the accounts in the ledger were customers before 1 January 2023.",
        "台账中 {share:.0%} 的客户在 2023 年 1 月 1 日之前就已经是我们的客户。"),
    "nb05.delayed_read": (
        "All accounts, share still buying after two years: {first_seen:.1%} measured from the first order seen; "
        "{no_entry:.1%} from customer_since without delayed entry (survivor bias); {delayed:.1%} with delayed entry "
        "— and {delayed_5y:.1%} after five years.",
        "全部客户两年后仍在购买的比例：从看到的第一笔订单算起为 {first_seen:.1%}；从 customer_since 算起但不做延迟进"
        "入（幸存者偏差）为 {no_entry:.1%}；采用延迟进入为 {delayed:.1%}——五年后为 {delayed_5y:.1%}。"),
    "nb05.holdout_read": (
        "In the holdout the accounts bought on {actual:,.0f} days. The model with the smallest error per account is "
        "{best}: it forecast {predicted:,.0f} purchase days, a mean absolute error of {mae:.2f} per account, against "
        "{naive:.2f} for the naive forecast (each account's calibration rate).",
        "留出期内这些客户共有 {actual:,.0f} 个购买日。每个客户误差最小的模型是 {best}：它预测了 {predicted:,.0f} 个购"
        "买日，平均每个客户的绝对误差为 {mae:.2f}；而朴素预测（沿用每家客户在校准期的购买速率）的误差为 {naive:.2f}。"),
    "nb05.dropout_read": (
        "Drop-out found by the fits: BG/NBD {bg:.3%} per purchase, MBG/NBD {mbg:.3%} per purchase, Pareto/NBD "
        "{pareto:.3%} of accounts a year.",
        "各模型拟合出的离开概率：BG/NBD 每次购买后 {bg:.3%}，MBG/NBD 每次购买后 {mbg:.3%}，Pareto/NBD 每年 "
        "{pareto:.3%} 的客户。"),
    "nb05.model.bgnbd": ("BG/NBD", "BG/NBD"),
    "nb05.model.mbgnbd": ("MBG/NBD", "MBG/NBD"),
    "nb05.model.pareto_nbd": ("Pareto/NBD", "Pareto/NBD"),
    "nb05.model.naive_rate": ("the naive rate", "朴素速率"),
    "nb05.alive_read": (
        "{model} on the whole ledger. The 180-day rule calls {left} accounts lost; the planted cases say that "
        "{stopped} really stopped. {low} accounts have P(alive) below 0.5, {low_stopped} of them among those that "
        "really stopped. The {no_repeat} accounts with no repeat purchase have a median P(alive) of "
        "{no_repeat_alive:.2f}.",
        "在整份台账上拟合 {model}。按 180 天规则，有 {left} 家客户被判为流失；而预设案例表明真正停止购买的只有 "
        "{stopped} 家。P(alive) 低于 0.5 的客户有 {low} 家，其中 {low_stopped} 家属于真正停止购买的客户。{no_repeat} "
        "家没有重复购买的客户，P(alive) 的中位数为 {no_repeat_alive:.2f}。"),
    "nb05.no_repeat_read": (
        "{young} of the {n} accounts without a repeat purchase became customers in 2023 or later; of the accounts "
        "without a repeat purchase in 2023-24, {came_back:.0%} bought again in 2025.",
        "{n} 家没有重复购买的客户中，有 {young} 家是 2023 年或以后才成为客户的；2023–2024 年没有重复购买的客户中，"
        "有 {came_back:.0%} 在 2025 年又买了。"),
    "nb05.debtors_same": (
        "The largest debtor is {debtor} (CNY {total:,.0f} open), also the largest buyer; the most overdue is "
        "{overdue_leader} (CNY {overdue:,.0f} past due, expected credit loss CNY {loss:,.0f}).",
        "最大的债务人是 {debtor}（未收回 {total:,.0f} 元），它同时也是最大的买家；逾期最多的是 {overdue_leader}（逾期"
        " {overdue:,.0f} 元，预期信用损失 {loss:,.0f} 元）。"),
    "nb05.debtors_other": (
        "The largest debtor is {debtor} (CNY {total:,.0f} open), not the largest buyer; the most overdue is "
        "{overdue_leader} (CNY {overdue:,.0f} past due, expected credit loss CNY {loss:,.0f}).",
        "最大的债务人是 {debtor}（未收回 {total:,.0f} 元），它不是最大的买家；逾期最多的是 {overdue_leader}（逾期 "
        "{overdue:,.0f} 元，预期信用损失 {loss:,.0f} 元）。"),
    "nb05.countermeasures": ("Countermeasures proposed: {items}.", "建议的应对策略：{items}。"),
    "nb05.flagged": (
        "First account of the plan: {account}; strong signals: {signals}; draft countermeasures: {measures}.",
        "计划中的第一家客户：{account}；强信号：{signals}；应对策略初稿：{measures}。"),
    "nb05.signal.order_gap": ("order gap", "下单间隔"),
    "nb05.signal.revenue_fall": ("revenue fall", "收入下降"),
    "nb05.signal.range_narrowing": ("narrower range", "品种变窄"),
    "nb05.signal.complaints_rising": ("more complaints", "投诉增多"),
    "nb05.signal.overdue_growing": ("overdue growing", "逾期增加"),
    "nb05.young_a": (
        "Class A: {n} accounts joined since 2023; {left} of them left, and {pseudo} of them are pseudo key accounts.",
        "A 类：2023 年以来加入的客户有 {n} 家，其中 {left} 家已经离开，{pseudo} 家是伪大客户。"),
    # --- exercise feedback (new in the second edition; the first edition's keys are in defection.py) ----
    "nb05.mistake.hhi_square_of_sum": (
        "you squared the sum of the shares (which is always 1); square each account's share first, then add.",
        "你先把份额加总再平方（结果总是 1）；应当先把每个客户的份额平方，再相加。"),
    "nb05.mistake.example_fixed_costs": (
        "that is the drop with fixed costs at half of gross profit, the worked example above; the exercise sets them "
        "at 70 %.",
        "这是上面示例中固定成本为毛利一半时的下降比例；本题把固定成本设为 70 %。"),
    "nb05.mistake.threshold_not_changed": (
        "that is the precision at the threshold of 40 used above; the exercise raises the threshold to 50.",
        "这是上面用的阈值 40 下的精确率；本题把阈值提高到 50。"),
    "nb05.mistake.request_accept_both": (
        "accepting both deepens the dependence on an account already above 10 % of revenue, ties us to it alone "
        "while it keeps a second supplier, and makes the biggest buyer the biggest debtor — a concession without an "
        "agreed return (the misconception that more favourable terms are always better).",
        "两项都答应，会加深对一家收入占比已超过 10 % 的客户的依赖；对方保留第二家供应商，我们却被它独家绑定；还会让最"
        '大的买家变成最大的债务人——这是没有换来任何承诺的让步（"优惠政策越多越好"的误区）。'),
    "nb05.mistake.request_whole_wallet": (
        "a buyer this size caps any one supplier at about 70 % of a category and keeps at least two suppliers: a "
        "promise of the whole wallet will not hold, and we would have given up its rivals for it.",
        '这样规模的买家会把任何一家供应商的份额限制在品类采购额的 70 % 左右，并至少保留两家供应商："全部采购都给我们"'
        "的承诺不会兑现，我们却为此放弃了它的竞争对手。"),
    "nb05.mistake.request_terms_gift": (
        "120-day terms are not cheap: they raise the receivables of our largest account and their financing cost "
        "(see the facts above), with nothing agreed in return — measure the profit room before granting terms.",
        "120 天账期并不便宜：它会增加最大客户的应收账款和资金成本（见上面的事实），却没有换来任何承诺——给予优惠条件之"
        "前要先测算利润空间。"),
    "nb05.mistake.request_shrink": (
        "shrinking a profitable key account on purpose costs the revenue and the profit the stress test showed; the "
        "answer to dependence is to grow the other accounts, not to lose the big one (don't abandon a customer "
        "because it is big, either).",
        "主动压缩一家盈利的大客户，会损失压力测试所显示的收入和利润；应对依赖的办法是发展其他客户，而不是丢掉大客户（"
        "既不能因客户大而失原则，也不能因此把它推走）。"),
    "nb05.mistake.first_seen_origin": (
        "you measured the lifetimes from the first order seen in the ledger; the exercise measures them from "
        "customer_since, with delayed entry.",
        "你从台账中看到的第一笔订单开始计算寿命；本题要求从 customer_since 开始计算，并采用延迟进入。"),
    "nb05.mistake.no_delayed_entry": (
        "you measured from customer_since but counted every account at risk from age 0: an account that joined in "
        "2010 would survive 2010-2022 by construction (survivor bias). Pass its age on 2023-01-01 as entry.",
        '你从 customer_since 开始计算，却把每家客户从客龄 0 起都算作风险客户：一家 2010 年加入的客户会"必然"熬过 '
        "2010–2022 年（幸存者偏差）。请把它在 2023-01-01 的客龄作为 entry 传入。"),
    "nb05.mistake.returns_as_purchases": (
        "you counted days with any line, returns and rebates included; only sale lines are purchases.",
        "你数了有任何明细行的日期，包括退货和返利；只有销售行才是购买。"),
    # --- exercise feedback of the first edition (moved from defection.py) ------------------------
    "nb05.mistake.hhi_points": (
        "this looks like the HHI in points (shares in percent, squared): the exercise asks for shares as fractions, "
        "so the HHI lies between 0 and 1.",
        "这看起来是以“点”为单位的 HHI（百分数份额的平方和）：本题要求份额用小数表示，HHI 在 0 到 1 之间。"),
    "nb05.mistake.hhi_lines": (
        "you squared the shares of order lines; concentration is about accounts — add the revenue up per account "
        "first.",
        "你计算的是订单行份额的平方和；集中度衡量的是客户——请先按客户汇总收入。"),
    "nb05.mistake.revenue_not_profit": (
        "that is the share of revenue lost; the question is about operating profit.",
        "这是损失的收入占比；本题问的是营业利润。"),
    "nb05.mistake.ignored_fixed_costs": (
        "that is the share of gross profit lost; fixed costs stay when the account leaves, so operating profit falls "
        "by a larger share.",
        "这是损失的毛利占比；客户离开后固定成本仍然存在，所以营业利润下降的比例更大。"),
    "nb05.mistake.recall_not_precision": (
        "that is the recall (the share of leavers caught); precision divides the right alerts by all alerts.",
        "这是召回率（被发现的流失客户比例）；精确率是正确预警数除以全部预警数。"),
    "nb05.mistake.hits_over_population": (
        "you divided the right alerts by every account scored; precision divides by the alerts only.",
        "你把正确预警数除以了全部被评分的客户；精确率只除以预警数。"),
    "nb05.mistake.churn_all_accounts": (
        "you divided by every account ever seen; the denominator is the accounts at risk at the start of 2024.",
        "你除以了所有出现过的客户；分母应该是 2024 年初仍有流失风险（仍活跃）的客户。"),
    "nb05.mistake.churn_end_denominator": (
        "you divided by the accounts still there at the end of the year; churn divides by those at the start.",
        "你除以了年末仍在的客户；流失率的分母是年初的客户。"),
    "nb05.mistake.churn_all_time": (
        "that is the share of all accounts that ever left; the exercise asks for the leavers of 2024 only.",
        "这是所有曾经流失的客户比例；本题只问 2024 年内流失的客户。"),
    "nb05.mistake.censored_as_lost": (
        "you counted every account with a relationship shorter than two years as lost; those still buying are "
        "censored, not lost. Kaplan-Meier keeps them at risk until their own time.",
        "你把合作不足两年的客户都算作流失了；其中仍在购买的客户是删失，而不是流失。Kaplan-Meier 会把它们一直计入风险"
        "集，直到各自的时点。"),
    "nb05.mistake.ignored_time": (
        "that is the share that has not left by the end of the data, whatever the time; the question asks about 730 "
        "days after the account became a customer.",
        "这是到数据结束时尚未流失的比例，与时间无关；本题问的是成为客户后第 730 天。"),
    "nb05.mistake.orders_not_days": (
        "you counted orders; BTYD merges the orders of one day into one purchase.",
        "你数的是订单数；BTYD 把同一天的订单合并为一次购买。"),
    "nb05.mistake.first_purchase_counted": (
        "you counted every purchase day; frequency counts repeat purchases, so the first day does not count.",
        "你数了所有购买日；frequency 只数重复购买，第一天不算。"),
    "nb05.mistake.lines_not_days": (
        "you counted order lines; BTYD counts purchase days.",
        "你数的是订单行；BTYD 数的是购买日。"),
    "nb05.mistake.dso_all_sales": (
        "you divided by the credit sales of the whole ledger (three years); DSO uses the sales of the 365 days up to "
        "the date.",
        "你除以了整个账本（三年）的赊销额；DSO 用的是截至该日前 365 天的销售额。"),
    "nb05.mistake.dso_overdue_only": (
        "you counted only the overdue invoices; DSO counts every open invoice, due or not.",
        "你只计算了逾期发票；DSO 计算全部未收发票，无论是否到期。"),
    # --- stepped hints: the idea, the method, where in kamkit to look --------------------------
    "nb05.hint.hhi.idea": (
        "concentration is about accounts: each account's share of total revenue, and how unequal the shares are.",
        "集中度衡量的是客户：每个客户占总收入的份额，以及这些份额有多不均匀。"),
    "nb05.hint.hhi.method": (
        "divide each account's revenue by the total, square each share, then add the squares up.",
        "把每个客户的收入除以总收入，再把每个份额平方，最后把平方值相加。"),
    "nb05.hint.hhi.where": (
        "`revenue` above is already one number per account; `kamkit.defection.hhi` has the definition in its "
        "docstring.",
        "上面的 `revenue` 已经是每个客户一个数；`kamkit.defection.hhi` 的文档字符串里有定义。"),
    "nb05.hint.operating.idea": (
        "the account takes its gross profit with it; the fixed costs stay with the company.",
        "客户带走的是它的毛利；固定成本仍留在公司。"),
    "nb05.hint.operating.method": (
        "operating profit before = total gross profit − fixed costs; after = the same minus the account's gross "
        "profit; the drop is the lost gross profit divided by operating profit before.",
        "之前的营业利润 = 总毛利 − 固定成本；之后 = 再减去该客户的毛利；下降比例 = 损失的毛利 ÷ 之前的营业利润。"),
    "nb05.hint.operating.where": (
        "`defection.loss_stress_test` takes the fixed costs as `fixed_cost_share`; read its "
        "`operating_profit_drop_share`.",
        "`defection.loss_stress_test` 用 `fixed_cost_share` 表示固定成本；读取它的 `operating_profit_drop_share`。"),
    "nb05.hint.precision.idea": (
        "precision asks: of the accounts we alerted, how many really left?",
        "精确率问的是：在我们预警的客户中，有多少真的走了？"),
    "nb05.hint.precision.method": (
        "make the alert list at the new threshold, then divide the alerted accounts that left by all alerted "
        "accounts.",
        "先按新的阈值生成预警名单，再用其中确实离开的客户数除以全部预警客户数。"),
    "nb05.hint.precision.where": (
        "`defection.early_warning_alerts(signals, threshold=...)`, then `defection.alert_quality(alerts, left, "
        "signals)`.",
        "先用 `defection.early_warning_alerts(signals, threshold=...)`，再用 `defection.alert_quality(alerts, left, "
        "signals)`。"),
    "nb05.hint.churn.idea": (
        "the denominator is the accounts that could still be lost on 1 January 2024, not every account ever seen.",
        "分母是 2024 年 1 月 1 日仍可能流失的客户，而不是所有出现过的客户。"),
    "nb05.hint.churn.method": (
        "at risk: first order before 2024-01-01 and not gone before it; churned: at risk, left, last order in 2024.",
        "风险客户：首单早于 2024-01-01 且当时尚未流失；流失客户：属于风险客户、已流失且最后一单在 2024 年。"),
    "nb05.hint.churn.where": (
        "`defection.churn_rate(survival, start, end)` counts both; its docstring shows an example.",
        "`defection.churn_rate(survival, start, end)` 会同时计算这两个数；它的文档字符串里有示例。"),
    "nb05.hint.km_delayed.idea": (
        "an account that became a customer in 2010 is only seen because it was still a customer in 2023: it enters "
        "the risk set at its age on 1 January 2023.",
        "一家 2010 年成为客户的公司之所以能被我们看到，是因为它在 2023 年仍是客户：它在 2023 年 1 月 1 日的客龄才进入"
        "风险集。"),
    "nb05.hint.km_delayed.method": (
        "duration = (last order if the account left, else the end of the data) − customer_since; entry = 2023-01-01 "
        "− customer_since, and 0 where that is negative; both in days.",
        "duration = （已离开的客户取最后一单日期，否则取数据结束日）− customer_since；entry = 2023-01-01 − "
        "customer_since，为负时取 0；两者都以天为单位。"),
    "nb05.hint.km_delayed.where": (
        "`defection.kaplan_meier(duration, left, entry=entry)`; then the survival at the last time ≤ 730.",
        "`defection.kaplan_meier(duration, left, entry=entry)`；然后取时间 ≤ 730 的最后一个生存率。"),
    "nb05.hint.frequency.idea": (
        "BTYD counts purchase days, and only the repeat ones.",
        "BTYD 数的是购买日，而且只数重复的购买日。"),
    "nb05.hint.frequency.method": (
        "keep the account's sale lines, count the distinct order dates, and leave the first one out.",
        "保留该客户的销售行，数不同的下单日期，再去掉第一天。"),
    "nb05.hint.frequency.where": (
        '`orders` with `line_type == "sale"`; pandas `nunique()` counts distinct dates.',
        '在 `orders` 中筛选 `line_type == "sale"`；pandas 的 `nunique()` 可以数不同的日期。'),
    "nb05.hint.dso.idea": (
        "DSO compares what customers still owe with what they buy in a year.",
        "DSO 把客户尚欠的金额与一年的销售额相比。"),
    "nb05.hint.dso.method": (
        "open at the date: issued on or before it and not paid by then; divide by the sales invoiced in the 365 days "
        "up to it and multiply by 365.",
        "截至该日未收：在该日或之前开出、当时尚未付款；除以截至该日 365 天内开票的销售额，再乘以 365。"),
    "nb05.hint.dso.where": (
        "`defection.days_sales_outstanding(invoices, as_of=..., window_days=365, by_account=False)`.",
        "`defection.days_sales_outstanding(invoices, as_of=..., window_days=365, by_account=False)`。"),
    "nb05.hint.request.idea": (
        "weigh four things from this module: the account's share of revenue, the buyer's 70 % ceiling and second "
        "supplier, what 120 days do to receivables, and what a concession should buy in return.",
        "权衡本章讲过的四件事：该客户的收入占比、买方的 70 % 份额上限和第二家供应商、120 天账期对应收账款的影响，以及"
        "让步应当换来什么。"),
    "nb05.hint.request.method": (
        "for each option, ask: does it lower or raise our dependence, and does every concession come with a written "
        "return?",
        "逐项问自己：这个选项是降低还是加深了我们的依赖？每一项让步是否都换来了书面的承诺？"),
    "nb05.hint.request.where": (
        "the facts printed above the exercise, the stress test (section 1) and the payment-terms slider (section 6).",
        "练习上方打印的事实、压力测试（第 1 节）和账期滑块（第 6 节）。"),
}
