"""Messages of module 04, what key accounts expect of service (大客户对服务的期待): errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
}
