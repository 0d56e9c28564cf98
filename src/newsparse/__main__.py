"""The ``newsparse`` command and ``python -m newsparse``: safe from the first moment.

``main()`` takes over SIGINT and SIGTERM before it loads the parsers
(about half a second of imports), then runs
[`newsparse.cli.main()`][newsparse.cli.main]. A Ctrl-C or a SIGTERM while the
command loads is handled as one during the run: the single line
``newsparse: interrupted`` on stderr and exit status 130, never a
traceback; signals after it are ignored while the process exits. A signal
whose exception Python swallows, because it landed in a weak reference's
callback or a finalizer (the import system runs one as each module lock is
freed), is still an interrupt: the command stops once the loading returns.
Only the interpreter's own start-up, before this module runs, is left to
Python's default behaviour.

>>> EXIT_INTERRUPTED
130
"""

from __future__ import annotations

import signal
import sys

from newsparse._chain import raised_from

TYPE_CHECKING = False  # not typing's: this module must load in a moment
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

EXIT_INTERRUPTED = 130
"""The status of an interrupted command (``newsparse.cli.EXIT_INTERRUPTED``, which loads later)."""

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _Interrupted(BaseException):
    """A signal arrived while the command was loading."""


_caught: list[int] = []
"""The signal that reached ``_interrupted``, kept in case its exception is swallowed."""


def _interrupted(signum: int, frame: FrameType | None) -> None:
    del frame
    for sig in _SIGNALS:  # the first one stops the command; the others must not break its exit
        signal.signal(sig, signal.SIG_IGN)
    _caught.append(signum)
    raise _Interrupted


def _quiet_interrupts(hook: Callable[[sys.UnraisableHookArgs], object]) -> Callable[..., None]:
    """``hook`` for every unraisable exception but the loading's interrupt, which it drops.

    Python cannot raise what a weak reference's callback or a finalizer
    raises: it hands it to ``sys.unraisablehook``, which prints a traceback,
    and goes on. ``main`` instead stops at its next check of ``_caught``.

    >>> seen = []
    >>> quiet = _quiet_interrupts(seen.append)
    >>> class Args:
    ...     exc_value = _Interrupted()
    >>> quiet(Args()), seen
    (None, [])
    """

    def unraisable(args: sys.UnraisableHookArgs) -> None:
        if not isinstance(args.exc_value, _Interrupted):
            hook(args)

    return unraisable


def _stop_if_caught() -> None:
    """Raise the interrupt whose exception was swallowed (``_quiet_interrupts``), if one was."""
    if _caught:
        raise _Interrupted


def main() -> int:
    """Run the command with ``sys.argv``; return its status (130 if interrupted while loading).

    >>> import subprocess, sys
    >>> done = subprocess.run([sys.executable, "-m", "newsparse", "--version"],
    ...                       capture_output=True, text=True)
    >>> done.returncode, done.stdout.split()[0]
    (0, 'newsparse')
    """
    _caught.clear()
    for sig in _SIGNALS:
        signal.signal(sig, _interrupted)
    hook = sys.unraisablehook
    sys.unraisablehook = _quiet_interrupts(hook)
    try:
        from newsparse.cli import main as run  # noqa: PLC0415 - loaded once signals are handled

        _stop_if_caught()
        status = run()
        # Done: a signal from now on ends the process as it would any other. Until both
        # handlers are reset, one still lands in this ``try`` (never as a traceback).
        for sig in _SIGNALS:
            if signal.getsignal(sig) is _interrupted:
                signal.signal(sig, signal.SIG_DFL)
        _stop_if_caught()
    except BaseException as exc:
        if not raised_from(exc, _Interrupted):
            raise
        try:
            sys.stderr.write("newsparse: interrupted\n")
            sys.stderr.flush()
        except OSError:  # stderr is gone: the status says it
            pass
        return EXIT_INTERRUPTED
    finally:
        sys.unraisablehook = hook
    return status


if __name__ == "__main__":
    raise SystemExit(main())
