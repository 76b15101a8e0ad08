"""Messages of notebook 01: plot labels, explorer summaries, exercise feedback."""

MESSAGES = {
}
