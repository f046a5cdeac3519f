"""Data in and out for the doctor: CSV export and import, the Excel workbook, the column
dictionary, the PDF report.

Headless: nothing here imports Textual. One job per module:
- `cells`: the cell rules both directions share (formula neutralising, number format, lists);
- `csv_export`: the daily, pain and exercise tables, streamed to any text stream;
- `csv_import`: a pain or exercise CSV back into the store, validated, in one transaction;
- `xlsx_export`: every table and the dictionary in one Excel workbook, typed cells (openpyxl
  loads only there);
- `dictionary`: what each column means, its unit and the standard it follows (data, one place);
- `report_data`: the report's numbers, from tracker.analysis (no PDF code);
- `report`, `report_chart`: the printable PDF and its two charts (fpdf2 loads only there).
"""
