"""Importing an action plan kept as a spreadsheet (.xlsx, .csv, .tsv) into `data/`.

The stages, one module each: `read_file` (what the file is) → `xlsx_grid` / `text_grid`
(cells with references and fills) → `layout` (goal headings, header rows via `header`, theme
and measure rows, the legend) → `build` (measure data, with `schedule_cells` and `titles`) →
`merge` (into the YAML files, round trip, once `site_data` has found them valid) → `summary`.
`command` runs them for the CLI.
"""
