"""Texts of notebook 04, what key accounts expect of service (大客户对服务的期待): its sentences
(``nb04.*``) and the feedback of its exercise checks (``nb04.mistake.*``, ``nb04.hint.*``)."""

MESSAGES = {
    # --- sentences the notebook prints ------------------------------------------------------
    "nb04.groups": (
        "{n} key accounts; tiers: VIP {vip:,}, major {major:,}, ordinary {ordinary:,}, small {small:,} accounts.",
        "大客户 {n} 个；各层级客户数：VIP 客户 {vip:,}，主要客户 {major:,}，普通客户 {ordinary:,}，小客户 {small:,}。"),
    "nb04.tangibles_gap": (
        "Tangibles, {n:,} respondents: expected {expectation:.2f}, perceived {perception:.2f} on average, "
        "a gap of {gap:+.2f} points.",
        "有形性，{n:,} 位受访者：期望均值 {expectation:.2f}，感知均值 {perception:.2f}，差距 {gap:+.2f} 分。"),
    "nb04.worst_gap": (
        "The largest shortfall is on {dimension}: expected {expectation:.2f}, perceived {perception:.2f}, "
        "a gap of {gap:+.2f} points.",
        "差距最大的是{dimension}：期望 {expectation:.2f}，感知 {perception:.2f}，差距 {gap:+.2f} 分。"),
    "nb04.widest_tier": (
        "Averaged over the five dimensions, the {tier} tier has the widest gap ({gap:+.2f}); the VIP tier {vip:+.2f}.",
        "五个维度平均，差距最大的层级是{tier}（{gap:+.2f}）；VIP 客户为 {vip:+.2f}。"),
    "nb04.quadrant_change": (
        "{dimension}: {before} with the mean crosshair, {after} with the median (importance {importance:.3f} against "
        "the line at {line_i:.3f}; performance {performance:.3f} against {line_p:.3f}).",
        "{dimension}：用均值十字线时属于“{before}”，用中位数十字线时属于“{after}”（重要性 {importance:.3f}，"
        "线在 {line_i:.3f}；表现 {performance:.3f}，线在 {line_p:.3f}）。"),
    "nb04.no_quadrant_change": (
        "No dimension changes quadrant between the mean and the median crosshair.",
        "在均值十字线和中位数十字线之间，没有维度改变象限。"),
    "nb04.correlation": (
        "Correlation between a respondent's mean perception and recommend score ({n:,} respondents): {r:.2f}.",
        "受访者的平均感知分与推荐打分之间的相关系数（{n:,} 位受访者）：{r:.2f}。"),
    "nb04.key_surveyed": (
        "{surveyed} of the {n} key accounts answered the survey (highlighted); {accounts:,} accounts in all.",
        "{n} 个大客户中有 {surveyed} 个参加了问卷（图中突出显示）；参加问卷的客户共 {accounts:,} 个。"),
    "nb04.few_respondents": (
        "{few:,} of {n:,} surveyed accounts have one or two respondents; their median margin is ±{few_margin:.0f} "
        "points, against ±{many_margin:.0f} with six or more.",
        "{n:,} 个受访客户中有 {few:,} 个只有一两位受访者，其误差范围的中位数为 ±{few_margin:.0f} 点；"
        "有六位及以上受访者的客户为 ±{many_margin:.0f} 点。"),
    "nb04.weighted_moves": (
        "Among the {n} accounts with at least 4 respondents, weighting by role moves the NPS by {median:.0f} points "
        "in the median case and by up to {largest:.0f}.",
        "在至少有 4 位受访者的 {n} 个客户中，按角色加权使净推荐值变动的中位数为 {median:.0f} 点，最多变动 "
        "{largest:.0f} 点。"),
    "nb04.ordinary_slower": (
        "The ordinary tier is answered more slowly than the small tier and meets its own target for {ordinary:.0%} of "
        "its tickets (small: {small:.0%}), though it raises {ordinary_tickets:.1f} tickets per account against "
        "{small_tickets:.1f}.",
        "普通客户得到答复比小客户更慢，只有 {ordinary:.0%} 的工单达到自己层级的目标（小客户：{small:.0%}），"
        "而每个普通客户平均提出 {ordinary_tickets:.1f} 张工单，小客户为 {small_tickets:.1f} 张。"),
    "nb04.ordinary_faster": (
        "The ordinary tier is answered faster than the small tier and meets its own target for {ordinary:.0%} of its "
        "tickets (small: {small:.0%}); it raises {ordinary_tickets:.1f} tickets per account against "
        "{small_tickets:.1f}.",
        "普通客户得到答复比小客户更快，{ordinary:.0%} 的工单达到自己层级的目标（小客户：{small:.0%}）；"
        "每个普通客户平均提出 {ordinary_tickets:.1f} 张工单，小客户为 {small_tickets:.1f} 张。"),
    "nb04.coverage_service": (
        "The {general_n} key accounts served by general sales wait {general_hours:.1f} h for a first answer (the "
        "{kam_n} with a dedicated team: {kam_hours:.1f} h) and perceive the service at {general_perception:.2f} of 7 "
        "({kam_perception:.2f}).",
        "由普通销售服务的 {general_n} 个大客户，首次答复要等 {general_hours:.1f} 小时（由专门团队服务的 {kam_n} 个："
        "{kam_hours:.1f} 小时），对服务的感知为 {general_perception:.2f} 分（满分 7 分；专门团队："
        "{kam_perception:.2f}）。"),
    "nb04.coverage_nps": (
        "NPS of the key accounts served by general sales: {general:+.0f}; with a dedicated team: {kam:+.0f}.",
        "由普通销售服务的大客户，净推荐值为 {general:+.0f}；由专门团队服务的：{kam:+.0f}。"),
    "nb04.what_holds": (
        "The dedicated team comes out ahead (faster first answer, higher perception, higher NPS) in {held} of {total} "
        "comparisons: within the VIP tier, within the major tier, and in the second company (seed {seed}).",
        "在 {total} 项比较中，专门团队有 {held} 项领先（首次答复更快、感知更高、净推荐值更高）：比较范围是 VIP "
        "层级内部、"
        "主要客户层级内部，以及第二家公司（随机种子 {seed}）。"),
    "nb04.value_added_cost": (
        "The {n} key accounts receive CNY {total:,.0f} of value-added service a year (median CNY {median:,.0f} per "
        "account).",
        "{n} 个大客户每年获得价值 {total:,.0f} 元的增值服务（每个客户的中位数为 {median:,.0f} 元）。"),
    "nb04.pays_for_itself": (
        "At 5 points and 3 years, the service pays for itself at {pays} of {n} key accounts; {general:.0%} of those "
        "are "
        "served by general sales. Their median value-added service costs CNY {cost_pays:,.0f} a year, against "
        "CNY {cost_rest:,.0f} at the others.",
        "按留存提升 5 个百分点、留存 3 年计算，增值服务在 {n} 个大客户中的 {pays} 个收回成本；其中 {general:.0%} "
        "由普通销售服务。这些客户每年增值服务成本的中位数是 {cost_pays:,.0f} 元，其余客户为 {cost_rest:,.0f} 元。"),
    "nb04.programme_net": (
        "{programme}: revenue kept CNY {revenue:,.0f} a year; gross profit kept CNY {first_year:,.0f} in the first "
        "year "
        "and CNY {kept:,.0f} over the years kept; net of cost CNY {net:+,.0f}.",
        "{programme}：每年留住营业额 {revenue:,.0f} 元；第一年留住毛利 {first_year:,.0f} 元，整个留存期留住毛利 "
        "{kept:,.0f} 元；扣除成本后净值 {net:+,.0f} 元。"),
    "nb04.support_share": (
        "{measured} of the {n} support items have a measure in the data; judged by hand: {by_hand}. Share of the "
        "measured items met in 2025: {kam:.0%} at key accounts with a dedicated team, {general:.0%} at those served "
        "by general sales.",
        "{n} 个售后支持项目中有 {measured} 个可以用数据衡量；需要人工判断的是：{by_hand}。2025 年可衡量项目的达标比例："
        "由专门团队服务的大客户为 {kam:.0%}，由普通销售服务的为 {general:.0%}。"),

    "nb04.list_separator": ("; ", "；"),

    # --- feedback of the checks -------------------------------------------------------------
    "nb04.mistake.gap_sign": (
        "the sign is reversed: the SERVQUAL gap is perception − expectation, so a service that falls short gives a "
        "negative gap.",
        "符号反了：SERVQUAL 差距是感知 − 期望，服务达不到期望时差距为负。"),
    "nb04.mistake.perception_only": (
        "that is the mean perception alone; the gap compares it with what the respondents expected.",
        "这只是感知的平均分；差距要把它和受访者的期望相比。"),
    "nb04.mistake.all_dimensions": (
        "that is the gap averaged over all five dimensions; keep the responsiveness rows only.",
        "这是五个维度平均的差距；只取响应性（responsiveness）维度的行。"),
    "nb04.mistake.nps_mean": (
        "that is the average recommend score; NPS counts people: the share of promoters (9-10) minus the share of "
        "detractors (0-6).",
        "这是推荐打分的平均值；净推荐值数的是人：推荐者（9-10 分）占比减去贬损者（0-6 分）占比。"),
    "nb04.mistake.nps_promoters_only": (
        "that is the share of promoters alone; subtract the share of detractors (0-6).",
        "这只是推荐者的占比；还要减去贬损者（0-6 分）的占比。"),
    "nb04.mistake.nps_passives": (
        "passives (7-8) are neither promoters nor detractors: they count in the total but in neither share.",
        "被动者（7-8 分）既不是推荐者也不是贬损者：计入总人数，但不计入两个占比。"),
    "nb04.mistake.nps_cut": (
        "a 7 is a passive, not a detractor: detractors score 0-6.",
        "7 分是被动者，不是贬损者：贬损者是 0-6 分。"),
    "nb04.mistake.ignored_importance": (
        "those are all the dimensions performing below the crosshair; 'concentrate here' also needs importance at or "
        "above it.",
        "这些是表现低于十字线的全部维度；“重点改进”还要求重要性不低于十字线。"),
    "nb04.mistake.ignored_performance": (
        "those are all the important dimensions; 'concentrate here' keeps only those performing below the crosshair.",
        "这些是所有重要的维度；“重点改进”只保留其中表现低于十字线的。"),
    "nb04.mistake.median_crosshair": (
        "that uses the median crosshair; the exercise asks for the mean of the five dimension means.",
        "这用的是中位数十字线；题目要求用五个维度均值的平均数。"),
    "nb04.mistake.expectation_not_performance": (
        "that places the dimensions by expectation; performance is the mean perception score.",
        "这是按期望来定位的；表现指的是感知分的均值。"),
    "nb04.mistake.all_accounts_not_key": (
        "that is the NPS of the users at every surveyed account; keep the respondents of the key accounts only.",
        "这是所有受访客户中使用者的净推荐值；只保留大客户的受访者。"),
    "nb04.mistake.all_roles": (
        "that is the NPS of every respondent at the key accounts; keep the users only.",
        "这是大客户全部受访者的净推荐值；只保留使用者。"),
    "nb04.mistake.all_tiers": (
        "that is the share over the tickets of every tier; the question is about the VIP tier's tickets only.",
        "这是所有层级工单的占比；题目只问 VIP 层级的工单。"),
    "nb04.mistake.resolution_not_response": (
        "that uses the resolution time; the service level asked about is the time to the first response.",
        "这里用的是解决时间；题目问的服务水平是首次响应时间。"),
    "nb04.mistake.strictly_within": (
        "a ticket answered in exactly 2 hours meets the target: count responses of at most 2 hours.",
        "恰好 2 小时答复的工单也算达标：要数“不超过 2 小时”的答复。"),
    "nb04.mistake.all_general_sales": (
        "that compares all general-sales accounts, most of them small; compare the key accounts only.",
        "这比较的是全部普通销售客户，其中大多是小客户；只比较大客户。"),
    "nb04.mistake.average_of_account_nps": (
        "that averages the accounts' NPS, so an account with two respondents weighs as much as one with eight; "
        "compute one NPS over all respondents of each group.",
        "这是把各客户的净推荐值平均，于是只有两位受访者的客户和有八位的客户权重一样；"
        "请对每组全部受访者计算一个净推荐值。"),
    "nb04.mistake.revenue_not_profit": (
        "that divides by revenue; what a kept account brings back is its gross profit, so divide by gross profit.",
        "这里除以的是收入；保住客户带回来的是毛利，所以应除以毛利。"),
    "nb04.mistake.three_years": (
        "that mixes three years with one: put cost and gross profit on the same yearly basis.",
        "这里把三年和一年混在一起了：成本和毛利要按同样的“每年”口径。"),
    "nb04.mistake.revenue_not_margin": (
        "A keeps the most revenue, but at a 6 % margin little of it is profit: a service is paid for by the gross "
        "profit it keeps, not by revenue.",
        "A 留住的营业额最多，但毛利率只有 6%，其中利润很少：服务要靠留住的毛利来收回成本，而不是营业额。"),
    "nb04.mistake.one_year_only": (
        "B keeps the most profit in the first year, but its accounts stay only a year and a half: count the profit "
        "kept over all the years a kept account stays, not one year.",
        "B 在第一年留住的利润最多，但它的客户只会再留一年半：要算留下的客户此后整个合作期留住的利润，而不是一年。"),

    # --- stepped hints: the idea, the method, where in kamkit to look --------------------------
    "nb04.hint.gap.idea": (
        "the gap compares what a respondent perceived with what they expected, on one dimension.",
        "差距是在同一个维度上，把受访者感知到的与他期望的相比。"),
    "nb04.hint.gap.method": (
        "keep the responsiveness rows of scores, take perception − expectation on each row, then the mean.",
        "取出 scores 中响应性（responsiveness）的行，逐行计算“感知 − 期望”，再求平均。"),
    "nb04.hint.gap.where": (
        "the worked example for tangibles just above does the same for another dimension.",
        "上面以有形性为例的示例，对另一个维度做的正是同样的计算。"),
    "nb04.hint.ipa.idea": (
        "'concentrate here' means important but performing poorly: importance at or above the crosshair, "
        "performance below it.",
        "“重点改进”指重要但表现差：重要性不低于十字线，表现低于十字线。"),
    "nb04.hint.ipa.method": (
        "group scores by dimension and take the means of importance and perception; the crosshair is the mean of "
        "each column of those five means.",
        "按维度对 scores 分组，求重要性和感知的均值；十字线就是这五个均值各列的平均数。"),
    "nb04.hint.ipa.where": (
        "the docstring of kamkit.service.importance_performance_quadrant states the rule for each quadrant.",
        "kamkit.service.importance_performance_quadrant 的文档说明写明了每个象限的规则。"),
    "nb04.hint.nps.idea": (
        "NPS counts people: promoters score 9-10, detractors 0-6, passives 7-8.",
        "净推荐值数的是人：9-10 分为推荐者，0-6 分为贬损者，7-8 分为被动者。"),
    "nb04.hint.nps.method": (
        "NPS = 100 × (share of scores 9-10 − share of scores 0-6), over all respondents.",
        "净推荐值 = 100 ×（9-10 分的占比 − 0-6 分的占比），按全部受访者计算。"),
    "nb04.hint.nps.where": (
        "the docstring of kamkit.service.net_promoter_score has worked examples.",
        "kamkit.service.net_promoter_score 的文档说明里有算例。"),
    "nb04.hint.role_nps.idea": (
        "the same NPS as before, on a smaller group of people: the users of the key accounts.",
        "和前面一样的净推荐值，只是人群更小：大客户中的使用者。"),
    "nb04.hint.role_nps.method": (
        "filter the responses twice — the account is in key_accounts, the buying_role is 'user' — then compute the "
        "NPS of their recommend scores.",
        "对问卷回答筛选两次——客户属于 key_accounts、buying_role 为 'user'——再计算这些推荐打分的净推荐值。"),
    "nb04.hint.role_nps.where": (
        "kamkit.service.net_promoter_score takes the recommend scores you kept.",
        "把筛选出的推荐打分交给 kamkit.service.net_promoter_score 即可。"),
    "nb04.hint.service_level.idea": (
        "the service level is kept when the first response comes within the target; count every VIP ticket.",
        "首次响应在目标时限之内，才算兑现了服务水平；所有 VIP 工单都要计入。"),
    "nb04.hint.service_level.method": (
        "for the VIP tier's tickets, hours = first_response_at − opened_at; the share with hours of at most 2 over "
        "all VIP tickets.",
        "对 VIP 层级的工单，小时数 = first_response_at − opened_at；不超过 2 小时的工单数除以全部 VIP 工单数。"),
    "nb04.hint.service_level.where": (
        "kamkit.service.ticket_times gives response_hours per ticket; tiers maps an account to its tier.",
        "kamkit.service.ticket_times 给出每张工单的 response_hours；tiers 把客户对应到层级。"),
    "nb04.hint.coverage_nps.idea": (
        "one NPS per group of people — all respondents of the dedicated-team key accounts, then all of the "
        "general-sales ones — not an average of the accounts' NPS.",
        "每组算一个净推荐值——专门团队服务的大客户的全部受访者一组，普通销售服务的一组——而不是把各客户的净推荐值平均。"),
    "nb04.hint.coverage_nps.method": (
        "keep the respondents of key_accounts, label each with its account's coverage_model, compute the NPS of "
        "each label and subtract general from dedicated.",
        "保留 key_accounts 的受访者，按其客户的 coverage_model 分组，分别计算净推荐值，用专门团队的减去普通销售的。"),
    "nb04.hint.coverage_nps.where": (
        "coverage (defined above) maps an account to its coverage model; kamkit.service.net_promoter_score does one "
        "group.",
        "上面定义的 coverage 把客户对应到服务模式；kamkit.service.net_promoter_score 计算一组的净推荐值。"),
    "nb04.hint.break_even.idea": (
        "the service pays for itself when uplift × the gross profit it keeps equals its cost, both for one year.",
        "当“留存提升 × 留住的毛利”等于服务成本时（都按一年计），服务刚好收回成本。"),
    "nb04.hint.break_even.method": (
        "break-even uplift = yearly value-added service cost / yearly gross profit, both summed over the key accounts.",
        "盈亏平衡提升 = 每年增值服务成本 / 每年毛利，两者都按大客户合计。"),
    "nb04.hint.break_even.where": (
        "key_cost is already yearly; summary's gross_profit covers the three years of the ledger.",
        "key_cost 已经是每年的数；summary 中的 gross_profit 是账本三年的合计。"),
    "nb04.hint.fund.idea": (
        "a service is worth what it keeps in gross profit over all the years a kept account stays, less what it costs.",
        "一项服务的价值，是留下的客户此后整个合作期内留住的毛利，减去它的成本。"),
    "nb04.hint.fund.method": (
        "for each proposal: gross profit kept = uplift × revenue reached × gross margin × years kept; compare it with "
        "the yearly cost.",
        "对每项方案：留住的毛利 = 留存提升 × 覆盖的营业额 × 毛利率 × 留存年数；再与每年成本比较。"),
    "nb04.hint.fund.where": (
        "the programmes table has one column per factor; multiply the columns row by row.",
        "programmes 表每个因素一列；逐行把各列相乘即可。"),
}
