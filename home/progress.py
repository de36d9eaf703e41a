"""Progress bars for long management commands (demo content, imports, bench data)."""

import sys

from tqdm import tqdm


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
    )
