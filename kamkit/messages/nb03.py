"""Messages of notebook 03, making contact (与大客户建立联系): what its cells print, its exercise feedback."""

MESSAGES = {
    # --- sentences the notebook prints ----------------------------------------------------------
    "nb03.key_accounts": (
        "The course's key accounts: {n} accounts, which bring {share:.1%} of revenue.",
        "课程的大客户共 {n} 个，贡献了 {share:.1%} 的收入。"),
    "nb03.single_threaded_after": (
        "{n} of the {total} key accounts are single-threaded: we know one person there.",
        "{total} 个大客户中有 {n} 个是单线联系：我们在那里只认识一个人。"),
    "nb03.a1019": (
        "A1019 has {contacts} contact; its last order is dated {last_order:%Y-%m-%d}, {days} days before the end "
        "of the ledger.",
        "A1019 只有 {contacts} 位联系人；它最后一次下单是在 {last_order:%Y-%m-%d}，距账期结束已有 {days} 天。"),
    "nb03.many_contacts": (
        "{many} key accounts have 5 or more contacts; {gaps} of them still miss at least one role, most often the "
        "{role} ({n} accounts).",
        "有 {many} 个大客户的联系人在 5 位及以上；其中 {gaps} 个仍至少缺一种角色，最常缺的是{role}（{n} 个客户）。"),
    "nb03.decider_unmet_after": (
        "{n} of the {total} key accounts have had no meeting with a decider in the last 365 days.",
        "{total} 个大客户中，有 {n} 个在最近 365 天里没有见过任何一位决策者。"),
    "nb03.funnel_after": (
        "Lowest conversion: {stage} ({pct:.0%}); lowest conversion of the decided deals: {decided_stage} "
        "({decided_pct:.0%}).",
        "转化率最低的阶段：{stage}（{pct:.0%}）；只算有结果的单子，转化率最低的阶段"
        "：{decided_stage}（{decided_pct:.0%}）。"),
    "nb03.lost_leader": (
        "{stage}: {n} deals lost, most often for {reason} ({share:.0%} of them).",
        "{stage}：丢单 {n} 笔，最常见的原因是{reason}（占 {share:.0%}）。"),
    "nb03.cycle": (
        "A won deal takes {days:.0f} days from find to close (median). {n} open deals are stalled, worth CNY "
        "{amount:,.0f}; they have sat in their step for {low:,} to {high:,} days, the A0330 project for {a0330:,} "
        "days.",
        "赢下的单子从“找”到成交的中位数是 {days:.0f} 天。有 {n} 笔在谈的单子已经停滞，总金额 {amount:,.0f} 元；"
        "它们在当前阶段已经停留了 {low:,} 到 {high:,} 天，A0330 的项目停留了 {a0330:,} 天。"),
    "nb03.best_closer_after": (
        "{who} wins {rate:.0%} of {n} decided deals.",
        "{who} 在 {n} 笔有结果的单子中赢了 {rate:.0%}。"),
    "nb03.kam_vs_general": (
        "Among the key accounts, those with a dedicated owner get {kam_visits:.0f} visits a year (median) against "
        "{general_visits:.0f}, and win {kam_rate:.0%} of their {kam_decided"
        "} decided deals against {general_rate:.0%} "
        "of {general_decided}.",
        "在大客户中，有专职大客户经理的客户每年被拜访 {kam_visits:.0f} 次（中位数），普通销售负责的只有 "
        "{general_visits:.0f} 次；前者 {kam_decided} 笔有结果的单子赢了 {kam_rate:.0%"
        "}，后者 {general_decided} 笔赢了 "
        "{general_rate:.0%}。"),
    "nb03.deal_cost": (
        "The deal is worth CNY {amount:,.0f}; at our machinery margin"
        " of {margin:.1%} the goods cost CNY {cost:,.0f}.",
        "这笔生意金额为 {amount:,.0f} 元；按我们设备类产品 {margin:.1%} 的毛利率，货物成本为 {cost:,.0f} 元。"),
    "nb03.deal_visits": (
        "Since the deal was found, we made {n} visits to A0330 ({hours:,.1f} hours); a visit hour costs CNY {rate}.",
        "自发现这个机会以来，我们拜访了 A0330 {n} 次（共 {hours:,.1f} 小时）；每小时拜访成本为 {rate} 元。"),
    "nb03.zopa_above": (
        "ZOPA: CNY {low:,.0f} to CNY {high:,.0f}. Our asking price of CNY {asking:,.0f} is CNY {gap:,.0f} above the "
        "buyer's walk-away price: outside the zone.",
        "协议区间（ZOPA）：{low:,.0f} 元至 {high:,.0f} 元。我们 {asking:,.0f"
        "} 元的要价比买方底线高出 {gap:,.0f} 元：落在区间之外。"),
    "nb03.zopa_inside": (
        "ZOPA: CNY {low:,.0f} to CNY {high:,.0f}. Our asking price of CNY {asking:,.0f} is CNY {gap:,.0f} below the "
        "buyer's walk-away price: inside the zone.",
        "协议区间（ZOPA）：{low:,.0f} 元至 {high:,.0f} 元。我们 {asking:,.0f"
        "} 元的要价比买方底线低 {gap:,.0f} 元：落在区间之内。"),
    "nb03.quotation": (
        "The quotation totals CNY {total:,.0f}. The padded lines are {share:.1%"
        "} of it and carry CNY {padding:,.0f} of "
        "padding. A 30 % cut of the whole quotation would cost CNY {cut:,.0f}; correcting the padding costs CNY "
        "{padding:,.0f} and leaves an order of CNY {corrected:,.0f}.",
        "报价单总额 {total:,.0f} 元。虚高的行只占其中的 {share:.1%}，虚"
        "高部分共 {padding:,.0f} 元。整体砍价 30% 要让出 "
        "{cut:,.0f} 元；而主动更正虚高部分只需让出 {padding:,.0f} 元，订单仍有 {corrected:,.0f} 元。"),
    "nb03.side_profits": (
        "Core project: CNY {core_value:,.0f} at {core_margin:.1%} mar"
        "gin = CNY {core_profit:,.0f} profit. Side order: "
        "CNY {side_value:,.0f} at {side_margin:.1%} = CNY {side_profit:,.0f}.",
        "核心项目：{core_value:,.0f} 元 × 毛利率 {core_margin:.1%} = 利润 {core_profit:,.0f"
        "} 元。小单：{side_value:,.0f} 元 × "
        "{side_margin:.1%} = {side_profit:,.0f} 元。"),
    "nb03.side_order_after": (
        "Refusing is worth CNY {protect:,.0f}, taking CNY {take:,.0f}"
        ": the chance would fall by {drop:.0%}, more than "
        "the break-even drop of {break_even:.1%}.",
        "拒绝小单的期望利润为 {protect:,.0f} 元，接下小单为 {take:,.0f"
        "} 元：成功率会下降 {drop:.0%}，超过了盈亏平衡的 "
        "{break_even:.1%}。"),
    # --- exercise feedback: named mistakes and hints ---------------------------------------------
    "nb03.mistake.all_accounts_single": (
        "those are the single-contact accounts among ALL accounts; mos"
        "t small accounts have one contact. The risk that "
        "matters is a KEY account hanging on one person: keep the ids of key_accounts only.",
        "这是所有客户中只有一个联系人的客户；大多数小客户本来就只有一个联系人。真正的风险是大客户只靠一个人维系："
        "只保留 key_accounts 中的客户。"),
    "nb03.mistake.two_contacts": (
        "two contacts are already two threads; single-threaded means exactly one contact.",
        "两个联系人已经是两条线了；单线联系指只有一个联系人。"),
    "nb03.mistake.contacts_not_roles": (
        "you counted contacts, not roles: three buyers are still one role. Count the distinct buying_role values per "
        "account.",
        "你数的是联系人，不是角色：三个采购员仍然只是一种角色。请按客户统计不同的 buying_role 个数。"),
    "nb03.mistake.share_not_count": (
        "that is the share of the five roles (0-1); the question asks for the number of roles (0-5).",
        "这是五种角色中覆盖的比例（0-1）；题目问的是角色的个数（0-5）。"),
    "nb03.mistake.all_accounts_roles": (
        "that is the average over all accounts; the question asks about the key accounts only.",
        "这是所有客户的平均值；题目只问大客户。"),
    "nb03.mistake.unknown_decider_left_out": (
        "you kept only the key accounts where we know a decider but h"
        "ave not met one; an account where we do not even "
        "know the decider is the bigger risk — it belongs in the list too.",
        "你只保留了认识决策者却没有见过的大客户；连决策者是谁都不知道的大客户风险更大——也应该列进来。"),
    "nb03.mistake.all_time": (
        "you looked at every visit since 2023; the question asks abou"
        "t the last 365 days: a decider met two years ago "
        "is not a relationship today.",
        "你看的是 2023 年以来的全部拜访；题目问的是最近 365 天：两年前见过的决策者，不等于今天还有关系。"),
    "nb03.mistake.any_contact_not_decider": (
        "you looked for any visit; the question asks whether we met a decider — the person who signs.",
        "你找的是任何一次拜访；题目问的是有没有见过决策者——签字的那个人。"),
    "nb03.mistake.misread_indecision": (
        "the general manager is undecided (neutral), not the one who blocks hardest — and indecision is met with "
        "information, not a discount. A price concession leaves the chief engineer's objection standing.",
        "总经理是犹豫不决（中立），并不是阻力最大的人——而且对付犹豫要靠"
        "信息，不是靠折扣。价格让步消除不了总工程师的异议。"),
    "nb03.mistake.misread_position": (
        "the purchasing manager's concern with price is a different position, but he is neutral and blocks little; "
        "a lower price answers a question nobody is blocking with.",
        "采购经理关心价格，这是立场不同，但他是中立的，阻力很小；降价回答的是一个并没有人拿来阻挠我们的问题。"),
    "nb03.mistake.misread_our_behaviour": (
        "you read the chief engineer's opposition as a reaction to our own behaviour; but complaint-handling visits "
        "happen with nearly everyone at A0330, our supporters included, so they do not single him out — what does is "
        "that he leans to a competitor. An apology does not change a specification written around a rival's machine.",
        "你把总工程师的反对看成是我方行为不当引起的；但在 A0330，几乎每个人（包括支持我们的人）都有过投诉处理拜访，"
        "这并不能说明他为什么反对——能说明的是他偏向竞争对手。道歉改变不了按对手设备量身定做的技术规格。"),
    "nb03.mistake.misread_information": (
        "the production manager already champions us (+2): more brochures treat the problem as missing information "
        "where there is none. Use him as a source of evidence, but he is not the one to convince.",
        "生产经理已经是我们的拥护者（+2）：多给资料等于把问题当成信息不足，"
        "而他并不缺信息。可以请他提供证据，但需要说服的不是他。"),
    "nb03.mistake.misread_competitor": (
        "that treats the case as a competitor's camp; look again at who blocks hardest and why.",
        "这是把问题当成有人站在竞争对手一边；再看看到底谁的阻力最大、原因是什么。"),
    "nb03.mistake.cumulative": (
        "that stage has the fewest deals overall, because every leak before it adds up; the question asks for the "
        "lowest conversion from one stage to the next.",
        "这个阶段的单子总数最少，因为前面各阶段的流失累积到这里；题目问的是从一个阶段到下一个阶段转化率最低的地方。"),
    "nb03.mistake.stall_not_leak": (
        "that is where most deals stall (stay open); a leak is where deals stop moving on. Compare the conversion of "
        "each stage.",
        "那是停滞（一直没有结果）的单子最多的地方；漏损是指单子没有进入下一步。请比较各阶段的转化率。"),
    "nb03.mistake.count_not_rate": (
        "that stage loses the most deals in number, but it also has the most deals; compare rates, not counts.",
        "这个阶段丢的单子数量最多，但进入它的单子也最多；要比较比率，而不是数量。"),
    "nb03.mistake.small_sample": (
        "that salesperson's rate rests on fewer than 20 decided deals (won + lost); keep only those with at least 20 "
        "— open deals do not count towards the 20.",
        "这位销售人员的赢单率建立在不到 20 笔有结果的单子（赢 + 丢）上；只"
        "保留至少 20 笔的人——在谈的单子不算在这 20 笔里。"),
    "nb03.mistake.open_as_lost_closer": (
        "you divided the wins by all deals, so deals still open count as lost; a win rate is won / (won + lost).",
        "你用赢单数除以了全部单子，等于把还在谈的单子算作丢单；赢单率 = 赢单 /（赢单 + 丢单）。"),
    "nb03.mistake.most_wins": (
        "that salesperson has the most wins, because of many deals; the question asks for the highest rate.",
        "这位销售人员赢的单子最多，是因为他的单子多；题目问的是比率最高。"),
    "nb03.mistake.open_as_lost": (
        "you divided by all opportunities, so deals still open count as lost; the win rate is won / (won + lost).",
        "你除以了全部单子，等于把还在谈的单子算作丢单；赢单率 = 赢单 /（赢单 + 丢单）。"),
    "nb03.mistake.all_accounts_rate": (
        "that is the win rate over all accounts; the question asks for the accounts served by dedicated key-account "
        "owners.",
        "这是全部客户的赢单率；题目问的是由专职大客户经理服务的客户。"),
    "nb03.mistake.no_cost_to_serve": (
        "that is the cost of the goods only; serving the deal (visits, travel, engineers' hours) costs money too.",
        "这只是货物成本；服务这笔生意（拜访、差旅、工程师工时）也要花钱。"),
    "nb03.mistake.price_not_cost": (
        "that is the deal's value, the price we hope for, not the lowest price we can accept.",
        "这是这笔生意的金额，即我们希望的价格，而不是我们能接受的最低价格。"),
    "nb03.mistake.any_markup": (
        "a few percent above the reference is ordinary price variation; padding is more than the 15 % tolerance.",
        "比参考价高几个百分点只是正常的价格差异；虚高是指超过 15% 容差。"),
    "nb03.mistake.minor_lines": (
        "those are the minor lines; not every minor line is padded. Compare prices, not sizes.",
        "这些是次要行；并非每个次要行都报高了。请比较价格，而不是金额大小。"),
    "nb03.mistake.revenue_not_profit": (
        "you compared order values; what Xiao Wang gains or risks is profit: use each order's value × its margin.",
        "你比较的是订单金额；小王得到或冒险失去的是利润：用订单金额 × 毛利率。"),
    "nb03.mistake.inverted_ratio": (
        "the ratio is upside down: a drop in chance is a fraction below 1 — what share of the core profit does the "
        "side order make up for?",
        "比值颠倒了：概率的下降是一个小于 1 的小数——小单利润能弥补核心利润的多大比例？"),
    "nb03.mistake.side_profit_alone": (
        "the side order's profit is real, but taking it costs the core project 50 points of chance — more than the "
        "break-even drop you computed, so the expected profit of taking is lower.",
        "小单的利润是实实在在的，但接下它会让核心项目的成功率下降 50 个百分点—"
        "—超过了你算出的盈亏平衡下降幅度，所以接小单的期望利润更低。"),
    "nb03.mistake.refuse_by_principle": (
        "refusing small gains is a principle, not a law: here the dro"
        "p in chance is smaller than the break-even drop, "
        "so taking the side order is worth more.",
        "拒绝小利是一条原则，不是定律：这里成功率的下降小于盈亏平衡的下降幅度，所以接小单更划算。"),
    "nb03.mistake.not_equal": (
        "the two are worth the same only when the drop in chance equa"
        "ls the break-even drop; compare the two numbers.",
        "只有当成功率的下降恰好等于盈亏平衡的下降幅度时，两者才一样；比较一下这两个数。"),
    # --- hints, in steps: the idea, the method, where in kamkit to look ---------------------------
    "nb03.hint.single_threaded.idea": (
        "a single-threaded key account is one of key_accounts where we know exactly one person.",
        "单线联系的大客户：在 key_accounts 之中，而且我们只认识那里的一个人。"),
    "nb03.hint.single_threaded.method": (
        "count the rows of contacts per account_id, then keep the key accounts whose count is 1.",
        "按 account_id 统计 contacts 的行数，再保留计数为 1 的大客户。"),
    "nb03.hint.single_threaded.where": (
        "kamkit.contact.buying_centre_coverage gives the contacts per account in its column 'contacts'.",
        "kamkit.contact.buying_centre_coverage 的 'contacts' 列就是每个客户的联系人数。"),
    "nb03.hint.roles.idea": (
        "coverage counts roles, not people: how many different buying roles does each key account show?",
        "覆盖看角色而不是人数：每个大客户那里出现了几种不同的采购角色？"),
    "nb03.hint.roles.method": (
        "per key account count the distinct buying_role values, then average over the key accounts.",
        "对每个大客户统计不同 buying_role 的个数，再对所有大客户求平均。"),
    "nb03.hint.roles.where": (
        "the table coverage has a column 'roles_covered'; select the rows of key_accounts.",
        "coverage 表有 'roles_covered' 列；选出 key_accounts 对应的行。"),
    "nb03.hint.decider_unmet.idea": (
        "the key person is the decider: which key accounts have had no visit to a decider lately?",
        "关键人物就是决策者：哪些大客户最近没有拜访过决策者？"),
    "nb03.hint.decider_unmet.method": (
        "keep the visits of the last 365 days whose contact_id is a decider's; collect their account ids; the answer "
        "is the key accounts not among them.",
        "保留最近 365 天里 contact_id 属于决策者的拜访，收集这些拜访的客户编号；答案就是不在其中的大客户。"),
    "nb03.hint.decider_unmet.where": (
        "pd.Timedelta(days=365) subtracts a year from a date; Series.isin tests membership.",
        "pd.Timedelta(days=365) 可以从日期中减去一年；Series.isin 用来判断是否属于某个集合。"),
    "nb03.hint.address_first.idea": (
        "the cause decides the cure: first find who blocks hardest, then why.",
        "原因决定对策：先找出阻力最大的人，再弄清原因。"),
    "nb03.hint.address_first.method": (
        "weigh each contact by influence × how strongly they are against us (a neutral contact blocks a little); "
        "then read that person's cause from the evidence (competitor, complaints, visits, concern).",
        "用 影响力 × 反对的强度 衡量每个人（中立的人也有一点阻力）；再"
        "从证据（竞争对手、投诉、拜访、关注点）判断此人的原因。"),
    "nb03.hint.address_first.where": (
        "the five causes and their cures are listed in section 2; pic"
        "k the approach that answers the blocker's cause.",
        "五种原因及对策见第 2 节；选择针对阻力最大者的原因的做法。"),
    "nb03.hint.leak.idea": (
        "a leak is a low rate of moving on, not a small number of deals.",
        "漏损看的是“往下走”的比率低，而不是单子数量少。"),
    "nb03.hint.leak.method": (
        "for each stage divide the deals that reached the next stage by those that reached this one; the last stage "
        "moves on to 'won'.",
        "对每个阶段，用进入下一阶段的单子数除以进入本阶段的单子数；最后一个阶段的下一步是“won”（赢单）。"),
    "nb03.hint.leak.where": (
        "Series.shift(-1) puts the next row's value beside each row; idxmin gives the label of the smallest value.",
        "Series.shift(-1) 把下一行的值放到本行旁边；idxmin 给出最小值的标签。"),
    "nb03.hint.best_closer.idea": (
        "a rate on a handful of deals says little: filter before you rank, and count only decided deals.",
        "只凭几笔单子算出的比率说明不了什么：先筛选再排名，并且只算有结果的单子。"),
    "nb03.hint.best_closer.method": (
        "per salesperson count won and lost deals; keep those with at least 20 decided deals; then take the highest "
        "won / (won + lost).",
        "按销售人员统计赢单和丢单数；保留有结果的单子至少 20 笔的人；再取 赢单 /（赢单 + 丢单）最高的那位。"),
    "nb03.hint.best_closer.where": (
        "kamkit.contact.win_rates(opportunities, by='salesperson') gives won, lost and win_rate per salesperson.",
        "kamkit.contact.win_rates(opportunities, by='salesperson') 给出每位销售人员的赢单数、丢单数和赢单率。"),
    "nb03.hint.win_rate.idea": (
        "a win rate counts only decided deals: open deals are neither won nor lost yet.",
        "赢单率只算有结果的单子：在谈的单子既没赢也没输。"),
    "nb03.hint.win_rate.method": (
        "keep the opportunities of the accounts whose coverage_model is 'dedicated_kam', then won / (won + lost).",
        "筛选 coverage_model 为 'dedicated_kam' 的客户的单子，再计算 赢单 /（赢单 + 丢单）。"),
    "nb03.hint.win_rate.where": (
        "kamkit.contact.win_rates accepts by= a Series that maps each account to its group.",
        "kamkit.contact.win_rates 的 by= 参数可以是一个把每个客户映射到其分组的 Series。"),
    "nb03.hint.walk_away.idea": (
        "below which price would we lose money? The goods cost someth"
        "ing, and so do the hours spent winning the deal.",
        "低于什么价格我们就会亏钱？货物有成本，为拿下这笔生意花掉的工时也有成本。"),
    "nb03.hint.walk_away.method": (
        "add the cost of the goods and the visit hours since the deal was found, each hour at its cost.",
        "把货物成本与自发现商机以来的拜访工时成本（按每小时成本计）相加。"),
    "nb03.hint.walk_away.where": (
        "deal_cost, deal_visits['hours'] and hour_rate are computed in the cells above.",
        "deal_cost、deal_visits['hours'] 和 hour_rate 都在上面的单元格里算好了。"),
    "nb03.hint.padded.idea": (
        "padding is a price well above what others pay for the same item, not a large line.",
        "虚高是指价格远高于别人买同样东西所付的价格，而不是金额大的行。"),
    "nb03.hint.padded.method": (
        "divide each quoted price by its reference price; keep the lines more than 15 % above it.",
        "用每行报价除以参考价；保留高出参考价 15% 以上的行。"),
    "nb03.hint.padded.where": (
        "the table audit has the columns quoted_price, reference_price and product_id.",
        "audit 表有 quoted_price、reference_price 和 product_id 三列。"),
    "nb03.hint.break_even.idea": (
        "at the break-even drop, refusing and taking are worth the same.",
        "在盈亏平衡点，拒绝和接受的期望利润相等。"),
    "nb03.hint.break_even.method": (
        "write both expected profits with p and q, set them equal and solve for p − q.",
        "用 p 和 q 写出两者的期望利润，令其相等，解出 p − q。"),
    "nb03.hint.break_even.where": (
        "core_profit and side_profit are computed in the cell above; k"
        "amkit.contact.side_order_decision shows the rule.",
        "core_profit 和 side_profit 在上面的单元格里算好了；kamkit.contact.side_order_decision 的说明里有这条规则。"),
    "nb03.hint.side_order.idea": (
        "a side order pays only if the core project's chance falls by less than the break-even drop.",
        "只有当核心项目成功率的下降小于盈亏平衡的下降幅度时，接小单才划算。"),
    "nb03.hint.side_order.method": (
        "compare the drop in the core project's chance (70 % → 20 %) with break_even_drop from exercise 10.",
        "把核心项目成功率的下降（70% → 20%）和练习 10 的 break_even_drop 比较。"),
    "nb03.hint.side_order.where": (
        "kamkit.contact.side_order_decision computes both expected profits.",
        "kamkit.contact.side_order_decision 会算出两者的期望利润。"),
}
