"""Messages of module 05, why key accounts defect (大客户"跳槽"的原因及应对策略): errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
}
