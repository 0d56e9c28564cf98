"""The exceptions newsparse raises.

Every exception derives from [`NewsparseError`][newsparse.NewsparseError], itself a
``ValueError``, so ``except ValueError`` keeps working for callers that
do not care which rule failed::

    NewsparseError (ValueError)
    ├── NumberError          a string that is not a numeral (parse_number)
    ├── DecodeError          bytes that fit none of the supported encodings
    ├── InputNotFoundError   a file, folder or glob that names no page (batch, CLI)
    ├── InputTooLargeError   input beyond the configured size limit
    ├── SchemaError          JSON that is not a page (Page.from_dict)
    └── MissingExtraError    an optional feature whose extra is not installed (also ImportError)

[`newsparse.parse_page()`][newsparse.parse_page] never raises on a ``str``: only the narrow
functions (``parse_number``, ``parse_file``, ...) raise, and a non-``str``
argument raises ``TypeError``.

>>> issubclass(NumberError, ValueError)
True
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DecodeError",
    "InputNotFoundError",
    "InputTooLargeError",
    "MissingExtraError",
    "NewsparseError",
    "NumberError",
    "SchemaError",
    "str_argument",
    "unchecked",
]

_F = TypeVar("_F", bound="Callable[..., Any]")


class NewsparseError(ValueError):
    """Base class of every error newsparse raises on bad input.

    >>> str(NewsparseError("bad input"))
    'bad input'
    """


class NumberError(NewsparseError):
    """A string that is not a (Chinese, Arabic or mixed) numeral.

    ``text`` is the offending input and ``position`` the index of the first
    character that could not be read.

    >>> err = NumberError("not a numeral: 'abc'", text="abc", position=0)
    >>> (err.text, err.position)
    ('abc', 0)
    """

    def __init__(self, message: str, *, text: str = "", position: int = 0) -> None:
        super().__init__(message)
        self.text = text
        self.position = position


class DecodeError(NewsparseError):
    """Bytes of a file that decode in none of the supported encodings, or not in the forced one.

    ``encoding`` is the codec that was forced (``--encoding``), or ``None``
    after detection.

    >>> err = DecodeError("page.txt", 12)
    >>> print(err)
    cannot decode page.txt: byte offset 12 is not valid UTF-8, UTF-16 or GB18030
    >>> print(DecodeError("page.txt", 3, encoding="big5"))
    cannot decode page.txt: byte offset 3 is not valid big5
    """

    def __init__(self, path: str, offset: int, *, encoding: str | None = None) -> None:
        what = "UTF-8, UTF-16 or GB18030" if encoding is None else encoding
        super().__init__(f"cannot decode {path}: byte offset {offset} is not valid {what}")
        self.path = path
        self.offset = offset
        self.encoding = encoding


class InputTooLargeError(NewsparseError):
    """Input longer than the limit: ``max_chars`` of [`parse_page()`][newsparse.parse_page].

    The message says how to raise the limit: ``--max-chars`` on the command
    line, ``max_chars=`` in Python (``max_chars=None`` lifts it).

    >>> print(InputTooLargeError(20, 10))  # doctest: +ELLIPSIS
    input of 20 characters exceeds the limit of 10 characters (raise it with --max-chars N, ...)
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input of {size} characters exceeds the limit of {limit} characters "
            "(raise it with --max-chars N, or max_chars=N in Python)"
        )
        self.size = size
        self.limit = limit


class InputNotFoundError(NewsparseError):
    """An input that names no page: a missing file, a folder without pages, a glob with no match.

    >>> print(InputNotFoundError("no/such.txt", "no such file or folder"))
    no/such.txt: no such file or folder
    """

    def __init__(self, path: str, reason: str) -> None:
        """Record the input ``path`` and what is wrong with it."""
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SchemaError(NewsparseError):
    """Data that ``newsparse.Page.from_dict()`` cannot read back as a page.

    >>> print(SchemaError("articles: expected a list"))
    not a newsparse page: articles: expected a list
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"not a newsparse page: {reason}")
        self.reason = reason


class MissingExtraError(NewsparseError, ImportError):
    """An optional feature used without its extra installed; the message says what to install.

    >>> err = MissingExtraError("pdf", "pypdfium2", "reading PDF files")
    >>> print(err)
    reading PDF files needs pypdfium2: pip install "newsparse[pdf]"
    >>> isinstance(err, ImportError), err.extra
    (True, 'pdf')
    """

    def __init__(self, extra: str, package: str, feature: str) -> None:
        super().__init__(f'{feature} needs {package}: pip install "newsparse[{extra}]"')
        self.extra = extra
        self.package = package
        self.feature = feature


def str_argument(name: str) -> Callable[[_F], _F]:
    """Check that the first argument, ``name``, of a public entry point is a ``str``.

    The check runs in plain Python before the function does (this module
    is never compiled), so that the pure-Python package and the compiled
    build raise the same ``TypeError``, naming the function and the
    argument: compiled code checks a declared ``str`` argument itself, with
    a message of its own, before the function's body could.

    The layout stages call these entry points on every line (about 200 calls
    a page), so the check is one more call at most: a plain Python function
    gets a wrapper of its own signature (``_exact_wrapper``), which passes
    its arguments on as they came, without packing them into ``*args`` and
    ``**kwargs``; a compiled one (no code object to read) a wrapper that
    passes positional arguments on without a dictionary.

    >>> @str_argument("text")
    ... def shout(text: str, end: str = "!") -> str:
    ...     return text.upper() + end
    >>> shout("hi"), shout(text="ho"), shout("hey", "?")
    ('HI!', 'HO!', 'HEY?')
    >>> shout(b"hi")
    Traceback (most recent call last):
    ...
    TypeError: shout() argument 'text' must be str, not bytes
    """

    def decorate(fn: _F) -> _F:
        where = f"{fn.__name__}() argument {name!r}"

        def fail(value: object) -> None:
            raise TypeError(f"{where} must be str, not {type(value).__name__}")

        checked = _exact_wrapper(fn, name, fail)
        if checked is None:

            def checked(*args: object, **kwargs: object) -> object:
                if args and not kwargs and args[0].__class__ is str:  # (most calls)
                    return fn(*args)
                value = args[0] if args else kwargs.get(name, "")  # absent: Python's own error
                if value.__class__ is not str and not isinstance(value, str):
                    fail(value)
                return fn(*args, **kwargs)

        return cast("_F", functools.wraps(fn)(checked))

    return decorate


def unchecked(fn: _F) -> _F:
    """The function ``str_argument`` wrapped, without its argument check.

    For the stages that call an entry point on every line of a page, whose
    text is a ``str`` by construction: the check costs a call each time.
    Anything not wrapped comes back as it is.

    >>> @str_argument("text")
    ... def shout(text: str) -> str:
    ...     return text.upper()
    >>> unchecked(shout)("hi"), unchecked(shout) is shout, unchecked(len) is len
    ('HI', False, True)
    """
    return cast("_F", getattr(fn, "__wrapped__", fn))


# names the generated wrapper binds itself, which a parameter must not shadow
_WRAPPER_NAMES = frozenset(("_fn", "_fail", "_d", "_k", "_m", "_short", "str", "isinstance"))
_CO_VARARGS, _CO_VARKEYWORDS = 0x04, 0x08
_MISSING: Any = object()  # the default the wrapper gives a required argument after the first


def _call_short(fn: Callable[..., Any], arguments: dict[str, object]) -> Any:  # noqa: ANN401 - what fn returns
    """Call ``fn`` with the arguments given, a required one left out: Python's own error."""
    return fn(**{k: v for k, v in arguments.items() if v is not _MISSING})


def _exact_wrapper(
    fn: Callable[..., Any], name: str, fail: Callable[[object], None]
) -> Callable[..., Any] | None:
    """A wrapper with ``fn``'s own parameters that checks ``name`` and calls ``fn``.

    ``None`` when ``fn`` has no code object (a compiled function), takes
    ``*args``, ``**kwargs`` or positional-only arguments, or does not take
    ``name`` first. The first argument is checked even when another one is
    missing (the wrapper gives each required argument after it a marker
    default), then ``fn`` raises Python's own message for the missing one.

    >>> def f(a, b=2, *, c=3): return a, b, c
    >>> g = _exact_wrapper(f, "a", print)
    >>> g("x"), g("x", 5, c=6), g(a="y")
    (('x', 2, 3), ('x', 5, 6), ('y', 2, 3))
    >>> _exact_wrapper(len, "obj", print) is None
    True
    >>> g("x", c=1, b=None)
    ('x', None, 1)
    """
    code = getattr(fn, "__code__", None)
    if code is None or code.co_flags & (_CO_VARARGS | _CO_VARKEYWORDS) or code.co_posonlyargcount:
        return None
    nargs, nkw = code.co_argcount, code.co_kwonlyargcount
    names = code.co_varnames[: nargs + nkw]
    if not names or names[0] != name or _WRAPPER_NAMES.intersection(names):
        return None
    defaults: tuple[object, ...] = getattr(fn, "__defaults__", None) or ()
    kwdefaults: dict[str, object] = getattr(fn, "__kwdefaults__", None) or {}
    params, passed, required = _wrapper_params(names, nargs, len(defaults), kwdefaults)
    short = " or ".join(f"{param} is _m" for param in required)
    source = (
        f"def {fn.__name__}({', '.join(params)}):\n"
        f"    if {name}.__class__ is not str and not isinstance({name}, str):\n"
        f"        _fail({name})\n"
        + (f"    if {short}:\n        return _short(_fn, locals())\n" if short else "")
        + f"    return _fn({', '.join(passed)})\n"
    )
    namespace: dict[str, Any] = {
        "_fn": fn,
        "_fail": fail,
        "_d": defaults,
        "_k": kwdefaults,
        "_m": _MISSING,
        "_short": _call_short,
    }
    exec(compile(source, f"<str_argument {fn.__name__}>", "exec"), namespace)  # noqa: S102 - our own code, as attrs writes __init__
    wrapper: Callable[..., Any] = namespace[fn.__name__]
    return wrapper


def _wrapper_params(
    names: tuple[str, ...], nargs: int, ndefaults: int, kwdefaults: dict[str, object]
) -> tuple[list[str], list[str], list[str]]:
    """The generated wrapper's parameters, the arguments it passes on, its required ones.

    >>> params, passed, required = _wrapper_params(("text", "pos", "end", "flag"), 3, 1, {})
    >>> params
    ['text', 'pos=_m', 'end=_d[0]', '*', 'flag=_m']
    >>> passed, required
    (['text', 'pos', 'end', 'flag=flag'], ['pos', 'flag'])
    """
    params, passed, required = [names[0]], [names[0]], []
    first_default = nargs - ndefaults
    for i, param in enumerate(names[1:nargs], 1):
        if i >= first_default:
            params.append(f"{param}=_d[{i - first_default}]")
        else:
            params.append(f"{param}=_m")
            required.append(param)
        passed.append(param)
    if len(names) > nargs:
        params.append("*")
    for param in names[nargs:]:
        params.append(f"{param}=_k[{param!r}]" if param in kwdefaults else f"{param}=_m")
        if param not in kwdefaults:
            required.append(param)
        passed.append(f"{param}={param}")
    return params, passed, required
