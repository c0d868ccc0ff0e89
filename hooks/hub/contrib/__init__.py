"""Contributor tools written from the schemas: the guide's tables, checklists, issue forms, pull-request templates, scaffolds, case-from-issue, the JSON Schemas."""
