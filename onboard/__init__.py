"""Onboard: from a product catalogue to marketplace-ready listings in many countries, offline."""

__version__ = "0.1.0"
