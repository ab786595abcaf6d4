"""`salesboard calc` and `salesboard template`: payroll from the team's workbook, without the bot.

Reading the workbook (``workbook``), turning it into kpi inputs (``data``), writing the result
(``output``) and writing the empty template (``template``) are separate modules. ``command``
wires them to the command line.
"""
