"""`floorapp config show|set|unset|set-secret|set-user-key|unset-user-key`: every declared setting, validated;
the Odoo secret and the floor users' Odoo API keys in the keyring."""

from __future__ import annotations

import argparse
import difflib
import getpass
import json
import os
import sys
from typing import Any

from floorapp.bootstrap import load_settings, start_cli
from floorapp.errors import ConfigError
from floorapp.settings import SETTINGS, SPECS, Settings, SettingSpec, SettingValue
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

# Names people try for the secret; the answer points them to the keyring instead of "unknown setting".
_SECRET_LIKE = ("password", "passwd", "api_key", "apikey", "key", "secret", "token")


def register(subparsers: Any) -> None:
    """Add the ``config`` command and its actions."""
    parser = subparsers.add_parser(
        "config",
        help="Show or change settings.",
        description=(
            "Show or change this instance's settings (TOML under its config dir). The Odoo password or API key "
            "is never a setting: it lives in the OS keyring (set-secret) or FLOORAPP_ODOO_KEY."
        ),
    )
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION")
    parser.set_defaults(func=lambda args: _usage(parser))

    show = actions.add_parser("show", help="List every setting: value, default, source and description.")
    show.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    show.set_defaults(func=run_show)

    set_ = actions.add_parser("set", help="Validate and save one setting.",
                              description="Validate VALUE for KEY and save it to the settings file.")
    set_.add_argument("key", metavar="KEY", help="Dotted setting name, e.g. odoo.url (see `config show`).")
    set_.add_argument("value", metavar="VALUE", help="The new value (true/false for switches).")
    set_.set_defaults(func=run_set)

    unset = actions.add_parser("unset", help="Remove a setting from the file so its default applies again.")
    unset.add_argument("key", metavar="KEY")
    unset.set_defaults(func=run_unset)

    secret = actions.add_parser(
        "set-secret",
        help="Store the Odoo password or API key in the OS keyring.",
        description="Store the Odoo password or API key in the OS keyring, read from a hidden prompt or stdin.",
    )
    secret.add_argument("--stdin", action="store_true", help="Read the secret from the first line of stdin.")
    secret.set_defaults(func=run_set_secret)

    user_key = actions.add_parser(
        "set-user-key",
        help="Store a floor user's own Odoo API key in the OS keyring (their transactions are done as them).",
        description="Store the Odoo API key of the floor user whose Odoo login is LOGIN in the OS keyring, read "
        "from a hidden prompt or stdin. Their synced transactions are then done in Odoo as that user; without a "
        "key (or when Odoo refuses it) the integration user does them with the floor user's name recorded.",
    )
    user_key.add_argument("login", metavar="LOGIN", help="The floor user's Odoo login.")
    user_key.add_argument("--stdin", action="store_true", help="Read the key from the first line of stdin.")
    user_key.set_defaults(func=run_set_user_key)

    unset_user_key = actions.add_parser(
        "unset-user-key", help="Remove a floor user's Odoo API key from the OS keyring.",
        description="Remove the floor user's Odoo API key: their transactions go as the integration user again.",
    )
    unset_user_key.add_argument("login", metavar="LOGIN", help="The floor user's Odoo login.")
    unset_user_key.set_defaults(func=run_unset_user_key)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _source(spec: SettingSpec, in_file: dict[str, SettingValue]) -> str:
    if spec.env and os.environ.get(spec.env):
        return f"env {spec.env}"
    if spec.name in in_file:
        return "file"
    return "default"


def run_show(args: argparse.Namespace) -> int:
    """Print every declared setting with its effective value."""
    paths, _ = start_cli(args)
    settings = load_settings(paths)
    in_file = Settings.load(paths.config_file, environ={}).explicit()
    rows = [
        {
            "name": spec.name,
            "value": value,
            "default": spec.default,
            "type": spec.type.__name__,
            "source": _source(spec, in_file),
            "description": spec.description,
            "choices": list(spec.choices),
            "env": spec.env,
        }
        for spec, value in settings.items()
    ]
    secret_note = "the Odoo password or API key is kept in the OS keyring (or FLOORAPP_ODOO_KEY) and never shown"
    if args.json:
        print(json.dumps({"config_file": str(paths.config_file), "settings": rows, "secret": secret_note},
                         indent=2, ensure_ascii=False))
        return 0
    print(f"# {paths.config_file}")
    for row in rows:
        marks = [] if row["source"] == "default" else [str(row["source"])]
        if row["value"] != row["default"]:
            marks.append(f"default {_toml(row['default'])}")
        suffix = f"   ({'; '.join(marks)})" if marks else ""
        print(f"{row['name']} = {_toml(row['value'])}{suffix}")
        print(f"    {row['description']}")
    print(f"# {secret_note}")
    return 0


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _check_key(key: str) -> None:
    if key in SPECS:
        return
    leaf = key.rsplit(".", 1)[-1].lower()
    if any(word in leaf for word in _SECRET_LIKE):
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Settings", "{key} is not a setting: the Odoo password or API key is kept in the OS "
                                          "keyring. Store it with `floorapp config set-secret` (or set "
                                          "FLOORAPP_ODOO_KEY for one run)."),
            key=repr(key)))
    close = difflib.get_close_matches(key, [s.name for s in SETTINGS], n=3, cutoff=0.75)
    if close:
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Settings", "Unknown setting {key}. Did you mean {close}? See `floorapp config show`."),
            key=repr(key), close=" or ".join(close)))
    raise ConfigError(user_text(QT_TRANSLATE_NOOP("Settings", "Unknown setting {key}. See `floorapp config show`."),
                                key=repr(key)))


def run_set(args: argparse.Namespace) -> int:
    """Validate and save one value (only file values are written: environment overrides stay out of the file)."""
    paths, _ = start_cli(args)
    _check_key(args.key)
    settings = Settings.load(paths.config_file, environ={})
    value = settings.set(args.key, args.value)
    settings.save()
    print(f"{args.key} = {_toml(value)}   (saved to {paths.config_file})")
    spec = SPECS[args.key]
    if spec.env and os.environ.get(spec.env):
        print(f"note: {spec.env} is set and overrides this value while it is.", file=sys.stderr)
    return 0


def run_unset(args: argparse.Namespace) -> int:
    """Drop one value from the file."""
    paths, _ = start_cli(args)
    _check_key(args.key)
    current = Settings.load(paths.config_file, environ={}).explicit()
    current.pop(args.key, None)
    fresh = Settings(path=paths.config_file)
    for name, value in current.items():
        fresh.set(name, value)
    fresh.save()
    print(f"{args.key} = {_toml(SPECS[args.key].default)}   (default)")
    return 0


def run_set_secret(args: argparse.Namespace) -> int:
    """Read the secret without echo and store it in the keyring; it is never printed or logged."""
    from floorapp.secrets import set_odoo_secret

    paths, _ = start_cli(args)
    settings = load_settings(paths)
    secret = sys.stdin.readline().rstrip("\r\n") if args.stdin else getpass.getpass("Odoo password or API key: ")
    set_odoo_secret(settings, secret)
    print("Stored in the OS keyring.")
    return 0


def run_set_user_key(args: argparse.Namespace) -> int:
    """Read a floor user's API key without echo and store it in the keyring; it is never printed or logged."""
    from floorapp.secrets import set_user_key

    paths, _ = start_cli(args)
    settings = load_settings(paths)
    prompt = f"Odoo API key of {args.login}: "
    key = sys.stdin.readline().rstrip("\r\n") if args.stdin else getpass.getpass(prompt)
    set_user_key(settings, args.login, key)
    print(f"Stored in the OS keyring: transactions of {args.login} will be done in Odoo as {args.login}.")
    return 0


def run_unset_user_key(args: argparse.Namespace) -> int:
    """Remove a floor user's API key from the keyring."""
    from floorapp.secrets import delete_user_key

    paths, _ = start_cli(args)
    settings = load_settings(paths)
    if delete_user_key(settings, args.login):
        print(f"Removed: transactions of {args.login} will be done as the integration user, with their name noted.")
    else:
        print(f"No API key was stored for {args.login}.")
    return 0
