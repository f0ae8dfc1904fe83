"""careerlens analytics: pure functions over Arrow/Parquet/NumPy. No Django here (an import contract
checks it), so the engines run on snapshots anywhere, and on other engines when a province outgrows one
machine."""
