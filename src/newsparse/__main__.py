"""``python -m newsparse``: the ``newsparse`` command (see :mod:`newsparse.cli`)."""

from __future__ import annotations

from newsparse.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
