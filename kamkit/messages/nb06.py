"""Texts of notebook 06, the capstone (printed sentences, named mistakes, hints)."""

MESSAGES = {
    "nb06.ledger_size": ("{lines:,} order lines kept, {accounts:,} customers, {first:%Y-%m-%d} to {end:%Y-%m-%d}.",
                         "保留了 {lines:,} 条订单行，涉及 {accounts:,} 个客户，"
                         "时间从 {first:%Y-%m-%d} 到 {end:%Y-%m-%d}。"),
    "nb06.concentration": (
        "The top 20 % of customers bring {top20:.1%} of net revenue; Gini {gini:.3f}; class A holds "
        "{a:,} of {accounts:,} customers.",
        "收入前 20% 的客户贡献了 {top20:.1%} 的净收入；基尼系数为 {gini:.3f}；"
        "{accounts:,} 个客户中，A 类客户有 {a:,} 个。"),
    "nb06.no_repeat": (
        "{n:,} of {total:,} customers bought on one day only (P(alive) = 1 by construction); "
        "{gone:,} customers are more likely gone than alive.",
        "{total:,} 个客户中，有 {n:,} 个只在一天里下过单（按模型的设定，它们的存活概率恒为 1）；"
        "存活概率低于 0.5、更可能已经流失的客户有 {gone:,} 个。"),
    "nb06.mistake.gross_not_net": (
        "it looks like you added up the sales but not the returns: revenue here is net of returns and "
        "cancellations (add every line's `line_amount`).",
        "看起来你只加总了销售，没有扣除退货：这里的收入是扣除退货和取消单后的净额"
        "（把每一行的 `line_amount` 都加起来）。"),
    "nb06.mistake.ranked_lines": (
        "it looks like you ranked order lines, not customers: first add up each customer's revenue, then rank.",
        "看起来你排序的是订单行而不是客户：先把每个客户的收入加总，再排序。"),
    "nb06.mistake.top_20_accounts": (
        "that is the share of the top 20 customers; the question asks for the top 20 % of customers.",
        "这是前 20 个客户的占比；题目问的是前 20% 的客户。"),
    "nb06.hint.top20": (
        "group the lines by customer, keep positive totals, sort from the largest and divide the top 20 %'s "
        "sum by the total.",
        "按客户分组加总净收入，只保留合计为正的客户，从大到小排序，再用前 20% 客户的合计除以全部客户的合计。"),
    "nb06.mistake.only_one_order": (
        "you found the one-order customers, but the definition has a second case: a largest order worth at "
        "least 80 % of the customer's revenue.",
        "你找出了只下过一次单的客户，但定义还有第二种情况：最大一笔订单占该客户收入的 80% 及以上。"),
    "nb06.mistake.all_one_order": (
        "these are one-order customers of every size: a pseudo key account is among the top 5 % by revenue.",
        "这些是所有只下过一次单的客户，不分大小；伪大客户只在收入前 5% 的客户中找。"),
    "nb06.hint.pseudo": (
        "take the top 5 % of `summary` by revenue (round up), then keep those with `orders == 1` or "
        "`largest_order_share >= 0.8`.",
        "按收入取 `summary` 的前 5%（向上取整），再保留 `orders == 1` 或 `largest_order_share >= 0.8` 的客户。"),
    "nb06.mistake.no_account_above_10": (
        "no customer here brings more than 10 % of revenue (look at the chart's 10 % line): the risk is not one "
        "customer.",
        "这里没有哪个客户的收入占比超过 10%（看图中的 10% 线）：风险不在某一个客户身上。"),
    "nb06.mistake.ignores_10_percent": (
        "at least one customer is above the 10 % line: that single dependence is the first risk to reduce.",
        "至少有一个客户超过了 10% 线：对这个客户的依赖是首先要降低的风险。"),
    "nb06.mistake.drop_the_small": (
        "\"grab the big, let go of the small\" does not mean dropping small customers wholesale: market share, "
        "reputation and their potential count too (module 01).",
        "“抓大放小”不等于把小客户一概放弃：市场份额、企业口碑和小客户的潜力价值同样要考虑（见模块 01）。"),
    "nb06.mistake.all_classes": (
        "that is the share over all customers; the question asks about the class-A customers only.",
        "这是所有客户中的比例；题目只问 A 类客户。"),
    "nb06.mistake.wrong_window": (
        "count the customers silent for more than 90 days, not 180.",
        "要统计的是超过 90 天没有下单的客户，而不是 180 天。"),
    "nb06.mistake.active_not_silent": (
        "that is the share still active (90 days or fewer); the question asks for the silent ones.",
        "这是仍然活跃的客户（90 天内下过单）所占的比例；题目问的是“沉默”的客户。"),
    "nb06.hint.silent": (
        "each customer's last order date is the max of `order_date` per customer; compare `end` minus it "
        "with 90 days, for the class-A customers only.",
        "每个客户的最后下单日期，就是按客户分组后 `order_date` 的最大值；"
        "只看 A 类客户，用 `end` 减去它，再与 90 天比较。"),
    "nb06.mistake.trust_p_alive": (
        "BG/NBD can only lose a customer after a repeat purchase, so a one-time buyer always gets P(alive) = 1: "
        "the figure says nothing about it.",
        "BG/NBD 模型只有在客户重复购买之后才可能判断其流失，所以只买过一次的客户存活概率总是 1，"
        "这个数字对它说明不了任何问题。"),
    "nb06.mistake.discard_model": (
        "the limit concerns one-time buyers; for customers with repeat purchases P(alive) is informative.",
        "这个局限只针对只买过一次的客户；对有重复购买的客户，存活概率是有参考价值的。"),
}
