"""Where label templates live and how their ``{{kind:name}}`` placeholders are found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from floorapp.errors import ConfigError
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

#: ``assets/labels`` of the source tree; a packaged build passes its own folder to the languages.
DEFAULT_TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "assets" / "labels"

#: ``{{name}}`` is text; ``{{code128:name}}`` barcode data; ``{{gs1:name}}`` GS1 element pairs.
PLACEHOLDER = re.compile(r"\{\{(?:(?P<kind>[a-z0-9]+):)?(?P<name>[a-z_][a-z0-9_]*)\}\}")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One ``{{kind:name}}`` hole in a template."""

    kind: str
    name: str


def load_template(template_dir: Path, name: str, suffix: str) -> str:
    """The text of template ``name`` (``product``, ``lot`` ...) with ``suffix`` (``.zpl``, ``.escpos.json``)."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ConfigError(user_text(QT_TRANSLATE_NOOP("Printers", "'{name}' is not a label template name."), name=name))
    path = template_dir / f"{name}{suffix}"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(user_text(QT_TRANSLATE_NOOP("Printers", "There is no label template '{name}' ({file})."),
                                    name=name, file=path.name)) from exc


def template_names(template_dir: Path, suffix: str) -> list[str]:
    """Every template with ``suffix`` in ``template_dir``, sorted."""
    return sorted(p.name.removesuffix(suffix) for p in template_dir.glob(f"*{suffix}"))
