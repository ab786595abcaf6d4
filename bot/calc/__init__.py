"""`salesboard calc` and `salesboard template`: payroll from the team's workbook, without the bot.

Reading the workbook (``workbook``), turning it into kpi inputs (``data``), writing the result
(``output``) and the empty template (``template``) are separate steps; ``command`` wires them to
the command line.
"""
