"""Plain-Python core: sourced YAML facts -> validated model -> plain-language Markdown.

Nothing in this package imports MkDocs or names a particular medicine; the hook
files beside it (``hooks/*.py``) are the only MkDocs-aware code.
"""
