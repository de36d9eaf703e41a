"""Progress bars for long management commands (demo content, imports, bench data).

A command passes its `--verbosity` to `progress_verbosity()`; at 0 every progress bar drawn
inside (including those of the helpers it calls) stays hidden.
"""

import sys
from contextlib import contextmanager
from contextvars import ContextVar

from tqdm import tqdm

_hidden = ContextVar("progress_hidden", default=False)


@contextmanager
def progress_verbosity(verbosity):
    """Hide the progress bars drawn within the block when `verbosity` is 0."""
    token = _hidden.set(_hidden.get() or int(verbosity) < 1)
    try:
        yield
    finally:
        _hidden.reset(token)


def progress(iterable, *, description, total=None, stream=None):
    """Wrap an iterable with a progress bar written to the command's error stream."""
    return tqdm(
        iterable,
        desc=description,
        total=total,
        file=stream or sys.stderr,
        unit="item",
        dynamic_ncols=True,
        mininterval=0.5,
        disable=_hidden.get(),
    )
