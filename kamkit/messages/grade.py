"""Messages of instructor tools: grading a class (kamkit grade) and checking masters (kamkit lint)."""

MESSAGES = {
}
