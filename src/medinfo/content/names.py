"""Where each content file lives: the one place their names are written (the table of content
files in ``files.py`` says what each holds)."""

from __future__ import annotations

CONTENT_FOLDER = "content_src"  # beside the site's configuration file
MEDICINE = "medicine.yaml"
SOURCES = "sources.yaml"
URGENT_HELP = "urgent-help.yaml"
GLOSSARY = "glossary.yaml"
MEDICAL_TERMS = "medical-terms.yaml"
FAQ = "faq.yaml"
COVERAGE = "coverage.yaml"
LEAFLET_MAP = "leaflet-map.yaml"
SCHEDULE = "monitoring-schedule.yaml"  # optional: without it, no monitoring tracker
TOPICS_DIR = "topics"  # one YAML file per topic page
SEEDS_DIR = "seeds"  # the seed documents coverage.yaml accounts for
LEAFLET_DIR = "leaflet"  # the package leaflet's text, which leaflet-map.yaml accounts for
