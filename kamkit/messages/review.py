"""Messages of `kamkit review` (a key-account review of any ledger) and of notebook 06."""

MESSAGES = {
    "review.title": ("Key-account review", "大客户分析报告"),
    "review.subtitle": ("{file}: {lines:,} order lines of {accounts:,} buying accounts, {first} to {end}",
                        "{file}：{accounts:,} 个有购买记录的客户，{lines:,} 条订单行，{first} 至 {end}"),
    "review.generated": ("Made by kamkit {version} with the analyses of the course modules 01–05.",
                         "本报告由 kamkit {version} 按课程模块 01–05 的分析方法生成。"),
    "review.accounts_csv": ("Every account, one row each: accounts.csv (beside this page).",
                            "全部客户的明细（每个客户一行）见 accounts.csv，与本页在同一文件夹。"),
    "review.needs_amount": (
        "the ledger needs an amount per line: a column mapped to line_amount, or quantity and net_price "
        "(columns found: {present}). Map yours with --columns, e.g. --columns 金额=line_amount.",
        "交易明细需要每行的金额：一列对应 line_amount，或者数量 quantity 和单价 net_price"
        "（现有的列：{present}）。请用 --columns 指定对应关系，例如 --columns 金额=line_amount。"),
    "review.needs_column": (
        "the ledger needs a column '{column}' (columns found: {present}). Map yours with --columns, "
        "e.g. --columns 客户=account_id.",
        "交易明细需要一列 '{column}'（现有的列：{present}）。请用 --columns 指定对应关系，"
        "例如 --columns 客户=account_id。"),
    "review.bad_mapping": ("--columns takes own=course pairs, e.g. 客户编号=account_id; got '{text}'.",
                           "--columns 的写法是“自己的列名=课程列名”，例如 客户编号=account_id；收到的却是“{text}”。"),
    "review.rule.zero_value": ("sales worth nothing (zero price or amount: free goods, write-offs)",
                               "金额为零的销售行（零价格或零金额：赠品、核销）"),
    "review.rule.after_end": ("lines dated after the review's end date", "日期晚于分析截止日的行"),
    "review.kept_returns": ("kept as returns: returns and cancellations (netted against the account's sales)",
                            "作为退货保留：退货和取消单（与该客户的销售相抵）"),
    "review.kept_sales": ("kept: sales to identified accounts", "保留：有客户编号的销售"),
    "review.step.accounts": ("accounts", "客户汇总"),
    "review.step.concentration": ("concentration", "集中度"),
    "review.step.pseudo": ("pseudo key accounts", "伪大客户"),
    "review.step.warning": ("early warning", "流失预警"),
    "review.step.survival": ("survival", "生存曲线"),
    "review.step.btyd": ("P(alive)", "存活概率"),
    "review.step.page": ("page", "生成页面"),
    "review.section.quality": ("Data quality: what was read, kept and left out", "数据质量：读取、保留和剔除了什么"),
    "review.quality.lead": (
        "{raw:,} lines read. Every line left out is counted here with its reason; returns and "
        "cancellations are kept and netted against the account's sales.",
        "共读取 {raw:,} 行。每一条被剔除的行都在下表中按原因计数；退货和取消单保留下来，"
        "与该客户的销售相抵。"),
    "review.col.reason": ("reason", "原因"),
    "review.col.lines": ("lines", "行数"),
    "review.col.share": ("share of lines", "行数占比"),
    "review.col.amount": ("amount", "金额"),
    "review.section.identify": ("01 · Who are the key accounts", "01 · 谁是大客户"),
    "review.identify.lead": (
        "The largest 20 % of accounts bring {top20:.1%} of revenue (Gini {gini:.3f}). ABC classes: "
        "A {a:,} accounts ({a_share:.1%} of revenue), B {b:,} ({b_share:.1%}), C {c:,} ({c_share:.1%}).",
        "收入最高的 20% 客户贡献了 {top20:.1%} 的收入（基尼系数 {gini:.3f}）。ABC 分类："
        "A 类 {a:,} 个客户（占收入 {a_share:.1%}），B 类 {b:,} 个（{b_share:.1%}），C 类 {c:,} 个（{c_share:.1%}）。"),
    "review.identify.pyramid": (
        "The customer pyramid by {basis}: {tiers}.", "客户金字塔按{basis}：{tiers}。"),
    "review.basis.gross_profit": ("gross profit", "毛利划分"),
    "review.basis.revenue": ("revenue (the ledger has no costs, so not by profit as the course does)",
                             "收入划分（交易明细中没有成本，无法像课程中那样按利润划分）"),
    "review.identify.pseudo": (
        "{n:,} pseudo key accounts among the top 5 %: big, but one order (or one order dominating) "
        "and no repeat purchase. Do not plan for them as key accounts:",
        "收入前 5% 的客户中有 {n:,} 个伪大客户：金额大，但只下过一次单（或一笔订单占绝大部分），"
        "没有重复购买。不要把它们当作大客户来规划："),
    "review.identify.no_pseudo": ("No pseudo key accounts among the top 5 %.", "收入前 5% 的客户中没有伪大客户。"),
    "review.col.account": ("account", "客户"),
    "review.col.revenue": ("revenue", "收入"),
    "review.col.orders": ("orders", "订单数"),
    "review.col.why": ("why", "原因"),
    "review.section.value": ("02 · The value of key accounts", "02 · 大客户管理的应用价值"),
    "review.section.contact": ("03 · Making contact", "03 · 与大客户建立联系"),
    "review.section.service": ("04 · Service expectations", "04 · 大客户对服务的期待"),
    "review.needs": (
        "This section needs what the ledger lacks: {needed}. Add it (see the course datasheets) and review again.",
        "这一部分需要交易明细中没有的数据：{needed}。请补充这些数据（格式见课程的数据说明书），再重新分析。"),
    "review.value.lead": (
        "The ledger has costs: the pyramid above is by gross profit. Account P&L with cost-to-serve and the "
        "whale curve need service costs per account (module 02).",
        "交易明细中有成本：上面的金字塔按毛利划分。"
        "含服务成本的客户损益和鲸鱼曲线还需要每个客户的服务成本（第 02 单元）。"),
    "review.section.defection": ("05 · Defection: dependence, warning signs, who is still buying",
                                 "05 · 大客户“跳槽”：依赖程度、预警信号、谁还在购买"),
    "review.defection.concentration": (
        "The largest account brings {top1:.1%} of revenue, the ten largest {top10:.1%}; {above:,} account(s) "
        "above 10 % of revenue (HHI {hhi:,.0f} points).",
        "最大的客户贡献 {top1:.1%} 的收入，前十大客户合计 {top10:.1%}；收入占比超过 10% 的客户有 {above:,} 个"
        "（赫芬达尔-赫希曼指数 HHI 为 {hhi:,.0f}）。"),
    "review.defection.warning": (
        "Early warning at {end}: {warned:,} of {scored:,} accounts with a known order rhythm score 50 or more "
        "(orders late against their own rhythm, revenue or range falling). Highest scores:",
        "截至 {end} 的流失预警：在 {scored:,} 个下单节奏可以确定的客户中，{warned:,} 个预警评分在 50 分及以上"
        "（下单比自身节奏明显推迟，收入或采购品类在减少）。评分最高的客户："),
    "review.col.score": ("warning score", "预警评分"),
    "review.col.days_silent": ("days since last order", "距上次下单天数"),
    "review.defection.survival": (
        "{left:.1%} of accounts have not ordered for 180 days or more. Survival by ABC class (Kaplan–Meier, "
        "from each account's first order seen in this ledger — earlier history is not in the file):",
        "{left:.1%} 的客户已连续 180 天及以上没有下单。按 ABC 分类的客户生存曲线（Kaplan–Meier 法，"
        "从每个客户在本明细中的第一笔订单算起；更早的历史不在文件中）："),
    "review.defection.btyd": (
        "BG/NBD model (r = {r:.3g}, α = {alpha:.3g}, a = {a:.3g}, b = {b:.3g}): {gone:,} accounts are more "
        "likely gone than alive. {no_repeat:,} accounts bought on one day only: the model counts them as "
        "alive (it can only lose an account after a repeat purchase), so read P(alive) with days since last order.",
        "BG/NBD 模型（r = {r:.3g}，α = {alpha:.3g}，a = {a:.3g}，b = {b:.3g}）："
        "{gone:,} 个客户更可能已经流失，而不是仍在购买。"
        "{no_repeat:,} 个客户只在一天里下过单：模型把它们都视为仍然存活（客户重复购买之后，模型才可能判断其流失），"
        "因此存活概率要结合距上次下单的天数来看。"),
    "review.section.accounts": ("The accounts, largest first", "客户明细（按收入从高到低）"),
    "review.col.abc": ("ABC", "ABC 类"),
    "review.col.tier": ("tier", "金字塔层级"),
    "review.col.p_alive": ("P(alive)", "存活概率"),
    "review.col.pseudo": ("pseudo key account", "伪大客户"),
    "review.yes": ("yes", "是"),
    "review.wrote": ("wrote {path}", "已写入 {path}"),
    "review.progress": ("review [{bar}] {step}/{total} {name}", "分析 [{bar}] {step}/{total} {name}"),
}
