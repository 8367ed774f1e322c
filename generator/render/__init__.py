"""Render stage: views → Markdown pages through the Jinja templates in templates/, and the
navigation.
"""
