"""Open-data exports: JSON, CSV, XLSX, JSON Schemas and the DCAT catalogue, as deterministic
bytes.
"""
