"""The interface language: Qt translators for FloorApp's own texts and Qt's standard ones, switchable at run time."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from floorapp.ui.assets import I18N_DIR

log = logging.getLogger("floorapp.ui.i18n")

CATALOG = "floorapp"
"""Translation files are ``floorapp_<locale>.qm`` (compiled from ``.ts`` with pyside6-lrelease)."""


class Translations(QObject):
    """Installs the translators of one language on the application and keeps them alive.

    Installing sends every widget a LanguageChange event; screens re-set their texts in ``retranslate``.
    """

    def __init__(self, app: QCoreApplication, directory: Path = I18N_DIR) -> None:
        super().__init__(app)
        self._app = app
        self._directory = directory
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, language: str) -> bool:
        """Switch to ``language`` (a locale name such as ``de_DE``; empty means the system's).

        Returns False when FloorApp has no translation for it; the interface then stays in English.
        """
        locale = QLocale(language) if language else QLocale.system()
        self.remove()
        own = QTranslator(self)
        found = own.load(locale, CATALOG, "_", str(self._directory))
        if found:
            self._app.installTranslator(own)
            self._installed.append(own)
            qt_own = QTranslator(self)
            if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._app.installTranslator(qt_own)
                self._installed.append(qt_own)
            self.language = locale.name()
        else:
            if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
                log.warning("no FloorApp translation for %s; the interface stays in English", locale.name())
            self.language = "en"
        return found

    def remove(self) -> None:
        """Uninstall this object's translators (the interface falls back to English)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.language = "en"


def available_languages(directory: Path = I18N_DIR) -> list[str]:
    """The locale names FloorApp ships a compiled translation for."""
    prefix = f"{CATALOG}_"
    return sorted(path.stem[len(prefix) :] for path in directory.glob(f"{prefix}*.qm"))
