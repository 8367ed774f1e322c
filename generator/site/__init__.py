"""Site stage: generate, write, build with MkDocs, serve, publish with mike; the MkDocs hook."""
