"""The knowledge hub's core: the content model, its checks, and the site as a value.

Plain Python with no MkDocs import: scripts/check, pytest and the thin MkDocs
adapter in hooks/site.py call the same functions, and a later move to another
static-site engine keeps all of it. The parts, one folder each, and the route
of a case from its file to its page are in hooks/hub/README.md.
"""
