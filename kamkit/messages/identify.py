"""Messages of module 01, who is a key account (谁是大客户): errors, labels, feedback."""

MESSAGES = {
}
