"""Messages of module 03, making contact with key accounts (与大客户建立联系): errors, plot labels, explorer summaries, notebook feedback."""

MESSAGES = {
}
