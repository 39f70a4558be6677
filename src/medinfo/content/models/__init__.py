"""The content models, one module per kind of file; ``medinfo.content.schema`` lists them all."""
