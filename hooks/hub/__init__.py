"""The knowledge hub's core: content schema, validation and page generation.

Plain Python with PyYAML and no MkDocs import, so that scripts/check, pytest
and the thin MkDocs adapter in hooks/site.py all call the same functions, and
a later move to another static-site engine keeps all of it.
"""
