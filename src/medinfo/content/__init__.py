"""Facts in: the editors' YAML files read, validated and turned into the content model."""
