"""``python -m newsparse``: the ``newsparse`` command (see [`newsparse.cli`][newsparse.cli])."""

from __future__ import annotations

from newsparse.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
