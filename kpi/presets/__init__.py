"""Scheme presets: the three schemes sales heads describe most, as TOML files shipped with the package.

- ``flat_percent``: one rate on all revenue.
- ``by_attainment``: a rate by plan attainment on the whole revenue, with a
  super bonus from 150 %.
- ``personal_department``: the personal rate by personal attainment, times a
  factor by the department's attainment.
"""

from importlib import resources

from kpi.scheme import Scheme
from kpi.scheme_toml import load_scheme

PRESET_NAMES = ("flat_percent", "by_attainment", "personal_department")


def preset_text(name: str) -> str:
    """Return the TOML text of preset ``name``; raise KeyError naming the presets for an unknown one."""
    if name not in PRESET_NAMES:
        raise KeyError(f"no preset {name!r}; presets: {', '.join(PRESET_NAMES)}")
    return resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")


def load_preset(name: str) -> Scheme:
    """Return preset ``name`` loaded and validated like any scheme file."""
    return load_scheme(preset_text(name))
