"""History stage: earlier states of the strategy from Git, their differences, and those put
into words.
"""
