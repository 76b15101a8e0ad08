"""Messages of module 05, why key accounts defect (大客户"跳槽"的原因及应对策略):
errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
    # --- input errors ----------------------------------------------------------------------
    "defection.end_before_first": (
        "the end date {end} is before the first order ({first}, column '{column}'): there is nothing "
        "to measure yet. Choose an end date on or after {first}.",
        "截止日期 {end} 早于第一笔订单（{first}，'{column}' 列）：还没有可以衡量的内容。请选择 {first} 或之后的日期。"),
    "defection.unknown_accounts": (
        "{n} of the leaving accounts are not in the table ({ids}); use ids from its index.",
        "有 {n} 个流失客户不在表中（{ids}）；请使用表索引中的客户编号。"),
    "defection.bad_fixed_cost_share": (
        "fixed_cost_share must be a share of gross profit from 0 up to (not including) 1; got {got}.",
        "fixed_cost_share 必须是占毛利的比例，从 0 到 1（不含 1）；现在是 {got}。"),
    "defection.nonpositive_totals": (
        "the stress test needs a positive total revenue and gross profit; got revenue {revenue:,.2f} "
        "and profit {profit:,.2f}.",
        "压力测试需要总收入和总毛利都为正；现在收入为 {revenue:,.2f}，毛利为 {profit:,.2f}。"),
    "defection.missing_suppliers": (
        "{n} accounts have no number of suppliers ({ids}); give suppliers_used for every account.",
        "有 {n} 个客户没有供应商数量（{ids}）；请为每个客户提供 suppliers_used。"),
    "defection.bad_period": (
        "the period must end after it starts; got start {start} and end {end}.",
        "周期的结束日期必须晚于开始日期；现在开始为 {start}，结束为 {end}。"),
    "defection.no_durations": (
        "there are no accounts to estimate survival for: the durations are empty.",
        "没有可以估计存续的客户：时长数据是空的。"),
    "defection.bad_durations": (
        "{n} durations are missing or negative (rows {rows}); a lifetime is a number of days of 0 or more.",
        "有 {n} 个时长缺失或为负（行 {rows}）；客户存续时长必须是大于等于 0 的天数。"),
    "defection.bad_events": (
        "events must be True (the account left) or False (still active, censored).",
        "事件必须是 True（客户已流失）或 False（仍活跃，即删失）。"),
    "defection.no_groups": (
        "no account of the table has a group label; give a Series of labels indexed by account id.",
        "表中没有任何客户有分组标签；请提供以客户编号为索引的标签序列。"),
    "defection.negative_amounts": (
        "column '{column}' has {n} negative amount(s) ({rows}); a negative line is a return, not a purchase. "
        "Pass sale lines only (leave returns, rebates and fees out); a purchase worth 0 is fine.",
        "'{column}' 列有 {n} 个负数金额（{rows}）；负数行是退货，不是购买。请只传入销售行（去掉退货、返利和费用行）；"
        "金额为 0 的购买没有问题。"),
    "defection.bad_entry": (
        "{n} entry ages are missing, negative or later than the account's duration (rows {rows}); entry is the "
        "age at which an account was first observed, between 0 and its duration.",
        "有 {n} 个进入时点缺失、为负或晚于该客户的时长（行 {rows}）；进入时点是客户开始被观察时的客龄，"
        "应在 0 与其时长之间。"),
    "defection.no_customer_since": (
        "{n} accounts have no '{column}' ({rows}); delayed entry needs the day each account became a customer.",
        "有 {n} 个客户没有 '{column}'（{rows}）；延迟进入需要每个客户成为客户的日期。"),
    "defection.since_after_first_order": (
        "'{column}' is after the first order for {n} accounts ({rows}); an account cannot order before it "
        "became a customer. Check the accounts table.",
        "有 {n} 个客户的 '{column}' 晚于其第一笔订单（{rows}）；客户不可能在成为客户之前下单。请检查客户表。"),
    "defection.bad_model": (
        "model must be one of {choices}; got {got}.",
        "model 必须是 {choices} 之一；现在是 {got}。"),
    "defection.bad_min_findings": (
        "min_findings must be a whole number of at least 1; got {got}.",
        "min_findings 必须是至少为 1 的整数；现在是 {got}。"),
    "defection.unknown_checked_accounts": (
        "{n} accounts of the field checks are not in the accounts table ({rows}).",
        "市场巡查记录中有 {n} 个客户不在客户表中（{rows}）。"),
    "defection.unknown_account": (
        "account {account} is not in the table; use an id from its index.",
        "客户 {account} 不在表中；请使用表索引中的客户编号。"),
    "defection.recency_after_age": (
        "'{recency}' is larger than '{age}' in {n} rows ({rows}); the last purchase cannot come after the "
        "end of the observation.",
        "有 {n} 行的 '{recency}' 大于 '{age}'（{rows}）；最后一次购买不可能晚于观察期结束。"),
    "defection.too_few_to_fit": (
        "the BG/NBD model needs at least two accounts and some repeat purchases to fit; got {n} accounts.",
        "拟合 BG/NBD 模型至少需要两个客户，并且要有重复购买；现在只有 {n} 个客户。"),
    "defection.no_age": (
        "every value of '{column}' is 0: the accounts were observed for no time at all.",
        "'{column}' 的值全为 0：这些客户根本没有被观察过。"),
    "defection.bad_params": (
        "params must hold positive numbers r, alpha, a and b (as fit_bgnbd returns them); got {got}.",
        "params 必须包含正数 r、alpha、a 和 b（即 fit_bgnbd 的结果）；现在是 {got}。"),
    "defection.bad_horizon": (
        "horizon must be a positive number of time units; got {got}.",
        "horizon 必须是正的时间长度；现在是 {got}。"),
    "defection.no_buckets": (
        "the table has no ageing buckets; compute it with open_receivables and ageing_table first.",
        "表中没有账龄分段；请先用 open_receivables 和 ageing_table 计算。"),
    "defection.bad_loss_rates": (
        "loss_rates must give a rate from 0 to 1 for each bucket: {buckets}; got {got}.",
        "loss_rates 必须为每个账龄段给出 0 到 1 之间的损失率：{buckets}；现在是 {got}。"),
    "defection.bad_cost_of_capital": (
        "cost_of_capital must be a yearly rate from 0 to 1 (e.g. 0.06 for 6 %); got {got}.",
        "cost_of_capital 必须是 0 到 1 之间的年利率（例如 0.06 表示 6%）；现在是 {got}。"),
    "defection.no_invoices": (
        "account {account} has no invoices in the {days} days up to {as_of}.",
        "客户 {account} 在截至 {as_of} 的 {days} 天内没有发票。"),
    "defection.bad_weights": (
        "weights must be numbers of 0 or more for the signals {signals}, not all 0; got {got}.",
        "权重必须是大于等于 0 的数字，对应信号 {signals}，且不能全为 0；现在是 {got}。"),
    "defection.bad_threshold": (
        "threshold must be a score from 0 to 100; got {got}.",
        "threshold 必须是 0 到 100 之间的分数；现在是 {got}。"),
    "defection.bad_gap_factor": (
        "gap_factor must be a positive number (e.g. 3 for three usual gaps); got {got}.",
        "gap_factor 必须是正数（例如 3 表示三个正常间隔）；现在是 {got}。"),
    # --- the six hidden dangers: the signal in the data ----------------------------------------
    "defection.signal.defection": (
        "no order for more than 3 of the account's own usual gaps",
        "超过自身正常订货间隔 3 倍没有下单"),
    "defection.signal.own_business": (
        "a product category (≥ 10 % of its lines) no longer bought in the last year",
        "某个产品类别（占其订单行 ≥ 10%）最近一年完全不再购买"),
    "defection.signal.market_disorder": (
        "field checks: the distributor's goods found outside its region or below the price floor, twice or more",
        "市场巡查：经销商的货两次以上出现在其区域之外，或低于最低限价转售"),
    "defection.signal.bullying": (
        "fees charged by the account grow every year as a share of its revenue",
        "客户收取的费用占其收入的比例逐年上升"),
    "defection.signal.financial_risk": (
        "receivables more than 90 days past due",
        "逾期超过 90 天的应收账款"),
    "defection.signal.inertia": (
        "exclusive distributor whose sales fall while the rest of its region grows",
        "独家经销商销售下滑，而其所在区域的其他客户在增长"),
    # --- plot labels and explorer summaries -----------------------------------------------
    "label.defection.threshold_line": ("{pct:.0f} % of revenue", "收入的 {pct:.0f}%"),
    "label.defection.concentration_title": ("The largest accounts' share of revenue (HHI {hhi:,.0f} points)",
                                            "最大客户的收入占比（HHI {hhi:,.0f} 点）"),
    "label.defection.concentration_title_plain": ("The largest accounts' share of revenue", "最大客户的收入占比"),
    "label.defection.top_accounts": ("the {k} largest accounts", "收入最大的 {k} 个客户"),
    "label.defection.share_of_revenue": ("share of revenue (%)", "收入占比（%）"),
    "label.defection.bar_revenue": ("revenue lost", "损失的收入"),
    "label.defection.bar_profit": ("gross profit lost", "损失的毛利"),
    "label.defection.bar_operating": ("operating profit lost", "损失的营业利润"),
    "label.defection.bar_ceiling": ("moved to a 2nd supplier", "转给第二供应商"),
    "label.defection.lost_pct": ("lost, % of the company total", "损失，占公司总额的百分比（%）"),
    "label.defection.stress_title": ("What if this account leaves?", "如果这个客户离开会怎样？"),
    "label.defection.stayed": ("kept buying ({n})", "继续购买（{n}）"),
    "label.defection.left": ("really left ({n})", "确实流失（{n}）"),
    "label.defection.alert_line": ("alert at {threshold} or more", "得分 ≥ {threshold} 时预警"),
    "label.defection.warning_title": ("Early-warning scores of accounts that left and stayed",
                                      "流失客户与留存客户的预警得分"),
    "label.defection.score_axis": ("early-warning score (0-100)", "预警得分（0-100）"),
    "label.defection.accounts_count": ("accounts", "客户数"),
    "label.defection.tier_curve": ("class {group} ({n} accounts)", "{group} 类（{n} 个客户）"),
    "label.defection.survival_title": ("Share of accounts still buying (Kaplan-Meier)",
                                       "仍在购买的客户比例（Kaplan-Meier）"),
    "label.defection.days_since_first": ("days since the first order", "自首次下单以来的天数"),
    "label.defection.still_buying": ("still buying (%)", "仍在购买（%）"),
    "label.defection.not_due": ("not yet due", "未到期"),
    "label.defection.ageing_title": ("Largest debtors by ageing bucket", "按账龄分段的最大欠款客户"),
    "label.defection.receivables_k": ("open receivables (CNY thousand)", "未收应收账款（千元）"),
    "label.defection.days_past_due": ("days past due", "逾期天数"),
    "label.defection.current_terms": ("current terms: {days} days", "现行账期：{days} 天"),
    "label.defection.chosen_terms": ("chosen terms: {days} days", "所选账期：{days} 天"),
    "label.defection.terms_title": ("Longer payment terms tie up more money", "账期越长，占用的资金越多"),
    "label.defection.terms_axis": ("payment terms (days)", "付款期限（天）"),
    "label.defection.other_accounts": ("accounts", "客户"),
    "label.defection.highlighted": ("lost by the 180-day rule ({n})", "按 180 天规则判为流失（{n}）"),
    "label.defection.p_alive_title": ("P(alive) against the time since the last purchase",
                                      "存活概率与距最后一次购买的时间"),
    "label.defection.stopped": ("known to have stopped ({n})", "已知停止购买（{n}）"),
    "label.defection.survival_title_delayed": ("Share still buying by years as a customer (delayed entry)",
                                               "按合作年限计的仍在购买比例（延迟进入）"),
    "label.defection.years_as_customer": ("years since becoming a customer", "成为客户以来的年数"),
    "label.defection.few_at_risk": ("dotted: fewer than {n} at risk", "虚线：风险客户少于 {n} 家"),
    "label.defection.actual": ("actual", "实际"),
    "label.defection.model.bgnbd": ("BG/NBD", "BG/NBD"),
    "label.defection.model.mbgnbd": ("MBG/NBD", "MBG/NBD"),
    "label.defection.model.pareto_nbd": ("Pareto/NBD", "Pareto/NBD"),
    "label.defection.model.naive_rate": ("naive rate", "朴素速率"),
    "label.defection.holdout_title": ("Holdout ({days} days): actual and forecast",
                                      "留出期（{days} 天）：实际与预测"),
    "label.defection.calibration_repeats": ("repeat purchases in the calibration period",
                                            "校准期内的重复购买次数"),
    "label.defection.holdout_days": ("purchase days per account", "每个客户的购买天数"),
    "label.defection.days_silent": ("days since the last purchase", "距最后一次购买的天数"),
    "label.defection.p_alive_axis": ("P(alive)", "存活概率 P(alive)"),
    "label.defection.account": ("account", "客户"),
    "label.defection.fixed_cost_share": ("fixed costs (share of gross profit)", "固定成本（占毛利比例）"),
    "label.defection.ceiling": ("supplier ceiling", "单一供应商上限"),
    "label.defection.stress_summary": (
        "If {account} leaves: {revenue:.1f} % of revenue, {profit:.1f} % of gross profit and {operating:.1f} % "
        "of operating profit are lost; with a {ceiling:.0f} % ceiling it would move CNY {at_risk:,.0f} a year "
        "to a second supplier anyway.",
        "如果 {account} 离开：损失 {revenue:.1f}% 的收入、{profit:.1f}% 的毛利和 {operating:.1f}% 的营业利润；"
        "在 {ceiling:.0f}% 的上限下，它本来每年也会把 {at_risk:,.0f} 元转给第二供应商。"),
    "label.defection.weight.order_gap": ("weight: order gap", "权重：订货间隔"),
    "label.defection.weight.revenue_fall": ("weight: revenue fall", "权重：收入下降"),
    "label.defection.weight.range_narrowing": ("weight: narrower range", "权重：品类收窄"),
    "label.defection.weight.complaints_rising": ("weight: more complaints", "权重：投诉增加"),
    "label.defection.weight.overdue_growing": ("weight: overdue growing", "权重：逾期增加"),
    "label.defection.threshold": ("alert threshold", "预警阈值"),
    "label.defection.warning_summary": (
        "{alerts} alerts, {hits} of them right: precision {precision:.0f} %, recall {recall:.0f} % "
        "of the {left} accounts that left.",
        "共 {alerts} 个预警，其中 {hits} 个正确：精确率 {precision:.0f}%，"
        "在 {left} 个流失客户中召回率 {recall:.0f}%。"),
    "label.defection.inactive_days": ("'left' after days without an order", "无订单多少天算流失"),
    "label.defection.survival_part": ("class {group} {pct:.0f} %", "{group} 类 {pct:.0f}%"),
    "label.defection.survival_summary": (
        "With {days} days of silence as 'left', {left:,} of {n:,} accounts have left; still buying at the end "
        "of the curve: {parts}.",
        "以沉默 {days} 天为流失标准，{n:,} 个客户中有 {left:,} 个已流失；曲线末端仍在购买的比例：{parts}。"),
    "label.defection.terms_days": ("payment terms (days)", "付款期限（天）"),
    "label.defection.terms_summary": (
        "At {days} days' terms {account} owes CNY {receivables:,.0f} on average; financing it at {rate:.0f} % "
        "costs CNY {cost:,.0f} a year ({extra:+,.0f} against the current terms).",
        "账期为 {days} 天时，{account} 平均欠款 {receivables:,.0f} 元；按 {rate:.0f}% 的资金成本，每年融资成本为 "
        "{cost:,.0f} 元（比现行账期 {extra:+,.0f} 元）。"),
    # --- course terms -------------------------------------------------------------------------
    "term.hidden_dangers": ("hidden dangers of key accounts", "大客户为企业埋下的隐患"),
    "term.own_business": ("setting up on their own", "另起炉灶"),
    "term.market_disorder": ("market disorder (cross-region dumping, price changes)", "市场秩序混乱（窜货、乱价）"),
    "term.bullying_supplier": ("a big store bullying its supplier", "店大欺客"),
    "term.financial_risk": ("financial risk (the biggest buyer as the biggest debtor)", "财务风险"),
    "term.business_inertia": ("business inertia of an exclusive distributor", "独家经销商的经营惰性"),
    "term.hhi": ("Herfindahl-Hirschman index (HHI)", "赫芬达尔-赫希曼指数"),
    "term.concentration_ratio": ("concentration ratio (top-k share)", "集中度（前 k 名占比）"),
    "term.all_eggs_one_basket": ("all eggs in one basket", "把鸡蛋放在一个篮子里"),
    "term.supplier_share_ceiling": ("supplier-share ceiling", "单一供应商份额上限"),
    "term.stress_test": ("stress test: what if an account leaves", "压力测试：客户流失的影响"),
    "term.early_warning": ("early-warning score", "预警评分"),
    "term.precision": ("precision (share of alerts that were right)", "精确率"),
    "term.recall": ("recall (share of leavers caught)", "召回率"),
    "term.churn_rate": ("churn rate", "客户流失率"),
    "term.censoring": ("censoring (still active, lifetime not yet known)", "删失"),
    "term.kaplan_meier": ("Kaplan-Meier survival curve", "Kaplan-Meier 生存曲线"),
    "term.btyd": ("buy till you die (BTYD) models", "BTYD 模型（购买直至流失）"),
    "term.p_alive": ("probability an account is still active, P(alive)", "客户存活概率"),
    "term.dso": ("days sales outstanding (DSO)", "应收账款周转天数"),
    "term.ageing": ("receivables ageing", "应收账款账龄分析"),
    "term.expected_credit_loss": ("expected credit loss", "预期信用损失"),
    "term.payment_terms": ("payment terms", "付款期限（账期）"),
    "term.countermeasures": ("countermeasures", "应对策略"),
    "term.cm_influence": ("build the influence of company, brand and product", "提升企业、品牌和产品的影响力"),
    "term.cm_partnership": ("stable strategic partnership: shared gains, shared risk",
                            "建立稳定的战略合作伙伴关系：利益共享、风险共担"),
    "term.cm_win_win_model": ("win-win cooperation model with incentives and constraints",
                              "建立双赢的合作模式：激励与约束并重"),
    "term.cm_safeguards": ("customer-management safeguards: key-account unit, service platform, policy, technology",
                           "完善客户管理保障：大客户部门、服务平台、客户政策、管理技术"),
    "term.cm_value_added_service": ("keep creating value-added service", "不断创造增值服务"),
    "term.cross_region_dumping": ("cross-region dumping", "窜货"),
    "term.price_floor": ("price floor (minimum resale price)", "最低限价"),
    "term.field_check": ("field check", "市场巡查"),
    "term.left_truncation": ("left truncation", "左截断"),
    "term.delayed_entry": ("delayed entry", "延迟进入"),
    "term.holdout_period": ("calibration and holdout periods", "校准期与留出期"),
    "term.five_attitudes": ("the five right attitudes towards key accounts", "对待大客户的五种正确态度"),
}
