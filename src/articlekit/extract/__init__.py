"""Extraction by concern: one module per field, pure functions over text or a tree."""
