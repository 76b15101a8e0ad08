"""The IPython kernel that runs one submission while ``kamkit grade`` grades it.

``kamkit grade`` starts this module (through a kernelspec it writes in a scratch folder)
instead of the plain ``ipykernel_launcher``. Before any student code runs it

- deletes the full copy of the submission that otter read (the kernel's folder keeps only an
  empty stub with the same name and otter metadata, which ``otter.Notebook(...)`` opens), so
  no other submission is on disk while this one runs;
- sets the memory limit (``RLIMIT_AS``, in MB) on Linux and macOS; Windows has no such limit;
- then starts ipykernel as ``python -m ipykernel_launcher`` would.

The settings come in environment variables that are removed before the kernel starts.
"""

from __future__ import annotations

import os

MEMORY_VAR = "KAMKIT_GRADE_MEMORY_MB"
DISCARD_VAR = "KAMKIT_GRADE_DISCARD"


def limit_memory(megabytes: int) -> bool:
    """Limit this process's address space to ``megabytes``; False where the OS cannot."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    limit = int(megabytes) * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):  # macOS refuses some values
        return False
    return True


def main() -> None:
    memory = os.environ.pop(MEMORY_VAR, "")
    discard = os.environ.pop(DISCARD_VAR, "")
    if discard:
        try:
            os.remove(discard)
        except OSError:
            pass
    if memory and int(memory) > 0:
        limit_memory(int(memory))
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
