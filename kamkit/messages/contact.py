"""Messages of module 03, making contact with key accounts (与大客户建立联系):
errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
    # --- buying centre ---------------------------------------------------------------------
    "contact.unknown_key_accounts": (
        "{n} of the key accounts are not in the table ({ids}); use account ids from its index.",
        "有 {n} 个大客户不在表中（{ids}）；请使用表索引中的客户编号。"),
    "contact.no_contacts": (
        "account {account} has no contacts in the contacts table, so there is no buying centre to "
        "diagnose: find its people first (找: build information channels).",
        "客户 {account} 在联系人表中没有任何联系人，无法分析其采购中心：请先找到这个客户的人（找：建立信息渠道）。"),
    # --- pipeline --------------------------------------------------------------------------
    "contact.bad_stages": (
        "stages must be one or more different stage names in cycle order, e.g. {order}; got {got}.",
        "stages 必须是一个或多个互不相同、按流程顺序排列的阶段名，例如 {order}；现在是 {got}。"),
    "contact.stages_out_of_order": (
        "the stages are out of order ({got}); the five-step cycle runs {order}.",
        "阶段顺序不对（{got}）；五部曲的顺序是 {order}。"),
    "contact.skipped_stage": (
        "{n} opportunities have a '{later}' but no '{earlier}' ({rows}); a deal reaches a stage only "
        "through the one before it. Fill in the missing date.",
        "有 {n} 个商机有 '{later}' 却没有 '{earlier}'（{rows}）；商机只能经过前一个阶段才进入下一个阶段。"
        "请补上缺失的日期。"),
    "contact.dates_out_of_order": (
        "{n} opportunities have '{later}' before '{earlier}' ({rows}); stage dates must follow the "
        "cycle. Correct the dates.",
        "有 {n} 个商机的 '{later}' 早于 '{earlier}'（{rows}）；各阶段日期必须按流程先后排列。请更正日期。"),
    "contact.closed_before_opened": (
        "{n} opportunity closed before it reached a stage it records ('{closed}' before '{stage}'; "
        "{rows}). Correct the dates.",
        "有 {n} 个商机在进入它记录的某个阶段之前就已关闭（'{closed}' 早于 '{stage}'；{rows}）。请更正日期。"),
    "contact.outcome_without_close": (
        "{n} opportunities have a '{closed}' that does not match their '{outcome}' ({rows}): won and "
        "lost deals need a closing date, open deals must not have one.",
        "有 {n} 个商机的 '{closed}' 与 '{outcome}' 不符（{rows}）：赢单和丢单必须有关闭日期，进行中的商机不能有。"),
    "contact.bad_factor": (
        "factor must be a number greater than 0 (e.g. 3 for three times the usual days); got {got}.",
        "factor 必须是大于 0 的数字（例如 3 表示通常天数的三倍）；现在是 {got}。"),
    "contact.group_missing": (
        "{n} opportunities belong to accounts that have no group in the mapping ({rows}); give every "
        "account a group (tier).",
        "有 {n} 个商机所属的客户在分组中没有对应的组（{rows}）；请给每个客户指定一个组（层级）。"),
    # --- negotiation -----------------------------------------------------------------------
    "contact.negative_money": (
        "{name} must be an amount of 0 or more (CNY); got {got}.",
        "{name} 必须是大于等于 0 的金额（元）；现在是 {got}。"),
    "contact.bad_probability": (
        "{name} must be a probability from 0 to 1 (e.g. 0.6 for 60 %); got {got}.",
        "{name} 必须是 0 到 1 之间的概率（例如 0.6 表示 60%）；现在是 {got}。"),
    "contact.core_not_positive": (
        "core_profit must be greater than 0: a core project that earns nothing is not worth protecting; got {got}.",
        "core_profit 必须大于 0：不赚钱的核心项目不值得保护；现在是 {got}。"),
    "contact.bad_tolerance": (
        "{name} must be a share of 0 or more (minor_share: greater than 0, at most 1); got {got}.",
        "{name} 必须是大于等于 0 的比例（minor_share 须大于 0 且不超过 1）；现在是 {got}。"),
    "contact.no_reference": (
        "{n} quotation lines have no reference price ({ids}); give a reference price for every item.",
        "报价单中有 {n} 行没有参考价（{ids}）；请为每个品项提供参考价。"),
    "contact.empty_quotation": (
        "the quotation's total is 0: there is nothing to audit.",
        "报价单总额为 0：没有可以审查的内容。"),
}

MESSAGES.update({
    # --- plot labels -----------------------------------------------------------------------
    "label.contact.stage.find": ("1 find", "1 找"),
    "label.contact.stage.break_through": ("2 break through", "2 攻"),
    "label.contact.stage.hold": ("3 hold", "3 守"),
    "label.contact.stage.defend": ("4 defend", "4 防"),
    "label.contact.stage.won": ("won", "赢单"),
    "label.contact.role.decider": ("decider", "决策者（拍板的人）"),
    "label.contact.role.influencer": ("influencer", "影响者"),
    "label.contact.role.user": ("user", "使用者"),
    "label.contact.role.buyer": ("buyer", "采购者"),
    "label.contact.role.gatekeeper": ("gatekeeper", "把关者"),
    "label.contact.attitude.-2": ("opponent −2", "反对者 −2"),
    "label.contact.attitude.-1": ("sceptic −1", "怀疑者 −1"),
    "label.contact.attitude.0": ("neutral 0", "中立 0"),
    "label.contact.attitude.1": ("supporter +1", "支持者 +1"),
    "label.contact.attitude.2": ("champion +2", "拥护者 +2"),
    "label.contact.address_first": ("address first", "优先沟通"),
    "label.contact.attitude_axis": ("attitude to us (score −2 to +2)", "对我们的态度（−2 到 +2 分）"),
    "label.contact.influence_axis": ("influence on the purchase (1-5)", "对采购的影响力（1-5）"),
    "label.contact.map_title": ("Buying centre: who decides, who blocks", "采购中心：谁拍板，谁阻挠"),
    "label.contact.multi_threaded": ("two contacts or more ({n})", "两个及以上联系人（{n}）"),
    "label.contact.single_threaded": ("single-threaded: one contact ({n})", "单线联系：只有一个联系人（{n}）"),
    "label.contact.roles_covered_axis": (
        "buying-centre roles we reach (of 5)",
        "我们接触到的采购中心角色数（共 5 种）"),
    "label.contact.key_accounts_axis": ("key accounts", "大客户数"),
    "label.contact.coverage_title": ("How much of the buying centre do we reach?", "我们覆盖了采购中心的多少？"),
    "label.contact.conversion": ("↓ {pct:.0f} % move on", "↓ {pct:.0f}% 进入下一步"),
    "label.contact.deals_axis": ("opportunities (deals)", "商机数"),
    "label.contact.funnel_title": ("The five-step cycle as a funnel", "五部曲销售漏斗"),
    "label.contact.days_axis": ("days in the stage", "在该阶段停留的天数"),
    "label.contact.stage_days_title": ("How long a deal spends in each stage", "商机在各阶段停留多久"),
    "label.contact.overall_win_rate": ("all deals: {pct:.1f} %", "全部商机：{pct:.1f}%"),
    "label.contact.group_axis": ("{name} (number on the bar: decided deals)", "{name}（柱上数字：已决商机数）"),
    "label.contact.win_rate_axis": ("win rate: won / (won + lost) (%)", "赢单率：赢单 /（赢单 + 丢单）（%）"),
    "label.contact.win_rate_title": ("Win rate of decided deals", "已决商机的赢单率"),
    "label.contact.our_walk_away": ("our walk-away\nCNY {value:,.0f}", "我方底线\n{value:,.0f} 元"),
    "label.contact.buyer_walk_away": ("buyer's walk-away\nCNY {value:,.0f}", "买方底线\n{value:,.0f} 元"),
    "label.contact.zopa": ("ZOPA: CNY {value:,.0f} wide", "协议区间（ZOPA）：宽 {value:,.0f} 元"),
    "label.contact.no_zopa": ("no ZOPA: a gap of CNY {value:,.0f}", "没有协议区间：相差 {value:,.0f} 元"),
    "label.contact.price_axis": ("price of the deal (CNY)", "成交价格（元）"),
    "label.contact.zone_title": ("Negotiation zone (BATNA / ZOPA)", "谈判区间（BATNA / ZOPA）"),
    "label.contact.protect_core": ("refuse the side order,\nprotect the core project", "拒绝小单，\n保住核心项目"),
    "label.contact.take_side": ("take the side order", "接下小单"),
    "label.contact.expected_profit_axis": ("expected profit (CNY)", "期望利润（元）"),
    "label.contact.side_order_title": ("Xiao Wang's choice: the side order or the core project?",
                                       "小王的选择：接小单，还是保核心项目？"),
    "label.contact.tolerance": ("tolerance: {pct:.0f} % above reference", "容差：高于参考价 {pct:.0f}%"),
    "label.contact.markup_axis": ("quoted price above the reference price (%)", "报价高于参考价的幅度（%）"),
    "label.contact.audit_title": ("Quotation audit: which lines are padded?", "报价自查：哪些行报高了？"),
    "label.contact.padded": ("padded lines ({n})", "报价虚高的行（{n}）"),
    # --- explorer summaries and controls ----------------------------------------------------
    "label.contact.account": ("account", "客户"),
    "label.contact.map_summary": (
        "{account}: {n} contacts in {roles} roles, {blockers} against us; address first {who} ({role}): {cause}.",
        "{account}：{n} 个联系人，{roles} 种角色，{blockers} 人反对我们；优先沟通 {who}（{role}）：{cause}。"),
    "label.contact.map_summary_nobody": (
        "{account}: {n} contacts in {roles} roles, nobody blocks or hesitates.",
        "{account}：{n} 个联系人，{roles} 种角色，没有人阻挠或犹豫。"),
    "label.contact.map_summary_none": (
        "{account}: no contacts — find the people first.",
        "{account}：没有联系人——先找到人。"),
    "label.contact.cause.information": ("holds less information", "掌握的信息不同"),
    "label.contact.cause.position": ("a different position and concern", "立场和关注点不同"),
    "label.contact.cause.our_behaviour": ("our own behaviour provoked rejection", "我方不当行为引起反感"),
    "label.contact.cause.competitor_camp": ("sits in a competitor's camp", "站在竞争对手一边"),
    "label.contact.cause.indecision": ("undecided", "犹豫不决"),
    "label.contact.our_cost": ("our cost (CNY)", "我方成本（元）"),
    "label.contact.cost_to_serve": ("cost to serve (CNY)", "服务成本（元）"),
    "label.contact.buyer_alternative": ("buyer's alternative (CNY)", "买方替代方案价格（元）"),
    "label.contact.switching_cost": ("switching cost (CNY)", "转换成本（元）"),
    "label.contact.zone_summary": (
        "A deal is possible between CNY {low:,.0f} and CNY {high:,.0f}: a zone CNY {width:,.0f} wide.",
        "可以在 {low:,.0f} 元到 {high:,.0f} 元之间成交：协议区间宽 {width:,.0f} 元。"),
    "label.contact.zone_summary_none": (
        "No deal is possible: our walk-away price is CNY {gap:,.0f} above the buyer's.",
        "无法成交：我方底线比买方底线高 {gap:,.0f} 元。"),
    "label.contact.p_core": ("chance of the core project if we refuse", "拒绝小单时赢得核心项目的概率"),
    "label.contact.p_core_if_side": ("chance if we take the side order", "接下小单时的概率"),
    "label.contact.side_summary_protect": (
        "Refuse the side order: protecting the core project is worth CNY {advantage:,.0f} more "
        "(it pays once the side order would cut the core's chance by more than {drop:.1f} points).",
        "拒绝小单：保住核心项目的期望利润多 {advantage:,.0f} 元（只要接小单会让核心项目的概率下降超过 {drop:.1f} "
        "个百分点，就该拒绝）。"),
    "label.contact.side_summary_take": (
        "Take the side order: it is worth CNY {advantage:,.0f} more (the core's chance falls by less "
        "than the break-even {drop:.1f} points).",
        "接下小单：期望利润多 {advantage:,.0f} 元（核心项目的概率下降少于盈亏平衡点 {drop:.1f} 个百分点）。"),
})

MESSAGES.update({
    # --- terms of module 03 ----------------------------------------------------------------
    "term.five_step_cycle": ("five-step key-account marketing cycle", "大客户营销五部曲"),
    "term.step_find": ("find (the right key accounts)", "找"),
    "term.step_break_through": ("break through (early stage)", "攻"),
    "term.step_hold": ("hold (middle stage)", "守"),
    "term.step_defend": ("defend (late stage and after the sale)", "防"),
    "term.self_cultivation": ("self-cultivation of the salesperson", "修身"),
    "term.internal_purchasing_process": ("the customer's internal purchasing process", "客户内部采购流程"),
    "term.role_influencer": ("influencer (buying-centre role)", "影响者"),
    "term.role_user": ("user (buying-centre role)", "使用者"),
    "term.role_buyer": ("buyer (buying-centre role)", "采购者"),
    "term.role_gatekeeper": ("gatekeeper (buying-centre role)", "把关者"),
    "term.stakeholder_map": ("stakeholder map (influence × attitude)", "关系图谱（影响力 × 态度）"),
    "term.single_threaded": ("single-threaded relationship (one contact only)", "单线联系（只有一个联系人）"),
    "term.passing_the_buck": ("passing the buck", "互相踢皮球"),
    "term.internal_disagreement": ("internal disagreement", "内部分歧"),
    "term.sales_funnel": ("sales funnel (pipeline)", "销售漏斗"),
    "term.stage_conversion": ("stage conversion rate", "阶段转化率"),
    "term.win_rate": ("win rate", "赢单率"),
    "term.stalled_deal": ("stalled deal", "停滞的商机"),
    "term.batna": ("BATNA (best alternative to a negotiated agreement)", "谈判协议的最佳替代方案"),
    "term.zopa": ("ZOPA (zone of possible agreement)", "可能达成协议的区间"),
    "term.walk_away_price": ("walk-away (reservation) price", "底线价格"),
    "term.switching_cost": ("switching cost", "转换成本"),
    "term.decoy_requirement": ("decoy requirement", "虚假需求（烟幕）"),
    "term.relative_advantage": ("relative advantage", "相对优势"),
    "term.refuse_small_gains": ("refuse small gains, hold the line", "拒绝小利，坚守底线"),
    "term.padded_quotation": ("padded quotation", "虚高报价"),
    "term.dedicated_kam_unit": ("dedicated key-account unit and people", "专门机构和专人"),
})

MESSAGES.update({
    # --- second edition: purchasing process, stage and reason names, chart legends ----------
    "label.contact.stage_name.find": ("find (找)",
        "“找”"),
    "label.contact.stage_name.break_through": ("break through (攻)",
        "“攻”"),
    "label.contact.stage_name.hold": ("hold (守)",
        "“守”"),
    "label.contact.stage_name.defend": ("defend (防)",
        "“防”"),
    "label.contact.reason.price": ("price",
        "价格"),
    'label.contact.reason.competitor_relationship': ("the competitor's relationship",
        '竞争对手的关系'),
    "label.contact.reason.no_decision": ("no decision",
        "客户迟迟不做决定"),
    "label.contact.reason.specification": ("the specification",
        "技术规格不符"),
    "label.contact.reason.timing": ("timing",
        "时机不对"),
    "label.contact.reason.unknown": ("an unrecorded reason",
        "原因未记录"),
    "label.contact.left_stage": ("deals that left the stage (box: middle half, line: median)",
        "已走完该阶段的单子（箱体：中间一半，线：中位数）"),
    "label.contact.outlier": ("unusually long (outlier)",
        "异常长（离群值）"),
    "label.contact.stalled_marker": ("stalled open deals ({n})",
        "停滞的在谈单子（{n} 笔）"),
    "label.contact.days_axis_log": ("days in the stage (log scale)",
        "在该阶段停留的天数（对数刻度）"),
    "label.contact.above_overall": ("at or above the overall win rate",
        "不低于整体赢单率"),
    "label.contact.below_overall": ("below the overall win rate",
        "低于整体赢单率"),
    "label.contact.few_decided": ("fewer than {n} decided deals",
        "有结果的单子不足 {n} 笔"),
    "label.contact.asking_price": ("our asking price\nCNY {value:,.0f}",
        "我方要价\n{value:,.0f} 元"),
    "label.contact.asking_above": (
        "Our asking price of CNY {asking:,.0f} is CNY {gap:,.0f} above the buyer's walk-away.",
        "我方 {asking:,.0f} 元的要价比买方底线高 {gap:,.0f} 元。"),
    "label.contact.asking_inside": (
        "Our asking price of CNY {asking:,.0f} is CNY {gap:,.0f} below the buyer's walk-away.",
        "我方 {asking:,.0f} 元的要价比买方底线低 {gap:,.0f} 元。"),
    "label.contact.price_axis_k": ("price of the deal (thousand CNY)",
        "成交价格（千元）"),
    "contact.bad_signer_roles": ("signers must name buying-centre roles ({roles}); got {got}.",
        "signers 中的角色必须是采购中心的角色（{roles}）；现在是 {got}。"),
    "label.contact.group_name.salesperson": ("salesperson",
        "销售人员"),
    "label.contact.group_name.coverage_model": ("coverage model",
        "服务模式"),
})
