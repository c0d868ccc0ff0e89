"""Long-term support: the networks and mentoring directory, the working group's events and its solutions register (one YAML file per entry), and the country cards."""
