"""The recognition rules, one module each; chains.py puts them in order."""
