"""Messages of the real-ledger loader (UCI Online Retail): cleaning report, download."""

MESSAGES = {
}
