"""careerlens: Ontario's integrated employment services, with careers at the centre."""

__version__ = "0.1.0"
