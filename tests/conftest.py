"""Hypothesis profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment variable.

- ``ci`` (the default): few examples, derandomized, so a CI run is fast and
  gives the same verdict every time;
- ``thorough``: many examples and a random seed, for the nox ``fuzz`` session
  and for hunting bugs locally (``HYPOTHESIS_PROFILE=thorough pytest``).

No deadline in either: the parser's time per example depends on the machine.
A test that sets ``max_examples`` in its own ``@settings`` keeps that number.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
