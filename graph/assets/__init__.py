"""The page template, its CSS and JavaScript, as package data (read through graph.resources)."""
