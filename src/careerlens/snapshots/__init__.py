"""The analytics snapshot of the operational database: ``careerlens export`` writes it as Parquet tables
laid out as the simulator writes them (docs/synth-schema.md), for the engines and dashboards."""
