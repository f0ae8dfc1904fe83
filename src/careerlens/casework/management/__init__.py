"""Management commands of the casework app."""
