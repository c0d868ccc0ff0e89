"""The content model: paths, languages, the schema kinds, the case schema, themes, topics, countries, strings and reading files."""
