"""Editing aids for editors: text-preserving YAML edits, the workbook import, new entries
(scaffold).
"""
