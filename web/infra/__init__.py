"""The app's infrastructure: the request transaction, the database and its change feed,
mail, caches, configuration, catalogs, signed links, addresses, error pages and
the checks and headers on every request. No rules of the field live here."""
