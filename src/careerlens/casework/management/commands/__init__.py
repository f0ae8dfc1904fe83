"""``careerlens import-cases``."""
