"""Is each page plain, safe and current? The checks shared by `medinfo check` and the build."""
