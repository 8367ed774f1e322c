"""Derive stage: computed figures of a validated strategy (priorities, counts, the Auswertung);
pure.
"""
