"""Editors' commands: the review report, the JSON Schemas for their editors, and friends."""
