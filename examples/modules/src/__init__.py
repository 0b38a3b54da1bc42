"""A lending library split into modules: the package that holds them."""
