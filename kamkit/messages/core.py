"""Shared messages: input errors, exercise feedback, fonts and the course terms.

Keys are grouped by prefix: ``data.`` input errors, ``exclude.`` reasons rows are left out,
``feedback.`` exercise checks, ``font.`` plot fonts, ``term.`` course terms (the glossary),
``label.`` plot labels, ``nb00.`` … ``nb05.`` texts of one notebook. Placeholders in braces
must be the same in both languages (a test checks it).
"""

MESSAGES = {
    # --- input data -----------------------------------------------------------------------
    "data.row": ("row", "行"),
    "data.rows": ("rows", "行"),
    "data.and_more": (" and {n} more", " 等（另有 {n} 行）"),
    "data.value": ("value", "个值"),
    "data.values": ("values", "个值"),
    "data.did_you_mean": (" (did you mean '{name}'?)", "（是不是 '{name}'？）"),
    "data.missing_column": (
        "the {what} has no column '{column}'{hint}. Its columns are: {present}.",
        "{what}没有 '{column}' 列{hint}。现有的列：{present}。"),
    "data.empty": ("the {what} is empty: it has no rows to analyse.",
                   "{what}是空的：没有可以分析的行。"),
    "data.duplicates": (
        "'{key}' should identify each row once, but {n} rows share a value ({rows}).",
        "'{key}' 应该唯一标识每一行，但有 {n} 行取值重复（{rows}）。"),
    "data.bad_values": (
        "column '{column}' has {n} {values} that are not {expected} ({rows}). Expected {example}.",
        "'{column}' 列有 {n} {values}不是{expected}（{rows}）。应为{example}。"),
    "data.bad_value": (
        "column '{column}' has 1 value that is not {expected} ({rows}). Expected {example}.",
        "'{column}' 列有 1 个值不是{expected}（{rows}）。应为{example}。"),
    "data.blank_values": (
        "column '{column}' has {n} empty {values} ({rows}); every row needs one.",
        "'{column}' 列有 {n} {values}为空（{rows}）；每一行都必须填写。"),
    "data.bad_choice": (
        "column '{column}' has {n} values outside the allowed set ({rows}). Allowed: {choices}.",
        "'{column}' 列有 {n} 个值不在允许的取值中（{rows}）。允许的取值：{choices}。"),
    "data.out_of_range": (
        "column '{column}' has {n} values outside {low} to {high} ({rows}).",
        "'{column}' 列有 {n} 个值超出 {low} 到 {high} 的范围（{rows}）。"),
    "data.unknown_table": (
        "there is no course table '{name}'. Choose one of: {choices}.",
        "没有名为 '{name}' 的课程数据表。可选：{choices}。"),
    "data.unmarked_returns": (
        "column '{column}' has {n} negative {values} on lines not marked as returns ({rows}). "
        "Mark returned goods with line_type 'return', or correct the quantity.",
        "'{column}' 列有 {n} 个负数{values}出现在未标记为退货的行上（{rows}）。"
        "请把退货行的 line_type 标为 'return'，或更正数量。"),
    "data.excluded": ("{n} of {total} rows left out: {reason}.",
                      "共 {total} 行中有 {n} 行未计入：{reason}。"),
    "data.expect_date": ("dates such as 2024-03-31", "日期，例如 2024-03-31"),
    "data.expect_date.one": ("a date", "日期"),
    "data.expect_date.short": ("dates", "日期"),
    "data.expect_datetime": ("date-times such as 2024-03-31 14:30", "日期时间，例如 2024-03-31 14:30"),
    "data.expect_datetime.one": ("a date-time", "日期时间"),
    "data.expect_datetime.short": ("date-times", "日期时间"),
    "data.expect_number": ("numbers such as 1250.50", "数字，例如 1250.50"),
    "data.expect_number.one": ("a number", "数字"),
    "data.expect_number.short": ("numbers", "数字"),
    "data.expect_integer": ("whole numbers such as 12", "整数，例如 12"),
    "data.expect_integer.one": ("a whole number", "整数"),
    "data.expect_integer.short": ("whole numbers", "整数"),
    "data.expect_bool": ("True or False (yes/no, 是/否)", "True 或 False（yes/no、是/否）"),
    "data.expect_bool.one": ("True/False", "真/假"),
    "data.expect_bool.short": ("True/False", "真/假"),
    "data.unknown_encoding": (
        "could not read '{path}' as UTF-8 or GBK text. Save it as CSV (UTF-8) or Excel and try again.",
        "无法以 UTF-8 或 GBK 编码读取 '{path}'。请另存为 CSV（UTF-8）或 Excel 后重试。"),
    "data.unknown_format": (
        "cannot read '{path}': expected a .csv, .txt, .xlsx or .xls file.",
        "无法读取 '{path}'：请提供 .csv、.txt、.xlsx 或 .xls 文件。"),
    "data.no_file": ("there is no file '{path}'.", "找不到文件 '{path}'。"),
    "data.mapping_unknown_target": (
        "the column mapping sends '{source}' to '{target}', which is not a column of the {what}. "
        "Known columns: {choices}.",
        "列映射把 '{source}' 对应到 '{target}'，但{what}没有这一列。已知的列：{choices}。"),
    "data.mapping_missing_source": (
        "the column mapping names '{source}', but the file has no such column. Its columns are: {present}.",
        "列映射中写了 '{source}'，但文件里没有这一列。文件中的列：{present}。"),
    "data.no_data_dir": (
        "the course data folder was not found (looked in: {places}). Reinstall kamkit or set KAMKIT_DATA.",
        "找不到课程数据文件夹（查找过：{places}）。请重新安装 kamkit 或设置 KAMKIT_DATA。"),
    "data.bad_top_n": (
        "n must be a whole number from 1 to {high} (the number of accounts); got {got}.",
        "n 必须是 1 到 {high}（客户数）之间的整数；现在是 {got}。"),
    "data.nonpositive_total": (
        "total revenue is {total:.2f}; a share of it needs a positive total.",
        "总收入为 {total:.2f}；计算占比需要总收入为正。"),
    "data.what.table": ("table", "数据表"),
    "data.what.accounts": ("accounts table", "客户表"),
    "data.what.products": ("products table", "产品表"),
    "data.what.orders": ("orders table", "订单表"),
    "data.what.contacts": ("contacts table", "联系人表"),
    "data.what.visits": ("visits table", "拜访表"),
    "data.what.opportunities": ("opportunities table", "商机表"),
    "data.what.tickets": ("tickets table", "服务工单表"),
    "data.what.survey_responses": ("survey responses table", "问卷答卷表"),
    "data.what.survey_scores": ("survey scores table", "问卷评分表"),
    "data.what.invoices": ("invoices table", "发票表"),
    "exclude.cancelled": ('cancellations (order ids starting with "C")', '取消的订单（订单号以 "C" 开头）'),
    "exclude.missing_account": ("lines without an account id", "没有客户编号的行"),
    "exclude.not_a_sale": ("lines that are not product sales", "不是产品销售的行"),
    # --- exercise feedback ----------------------------------------------------------------
    "feedback.not_answered": (
        "`{name}` is not answered yet: replace the `...` with your code and run the cell.",
        "`{name}` 还没有作答：把 `...` 换成你的代码，然后运行这个单元格。"),
    "feedback.wrong_type": (
        "`{name}` should be {expected}, but it is {got}.",
        "`{name}` 应该是{expected}，但现在是 {got}。"),
    "feedback.type.number": ("a number", "一个数字"),
    "feedback.type.text": ("a piece of text (a str)", "一段文字（str）"),
    "feedback.type.table": ("a table (a pandas DataFrame)", "一个表格（pandas DataFrame）"),
    "feedback.type.collection": ("a list or set of ids", "一个编号列表或集合"),
    "feedback.type.function": ("a function", "一个函数"),
    "feedback.not_close": (
        "`{name}` is not right yet.",
        "`{name}` 还不对。"),
    "feedback.mistake": (" Likely mistake: {text}", "可能的错误：{text}"),
    "feedback.hint": (" Hint: {text}", "提示：{text}"),
    "feedback.hint_step": (" Hint {step} of {steps}: {text}", "提示（{step}/{steps}）：{text}"),
    "feedback.not_a_choice": (
        "`{name}` is {got!r}, which is not one of the choices: {choices}.",
        "`{name}` 的值是 {got!r}，不在可选项中：{choices}。"),
    "feedback.wrong_choice": ("`{name}` is not the right choice yet.",
                              "`{name}` 还不是正确的选项。"),
    "feedback.set_differs": ("`{name}` is not right yet: {detail}.", "`{name}` 还不对：{detail}。"),
    "feedback.set_extra": ("{n} of its ids do not belong there", "其中有 {n} 个编号不该在里面"),
    "feedback.set_missing": ("{n} are missing", "还缺少 {n} 个编号"),
    "feedback.example.idea": ("think about which rows belong in the count before you count.",
                              "先想清楚哪些行应该计入，再去计数。"),
    "feedback.example.method": ("filter the table first, then count what is left.",
                                "先筛选表格，再数剩下的行。"),
    "feedback.example.where": ("the function's docstring in kamkit shows an example.",
                               "kamkit 里这个函数的文档字符串有示例。"),
    "feedback.check_error": (
        "`{question}`: the check could not run on your answer ({error}). Look at what your "
        "variables hold, fix the cell above and run it again.",
        "`{question}`：用你的答案无法完成检查（{error}）。看看你的变量里存的是什么，改好上面的单元格后再运行一次。"),
    # --- otter's own words, reworded by kamkit.otter_wording --------------------------------
    "otter.passed": ("✅ {question} passed!", "✅ {question} 通过！"),
    "otter.failed": ("❌ {question} not passed yet: {passed} of {total} test cases passed.",
                     "❌ {question} 还没有通过：{total} 个测试中通过了 {passed} 个。"),
    "otter.failed_one": ("❌ {question} not passed yet.", "❌ {question} 还没有通过。"),
    "feedback.missing_columns": ("the table `{name}` needs the column(s): {columns}.",
                                 "表格 `{name}` 需要这些列：{columns}。"),
    "feedback.wrong_rows": ("the table `{name}` should have {expected} rows, but it has {got}.",
                            "表格 `{name}` 应该有 {expected} 行，但现在有 {got} 行。"),
    "feedback.percent_not_fraction": (
        "it looks like a percentage (e.g. 80) where a fraction (e.g. 0.8) is asked for.",
        "看起来你给的是百分数（如 80），而这里要的是比例（如 0.8）。"),
    "feedback.fraction_not_percent": (
        "it looks like a fraction (e.g. 0.8) where a percentage (e.g. 80) is asked for.",
        "看起来你给的是比例（如 0.8），而这里要的是百分数（如 80）。"),
    "feedback.passed": ("Well done: `{name}` is right.", "做得好：`{name}` 正确。"),
    # --- editions: bilingual masters (kamkit build, kamkit lint) -----------------------------
    "build.export_instructions": (
        "When you have finished, save the notebook (Ctrl+S) and run the cell below: it makes a zip "
        "file to hand in.",
        "完成后先保存（Ctrl+S），再运行下面的单元格：它会生成一个要提交的 zip 文件。"),
    "build.answer_placeholder": (
        "_Type your answer here, replacing this text._",
        "_请在这里写下你的答案（替换这段文字）。_"),
    "build.submission_cell": (
        "## Submission\n\nRun every cell in order first, so that all charts appear. Then **save the notebook "
        "(Ctrl+S)** and run the cell below: it makes a zip file to hand in.",
        "## 提交作业\n\n先从头到尾按顺序运行全部单元格，让所有图表都显示出来。然后**保存笔记本（Ctrl+S）**，"
        "再运行下面的单元格：它会生成一个要提交的 zip 文件。"),
    "build.english_only": ("{name}: no markdown cell is tagged en/zh, so only the English edition is built",
                           "{name}：没有标注 en/zh 的 Markdown 单元格，只生成英文版"),
    "lint.untagged_markdown": (
        "markdown cell without a language tag: in a bilingual master every markdown cell is tagged "
        "`en` or `zh`",
        "Markdown 单元格没有语言标签：双语母版里每个 Markdown 单元格都要标 `en` 或 `zh`"),
    "lint.unpaired_en": ("`en` cell not followed by its `zh` twin", "`en` 单元格后面没有紧跟对应的 `zh` 单元格"),
    "lint.unpaired_zh": ("`zh` cell not right after an `en` cell", "`zh` 单元格前面不是对应的 `en` 单元格"),
    "lint.tagged_code": ("{kind} cell tagged `{tag}`: code and raw cells exist once, untagged",
                         "{kind} 单元格标了 `{tag}`：代码和 raw 单元格只写一次，不加语言标签"),
    "lint.zh_not_chinese": ("`zh` cell whose prose is only {share:.0f} % Chinese (at least {minimum:.0f} % expected)",
                            "`zh` 单元格的正文只有 {share:.0f}% 是中文（至少应为 {minimum:.0f}%）"),
    "lint.both_tags": ("cell tagged both `en` and `zh`", "单元格同时标了 `en` 和 `zh`"),
    # --- fonts ----------------------------------------------------------------------------
    "font.missing": (
        "No font with Chinese characters is installed, so Chinese plot labels would show as "
        "empty boxes. Install one, then restart the kernel: Debian/Ubuntu `sudo apt-get install "
        "fonts-noto-cjk`; conda `conda install -c conda-forge font-ttf-noto-cjk`; Windows and "
        "macOS already have one (Microsoft YaHei, PingFang SC).",
        "没有安装含中文字符的字体，图中的中文标签会显示成方框。请安装一种字体后重启内核："
        "Debian/Ubuntu 运行 `sudo apt-get install fonts-noto-cjk`；conda 运行 `conda install -c "
        "conda-forge font-ttf-noto-cjk`；Windows 和 macOS 已自带（微软雅黑、苹方）。"),
    # --- course terms (glossary) ----------------------------------------------------------
    "term.key_account": ("key account", "大客户"),
    "term.key_account_management": ("key account management", "大客户管理"),
    "term.core_customer": ("core customer", "核心客户"),
    "term.pseudo_key_account": ("pseudo key account", "伪大客户"),
    "term.customer_pyramid": ("customer pyramid", "客户金字塔"),
    "term.pareto_rule": ("Pareto (80/20) rule", "帕累托法则（二八法则）"),
    "term.value_scorecard": ("customer value scorecard", "客户价值计分卡"),
    "term.single_indicator": ("single indicator", "单一指标"),
    "term.customer_share": ("customer share", "客户占有率"),
    "term.share_of_wallet": ("share of wallet", "钱包份额"),
    "term.potential_value": ("potential value", "潜力价值"),
    "term.cost_to_serve": ("cost to serve", "服务成本"),
    "term.buying_centre": ("buying centre", "采购中心"),
    "term.decider": ("decider (the one who signs)", "拍板的人"),
    "term.defection": ("defection", "叛离（跳槽）"),
    "term.order_line": ("order line", "订单行"),
    "term.account": ("account (business customer)", "客户"),
    "term.exercise": ("exercise", "练习"),
    "term.check": ("check", "检查"),
    "term.hint": ("hint", "提示"),
    "term.widget": ("interactive explorer (widget)", "交互控件"),
    "term.solution": ("worked solution", "参考答案"),
    "term.revenue": ("revenue", "收入"),
    "term.discount": ("discount", "折扣"),
    "term.gross_profit": ("gross profit", "毛利"),
}
