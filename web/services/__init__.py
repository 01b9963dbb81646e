"""Use cases the routes and commands call. They flush; the edge (route, command) commits.
They never import Flask request globals: the caller passes the acting user in."""
