"""errors.str_argument: the same check and message through either wrapper."""

from __future__ import annotations

import functools
import inspect

import pytest

from newsparse.errors import str_argument


def _upper(text: str, end: str = "!", *, times: int = 1) -> str:
    return (text.upper() + end) * times


def test_a_python_function_keeps_its_signature_and_calls() -> None:
    f = str_argument("text")(_upper)
    assert inspect.signature(f) == inspect.signature(_upper)
    assert f.__name__ == "_upper"
    assert f.__wrapped__ is _upper  # type: ignore[attr-defined]
    assert f("a") == "A!"
    assert f("a", "?", times=2) == "A?A?"
    assert f(text="b", end="") == "B"
    with pytest.raises(TypeError, match=r"^_upper\(\) argument 'text' must be str, not bytes$"):
        f(b"a")
    with pytest.raises(TypeError, match=r"^_upper\(\) argument 'text' must be str, not int$"):
        f(text=3)


def test_the_argument_is_checked_before_a_missing_one() -> None:
    def pair(text: str, pos: int) -> tuple[str, int]:
        return text, pos

    f = str_argument("text")(pair)
    assert f("a", 2) == ("a", 2)
    assert f("a", pos=3) == ("a", 3)
    with pytest.raises(TypeError, match="argument 'text' must be str, not NoneType"):
        f(None)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"pair\(\) missing 1 required positional argument: 'pos'$"):
        f("a")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'text'"):
        f(pos=1)  # type: ignore[call-arg]


def test_a_callable_without_code_gets_the_generic_wrapper() -> None:
    # (a compiled function has no code object either)
    part = functools.partial(_upper, end="?")
    part.__name__ = "part"  # type: ignore[attr-defined]
    f = str_argument("text")(part)
    assert f("a") == "A?"
    assert f(text="b") == "B?"
    with pytest.raises(TypeError, match=r"^part\(\) argument 'text' must be str, not bytes$"):
        f(b"a")
    with pytest.raises(TypeError, match=r"^part\(\) argument 'text' must be str, not list$"):
        f(text=[])
