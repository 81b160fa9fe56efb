"""Passes that add marks to recognised blocks: note references, citations and their links."""
