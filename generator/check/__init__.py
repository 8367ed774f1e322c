"""Check stage: strategy/**/*.yml → strict YAML → shape per file → cross-checks → the typed
`Strategy`, with every problem.
"""
