"""Messages of module 02, the value of key accounts (大客户管理的应用价值): errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
}
