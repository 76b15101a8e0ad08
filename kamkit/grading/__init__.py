"""Grading a class: ``kamkit grade`` (every submission in a sandbox) and its outputs.

- :mod:`~kamkit.grading.run` — the command's entry point :func:`grade`;
- :mod:`~kamkit.grading.submissions` — which files, whose, which module, which language;
- :mod:`~kamkit.grading.sandbox` — bubblewrap and the limits; :mod:`~kamkit.grading.kernel`
  runs inside it, with :mod:`~kamkit.grading.stub_otter` as its ``otter``;
- :mod:`~kamkit.grading.answers` — answers out of the sandbox as checked JSON;
- :mod:`~kamkit.grading.checker` — the grader's check process (otter's tests from the zip);
- :mod:`~kamkit.grading.worker` — one submission, and the whole class in parallel;
- :mod:`~kamkit.grading.gradebook` — gradebook.csv, feedback/, grading.log, results.json.
"""

from .run import DEFAULT_AUTOGRADERS, GradeError, grade
from .submissions import Submission, student_of

__all__ = ["DEFAULT_AUTOGRADERS", "GradeError", "Submission", "grade", "student_of"]
