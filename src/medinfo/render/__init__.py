"""Model to Markdown: the generated pages, the tracker and the risk pictures."""
