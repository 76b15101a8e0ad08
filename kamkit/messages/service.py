"""Messages of module 04, what key accounts expect of service (大客户对服务的期待):
errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
    # --- errors ---------------------------------------------------------------------------
    "service.outside_likert": (
        "column '{column}' has {n} scores outside the Likert scale {low} to {high} ({rows}). "
        "Survey scores must be whole numbers from {low} to {high}; correct them or give the scale with scale=(low, "
        "high).",
        "'{column}' 列有 {n} 个评分超出李克特量表 {low} 到 {high} 的范围（{rows}）。"
        "问卷评分必须是 {low} 到 {high} 的整数；请更正，或用 scale=(最低, 最高) 指定量表。"),
    "service.missing_dimensions": (
        "{n} responses lack a score for some SERVQUAL dimensions ({lacking}); every response needs a score "
        "for each of: {dimensions}. Complete them, or pass the dimensions you surveyed with dimensions=(...).",
        "{n} 份答卷缺少某些 SERVQUAL 维度的评分（{lacking}）；每份答卷都需要以下每个维度的评分：{dimensions}。"
        "请补全，或用 dimensions=(...) 指定实际调查的维度。"),
    "service.unknown_responses": (
        "the scores refer to {n} responses that the responses table does not have ({rows}); "
        "every scored response needs its respondent row.",
        "评分中有 {n} 份答卷在答卷表中找不到（{rows}）；每份有评分的答卷都需要一行受访者记录。"),
    "service.needs_responses": (
        "to group by '{by}' pass the responses table too (responses=...), which says whose answer each is.",
        "要按 '{by}' 分组，还需要传入答卷表（responses=...），它说明每份答卷来自谁。"),
    "service.no_tiers": (
        "by='tier' needs tiers=: a Series from account id to tier, e.g. kamkit.identify.pyramid_tiers(...).",
        "by='tier' 需要 tiers=：从客户编号到层级的 Series，例如 kamkit.identify.pyramid_tiers(...)。"),
    "service.untiered_accounts": (
        "{n} accounts have no tier in tiers ({rows}); give every surveyed account a tier (e.g. 'other').",
        "有 {n} 个客户在 tiers 中没有层级（{rows}）；请给每个受访客户一个层级（例如 'other'）。"),
    "service.no_respondents": (
        "none of the {n} accounts asked for has a survey respondent; choose other accounts or another tier.",
        "所选的 {n} 个客户都没有受访者；请换一些客户或另一个层级。"),
    "service.bad_crosshair": (
        "crosshair must be 'mean', 'median' or a pair of numbers (importance cut, performance cut); got {got}.",
        "crosshair 必须是 'mean'、'median'，或一对数字（重要性分界，表现分界）；现在是 {got}。"),
    "service.no_scores": (
        "there are no scores: the Net Promoter Score needs at least one 0-10 recommend score.",
        "没有评分：计算净推荐值至少需要一个 0-10 的推荐评分。"),
    "service.outside_nps": (
        "column '{column}' has {n} scores outside 0 to 10 ({rows}); the recommend question is scored 0-10.",
        "'{column}' 列有 {n} 个评分超出 0 到 10 的范围（{rows}）；推荐意愿题的评分是 0-10。"),
    "service.bad_weights": (
        "weights must be {n} numbers of 0 or more (one per score), not all 0; got {got} values.",
        "权重必须是 {n} 个大于等于 0 的数（每个评分一个），且不能全为 0；现在有 {got} 个值。"),
    "service.unknown_roles": (
        "role_weights has no weight for the role(s) {roles}; it has: {known}.",
        "role_weights 中没有角色 {roles} 的权重；现有：{known}。"),
    "service.before_opened": (
        "column '{column}' has {n} times before the ticket was opened ('{opened}') ({rows}); a ticket cannot be "
        "answered or resolved before it opens. Correct those times.",
        "'{column}' 列有 {n} 个时间早于工单创建时间（'{opened}'）（{rows}）；工单不可能在创建之前被响应或解决。"
        "请更正这些时间。"),
    "service.missing_target": (
        "targets has no service level for the group '{group}'; it has: {known}.",
        "targets 中没有 '{group}' 组的服务水平；现有：{known}。"),
    "service.bad_target": (
        "the target of '{group}' must be {{'response_hours': h, 'resolution_hours': h}} with positive hours; got "
        "{got}.",
        "'{group}' 的目标必须是 {{'response_hours': 小时, 'resolution_hours': 小时}}，且小时数为正；现在是 {got}。"),
    "service.ungrouped_accounts": (
        "{n} accounts with tickets have no group ({rows}); give every account a group (e.g. 'other').",
        "有 {n} 个有工单的客户没有分组（{rows}）；请给每个客户一个分组（例如 'other'）。"),
    "service.not_positive": (
        "{name} must be a positive number; got {got}.",
        "{name} 必须是正数；现在是 {got}。"),
    "service.bad_uplift": (
        "retention_uplift must be a share from 0 to 1 (0.05 = 5 percentage points more chance to keep the account); "
        "got {got}.",
        "retention_uplift 必须是 0 到 1 之间的比例（0.05 表示保留客户的概率提高 5 个百分点）；现在是 {got}。"),
    "service.missing_revenue": (
        "{n} accounts have a service cost but no revenue ({rows}); give their yearly revenue.",
        "有 {n} 个客户有服务成本却没有收入（{rows}）；请提供它们的年收入。"),
    "service.bad_margin": (
        "every account needs a gross margin of at most 1 (0.2 = 20 %); {n} margins are missing or above 1 ({rows}).",
        "每个客户都需要不超过 1 的毛利率（0.2 表示 20%）；有 {n} 个毛利率缺失或大于 1（{rows}）。"),
    "service.negative_cost": (
        "service costs must be numbers of 0 or more; {n} are missing or negative ({rows}).",
        "服务成本必须是大于等于 0 的数字；有 {n} 个缺失或为负（{rows}）。"),

    # --- plot labels and explorer summaries ----------------------------------------------
    "label.service.dimension.tangibles": ("tangibles", "有形性"),
    "label.service.dimension.reliability": ("reliability", "可靠性"),
    "label.service.dimension.responsiveness": ("responsiveness", "响应性"),
    "label.service.dimension.assurance": ("assurance", "保证性"),
    "label.service.dimension.empathy": ("empathy", "移情性"),
    "label.service.expectation": ("expectation (mean)", "期望（均值）"),
    "label.service.perception": ("perception (mean)", "感知（均值）"),
    "label.service.score_1_7": ("mean score (1-7 Likert scale)", "平均分（1-7 李克特量表）"),
    "label.service.gap_title": ("What accounts expect and what they perceive", "客户的期望与感知"),
    "label.service.gap_axis": ("gap: perception − expectation (points on 1-7)", "差距：感知 − 期望（1-7 分制的分数）"),
    "label.service.gap_by_group_title": ("Service gap by dimension and tier", "各维度、各层级的服务差距"),
    "label.service.quadrant.concentrate_here": ("concentrate here", "重点改进"),
    "label.service.quadrant.keep_up_the_good_work": ("keep up the good work", "继续保持"),
    "label.service.quadrant.low_priority": ("low priority", "次要改进"),
    "label.service.quadrant.possible_overkill": ("possible overkill", "可能过度投入"),
    "label.service.performance_axis": ("performance: mean perception (1-7)", "表现：感知均值（1-7）"),
    "label.service.importance_axis": ("importance: mean rating (1-7)", "重要性：评分均值（1-7）"),
    "label.service.ipa_title": (
        "Importance-performance analysis ({method} crosshair)",
        "重要性-表现分析（{method}十字线）"),
    "label.service.crosshair": ("crosshair", "十字线"),
    "label.service.crosshair.mean": ("mean", "均值"),
    "label.service.crosshair.median": ("median", "中位数"),
    "label.service.crosshair.fixed": ("fixed", "固定"),
    "label.service.tier": ("tier", "层级"),
    "label.service.all_tiers": ("all tiers", "全部层级"),
    "label.service.none": ("none", "无"),
    "label.service.ipa_explorer_title": ("Where should service improve first?", "服务应当先改进哪里？"),
    "label.service.ipa_summary": (
        "{respondents:,} respondents, {method} crosshair: concentrate here on {concentrate}; possible overkill: "
        "{overkill}.",
        "{respondents:,} 位受访者，{method}十字线：重点改进 {concentrate}；可能过度投入：{overkill}。"),
    "label.service.nps_accounts": ("accounts ({n:,}), bar = 95 % margin", "客户（{n:,} 个），竖线 = 95% 误差范围"),
    "label.service.nps_highlight": ("highlighted accounts ({n})", "重点标出的客户（{n}）"),
    "label.service.respondents_axis": ("respondents at the account", "该客户的受访人数"),
    "label.service.nps_axis": ("Net Promoter Score (−100 to 100)", "净推荐值（−100 到 100）"),
    "label.service.nps_title": ("NPS per account: few respondents, wide margins", "各客户的净推荐值：受访者少，误差大"),
    "label.service.median_response": ("median first response", "首次响应时间中位数"),
    "label.service.target": ("target (service level)", "目标（服务水平）"),
    "label.service.within": ("{pct:.0f} % in time", "{pct:.0f}% 按时"),
    "label.service.hours_axis": ("hours from opening to first response", "从创建到首次响应的小时数"),
    "label.service.level_title": ("Service level by tier: first response", "各层级的服务水平：首次响应"),
    "label.service.key_target_slider": ("first-response target, VIP and major (hours)", "VIP "
                                                                                        "与主要客户的首次响应目标（小时）"),
    "label.service.level_summary": (
        "With a {hours:.1f}-hour target, {pct:.0f} % of the {tickets:,} VIP and major tickets get a first response in "
        "time.",
        "目标为 {hours:.1f} 小时时，VIP 与主要客户的 {tickets:,} 张工单中有 {pct:.0f}% 按时得到首次响应。"),
    "label.service.pays": ("pays for itself ({n})", "收回成本（{n}）"),
    "label.service.does_not_pay": ("does not pay ({n})", "收不回成本（{n}）"),
    "label.service.break_even": ("break-even: profit kept = cost", "盈亏平衡：保住的毛利 = 成本"),
    "label.service.cost_axis": ("value-added service cost a year (CNY, log scale)", "每年增值服务成本（元，对数刻度）"),
    "label.service.kept_axis": ("gross profit kept a year (CNY, log scale)", "每年保住的毛利（元，对数刻度）"),
    "label.service.roi_title": ("Value-added service: cost against profit kept", "增值服务：成本与保住的毛利"),
    "label.service.uplift_slider": ("retention uplift (share)", "客户保留率提升（比例）"),
    "label.service.years_slider": ("years an account stays", "客户留存年数"),
    "label.service.roi_summary": (
        "With {uplift:.0f} points more retention and {years} years kept, the service pays for itself at {pays} of {n} "
        "accounts; net CNY {net:,.0f} a year.",
        "保留率提升 {uplift:.0f} 个百分点、客户留存 {years} 年时，增值服务在 {n} 个客户中的 {pays} 个收回成本；"
        "每年净值 {net:,.0f} 元。"),
    "label.service.comparison_title": ("Key accounts: dedicated team or the small-customer way?",
                                       "大客户：专门团队服务，还是沿用小客户的方式？"),
    "label.service.comparison_note": ("first response {hours:.1f} h · perception {perception:.2f} · {n} respondents",
                                      "首次响应 {hours:.1f} 小时 · 感知 {perception:.2f} · {n} 位受访者"),
    "label.service.group.dedicated_kam": ("dedicated KAM team", "专门的大客户团队"),
    "label.service.group.general_sales": ("general sales", "普通销售"),
    "label.service.support.market_research": ("market and industry research and forecasts", "市场与行业调研和预测"),
    "label.service.support.joint_market_discussion": (
        "deep joint discussion of market development",
        "共同深入探讨市场发展"),
    "label.service.support.quality_and_delivery": ("stable quality and on-time delivery", "稳定的质量与准时交货"),
    "label.service.support.sales_training": ("training the customer's sales people", "培训客户的销售人员"),
    "label.service.support.market_activities": ("joining the customer's market activities", "参与客户的市场活动"),
    "label.service.support.documents_on_time": ("documents on time", "及时提供单据资料"),
    "label.service.support.open_contact": ("always-open contact", "联系渠道随时畅通"),
    "label.service.support.other_services": ("other services as needed", "其他所需服务"),
    # --- terms of module 04 ---------------------------------------------------------------
    "term.servqual": ("SERVQUAL (service quality on five dimensions)", "SERVQUAL 服务质量模型（五个维度）"),
    "term.service_gap": ("service gap (perception − expectation)", "服务差距（感知 − 期望）"),
    "term.importance_performance": ("importance-performance analysis (IPA)", "重要性-表现分析（IPA）"),
    "term.net_promoter_score": ("Net Promoter Score (NPS)", "净推荐值（NPS）"),
    "term.promoter": ("promoter (scores 9-10)", "推荐者（9-10 分）"),
    "term.detractor": ("detractor (scores 0-6)", "贬损者（0-6 分）"),
    "term.service_level": (
        "service level (promised response and resolution times)",
        "服务水平（承诺的响应与解决时间）"),
    "term.value_added_service": ("value-added service", "增值服务"),
    "term.post_sale_support": ("support after the sale", "售后支持"),
    "term.traditional_mindset": (
        "carrying the traditional small-customer mindset over to key accounts",
        "沿袭传统营销思路"),
    "term.dedicated_team": ("dedicated key-account team", "专门的大客户团队"),
    "term.raising_satisfaction": ("raising customer satisfaction", "提升客户满意度"),
    "term.raising_loyalty": ("raising customer loyalty", "提升客户忠诚度"),

    # --- notebook 04 feedback ---------------------------------------------------------------
    "nb04.mistake.gap_sign": (
        "the sign is reversed: the SERVQUAL gap is perception − expectation, so a service that falls short gives a "
        "negative gap.",
        "符号反了：SERVQUAL 差距是感知 − 期望，服务达不到期望时差距为负。"),
    "nb04.mistake.perception_only": (
        "that is the mean perception alone; the gap compares it with what the respondents expected.",
        "这只是感知的平均分；差距要把它和受访者的期望相比。"),
    "nb04.hint.gap": (
        "keep the responsiveness rows of the scores and average perception − expectation over them.",
        "取出 responsiveness 维度的评分行，计算 感知 − 期望 的平均值。"),
    "nb04.mistake.nps_mean": (
        "that is the average recommend score; NPS counts people: the share of promoters (9-10) minus the share of "
        "detractors (0-6).",
        "这是推荐评分的平均值；净推荐值数的是人：推荐者（9-10 分）占比减去贬损者（0-6 分）占比。"),
    "nb04.mistake.nps_promoters_only": (
        "that is the share of promoters alone; subtract the share of detractors (0-6).",
        "这只是推荐者的占比；还要减去贬损者（0-6 分）的占比。"),
    "nb04.mistake.nps_passives": (
        "passives (7-8) are neither promoters nor detractors: they count in the total but in neither share.",
        "被动者（7-8 分）既不是推荐者也不是贬损者：计入总人数，但不计入两个占比。"),
    "nb04.hint.nps": (
        "NPS = 100 × (share of scores 9-10 − share of scores 0-6), over all respondents.",
        "净推荐值 = 100 ×（9-10 分的占比 − 0-6 分的占比），按全部受访者计算。"),
    "nb04.mistake.ignored_importance": (
        "those are all the dimensions performing below the crosshair; 'concentrate here' also needs importance at or "
        "above it.",
        "这些是表现低于十字线的全部维度；“重点改进”还要求重要性不低于十字线。"),
    "nb04.mistake.ignored_performance": (
        "those are all the important dimensions; 'concentrate here' keeps only those performing below the crosshair.",
        "这些是所有重要的维度；“重点改进”只保留其中表现低于十字线的。"),
    "nb04.hint.ipa": (
        "compare each dimension's mean importance and mean perception with the mean of the five dimension means.",
        "把每个维度的重要性均值和感知均值，与五个维度均值的平均数相比。"),
    "nb04.mistake.all_tiers": (
        "that is the share over the tickets of every tier; the question is about the VIP tier's tickets only.",
        "这是所有层级工单的占比；题目只问 VIP 层级的工单。"),
    "nb04.mistake.resolution_not_response": (
        "that uses the resolution time; the service level asked about is the time to the first response.",
        "这里用的是解决时间；题目问的服务水平是首次响应时间。"),
    "nb04.hint.service_level": (
        "for VIP-tier tickets, count those with first_response_at − opened_at of at most 2 hours and divide by all "
        "VIP tickets.",
        "对 VIP 层级的工单，数出 first_response_at − opened_at 不超过 2 小时的工单，再除以 VIP 工单总数。"),
    "nb04.mistake.all_general_sales": (
        "that compares all general-sales accounts, most of them small; compare the key accounts only.",
        "这比较的是全部普通销售客户，其中大多是小客户；只比较大客户。"),
    "nb04.mistake.average_of_account_nps": (
        "that averages the accounts' NPS, so an account with two respondents weighs as much as one with eight; "
        "compute one NPS over all respondents of each group.",
        "这是把各客户的净推荐值平均，于是只有两位受访者的客户和有八位的客户权重一样；"
        "请对每组全部受访者计算一个净推荐值。"),
    "nb04.hint.coverage_nps": (
        "split the respondents of key_accounts by their account's coverage_model, compute the NPS of each group, and "
        "subtract.",
        "把 key_accounts 的受访者按其客户的 coverage_model 分组，分别计算净推荐值，再相减。"),
    "nb04.mistake.revenue_not_profit": (
        "that divides by revenue; what a kept account brings back is its gross profit, so divide by gross profit.",
        "这里除以的是收入；保住客户带回来的是毛利，所以应除以毛利。"),
    "nb04.mistake.three_years": (
        "that mixes three years with one: put cost and gross profit on the same yearly basis.",
        "这里把三年和一年混在一起了：成本和毛利要按同样的“每年”口径。"),
    "nb04.hint.break_even": (
        "break-even uplift = yearly value-added service cost / yearly gross profit, both over the key accounts.",
        "盈亏平衡的提升幅度 = 每年增值服务成本 / 每年毛利，两者都按大客户合计。"),
}
