"""Revision scripts of the offline store (a package only so that they ship in the wheel)."""
