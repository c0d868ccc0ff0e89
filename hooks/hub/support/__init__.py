"""Long-term support: the networks and mentoring directory and the working group's events (one YAML file per entry)."""
