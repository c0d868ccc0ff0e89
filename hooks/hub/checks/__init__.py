"""Checks of a whole project (project.check) and the rules that need more than a schema: limits, characters, citations, sections, safe HTML, private details."""
