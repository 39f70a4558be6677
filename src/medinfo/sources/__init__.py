"""Watching the sources: has the text of a page the site cites changed since it was reread?"""
