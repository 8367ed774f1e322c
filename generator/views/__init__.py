"""Views: what each page family shows, precomputed from the model (pure); one module per page
family.
"""
